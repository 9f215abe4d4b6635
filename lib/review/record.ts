// The review record `qa-review/1` (public contract §5) and the pure rules that build it.
// The background is the only writer: it recomputes scores from the stored rubric so a record's
// score always matches its answers, whatever a page sent.
import { z } from '../zod';
import { channelSchema, helpdeskNameSchema } from '../helpdesk/ticket-schema';
import type { Rubric } from '../rubric/schema';
import { scoreReview } from '../rubric/scoring';

export const REVIEW_FORMAT = 'qa-review/1';

export const reviewKindSchema = z.enum(['review', 'self', 'calibration']);
export type ReviewKind = z.infer<typeof reviewKindSchema>;

const actorSchema = z.object({ id: z.string(), name: z.string() });

export const evidenceSchema = z.object({ messageId: z.string(), quote: z.string() });

export const reviewAnswerSchema = z.object({
  criterionId: z.string(),
  value: z.number().nullable(),
  na: z.boolean(),
  score: z.number().nullable(),
  comment: z.string().optional(),
  messageId: z.string().optional(),
  evidence: z.array(evidenceSchema).optional(),
});
export type ReviewAnswer = z.infer<typeof reviewAnswerSchema>;

export const reviewRecordSchema = z.object({
  format: z.literal(REVIEW_FORMAT),
  id: z.string(),
  revision: z.number().int().min(1),
  kind: reviewKindSchema,
  status: z.enum(['draft', 'submitted']),
  helpdesk: helpdeskNameSchema,
  instance: z.string(),
  ticketId: z.string(),
  ticketUrl: z.string(),
  channel: channelSchema,
  subject: z.string().optional(),
  reviewee: actorSchema.nullable(),
  reviewer: actorSchema,
  rubric: z.object({ id: z.string(), version: z.number().int() }),
  score: z.number().nullable(),
  autoFailed: z.boolean(),
  answers: z.array(reviewAnswerSchema),
  strengths: z.string().optional(),
  improvements: z.string().optional(),
  actions: z.array(z.object({ text: z.string(), due: z.string().optional() })).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().optional(),
});
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

/** What the panel sends: the reviewer's choices, never a score. */
export const answerInputSchema = z.object({
  value: z.union([z.number(), z.literal('na')]).nullable(),
  comment: z.string().max(20_000).default(''),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const reviewDraftInputSchema = z.object({
  /** absent for a review not stored yet */
  id: z.string().optional(),
  kind: reviewKindSchema,
  ticket: z.object({
    helpdesk: helpdeskNameSchema,
    instance: z.string(),
    id: z.string(),
    url: z.string(),
    channel: channelSchema,
    subject: z.string(),
  }),
  reviewee: actorSchema.nullable(),
  reviewer: actorSchema,
  rubric: z.object({ id: z.string(), version: z.number().int() }),
  answers: z.record(z.string(), answerInputSchema),
  strengths: z.string().max(20_000).optional(),
  improvements: z.string().max(20_000).optional(),
  /** set after Edit on a submitted review: this change opens its next revision */
  revise: z.boolean().optional(),
  /**
   * `updatedAt` of the stored revision this form was showing, null when it showed none (absent:
   * no check). A save made from an outdated copy — another window changed the review meanwhile —
   * is refused instead of silently overwriting that window's work.
   */
  basedOn: z.string().nullable().optional(),
  /**
   * The form that sends the save (an id per open form) and its save count. A form may overwrite
   * its own latest save even when `basedOn` lags behind it — the last save when a panel closes is
   * sent at once, without waiting for the one in flight — and a save that arrives after a later
   * one of the same form is ignored, so the newest change always wins.
   */
  writer: z.object({ id: z.string().min(1).max(100), seq: z.number().int().min(0) }).optional(),
});
export type ReviewDraftInput = z.infer<typeof reviewDraftInputSchema>;

/**
 * The answer given for one criterion. Own keys only: a criterion id such as "constructor" is a
 * valid slug, and a plain lookup would find Object.prototype's member instead of "no answer".
 */
export function answerOf<T>(answers: Readonly<Record<string, T>>, criterionId: string): T | undefined {
  return Object.hasOwn(answers, criterionId) ? answers[criterionId] : undefined;
}

/** Answers in rubric order, scored; throws (via scoreReview) on a value off the scale. */
export function scoreAnswers(rubric: Rubric, answers: Record<string, AnswerInput>) {
  const values: Record<string, number | 'na' | undefined> = {};
  const answerFor = (id: string) => answerOf(answers, id);
  for (const c of rubric.criteria) {
    const v = answerFor(c.id)?.value;
    values[c.id] = v === null ? undefined : v;
  }
  const result = scoreReview(rubric, values);
  const list: ReviewAnswer[] = [];
  for (const c of rubric.criteria) {
    const input = answerFor(c.id);
    if (!input) continue;
    const comment = input.comment.trim() ? input.comment : undefined;
    if (input.value === null && !comment) continue;
    list.push({
      criterionId: c.id,
      value: typeof input.value === 'number' ? input.value : null,
      na: input.value === 'na',
      score: result.criteria[c.id] ?? null,
      ...(comment ? { comment } : {}),
    });
  }
  return { result, answers: list };
}

/**
 * The record a draft input becomes. `previous` is the stored revision being continued (same id and
 * revision), or undefined for a new review.
 */
export function buildDraftRecord(
  rubric: Rubric,
  input: ReviewDraftInput,
  previous: ReviewRecord | undefined,
  ids: { newId: () => string; now: string },
): ReviewRecord {
  const { result, answers } = scoreAnswers(rubric, input.answers);
  return {
    format: REVIEW_FORMAT,
    id: previous?.id ?? input.id ?? ids.newId(),
    revision: previous?.revision ?? 1,
    kind: input.kind,
    status: 'draft',
    helpdesk: input.ticket.helpdesk,
    instance: input.ticket.instance,
    ticketId: input.ticket.id,
    ticketUrl: input.ticket.url,
    channel: input.ticket.channel,
    subject: input.ticket.subject,
    reviewee: input.reviewee,
    reviewer: input.reviewer,
    rubric: { id: rubric.id, version: rubric.version },
    score: result.score,
    autoFailed: result.autoFailed,
    answers,
    ...(input.strengths?.trim() ? { strengths: input.strengths } : {}),
    ...(input.improvements?.trim() ? { improvements: input.improvements } : {}),
    createdAt: previous?.createdAt ?? ids.now,
    updatedAt: ids.now,
  };
}

/** Turns stored answers back into the panel's editable shape. */
export function answersToInput(record: ReviewRecord): Record<string, AnswerInput> {
  // No prototype: criterion ids are data, and "__proto__" must stay an ordinary key.
  const out: Record<string, AnswerInput> = Object.create(null) as Record<string, AnswerInput>;
  for (const a of record.answers) {
    out[a.criterionId] = { value: a.na ? 'na' : a.value, comment: a.comment ?? '' };
  }
  return out;
}
