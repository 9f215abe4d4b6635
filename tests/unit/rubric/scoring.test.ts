import { describe, it, expect } from 'vitest';
import { parseRubric, type Rubric } from '../../../lib/rubric/schema';
import { scoreCriterion, scoreReview, ScoringError, type Answers } from '../../../lib/rubric/scoring';

const oneToFour = [1, 2, 3, 4].map((value) => ({ value, label: `L${value}` }));

/**
 * Sections:  listen = { empathy (w2, 1..4), greeted (w1, binary) }
 *            act    = { outcome (w1, levels declared 10, 0, 5), privacy (w1, binary, critical, no N/A) }
 *            report = {}                      (declared but empty)
 * No section: tagging (w0, binary).
 */
function sampleRubric(): Rubric {
  return parseRubric({
    format: 'qa-rubric/1',
    id: 'sample',
    name: 'Sample',
    version: 1,
    sections: [
      { id: 'listen', title: 'Listen' },
      { id: 'act', title: 'Act' },
      { id: 'report', title: 'Report' },
    ],
    criteria: [
      { id: 'empathy', title: 'Empathy', section: 'listen', weight: 2, scale: { type: 'levels', levels: oneToFour } },
      { id: 'greeted', title: 'Greeted', section: 'listen', scale: { type: 'binary' } },
      {
        id: 'outcome',
        title: 'Outcome',
        section: 'act',
        scale: {
          type: 'levels',
          levels: [
            { value: 10, label: 'Solved' },
            { value: 0, label: 'Not solved' },
            { value: 5, label: 'Partly' },
          ],
        },
      },
      { id: 'privacy', title: 'Privacy', section: 'act', critical: true, allowNa: false, scale: { type: 'binary' } },
      { id: 'tagging', title: 'Tagging', weight: 0, scale: { type: 'binary' } },
    ],
  });
}

function twoCriteria(): Rubric {
  return parseRubric({
    format: 'qa-rubric/1',
    id: 'two',
    name: 'Two',
    version: 1,
    criteria: [
      { id: 'a', title: 'A', weight: 2, scale: { type: 'levels', levels: oneToFour } },
      { id: 'b', title: 'B', weight: 1, scale: { type: 'binary' } },
    ],
  });
}

describe('scoreReview: review score', () => {
  it('weights 2 and 1: levels 1..4 answered 3 (2/3) and binary No → 100 × (2 × 2/3) / 3', () => {
    const result = scoreReview(twoCriteria(), { a: 3, b: 0 });
    expect(result.criteria.a).toBeCloseTo(2 / 3, 12);
    expect(result.criteria.b).toBe(0);
    expect(result.score).toBeCloseTo(44.444444444444, 9);
    expect(result.autoFailed).toBe(false);
    expect(result.autoFailedBy).toEqual([]);
    expect(result.sections).toEqual({});
  });

  it('weights 2 and 1: levels answered 2 (1/3) and binary Yes → 100 × (2/3 + 1) / 3', () => {
    expect(scoreReview(twoCriteria(), { a: 2, b: 1 }).score).toBeCloseTo(55.555555555556, 9);
  });

  it('is 100 when every criterion is at the top of its scale and 0 at the bottom', () => {
    expect(scoreReview(twoCriteria(), { a: 4, b: 1 }).score).toBe(100);
    expect(scoreReview(twoCriteria(), { a: 1, b: 0 }).score).toBe(0);
  });

  it('stays within 0..100 with fractional weights: exactly 100 at the top of every scale', () => {
    // 100 × 0.8 / 0.8 computed as (100 × 0.8) / 0.8 rounds to 100.00000000000001.
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'fractional',
      name: 'Fractional',
      version: 1,
      criteria: [
        { id: 'a', title: 'A', weight: 0.1, scale: { type: 'binary' } },
        { id: 'b', title: 'B', weight: 0.7, scale: { type: 'levels', levels: oneToFour } },
        { id: 'c', title: 'C', weight: 0.013, scale: { type: 'binary' } },
      ],
    });
    expect(scoreReview(rubric, { a: 1, b: 4 }).score).toBe(100);
    expect(scoreReview(rubric, { c: 1 }).score).toBe(100);
    expect(scoreReview(rubric, { a: 1, b: 4, c: 1 }).score).toBe(100);
  });

  it('is not rounded', () => {
    const score = scoreReview(twoCriteria(), { a: 3, b: 1 }).score;
    // 100 × (2 × 2/3 + 1) / 3 = 77.777…
    expect(score).toBeCloseTo(77.7777777778, 9);
    expect(Number.isInteger(score)).toBe(false);
  });

  it('combines all criteria, sections and an unsorted scale', () => {
    const result = scoreReview(sampleRubric(), { empathy: 3, greeted: 1, outcome: 5, privacy: 1, tagging: 0 });
    expect(result.criteria).toEqual({
      empathy: expect.closeTo(2 / 3, 12),
      greeted: 1,
      outcome: 0.5,
      privacy: 1,
      tagging: 0,
    });
    // (2 × 2/3 + 1 × 1 + 1 × 0.5 + 1 × 1 + 0 × 0) / (2 + 1 + 1 + 1 + 0) = 3.8333… / 5
    expect(result.score).toBeCloseTo(76.666666666667, 9);
    // listen: (2 × 2/3 + 1) / 3 = 0.7777…; act: (0.5 + 1) / 2 = 0.75; report has no criteria.
    expect(result.sections.listen).toBeCloseTo(77.777777777778, 9);
    expect(result.sections.act).toBe(75);
    expect(result.sections.report).toBeNull();
    expect(Object.keys(result.sections)).toEqual(['listen', 'act', 'report']);
    expect(result.autoFailed).toBe(false);
  });

  it('uses the min and max of the values, not the first and last declared level', () => {
    const rubric = sampleRubric();
    expect(scoreReview(rubric, { outcome: 10 }).criteria.outcome).toBe(1);
    expect(scoreReview(rubric, { outcome: 0 }).criteria.outcome).toBe(0);
    expect(scoreReview(rubric, { outcome: 5 }).criteria.outcome).toBe(0.5);
  });

  it('handles negative and fractional level values', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'signed',
      name: 'Signed',
      version: 1,
      criteria: [
        {
          id: 'impact',
          title: 'Impact',
          scale: {
            type: 'levels',
            levels: [-2, -1, 0, 1, 2].map((value) => ({ value, label: String(value) })),
          },
        },
        {
          id: 'half',
          title: 'Half',
          scale: { type: 'levels', levels: [{ value: -0.5, label: 'Low' }, { value: 0.5, label: 'High' }] },
        },
      ],
    });
    const result = scoreReview(rubric, { impact: -1, half: -0.5 });
    expect(result.criteria.impact).toBe(0.25);
    expect(result.criteria.half).toBe(0);
    expect(result.score).toBe(12.5);
  });
});

describe('scoreReview: N/A, unanswered and weight 0', () => {
  it('leaves N/A out of both sums', () => {
    const result = scoreReview(twoCriteria(), { a: 3, b: 'na' });
    expect(result.criteria.b).toBeNull();
    // only a: 100 × (2 × 2/3) / 2
    expect(result.score).toBeCloseTo(66.666666666667, 9);
  });

  it('leaves unanswered criteria out, whether missing or undefined', () => {
    expect(scoreReview(twoCriteria(), { b: 1 }).score).toBe(100);
    const result = scoreReview(twoCriteria(), { a: undefined, b: 1 });
    expect(result.score).toBe(100);
    expect(result.criteria).toEqual({ a: null, b: 1 });
  });

  it('treats a stored null like an unanswered criterion', () => {
    const answers = { a: null, b: 0 } as unknown as Answers;
    expect(scoreReview(twoCriteria(), answers)).toMatchObject({ score: 0, criteria: { a: null, b: 0 } });
  });

  it('is null when nothing is answered, with every criterion and section null', () => {
    const result = scoreReview(sampleRubric(), {});
    expect(result).toEqual({
      score: null,
      autoFailed: false,
      autoFailedBy: [],
      criteria: { empathy: null, greeted: null, outcome: null, privacy: null, tagging: null },
      sections: { listen: null, act: null, report: null },
    });
  });

  it('is null when everything answered is N/A', () => {
    expect(scoreReview(twoCriteria(), { a: 'na', b: 'na' }).score).toBeNull();
  });

  it('is null when only weight-0 criteria are answered', () => {
    const result = scoreReview(sampleRubric(), { tagging: 1 });
    expect(result.criteria.tagging).toBe(1);
    expect(result.score).toBeNull();
  });

  it('a weight-0 criterion does not move the score', () => {
    const rubric = sampleRubric();
    const without = scoreReview(rubric, { empathy: 4, greeted: 0 }).score;
    const withZero = scoreReview(rubric, { empathy: 4, greeted: 0, tagging: 0 }).score;
    // (2 × 1 + 0) / 3
    expect(without).toBeCloseTo(66.666666666667, 9);
    expect(withZero).toBe(without);
  });

  it('scores a section only from its answered criteria', () => {
    const result = scoreReview(sampleRubric(), { empathy: 1, outcome: 'na', privacy: 1 });
    expect(result.sections).toEqual({ listen: 0, act: 100, report: null });
    // (2 × 0 + 1 × 1) / 3
    expect(result.score).toBeCloseTo(33.333333333333, 9);
  });
});

describe('scoreReview: critical criteria', () => {
  it('auto-fails with score 0 when a critical criterion is answered No', () => {
    const result = scoreReview(sampleRubric(), { empathy: 4, greeted: 1, outcome: 10, privacy: 0 });
    expect(result.autoFailed).toBe(true);
    expect(result.score).toBe(0);
    expect(result.autoFailedBy).toEqual(['privacy']);
    // Criterion and section scores stay informative: act = (1 + 0) / 2.
    expect(result.criteria.privacy).toBe(0);
    expect(result.criteria.outcome).toBe(1);
    expect(result.sections).toEqual({ listen: 100, act: 50, report: null });
  });

  it('auto-fails even when the critical criterion is the only answer', () => {
    expect(scoreReview(sampleRubric(), { privacy: 0 })).toMatchObject({ score: 0, autoFailed: true });
  });

  it('auto-fails a weight-0 critical criterion too', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'zero-critical',
      name: 'Zero critical',
      version: 1,
      criteria: [
        { id: 'gate', title: 'Gate', weight: 0, critical: true, scale: { type: 'binary' } },
        { id: 'rest', title: 'Rest', scale: { type: 'binary' } },
      ],
    });
    expect(scoreReview(rubric, { gate: 0, rest: 1 })).toMatchObject({ score: 0, autoFailed: true, autoFailedBy: ['gate'] });
    expect(scoreReview(rubric, { gate: 1, rest: 1 })).toMatchObject({ score: 100, autoFailed: false });
  });

  it('fails below 0.5 only: on 1..3 a 2 (0.5) passes, on 1..4 a 2 (1/3) fails', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'thresholds',
      name: 'Thresholds',
      version: 1,
      criteria: [
        {
          id: 'three',
          title: 'Three levels',
          critical: true,
          scale: { type: 'levels', levels: [1, 2, 3].map((value) => ({ value, label: `L${value}` })) },
        },
        { id: 'four', title: 'Four levels', critical: true, scale: { type: 'levels', levels: oneToFour } },
      ],
    });
    expect(scoreReview(rubric, { three: 2, four: 3 })).toMatchObject({ autoFailed: false });
    // (0.5 + 2/3) / 2
    expect(scoreReview(rubric, { three: 2, four: 3 }).score).toBeCloseTo(58.333333333333, 9);
    expect(scoreReview(rubric, { three: 1, four: 2 })).toMatchObject({
      score: 0,
      autoFailed: true,
      autoFailedBy: ['three', 'four'],
    });
  });

  it('does not auto-fail when a critical criterion is N/A or unanswered', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'na-critical',
      name: 'N/A critical',
      version: 1,
      criteria: [
        { id: 'gate', title: 'Gate', critical: true, scale: { type: 'binary' } },
        { id: 'rest', title: 'Rest', scale: { type: 'binary' } },
      ],
    });
    expect(scoreReview(rubric, { gate: 'na', rest: 1 })).toMatchObject({ score: 100, autoFailed: false });
    expect(scoreReview(rubric, { rest: 0 })).toMatchObject({ score: 0, autoFailed: false });
  });
});

describe('scoreReview: invalid answers throw', () => {
  function thrown(run: () => unknown): ScoringError {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(ScoringError);
      return error as ScoringError;
    }
    throw new Error('expected a ScoringError');
  }

  it('throws for a value that is not on the scale, naming the criterion', () => {
    const rubric = twoCriteria();
    for (const value of [0, 5, 2.5, -1, Number.NaN]) {
      const error = thrown(() => scoreReview(rubric, { a: value }));
      expect(error.criterionId).toBe('a');
      expect(error.message).toContain('"a"');
      expect(error.message).toContain('not on its scale (1, 2, 3, 4)');
    }
    expect(thrown(() => scoreReview(rubric, { b: 2 })).message).toContain('not on its scale (0, 1)');
  });

  it('throws for a non-numeric answer that slipped past the types', () => {
    const answers = { a: '3' } as unknown as Answers;
    expect(() => scoreReview(twoCriteria(), answers)).toThrow(ScoringError);
  });

  it("throws for 'na' where allowNa is false", () => {
    const error = thrown(() => scoreReview(sampleRubric(), { privacy: 'na' }));
    expect(error.criterionId).toBe('privacy');
    expect(error.message).toMatch(/"privacy".*does not allow N\/A/);
  });

  it('throws for an answer to an unknown criterion id, but ignores an undefined one', () => {
    const error = thrown(() => scoreReview(twoCriteria(), { a: 3, ghost: 1 }));
    expect(error.criterionId).toBe('ghost');
    expect(error.message).toContain('unknown criterion "ghost"');
    expect(thrown(() => scoreReview(twoCriteria(), { ghost: 'na' })).criterionId).toBe('ghost');
    expect(scoreReview(twoCriteria(), { a: 4, ghost: undefined }).score).toBe(100);
  });

  it('does not read inherited properties as answers', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'proto',
      name: 'Proto',
      version: 1,
      criteria: [{ id: 'constructor', title: 'Odd id', scale: { type: 'binary' } }],
    });
    expect(scoreReview(rubric, {}).criteria.constructor).toBeNull();
    expect(scoreReview(rubric, { constructor: 1 }).score).toBe(100);
  });
});

describe('scoreCriterion', () => {
  it('normalises a single answer to 0..1', () => {
    const criterion = twoCriteria().criteria[0]!;
    expect(scoreCriterion(criterion, 1)).toBe(0);
    expect(scoreCriterion(criterion, 2)).toBeCloseTo(1 / 3, 12);
    expect(scoreCriterion(criterion, 4)).toBe(1);
    expect(scoreCriterion(criterion, 'na')).toBeNull();
    expect(scoreCriterion(criterion, undefined)).toBeNull();
  });
});
