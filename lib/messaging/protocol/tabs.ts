// Tabs and tickets: what content scripts report, what the background knows per tab, and what the
// panel asks of it.
import { z } from '../../zod';
import { LOAD_ERROR_CODES } from '../../helpdesk/errors';
import { channelSchema, helpdeskNameSchema, personSchema, ticketSchema } from '../../helpdesk/ticket-schema';
import { sendGuardModeSchema } from '../../settings/settings';

const locator = {
  helpdesk: helpdeskNameSchema,
  instance: z.string(),
  ticketId: z.string(),
};

export const loadErrorSchema = z.object({
  code: z.enum(LOAD_ERROR_CODES),
  status: z.number().optional(),
  detail: z.string().optional(),
});

export const waitReasonSchema = z.enum(['rate-limited', 'server-error', 'network']);

/** What a content script tells the background about the ticket in front of the agent. */
export const ticketReportSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('loading'), ...locator, loaded: z.number().int().min(0) }),
  z.object({
    phase: z.literal('waiting'),
    ...locator,
    reason: waitReasonSchema,
    retryAt: z.number(),
    attempt: z.number().int(),
  }),
  z.object({ phase: z.literal('error'), ...locator, error: loadErrorSchema }),
  // The raw API bodies: the background parses them, so the content script stays small.
  z.object({ phase: z.literal('loaded'), ...locator, raw: z.record(z.string(), z.unknown()) }),
]);
export type TicketReport = z.infer<typeof ticketReportSchema>;

/** What the background knows about one browser tab; the side panel renders it. */
export const tabStateSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  z.object({ status: z.literal('loading'), ...locator, loaded: z.number() }),
  z.object({
    status: z.literal('waiting'),
    ...locator,
    reason: waitReasonSchema,
    retryAt: z.number(),
    attempt: z.number(),
  }),
  z.object({ status: z.literal('error'), ...locator, error: loadErrorSchema }),
  z.object({
    status: z.literal('ready'),
    ticket: ticketSchema,
    reviewer: personSchema.nullable(),
    /**
     * Where `reviewer` comes from: the helpdesk's "who am I" answer for this load (known), or an
     * earlier answer remembered for the instance (assumed: the panel says so and Submit asks).
     */
    reviewerSource: z.enum(['helpdesk', 'remembered']).optional(),
    loadedAt: z.number(),
  }),
]);
export type TabState = z.infer<typeof tabStateSchema>;

/** What the draft checks need to know about the ticket (contract §9), sent back to the page. */
export const draftContextSchema = z.object({
  channel: channelSchema,
  customerName: z.string().optional(),
  agentName: z.string().optional(),
  isComplaint: z.boolean().optional(),
});

export const draftSchema = z.object({ ...locator, text: z.string().max(200_000), updatedAt: z.number() });
export type Draft = z.infer<typeof draftSchema>;

const ok = z.object({ ok: z.literal(true) });
const tabRef = z.object({ tabId: z.number().int() });

export const tabsProtocol = {
  'ticket:report': {
    request: ticketReportSchema,
    // sendGuard: what the check before Send may do in that page (the setting in Options)
    response: z.object({ ok: z.literal(true), draftContext: draftContextSchema.optional(), sendGuard: sendGuardModeSchema.optional() }),
  },
  'draft:report': { request: draftSchema.omit({ updatedAt: true }), response: ok },
  'tab:get-draft': { request: tabRef, response: draftSchema.nullable() },
  'tab:get-state': { request: tabRef, response: tabStateSchema },
  'tab:reload': { request: tabRef, response: ok },
} as const;
