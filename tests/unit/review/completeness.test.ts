import { describe, expect, it } from 'vitest';
import { criteriaInDisplayOrder, describeMissing, missingAnswers, needsComment, shortTitle, type GivenAnswer, type MissingAnswer } from '@/lib/review/completeness';
import { parseRubric, type RubricInput } from '@/lib/rubric/schema';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

const levels = (n: number) => ({ type: 'levels' as const, levels: Array.from({ length: n }, (_, i) => ({ value: i + 1, label: `L${i + 1}` })) });

function rubric(extra: Partial<RubricInput> = {}) {
  return parseRubric({
    format: 'qa-rubric/1',
    id: 'complete',
    name: 'Completeness',
    version: 1,
    sections: [
      { id: 'b', title: 'Shown first' },
      { id: 'a', title: 'Shown second' },
    ],
    criteria: [
      { id: 'loose', title: 'Not in a section', scale: { type: 'binary' } },
      { id: 'accuracy', title: 'Accurate', section: 'a', allowNa: false, scale: levels(4) },
      { id: 'identity', title: 'Verified identity', section: 'b', critical: true, allowNa: false, scale: { type: 'binary' } },
      { id: 'tone', title: 'Tone', section: 'a', scale: levels(5) },
    ],
    ...extra,
  });
}

const a = (value: number | 'na' | null, comment = ''): GivenAnswer => ({ value, comment });
const reasons = (missing: MissingAnswer[]) => missing.map((m) => `${m.criterionId}:${m.reason}`);

describe('missingAnswers', () => {
  it('lists every criterion neither rated nor N/A, in the order the scorecard shows them', () => {
    const r = rubric();
    expect(criteriaInDisplayOrder(r).map((c) => c.id)).toEqual(['identity', 'accuracy', 'tone', 'loose']);
    expect(reasons(missingAnswers(r, {}))).toEqual(['identity:unrated', 'accuracy:unrated', 'tone:unrated', 'loose:unrated']);
    expect(reasons(missingAnswers(r, { tone: a(3), loose: a(null, 'a comment is not a rating') }))).toEqual(['identity:unrated', 'accuracy:unrated', 'loose:unrated']);
  });

  it('is empty once everything is rated, or N/A where the rubric allows it', () => {
    const r = rubric();
    expect(missingAnswers(r, { identity: a(1), accuracy: a(2), tone: a('na'), loose: a('na') })).toEqual([]);
    expect(missingAnswers(r, { identity: a(0), accuracy: a(1), tone: a(1), loose: a(0) })).toEqual([]);
  });

  it('never takes N/A for a criterion that does not allow it: the critical identity check must be rated', () => {
    const r = rubric();
    const missing = missingAnswers(r, { identity: a('na'), accuracy: a('na'), tone: a(2), loose: a(1) });
    expect(reasons(missing)).toEqual(['identity:na-not-allowed', 'accuracy:na-not-allowed']);
    expect(describeMissing(missing)).toBe('Rate 2 more: Verified identity, Accurate');
  });

  it('refuses a value off the scale (an answer made against another version of the rubric)', () => {
    expect(reasons(missingAnswers(rubric(), { identity: a(1), accuracy: a(9), tone: a(2), loose: a(1) }))).toEqual(['accuracy:off-scale']);
  });

  it('reads own keys only: "constructor" is a valid criterion id', () => {
    const r = parseRubric({ format: 'qa-rubric/1', id: 'odd', name: 'Odd', version: 1, criteria: [{ id: 'constructor', title: 'Odd', scale: { type: 'binary' } }] });
    expect(reasons(missingAnswers(r, {}))).toEqual(['constructor:unrated']);
    expect(missingAnswers(r, { constructor: a(1) })).toEqual([]);
  });

  it('asks for all seven answers of the built-in rubric, the critical data-protection one included', () => {
    const builtIn = BUILT_IN_RUBRICS[0]!;
    const top = Object.fromEntries(builtIn.criteria.map((c) => [c.id, a(c.scale.type === 'binary' ? 1 : Math.max(...c.scale.levels.map((l) => l.value)))]));
    expect(missingAnswers(builtIn, top)).toEqual([]);
    const { ['data-protection']: _skipped, ...withoutCritical } = top;
    expect(missingAnswers(builtIn, withoutCritical)).toEqual([{ criterionId: 'data-protection', title: builtIn.criteria.find((c) => c.critical)!.title, reason: 'unrated' }]);
  });
});

describe('requireCommentBelow', () => {
  it('needs a comment for a rating whose criterion score is strictly below the rubric threshold', () => {
    const r = rubric({ requireCommentBelow: 0.5 });
    const tone = r.criteria.find((c) => c.id === 'tone')!; // 1..5: scores 0, .25, .5, .75, 1
    expect([1, 2, 3, 4, 5].map((v) => needsComment(r, tone, v))).toEqual([true, true, false, false, false]);
    expect(needsComment(r, tone, 'na')).toBe(false);
    expect(needsComment(r, tone, null)).toBe(false);
    expect(needsComment(rubric(), tone, 1)).toBe(false);

    const all = { identity: a(1), accuracy: a(4), tone: a(2), loose: a(0) };
    expect(reasons(missingAnswers(r, all))).toEqual(['tone:comment-required', 'loose:comment-required']);
    expect(describeMissing(missingAnswers(r, all))).toBe('Comment on 2 low ratings: Tone, Not in a section');
    // Blank is not a comment.
    expect(reasons(missingAnswers(r, { ...all, tone: a(2, '  \n'), loose: a(0, 'Ignored the question') }))).toEqual(['tone:comment-required']);
    expect(missingAnswers(r, { ...all, tone: a(2, 'Curt'), loose: a(0, 'Ignored the question') })).toEqual([]);
  });

  it('takes a criterion threshold over the rubric one (0 switches it off there)', () => {
    const base = rubric({ requireCommentBelow: 1 });
    const r = { ...base, criteria: base.criteria.map((c) => (c.id === 'loose' ? { ...c, requireCommentBelow: 0 } : c)) };
    const all = { identity: a(1), accuracy: a(4), tone: a(5), loose: a(0) };
    expect(missingAnswers(r, all)).toEqual([]);
    expect(reasons(missingAnswers(r, { ...all, accuracy: a(3) }))).toEqual(['accuracy:comment-required']);
  });

  it('lists a missing rating before a missing comment, in one line', () => {
    const r = rubric({ requireCommentBelow: 0.5 });
    expect(describeMissing(missingAnswers(r, { accuracy: a(4), tone: a(1), loose: a(1) }))).toBe('Rate 1 more: Verified identity · Comment on 1 low rating: Tone');
  });
});

describe('describeMissing', () => {
  it('says nothing when nothing is missing, and lists at most three titles', () => {
    expect(describeMissing([])).toBe('');
    const many = ['A', 'B', 'C', 'D', 'E'].map((t) => ({ criterionId: t.toLowerCase(), title: t, reason: 'unrated' as const }));
    expect(describeMissing(many.slice(0, 1))).toBe('Rate 1 more: A');
    expect(describeMissing(many.slice(0, 3))).toBe('Rate 3 more: A, B, C');
    expect(describeMissing(many)).toBe('Rate 5 more: A, B, C and 2 more');
  });

  it('shortens long titles at a word boundary', () => {
    expect(shortTitle('Verified identity before sharing account data; no personal data exposed')).toBe('Verified identity before sharing account data…');
    expect(shortTitle('Short')).toBe('Short');
    expect(shortTitle('x'.repeat(60))).toBe(`${'x'.repeat(47)}…`);
  });
});
