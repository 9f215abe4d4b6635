// The dashboard's roll-ups must always equal a fresh aggregation of the stored reviews, whatever
// happened to them: submits, revisions, drafts, pulls from the team store, imports and restores,
// retention purges, Delete all, and a change of time zone. The reference below aggregates the
// reviews the slow, obvious way, with its own day arithmetic (Intl), and never reads a roll-up.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDimsKey, summarize } from '@/lib/analytics/rollup';
import { pullTeamReviews } from '@/lib/background/team-store/pull';
import { restoreBackup, writeReviews } from '@/lib/db/backup';
import { deleteAllData } from '@/lib/db/delete-all';
import { purgeExpired } from '@/lib/db/retention';
import { saveDraft, submitReview, toStored, type Clock } from '@/lib/db/reviews';
import { readAllRollups, readRollupRange, rebuildRollups, trackRollups } from '@/lib/db/rollups';
import { QaDatabase, SCHEMA_VERSION, type StoredReview } from '@/lib/db/schema';
import type { ReviewDraftInput, ReviewRecord } from '@/lib/review/record';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';

const rubrics: Rubric[] = [
  parseRubric({
    format: 'qa-rubric/1',
    id: 'mini',
    name: 'Mini',
    version: 1,
    criteria: [
      { id: 'tone', title: 'Tone', scale: { type: 'levels', levels: [{ value: 1, label: 'Poor' }, { value: 2, label: 'OK' }, { value: 3, label: 'Good' }] } },
      { id: 'safe', title: 'Data protection', critical: true, scale: { type: 'binary' } },
    ],
  }),
  parseRubric({ format: 'qa-rubric/1', id: 'chat', name: 'Chat', version: 2, criteria: [{ id: 'tone', title: 'Tone', scale: { type: 'binary' } }] }),
];

const AGENTS = [
  { id: 'zendesk:7', name: 'Alex' },
  { id: 'zendesk:7', name: 'Alex Agent' }, // renamed in the helpdesk: the same id, another name
  { id: 'zendesk:8', name: 'Bo' },
  null,
];
const REVIEWERS = [
  { id: 'zendesk:9', name: 'Priya' },
  { id: 'zendesk:5', name: 'Lead' },
];
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Pacific/Chatham'];
// Around the European and American daylight-saving changes, across several midnights.
const BASE_MS = Date.parse('2026-03-27T18:00:00.000Z');
const at = (quarterHours: number) => new Date(BASE_MS + quarterHours * 15 * 60_000).toISOString();

// ---------------------------------------------------------------------------------------------
// The reference: every stored review, grouped and summed without any roll-up code.

interface RefCell {
  reviews: number;
  scored: number;
  sum: number;
  autoFailed: number;
  distribution: number[];
  criteria: Record<string, { sum: number; n: number }>;
}

function referenceDay(iso: string, timeZone: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));
}

function reference(reviews: StoredReview[], timeZone: string): Map<string, RefCell> {
  const latest = new Map<string, StoredReview>();
  for (const r of reviews) {
    if (r.status !== 'submitted') continue;
    const seen = latest.get(r.id);
    if (!seen || seen.revision < r.revision) latest.set(r.id, r);
  }
  const cells = new Map<string, RefCell>();
  for (const r of latest.values()) {
    const day = r.submittedAt === undefined ? null : referenceDay(r.submittedAt, timeZone);
    if (day === null) continue;
    const key = JSON.stringify([day, r.reviewee?.id ?? '', r.reviewee?.name ?? '', r.reviewer.id, r.reviewer.name, r.rubric.id, r.rubric.version, r.channel, r.kind, r.origin]);
    const cell: RefCell = cells.get(key) ?? { reviews: 0, scored: 0, sum: 0, autoFailed: 0, distribution: new Array<number>(10).fill(0), criteria: {} };
    cell.reviews += 1;
    if (r.autoFailed) cell.autoFailed += 1;
    if (r.score !== null) {
      cell.scored += 1;
      cell.sum += r.score;
      cell.distribution[r.score >= 100 ? 9 : Math.max(0, Math.floor(r.score / 10))]! += 1;
    }
    for (const a of r.answers) {
      if (a.na || a.score === null) continue;
      const c = (cell.criteria[a.criterionId] ??= { sum: 0, n: 0 });
      c.sum += a.score;
      c.n += 1;
    }
    cells.set(key, cell);
  }
  return cells;
}

async function stored(db: QaDatabase): Promise<{ timeZone: string | undefined; cells: Map<string, RefCell> }> {
  const { meta, days } = await readAllRollups(db);
  const cells = new Map<string, RefCell>();
  for (const { day, cells: dayCells } of days) {
    for (const [dim, s] of dayCells) {
      const d = parseDimsKey(meta!.dims[dim]!);
      const key = JSON.stringify([day, d.agentId, d.agentName, d.reviewerId, d.reviewerName, d.rubricId, d.rubricVersion, d.channel, d.kind, d.origin]);
      const criteria: RefCell['criteria'] = {};
      for (const [index, c] of s.criteria) criteria[meta!.criteria[index]!] = c;
      cells.set(key, { reviews: s.reviews, scored: s.scored, sum: s.scoreSum + s.scoreSumLo, autoFailed: s.autoFailed, distribution: s.distribution, criteria });
    }
  }
  return { timeZone: meta?.timeZone, cells };
}

/** Counts exactly, sums to 1e-9 (they are added in another order). */
function expectSameCells(actual: Map<string, RefCell>, expected: Map<string, RefCell>, context: string) {
  expect([...actual.keys()].sort(), context).toEqual([...expected.keys()].sort());
  for (const [key, want] of expected) {
    const got = actual.get(key)!;
    expect({ ...got, sum: 0, criteria: Object.keys(got.criteria).sort() }, `${context} ${key}`).toEqual({ ...want, sum: 0, criteria: Object.keys(want.criteria).sort() });
    expect(Math.abs(got.sum - want.sum), `${context} ${key} sum`).toBeLessThan(1e-9);
    for (const [id, c] of Object.entries(want.criteria)) {
      expect(got.criteria[id]!.n).toBe(c.n);
      expect(Math.abs(got.criteria[id]!.sum - c.sum)).toBeLessThan(1e-9);
    }
  }
}

async function expectRollupsMatch(db: QaDatabase, context: string) {
  const { timeZone, cells } = await stored(db);
  if (timeZone === undefined) {
    expect(cells.size, context).toBe(0);
    return;
  }
  expectSameCells(cells, reference(await db.reviews.toArray(), timeZone), context);
}

// ---------------------------------------------------------------------------------------------
// The writes, as the extension makes them.

const pick = <T,>(list: readonly T[]) => fc.integer({ min: 0, max: list.length - 1 }).map((i) => list[i]!);
const answerValue = fc.oneof(fc.constantFrom<number | 'na' | null>(1, 2, 3, 'na', null));

const formArb = fc.record({
  ticket: fc.integer({ min: 1, max: 4 }),
  agent: pick(AGENTS),
  reviewer: pick(REVIEWERS),
  rubric: fc.integer({ min: 0, max: 1 }),
  channel: fc.constantFrom('email' as const, 'chat' as const),
  kind: fc.constantFrom<ReviewRecord['kind']>('review', 'self'),
  tone: answerValue,
  safe: fc.constantFrom<number | 'na' | null>(0, 1, null),
  when: fc.integer({ min: 0, max: 400 }),
});
type Form = typeof formArb extends fc.Arbitrary<infer T> ? T : never;

const recordArb = fc.record({
  id: fc.constantFrom<string>('t-1', 't-2', 't-3', 't-4'),
  revision: fc.integer({ min: 1, max: 3 }),
  agent: pick(AGENTS),
  reviewer: pick(REVIEWERS),
  score: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
  autoFailed: fc.boolean(),
  criterion: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  when: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  status: fc.constantFrom('submitted' as const, 'submitted' as const, 'draft' as const),
});
type RecordSpec = typeof recordArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('submit' as const), form: formArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('draft' as const), form: formArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('revise' as const), form: formArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pull' as const), records: fc.array(recordArb, { maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('import' as const), records: fc.array(recordArb, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restore' as const), replace: fc.boolean(), records: fc.array(recordArb, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('purge' as const), quarterHoursOld: fc.integer({ min: 0, max: 400 }), includeUnsynced: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete-all' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('time-zone' as const), zone: pick(ZONES) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function formInput(form: Form, extra: Partial<ReviewDraftInput> = {}): { rubric: Rubric; input: ReviewDraftInput } {
  const rubric = rubrics[form.rubric]!;
  const answers: ReviewDraftInput['answers'] = { tone: { value: form.rubric === 1 && typeof form.tone === 'number' ? form.tone % 2 : form.tone, comment: '' } };
  if (form.rubric === 0) answers.safe = { value: form.safe, comment: '' };
  return {
    rubric,
    input: {
      kind: form.kind,
      ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: String(form.ticket), url: `https://acme.zendesk.com/agent/tickets/${form.ticket}`, channel: form.channel, subject: 's' },
      reviewee: form.agent,
      reviewer: form.reviewer,
      rubric: { id: rubric.id, version: rubric.version },
      answers,
      ...extra,
    },
  };
}

function recordOf(spec: RecordSpec): ReviewRecord {
  const time = spec.when === undefined ? undefined : at(spec.when);
  return {
    format: 'qa-review/1',
    id: spec.id,
    revision: spec.revision,
    kind: 'review',
    status: spec.status,
    helpdesk: 'zendesk',
    instance: 'acme.zendesk.com',
    ticketId: '77',
    ticketUrl: 'https://acme.zendesk.com/agent/tickets/77',
    channel: 'chat',
    reviewee: spec.agent,
    reviewer: spec.reviewer,
    rubric: { id: 'mini', version: 1 },
    score: spec.score,
    autoFailed: spec.autoFailed,
    answers: [{ criterionId: 'tone', value: 1, na: spec.criterion === null, score: spec.criterion }],
    createdAt: at(0),
    updatedAt: time ?? at(0),
    ...(time !== undefined && spec.status === 'submitted' ? { submittedAt: time } : {}),
  };
}

/** Records whose (id, revision) is neither stored nor earlier in the list, as an import keeps them. */
async function unseen(db: QaDatabase, records: ReviewRecord[]): Promise<ReviewRecord[]> {
  const here = await db.reviews.bulkGet(records.map((r) => [r.id, r.revision] as [string, number]));
  const seen = new Set<string>();
  return records.filter((r, i) => {
    const key = `${r.id}/${r.revision}`;
    if (here[i] || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function run(db: QaDatabase, op: Op, clock: { set: (ms: number) => void; clock: Clock }) {
  const ignoreRefusal = (err: unknown) => {
    // A refused save (another reviewer's review id, a read-only copy, a submitted review without
    // Edit) changes nothing, which the comparison after it checks too.
    if ((err as { name?: string }).name !== 'ReviewStateError') throw err;
  };
  switch (op.op) {
    case 'submit':
    case 'draft': {
      clock.set(BASE_MS + op.form.when * 15 * 60_000);
      const { rubric, input } = formInput(op.form);
      await (op.op === 'submit' ? submitReview : saveDraft)(db, rubric, input, clock.clock).catch(ignoreRefusal);
      return;
    }
    case 'revise': {
      // Edit on the newest local review of the slot, then Submit: the next revision.
      const local = (await db.reviews.where('origin').equals('local').toArray()).filter((r) => r.status === 'submitted');
      const target = local.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(op.form.ticket % Math.max(1, local.length));
      if (!target) return;
      clock.set(BASE_MS + op.form.when * 15 * 60_000);
      const form = { ...op.form, ticket: Number(target.ticketId), reviewer: target.reviewer, kind: target.kind, rubric: target.rubric.id === 'mini' ? 0 : 1 };
      const { rubric, input } = formInput(form, { id: target.id, revise: true });
      await submitReview(db, rubric, input, clock.clock).catch(ignoreRefusal);
      return;
    }
    case 'pull': {
      const records = op.records.map(recordOf);
      const fetch = (async () => new Response(JSON.stringify({ records, next: null }), { status: 200 })) as typeof globalThis.fetch;
      await pullTeamReviews({ db, fetch, now: () => BASE_MS, random: () => 0.5, newId: () => 'x' }, 'https://store.test/reviews', { auth: null, pseudonymSecret: null });
      return;
    }
    case 'import': {
      const rows = (await unseen(db, op.records.map(recordOf))).map((r) => toStored(r, 'imported'));
      await db.transaction('rw', db.reviews, db.rollups, () => writeReviews(db, rows));
      return;
    }
    case 'restore': {
      const records = op.records.map(recordOf);
      const reviews = (op.replace ? records.filter((r, i) => records.findIndex((o) => o.id === r.id && o.revision === r.revision) === i) : await unseen(db, records)).map((r) =>
        toStored(r, 'imported'),
      );
      await restoreBackup(db, { format: 'qa-backup/1', schemaVersion: SCHEMA_VERSION, createdAt: at(0), tables: { reviews, rubrics: [], settings: [], outbox: [] } }, op.replace ? 'replace' : 'merge');
      return;
    }
    case 'purge':
      await purgeExpired(db, BASE_MS + 400 * 15 * 60_000, (op.quarterHoursOld * 15) / (24 * 60), { includeUnsynced: op.includeUnsynced });
      return;
    case 'delete-all':
      await deleteAllData(db);
      return;
    case 'time-zone':
      await rebuildRollups(db, op.zone);
      return;
  }
}

function testClock() {
  let now = BASE_MS;
  let ids = 0;
  // Local ids never meet the pulled and imported ones, as UUIDs never do.
  return { set: (ms: number) => (now = ms), clock: { now: () => new Date(now).toISOString(), newId: () => `local-${++ids}` } };
}

describe('roll-ups = a full re-aggregation of the reviews', () => {
  it('after any sequence of submits, revisions, drafts, pulls, imports, restores, purges, Delete all and time-zone changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), async (ops) => {
        const db = new QaDatabase(`rollups-${Math.random()}`);
        const clock = testClock();
        try {
          for (const [i, op] of ops.entries()) {
            await run(db, op, clock);
            await expectRollupsMatch(db, `after step ${i} (${op.op})`);
          }
          // The Rebuild path arrives at the same roll-ups as the step-by-step updates (or, when
          // Delete all left them unbuilt, at the reviews written since).
          const before = await stored(db);
          await rebuildRollups(db, before.timeZone ?? 'UTC');
          if (before.timeZone !== undefined) expectSameCells((await stored(db)).cells, before.cells, 'after Rebuild');
          await expectRollupsMatch(db, 'after Rebuild');
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  }, 240_000);
});

describe('what counts', () => {
  it('a new submitted revision replaces the older one, a draft revision changes nothing, and the figures follow', async () => {
    const db = new QaDatabase(`rollups-${Math.random()}`);
    const clock = testClock();
    const tone = (value: number | 'na' | null) => ({ ...formInput({ ticket: 1, agent: AGENTS[0]!, reviewer: REVIEWERS[0]!, rubric: 0, channel: 'email', kind: 'review', tone: value, safe: 1, when: 0 }) });
    const first = tone(3);
    const submitted = await submitReview(db, first.rubric, first.input, clock.clock);
    const figures = async () => {
      const range = await readRollupRange(db, '2026-03-01', '2026-03-31', 'UTC');
      return summarize(range.days, range.dictionary, {}, { from: '2026-03-01', to: '2026-03-31' }).totals;
    };
    expect(await figures()).toEqual({ reviews: 1, scored: 1, average: 100, autoFailed: 0 });

    const draft = tone(1);
    await saveDraft(db, draft.rubric, { ...draft.input, id: submitted.id, revise: true }, clock.clock);
    expect(await figures()).toEqual({ reviews: 1, scored: 1, average: 100, autoFailed: 0 });

    await submitReview(db, draft.rubric, { ...draft.input, id: submitted.id, revise: true }, clock.clock);
    expect(await figures()).toEqual({ reviews: 1, scored: 1, average: 50, autoFailed: 0 });
    db.close();
  });

  it('a write of more review ids than the threshold rebuilds the roll-ups in its transaction, with the same result', async () => {
    const db = new QaDatabase(`rollups-${Math.random()}`);
    const rows = [1, 2, 3].map((n) => toStored(recordOf({ id: `t-${n}`, revision: 1, agent: AGENTS[2]!, reviewer: REVIEWERS[1]!, score: 10 * n, autoFailed: false, criterion: 0.5, when: 40 * n, status: 'submitted' }), 'imported'));
    await db.transaction('rw', db.reviews, db.rollups, () => trackRollups(db, ['t-1', 't-2', 't-3'], () => db.reviews.bulkAdd(rows), { rebuildAbove: 2 }));
    await expectRollupsMatch(db, 'rebuilt');
    expect((await stored(db)).cells.size).toBe(2); // two on the 28th share a cell
    db.close();
  });

  it('reading the roll-ups in another time zone rebuilds them there; reading again builds nothing', async () => {
    const db = new QaDatabase(`rollups-${Math.random()}`);
    const row = toStored(recordOf({ id: 't-1', revision: 1, agent: AGENTS[2]!, reviewer: REVIEWERS[1]!, score: 80, autoFailed: false, criterion: null, when: 0, status: 'submitted' }), 'pulled');
    await db.transaction('rw', db.reviews, db.rollups, () => writeReviews(db, [row]));
    // 2026-03-27 18:00 UTC is already 03:00 on the 28th in Tokyo (UTC+9).
    expect((await readRollupRange(db, '2026-03-27', '2026-03-27', 'UTC')).days.map((d) => d.day)).toEqual(['2026-03-27']);
    const tokyo = await readRollupRange(db, '2026-03-27', '2026-03-28', 'Asia/Tokyo');
    expect(tokyo).toMatchObject({ rebuilt: true });
    expect(tokyo.days.map((d) => d.day)).toEqual(['2026-03-28']);
    expect(await readRollupRange(db, '2026-03-27', '2026-03-28', 'Asia/Tokyo')).toMatchObject({ rebuilt: false });
    db.close();
  });
});

describe('every write of reviews moves the roll-ups', () => {
  it('writes reviews only in the files whose writes the property test above drives', () => {
    // A new place that writes the reviews table must keep the roll-ups (trackRollups) and join
    // the property test; then it joins this list.
    const allowed = new Set(['lib/db/reviews.ts', 'lib/db/backup.ts', 'lib/db/retention.ts', 'lib/db/delete-all.ts', 'lib/db/rollups.ts', 'lib/db/schema.ts', 'lib/background/team-store/pull.ts']);
    const root = path.resolve(__dirname, '../../..');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.tsx?$/.test(name)) files.push(path.relative(root, full));
      }
    };
    walk(path.join(root, 'lib'));
    walk(path.join(root, 'entrypoints'));
    const writers = files.filter((f) => /\breviews\.(put|add|bulkAdd|bulkPut|bulkDelete|delete|clear|update)\(|table\('reviews'\)[^;]*\.(modify|put|add|delete|clear)|reviews\.where\([^)]*\)[^;]*\.(delete|modify)\(/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(writers.filter((f) => !allowed.has(f))).toEqual([]);
    expect(writers.length).toBeGreaterThan(3);
  });
});
