// The dashboard (contract §12): figures from the roll-ups, and a page of the reviews behind them.
// Days are the user's calendar days in `timeZone` (the page's), inclusive on both ends.
import { z } from '../../zod';
import { DAY } from '../../analytics/days';
import { reviewRecordSchema } from '../../review/record';

const day = z.string().regex(DAY, 'a day such as 2026-12-01');

export const dashboardFilterSchema = z.object({
  agentId: z.string().optional(),
  reviewerId: z.string().optional(),
  rubricId: z.string().optional(),
  rubricVersion: z.number().int().optional(),
  channel: z.string().optional(),
  kind: z.string().optional(),
  /** only the reviews of the reviewers who wrote reviews in this browser */
  mine: z.boolean().optional(),
});
export type DashboardFilterInput = z.infer<typeof dashboardFilterSchema>;

export const dashboardQuerySchema = z.object({
  timeZone: z.string().min(1).max(100),
  from: day,
  to: day,
  filter: dashboardFilterSchema,
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const figures = { reviews: z.number(), scored: z.number(), average: z.number().nullable(), autoFailed: z.number() };
const person = z.object({ id: z.string(), name: z.string() });

/** Where the next page of the review table starts: the last row shown. */
const reviewCursor = z.object({ submittedAt: z.string(), id: z.string(), revision: z.number() });
export type ReviewCursor = z.infer<typeof reviewCursor>;

export const dashboardReviewRowSchema = reviewRecordSchema
  .pick({ id: true, revision: true, kind: true, helpdesk: true, instance: true, ticketId: true, ticketUrl: true, channel: true, subject: true, reviewee: true, reviewer: true, rubric: true, score: true, autoFailed: true })
  .extend({ submittedAt: z.string(), origin: z.enum(['local', 'pulled', 'imported']) });
export type DashboardReviewRow = z.infer<typeof dashboardReviewRowSchema>;

export const dashboardSummarySchema = z.object({
  totals: z.object(figures),
  agents: z.array(z.object({ id: z.string(), name: z.string(), ...figures })),
  weeks: z.array(day),
  trend: z.array(z.object({ agentId: z.string(), averages: z.array(z.number().nullable()) })),
  teamTrend: z.array(z.number().nullable()),
  heat: z.array(z.object({ rubricId: z.string(), criterionId: z.string(), cells: z.array(z.object({ agentId: z.string(), n: z.number(), average: z.number() })) })),
  distribution: z.array(z.number()),
  options: z.object({
    agents: z.array(person),
    reviewers: z.array(person),
    rubrics: z.array(z.object({ id: z.string(), version: z.number() })),
    channels: z.array(z.string()),
    kinds: z.array(z.string()),
  }),
  mine: z.array(z.string()),
  /** the rubric versions in the range as the library has them (a pulled review's may be missing) */
  rubrics: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      name: z.string(),
      passMark: z.number().nullable(),
      criteria: z.array(z.object({ id: z.string(), title: z.string() })),
    }),
  ),
  /**
   * How much of the review plan for the range is done, per agent; null while there is no sample
   * in the range (the sampling feature fills it in: see `sampleCoverage` in the handler).
   */
  coverage: z.array(z.object({ agentId: z.string(), name: z.string(), planned: z.number(), done: z.number() })).nullable(),
  /** the roll-ups were built for this read (first open, or another time zone) */
  rebuilt: z.boolean(),
});
export type DashboardSummaryResponse = z.infer<typeof dashboardSummarySchema>;

export const dashboardProtocol = {
  'dashboard:summary': { request: dashboardQuerySchema, response: dashboardSummarySchema },
  // newest first; `before` is the previous page's `next`
  'dashboard:reviews': {
    request: dashboardQuerySchema.extend({ before: reviewCursor.nullable(), limit: z.number().int().min(1).max(200) }),
    response: z.object({ rows: z.array(dashboardReviewRowSchema), next: reviewCursor.nullable() }),
  },
  // the "Rebuild" path: the roll-ups from every stored review, in the page's time zone
  'dashboard:rebuild': { request: z.object({ timeZone: z.string().min(1).max(100) }), response: z.object({ reviews: z.number(), days: z.number() }) },
} as const;
