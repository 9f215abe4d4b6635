// When a review is complete enough to submit: every criterion rated or marked N/A (N/A only where
// the rubric allows it), and a comment beside every rating the rubric asks one for. The panel
// disables Submit and says what is missing with it; the background refuses an incomplete submit
// with the same rule, so a page that skips the check cannot store a half-done review.
import { scaleValues, type Criterion, type Rubric } from '../rubric/schema';
import { scoreCriterion } from '../rubric/scoring';
import { groupCriteria } from '../rubric/sections';

export type MissingReason =
  /** neither rated nor N/A */
  | 'unrated'
  /** N/A where the criterion does not allow it (e.g. a review moved to a stricter rubric) */
  | 'na-not-allowed'
  /** a value that is not on the criterion's scale */
  | 'off-scale'
  /** rated below the rubric's `requireCommentBelow` without a comment */
  | 'comment-required';

export interface MissingAnswer {
  criterionId: string;
  title: string;
  reason: MissingReason;
}

/** What the panel and the submit request carry per criterion (only `value` and `comment` matter). */
export interface GivenAnswer {
  value?: number | 'na' | null;
  comment?: string;
}

/** The scorecard's order: criteria of each declared section in section order, then the rest. */
export function criteriaInDisplayOrder(rubric: Pick<Rubric, 'criteria' | 'sections'>): Criterion[] {
  return groupCriteria(rubric).flatMap((g) => g.criteria);
}

/** The threshold that applies to a criterion: its own, else the rubric's; undefined when none. */
export function commentThreshold(rubric: Pick<Rubric, 'requireCommentBelow'>, criterion: Criterion): number | undefined {
  return criterion.requireCommentBelow ?? rubric.requireCommentBelow;
}

/** Whether this value, once chosen, needs a comment before Submit. */
export function needsComment(rubric: Pick<Rubric, 'requireCommentBelow'>, criterion: Criterion, value: number | 'na' | null | undefined): boolean {
  const threshold = commentThreshold(rubric, criterion);
  if (threshold === undefined || typeof value !== 'number' || !scaleValues(criterion).includes(value)) return false;
  const score = scoreCriterion(criterion, value);
  return score !== null && score < threshold;
}

/** Everything that keeps the review from being submitted, in the order the scorecard shows it. */
export function missingAnswers(rubric: Rubric, answers: Readonly<Record<string, GivenAnswer | undefined>>): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  for (const criterion of criteriaInDisplayOrder(rubric)) {
    // Own keys only: a criterion id such as "constructor" must not find Object.prototype's member.
    const answer = Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined;
    const reason = reasonMissing(rubric, criterion, answer);
    if (reason) missing.push({ criterionId: criterion.id, title: criterion.title, reason });
  }
  return missing;
}

function reasonMissing(rubric: Rubric, criterion: Criterion, answer: GivenAnswer | undefined): MissingReason | null {
  const value = answer?.value ?? null;
  if (value === null) return 'unrated';
  if (value === 'na') return criterion.allowNa ? null : 'na-not-allowed';
  if (typeof value !== 'number' || !scaleValues(criterion).includes(value)) return 'off-scale';
  if (needsComment(rubric, criterion, value) && !(answer?.comment ?? '').trim()) return 'comment-required';
  return null;
}

const TITLE_MAX = 48;
const LISTED_MAX = 3;

/** A title cut at a word boundary, for one-line messages. */
export function shortTitle(title: string, max = TITLE_MAX): string {
  const text = title.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

function listTitles(items: readonly MissingAnswer[]): string {
  const shown = items.slice(0, LISTED_MAX).map((m) => shortTitle(m.title));
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}

/**
 * One line for a person: "Rate 1 more: Verified identity", "Rate 3 more: A, B, C",
 * "Comment on 1 low rating: Tone"; both parts joined by " · ". Empty when nothing is missing.
 */
export function describeMissing(missing: readonly MissingAnswer[]): string {
  const toRate = missing.filter((m) => m.reason !== 'comment-required');
  const toComment = missing.filter((m) => m.reason === 'comment-required');
  const parts: string[] = [];
  if (toRate.length) parts.push(`Rate ${toRate.length} more: ${listTitles(toRate)}`);
  if (toComment.length) parts.push(`Comment on ${toComment.length} low ${toComment.length === 1 ? 'rating' : 'ratings'}: ${listTitles(toComment)}`);
  return parts.join(' · ');
}
