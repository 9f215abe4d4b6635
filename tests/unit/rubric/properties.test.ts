// Property-based tests (fast-check): invariants of scoring and auto-selection over generated
// rubrics, answers, libraries and tickets. Runs are seeded, so a failure reproduces exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '@/lib/helpdesk/types';
import { parseRubric, scaleValues, type Criterion, type Rubric } from '@/lib/rubric/schema';
import { scoreReview, type Answer, type Answers } from '@/lib/rubric/scoring';
import { selectRubric } from '@/lib/rubric/select';

const PARAMS = { seed: 20261201, numRuns: 250 };

// --- generators ------------------------------------------------------------------------------

const scaleArb = fc.oneof(
  fc.constant({ type: 'binary' as const }),
  fc
    .uniqueArray(fc.oneof(fc.integer({ min: -5, max: 10 }), fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true })), {
      minLength: 2,
      maxLength: 11,
      // -0 and 0 are one value on a scale
      selector: (value) => (Object.is(value, -0) ? 0 : value),
    })
    .map((values) => ({ type: 'levels' as const, levels: values.map((value, i) => ({ value: Object.is(value, -0) ? 0 : value, label: `L${i}` })) })),
);

const criterionArb = fc.record({
  weight: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true, noDefaultInfinity: true })),
  critical: fc.boolean(),
  allowNa: fc.boolean(),
  inSection: fc.boolean(),
  scale: scaleArb,
});

const rubricArb: fc.Arbitrary<Rubric> = fc.array(criterionArb, { minLength: 1, maxLength: 8 }).map((criteria) =>
  parseRubric({
    format: 'qa-rubric/1',
    id: 'generated',
    name: 'Generated',
    version: 1,
    sections: [{ id: 's', title: 'S' }],
    criteria: criteria.map(({ inSection, ...criterion }, i) => ({ id: `c${i}`, title: `Criterion ${i}`, ...(inSection ? { section: 's' } : {}), ...criterion })),
  }),
);

/** Any answer the criterion can hold: unanswered, N/A where allowed, or a value on its scale. */
const answerArb = (criterion: Criterion): fc.Arbitrary<Answer> =>
  fc.oneof(fc.constant(undefined), ...(criterion.allowNa ? [fc.constant('na' as const)] : []), fc.constantFrom(...scaleValues(criterion)));

const answersArb = (rubric: Rubric): fc.Arbitrary<Answers> =>
  fc.tuple(...rubric.criteria.map(answerArb)).map((list) => Object.fromEntries(rubric.criteria.map((criterion, i) => [criterion.id, list[i]])));

const reviewArb = rubricArb.chain((rubric) => fc.tuple(fc.constant(rubric), answersArb(rubric), fc.nat({ max: rubric.criteria.length - 1 })));

const score = (rubric: Rubric, answers: Answers) => scoreReview(rubric, answers).score;

/** The weighted mean of the answered criteria, written out independently of scoring.ts. */
function referenceMean(rubric: Rubric, answers: Answers): number | null {
  let sum = 0;
  let weights = 0;
  for (const criterion of rubric.criteria) {
    const answer = answers[criterion.id];
    if (typeof answer !== 'number') continue;
    const values = scaleValues(criterion);
    const min = Math.min(...values);
    const max = Math.max(...values);
    sum += criterion.weight * ((answer - min) / (max - min));
    weights += criterion.weight;
  }
  return weights > 0 ? (100 * sum) / weights : null;
}

// --- scoring ---------------------------------------------------------------------------------

describe('scoring invariants', () => {
  it('the score is null or a number in 0..100; section scores too', () => {
    fc.assert(
      fc.property(reviewArb, ([rubric, answers]) => {
        const result = scoreReview(rubric, answers);
        for (const value of [result.score, ...Object.values(result.sections)]) {
          if (value === null) continue;
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
        for (const value of Object.values(result.criteria)) if (value !== null) expect(value >= 0 && value <= 1).toBe(true);
      }),
      PARAMS,
    );
  });

  it('is the weighted mean of the answered criteria unless auto-failed, and null only when nothing weighted is answered', () => {
    fc.assert(
      fc.property(reviewArb, ([rubric, answers]) => {
        const result = scoreReview(rubric, answers);
        const expected = referenceMean(rubric, answers);
        if (result.autoFailed) expect(result.score).toBe(0);
        else if (expected === null) expect(result.score).toBeNull();
        else expect(result.score).toBeCloseTo(expected, 6);
      }),
      PARAMS,
    );
  });

  it('raising one answer never lowers the score (a critical one can only lift an auto-fail)', () => {
    fc.assert(
      fc.property(
        reviewArb.chain(([rubric, answers, index]) => {
          const criterion = rubric.criteria[index]!;
          const values = scaleValues(criterion);
          return fc
            .tuple(fc.integer({ min: 0, max: values.length - 2 }), fc.integer({ min: 1, max: values.length - 1 }))
            .map(([low, step]) => ({ rubric, answers, criterion, from: values[low]!, to: values[Math.min(values.length - 1, low + step)]! }));
        }),
        ({ rubric, answers, criterion, from, to }) => {
          const before = scoreReview(rubric, { ...answers, [criterion.id]: from });
          const after = scoreReview(rubric, { ...answers, [criterion.id]: to });
          if (before.score !== null && after.score !== null) expect(after.score).toBeGreaterThanOrEqual(before.score);
          // Raising cannot make a score appear from nothing; it can lift an auto-fail's 0 off a
          // review in which nothing weighted is answered, leaving no score.
          if (before.score === null) expect(after.score).toBeNull();
          if (after.score === null && before.score !== null) expect(before).toMatchObject({ score: 0, autoFailed: true });
          expect(after.autoFailedBy.every((id) => before.autoFailedBy.includes(id))).toBe(true);
        },
      ),
      PARAMS,
    );
  });

  it('a score of 0 while the weighted mean is above 0 is always a critical auto-fail', () => {
    fc.assert(
      fc.property(reviewArb, ([rubric, answers, index]) => {
        const criterion = rubric.criteria[index]!;
        const values = scaleValues(criterion);
        const result = scoreReview(rubric, { ...answers, [criterion.id]: values[0]! });
        if (result.score === 0 && referenceMean(rubric, { ...answers, [criterion.id]: values[0]! })! > 0) {
          expect(result.autoFailed).toBe(true);
          expect(result.autoFailedBy.every((id) => rubric.criteria.find((c) => c.id === id)?.critical)).toBe(true);
        }
      }),
      PARAMS,
    );
  });

  it('N/A never changes the weighted mean of the others: same as unanswered, same as without the criterion', () => {
    fc.assert(
      fc.property(
        reviewArb.filter(([rubric, , index]) => rubric.criteria[index]!.allowNa),
        ([rubric, answers, index]) => {
          const criterion = rubric.criteria[index]!;
          const withNa = scoreReview(rubric, { ...answers, [criterion.id]: 'na' });
          expect(withNa.score).toBe(score(rubric, { ...answers, [criterion.id]: undefined }));
          expect(withNa.criteria[criterion.id]).toBeNull();
          if (rubric.criteria.length > 1) {
            const without = { ...rubric, criteria: rubric.criteria.filter((c) => c.id !== criterion.id) };
            const others = Object.fromEntries(Object.entries(answers).filter(([id]) => id !== criterion.id));
            expect(withNa.score).toBe(score(without, others));
          }
        },
      ),
      PARAMS,
    );
  });

  it('a weight-0 criterion never changes the score (a critical one only through an auto-fail)', () => {
    fc.assert(
      fc.property(
        rubricArb
          .map((rubric) => ({ ...rubric, criteria: rubric.criteria.map((c, i) => (i === 0 ? { ...c, weight: 0 } : c)) }))
          .chain((rubric) => fc.tuple(fc.constant(rubric), answersArb(rubric), answerArb(rubric.criteria[0]!))),
        ([rubric, answers, answer]) => {
          const zero = rubric.criteria[0]!;
          const withAnswer = scoreReview(rubric, { ...answers, [zero.id]: answer });
          const without = scoreReview(rubric, { ...answers, [zero.id]: undefined });
          if (withAnswer.autoFailedBy.includes(zero.id)) {
            expect(zero.critical).toBe(true);
            expect(withAnswer.score).toBe(0);
          } else {
            expect(withAnswer.score).toBe(without.score);
          }
        },
      ),
      PARAMS,
    );
  });

  it('does not depend on the order of the answers object', () => {
    fc.assert(
      fc.property(reviewArb, ([rubric, answers]) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        expect(scoreReview(rubric, reversed)).toEqual(scoreReview(rubric, answers));
      }),
      PARAMS,
    );
  });
});

// --- auto-selection --------------------------------------------------------------------------

const CHANNELS: Channel[] = ['email', 'chat', 'messaging', 'phone', 'web', 'social', 'other'];
const TAGS = ['complaint', 'Complaint', 'vip', 'delivery', 'refund', 'b2b'];

const appliesToArb = fc.option(
  fc.record(
    { channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { maxLength: 3 }), tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }) },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const libraryArb = fc
  .uniqueArray(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), appliesTo: appliesToArb }), { maxLength: 6, selector: (r) => r.id })
  .map((entries) =>
    entries.map(({ id, appliesTo }) =>
      parseRubric({ format: 'qa-rubric/1', id, name: id, version: 1, ...(appliesTo ? { appliesTo } : {}), criteria: [{ id: 'x', title: 'X', scale: { type: 'binary' } }] }),
    ),
  );

const ticketArb = fc.record({ channel: fc.constantFrom(...CHANNELS), tags: fc.uniqueArray(fc.constantFrom(...TAGS, 'other-tag'), { maxLength: 4 }) });

const optionsArb = fc.record(
  {
    lastUsed: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString())),
    builtInIds: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

const selectionArb = fc.tuple(libraryArb, ticketArb, fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'missing'), { nil: null }), optionsArb);

/** Written out from the README's rule, independently of select.ts. */
function excludes(rubric: Rubric, ticket: { channel: Channel; tags: readonly string[] }): boolean {
  const channels = rubric.appliesTo?.channels ?? [];
  const tags = (rubric.appliesTo?.tags ?? []).map((t) => t.toLowerCase());
  if (channels.length && !channels.includes(ticket.channel)) return true;
  return tags.length > 0 && !ticket.tags.some((t) => tags.includes(t.toLowerCase()));
}
const isGeneral = (rubric: Rubric) => !rubric.appliesTo?.channels?.length && !rubric.appliesTo?.tags?.length;

describe('auto-selection invariants', () => {
  it('never returns a rubric whose appliesTo excludes the ticket, whatever the default or history', () => {
    fc.assert(
      fc.property(selectionArb, ([library, ticket, defaultId, options]) => {
        const choice = selectRubric(library, ticket, defaultId, options);
        if (choice.rubric) expect(excludes(choice.rubric, ticket)).toBe(false);
      }),
      { ...PARAMS, numRuns: 600 },
    );
  });

  it('asks the reviewer only when every rubric applies elsewhere; prefers a match to a general rubric', () => {
    fc.assert(
      fc.property(selectionArb, ([library, ticket, defaultId, options]) => {
        const choice = selectRubric(library, ticket, defaultId, options);
        const usable = library.filter((rubric) => !excludes(rubric, ticket));
        expect(choice.rubric === null).toBe(usable.length === 0);
        expect(choice.reason === 'none').toBe(usable.length === 0);
        const anyMatch = usable.some((rubric) => !isGeneral(rubric));
        if (anyMatch) expect(choice.reason).toBe('match');
        if (choice.reason === 'default') expect(choice.rubric.id).toBe(defaultId);
      }),
      { ...PARAMS, numRuns: 600 },
    );
  });

  it('gives the same answer whatever the order of the library', () => {
    fc.assert(
      fc.property(
        selectionArb.chain((args) => fc.tuple(fc.constant(args), fc.shuffledSubarray(args[0], { minLength: args[0].length, maxLength: args[0].length }))),
        ([[library, ticket, defaultId, options], shuffled]) => {
          expect(selectRubric(shuffled, ticket, defaultId, options).rubric?.id).toBe(selectRubric(library, ticket, defaultId, options).rubric?.id);
        },
      ),
      PARAMS,
    );
  });
});
