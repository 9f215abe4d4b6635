import { describe, expect, it } from 'vitest';
import { addExact, aggregate, applyContribution, contributionOf, decodeCells, emptyStats, encodeCells, RollupDictionary, summarize, type RollupSource } from '@/lib/analytics/rollup';
import { localDays } from '@/lib/analytics/days';

const review = (over: Partial<RollupSource> = {}): RollupSource => ({
  id: 'r1',
  revision: 1,
  status: 'submitted',
  kind: 'review',
  channel: 'email',
  reviewee: { id: 'a1', name: 'Alex' },
  reviewer: { id: 'me', name: 'Priya' },
  rubric: { id: 'mini', version: 1 },
  score: 80,
  autoFailed: false,
  answers: [
    { criterionId: 'tone', value: 3, na: false, score: 1 },
    { criterionId: 'safe', value: null, na: true, score: null },
  ],
  submittedAt: '2026-11-30T10:00:00.000Z',
  origin: 'local',
  ...over,
});
const dayOf = localDays('UTC');

describe('contributions and cells', () => {
  it('counts a submitted revision on its local day; drafts and revisions without a time count nowhere', () => {
    expect(contributionOf(review(), dayOf)).toMatchObject({ day: '2026-11-30', score: 80, criteria: [['tone', 1]] });
    expect(contributionOf(review({ status: 'draft' }), dayOf)).toBeNull();
    expect(contributionOf(review({ submittedAt: undefined }), dayOf)).toBeNull();
    expect(contributionOf(review({ submittedAt: 'yesterday' }), dayOf)).toBeNull();
  });

  it('adds and takes away exactly: sums come back to zero, and a double-double keeps what plain addition loses', () => {
    const stats = emptyStats();
    const dictionary = new RollupDictionary();
    const c = contributionOf(review({ score: 66.66666666666667 }), dayOf)!;
    applyContribution(stats, c, 1, (id) => dictionary.criterionIndex(id));
    applyContribution(stats, c, -1, (id) => dictionary.criterionIndex(id));
    expect(stats).toEqual(emptyStats());
    let [hi, lo] = [0, 0];
    for (const x of [1e16, 1, -1e16]) [hi, lo] = addExact(hi, lo, x);
    expect(hi + lo).toBe(1);
  });

  it('stores a day as one typed array and reads it back unchanged', () => {
    const dictionary = new RollupDictionary();
    const days = aggregate(
      [review(), review({ id: 'r2', reviewee: null, score: null, autoFailed: true, answers: [] }), review({ id: 'r3', score: 100 })].map((r) => contributionOf(r, dayOf)!),
      dictionary,
    );
    const cells = days.get('2026-11-30')!;
    const encoded = encodeCells(cells);
    expect(encoded).toBeInstanceOf(Float64Array);
    expect(decodeCells(encoded)).toEqual(cells);
  });
});

describe('the figures', () => {
  const dictionary = new RollupDictionary();
  const reviews = [
    review(),
    review({ id: 'r2', score: 50, answers: [{ criterionId: 'tone', value: 1, na: false, score: 0 }], submittedAt: '2026-11-24T09:00:00.000Z' }),
    review({ id: 'r3', reviewee: { id: 'a2', name: 'Bo' }, reviewer: { id: 'lead', name: 'Lead' }, origin: 'pulled', score: 0, autoFailed: true, channel: 'chat' }),
    review({ id: 'r4', reviewee: { id: 'a2', name: 'Bo' }, score: null, answers: [], kind: 'self' }),
  ];
  const days = [...aggregate(reviews.map((r) => contributionOf(r, dayOf)!), dictionary)].map(([day, cells]) => ({ day, cells }));
  const range = { from: '2026-11-23', to: '2026-12-01' };

  it('counts reviews, averages the scored ones and counts auto-fails, per agent and in total', () => {
    const s = summarize(days, dictionary, {}, range);
    expect(s.totals).toEqual({ reviews: 4, scored: 3, average: (80 + 50 + 0) / 3, autoFailed: 1 });
    expect(s.agents).toEqual([
      { id: 'a1', name: 'Alex', reviews: 2, scored: 2, average: 65, autoFailed: 0 },
      { id: 'a2', name: 'Bo', reviews: 2, scored: 1, average: 0, autoFailed: 1 },
    ]);
    expect(s.weeks).toEqual(['2026-11-23', '2026-11-30']);
    expect(s.trend).toEqual([
      { agentId: 'a1', averages: [50, 80] },
      { agentId: 'a2', averages: [null, 0] },
    ]);
    expect(s.teamTrend).toEqual([50, 40]);
    expect(s.distribution).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 1, 0]);
    expect(s.heat).toEqual([{ rubricId: 'mini', criterionId: 'tone', cells: [{ agentId: 'a1', n: 2, average: 50 }, { agentId: 'a2', n: 1, average: 100 }] }]);
  });

  it('filters by each dimension; "My reviews" means the reviewers of reviews written here', () => {
    const count = (filter: Parameters<typeof summarize>[2]) => summarize(days, dictionary, filter, range).totals.reviews;
    expect(count({ agentId: 'a2' })).toBe(2);
    expect(count({ reviewerId: 'lead' })).toBe(1);
    expect(count({ channel: 'chat' })).toBe(1);
    expect(count({ kind: 'self' })).toBe(1);
    expect(count({ rubricId: 'mini', rubricVersion: 2 })).toBe(0);
    expect(count({ mine: true })).toBe(3);
    expect(summarize(days, dictionary, { mine: true }, range).mine).toEqual(['me']);
    // The lists offer everything in the range, whatever is picked.
    expect(summarize(days, dictionary, { agentId: 'a2' }, range).options.agents.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
