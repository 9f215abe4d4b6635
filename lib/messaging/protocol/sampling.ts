// The weekly sample (Sampling page) and the review queue (panel).
import { z } from '../../zod';
import { SAMPLE_MODES, sampleRecordSchema } from '../../analytics/sample-plan';
import { helpdeskNameSchema } from '../../helpdesk/ticket-schema';

const ok = z.object({ ok: z.literal(true) });

export const helpdeskTabSchema = z.object({ tabId: z.number().int(), helpdesk: helpdeskNameSchema, instance: z.string(), title: z.string() });
export type HelpdeskTabInfo = z.infer<typeof helpdeskTabSchema>;

const source = { tabId: z.number().int(), helpdesk: helpdeskNameSchema, instance: z.string().min(1) };

export const listingProgressSchema = z.object({
  phase: z.enum(['agents', 'tickets', 'risk', 'saving']),
  pages: z.number().int(),
  tickets: z.number().int(),
  riskDone: z.number().int(),
  riskTotal: z.number().int(),
  waitingUntil: z.number().nullable(),
  waitReason: z.enum(['rate-limited', 'server-error', 'network']).nullable(),
  rateLimited: z.number().int(),
});
export type ListingProgressView = z.infer<typeof listingProgressSchema>;

export const jobOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), instance: z.string(), weekId: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), code: z.string(), message: z.string() }),
]);
export type JobOutcomeView = z.infer<typeof jobOutcomeSchema>;

export const sampleViewSchema = sampleRecordSchema.extend({ done: z.array(z.string()) });
export type SampleViewData = z.infer<typeof sampleViewSchema>;

const WEEK = 7 * 24 * 3_600_000;
const weekSchema = z
  .object({ id: z.string().regex(/^\d{4}-W\d{2}$/), start: z.number(), end: z.number(), timeZone: z.string().min(1) })
  // A week across a daylight-saving change is an hour shorter or longer than seven days.
  .refine((w) => w.end > w.start && Math.abs(w.end - w.start - WEEK) <= 3_600_000, 'a week is Monday to Monday');

export const queueViewSchema = z.object({
  sample: z.object({ instance: z.string(), helpdesk: helpdeskNameSchema, weekId: z.string() }).nullable(),
  total: z.number().int(),
  done: z.number().int(),
  next: z.object({ ticketId: z.string(), subject: z.string() }).nullable(),
});
export type QueueViewData = z.infer<typeof queueViewSchema>;

export const samplingProtocol = {
  /** the open helpdesk tabs a listing can run through */
  'sampling:tabs': { request: z.object({}), response: z.array(helpdeskTabSchema) },
  /** the helpdesk's agents, read through that tab */
  'sampling:agents': { request: z.object(source), response: z.array(z.object({ id: z.string(), name: z.string() })) },
  /** starts listing the week and drawing; progress and the end arrive as `sampling:progress` / `sampling:finished` */
  'sampling:start': {
    request: z.object({
      jobId: z.string().min(1).max(100),
      ...source,
      week: weekSchema,
      perAgent: z.number().int().min(1).max(500),
      seed: z.string().trim().min(1).max(200),
      mode: z.enum(SAMPLE_MODES),
      agentIds: z.array(z.string()).max(5_000).nullable(),
    }),
    response: ok,
  },
  'sampling:cancel': { request: z.object({ jobId: z.string() }), response: z.object({ cancelled: z.boolean() }) },
  /** the saved sample of an instance and week, with the items already reviewed */
  'sampling:get': { request: z.object({ instance: z.string(), weekId: z.string() }), response: sampleViewSchema.nullable() },
  /** the reviewer's queue: the newest sample (of that instance first), how far it is done, what is next */
  'sampling:queue': { request: z.object({ instance: z.string().nullable(), ticketId: z.string().nullable() }), response: queueViewSchema },
  /** opens the next open item of the queue in the tab */
  'sampling:next': {
    request: z.object({ tabId: z.number().int(), instance: z.string().nullable(), ticketId: z.string().nullable() }),
    response: z.object({ ticketId: z.string().nullable() }),
  },
} as const;
