// Review scoring (public contract §4): Zendesk QA's published method, made exact.
// Every criterion is normalised to 0..1 over its own scale so that binary and 4-level criteria
// can be mixed; weights then decide how much each one moves the review score.
import { scaleValues, type Criterion, type Rubric } from './schema';

export type Answer = number | 'na' | undefined;
export type Answers = Record<string, Answer>;

export interface ReviewScore {
  /** 0..100, unrounded; null when nothing with weight > 0 was answered; 0 when auto-failed. */
  score: number | null;
  autoFailed: boolean;
  /** Every criterion id → 0..1, or null when unanswered or N/A. */
  criteria: Record<string, number | null>;
  /** Every declared section id → 0..100, or null when nothing in it with weight > 0 was answered. */
  sections: Record<string, number | null>;
  /** Ids of the critical criteria that caused the auto-fail, in rubric order. */
  autoFailedBy: string[];
}

/** A critical criterion scoring below this (on the 0..1 scale) fails the whole review. */
export const CRITICAL_FAIL_BELOW = 0.5;

export class ScoringError extends Error {
  readonly criterionId: string;

  constructor(criterionId: string, message: string) {
    super(message);
    this.name = 'ScoringError';
    this.criterionId = criterionId;
  }
}

/**
 * Scores one review. Throws `ScoringError` for an answer the rubric cannot hold: a value not on
 * the criterion's scale, 'na' where N/A is not allowed, or an answer for a criterion id the
 * rubric does not have (usually a review made against another rubric version — silently
 * dropping it would misstate the score).
 */
export function scoreReview(rubric: Rubric, answers: Answers): ReviewScore {
  const knownIds = new Set(rubric.criteria.map((criterion) => criterion.id));
  for (const [criterionId, answer] of Object.entries(answers)) {
    if (!knownIds.has(criterionId) && !isUnanswered(answer)) {
      throw new ScoringError(
        criterionId,
        `Answer for unknown criterion "${criterionId}": rubric "${rubric.id}" v${rubric.version} has no such criterion.`,
      );
    }
  }

  const criteria: Record<string, number | null> = {};
  const autoFailedBy: string[] = [];
  for (const criterion of rubric.criteria) {
    // Own properties only: an id like "constructor" must not pick up Object.prototype members.
    const answer = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
    const criterionScore = scoreCriterion(criterion, answer);
    criteria[criterion.id] = criterionScore;
    if (criterion.critical && criterionScore !== null && criterionScore < CRITICAL_FAIL_BELOW) {
      autoFailedBy.push(criterion.id);
    }
  }

  const sections: Record<string, number | null> = {};
  for (const section of rubric.sections ?? []) {
    const members = rubric.criteria.filter((criterion) => criterion.section === section.id);
    sections[section.id] = weightedPercentage(members, criteria);
  }

  const autoFailed = autoFailedBy.length > 0;
  return {
    score: autoFailed ? 0 : weightedPercentage(rubric.criteria, criteria),
    autoFailed,
    criteria,
    sections,
    autoFailedBy,
  };
}

/** A single criterion's score on 0..1: (value − min) / (max − min); null for N/A or unanswered. */
export function scoreCriterion(criterion: Criterion, answer: Answer | null): number | null {
  // null is not in the Answer type, but stored or JSON-sourced answers may carry it: it means
  // "not answered", exactly like undefined.
  if (isUnanswered(answer)) return null;
  if (answer === 'na') {
    if (!criterion.allowNa) {
      throw new ScoringError(criterion.id, `Criterion "${criterion.id}" (${criterion.title}) does not allow N/A; choose a value.`);
    }
    return null;
  }
  const values = scaleValues(criterion);
  if (typeof answer !== 'number' || !values.includes(answer)) {
    throw new ScoringError(
      criterion.id,
      `Criterion "${criterion.id}" (${criterion.title}) was answered ${String(answer)}, which is not on its scale (${values.join(', ')}).`,
    );
  }
  // The parser guarantees at least two distinct values, so max > min.
  const min = values[0]!;
  const max = values[values.length - 1]!;
  return (answer - min) / (max - min);
}

function isUnanswered(answer: unknown): answer is undefined | null {
  return answer === undefined || answer === null;
}

function weightedPercentage(members: readonly Criterion[], criterionScores: Record<string, number | null>): number | null {
  let weightedSum = 0;
  let totalWeight = 0;
  for (const criterion of members) {
    const criterionScore = criterionScores[criterion.id];
    if (criterionScore === null || criterionScore === undefined) continue;
    weightedSum += criterion.weight * criterionScore;
    totalWeight += criterion.weight;
  }
  // Only zero-weight criteria answered (or none at all): there is nothing to average.
  // Computed in the contract's order (§4: 100 × Σ / Σ), so checks that do the same get the same
  // unrounded number. That order can round a hair past 100 (weights 0.1 and 0.7 at the top of
  // their scales gave 100.00000000000001); weightedSum ≤ totalWeight holds exactly, so the true
  // score never exceeds 100 and the cap only removes the rounding.
  return totalWeight > 0 ? Math.min(100, (100 * weightedSum) / totalWeight) : null;
}
