// The one message protocol between content scripts, the background and extension pages.
// Each message name maps to a request and a response schema; receivers validate with them.
// Content scripts import only the types from here (type-only imports), so zod stays out of them.
import { z } from '../zod';
import { LOAD_ERROR_CODES } from '../helpdesk/errors';
import { channelSchema, helpdeskNameSchema, personSchema, ticketSchema } from '../helpdesk/ticket-schema';
import { reviewDraftInputSchema, reviewKindSchema, reviewRecordSchema } from '../review/record';
import { rubricSchema } from '../rubric/schema';
import { settingsPatchSchema, settingsSchema } from '../settings/settings';
import { LIBRARY_CHANGED, TAB_DRAFT_CHANGED, TAB_STATE_CHANGED } from './names';

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
  z.object({ status: z.literal('ready'), ticket: ticketSchema, reviewer: personSchema.nullable(), loadedAt: z.number() }),
]);
export type TabState = z.infer<typeof tabStateSchema>;

const ok = z.object({ ok: z.literal(true) });

/** What the draft checks need to know about the ticket (contract §9), sent back to the page. */
export const draftContextSchema = z.object({
  channel: channelSchema,
  customerName: z.string().optional(),
  agentName: z.string().optional(),
  isComplaint: z.boolean().optional(),
});

export const draftSchema = z.object({ ...locator, text: z.string().max(200_000), updatedAt: z.number() });
export type Draft = z.infer<typeof draftSchema>;
const tabRef = z.object({ tabId: z.number().int() });

const reviewSlot = z.object({
  helpdesk: helpdeskNameSchema,
  instance: z.string(),
  ticketId: z.string(),
  reviewerId: z.string(),
  rubricId: z.string(),
  kind: reviewKindSchema,
});

export const protocol = {
  'ticket:report': { request: ticketReportSchema, response: z.object({ ok: z.literal(true), draftContext: draftContextSchema.optional() }) },
  'draft:report': { request: draftSchema.omit({ updatedAt: true }), response: ok },
  'tab:get-draft': { request: tabRef, response: draftSchema.nullable() },
  'tab:get-state': { request: tabRef, response: tabStateSchema },
  'tab:reload': { request: tabRef, response: ok },
  'reviews:open': {
    request: reviewSlot,
    // the newest revision for this ticket, reviewer and rubric, plus earlier submitted revisions
    response: z.object({ current: reviewRecordSchema.nullable(), history: z.array(reviewRecordSchema) }),
  },
  'reviews:rubric-in-use': { request: reviewSlot.omit({ rubricId: true }), response: z.object({ rubricId: z.string().nullable() }) },
  'reviews:save-draft': { request: reviewDraftInputSchema, response: reviewRecordSchema },
  'reviews:submit': { request: reviewDraftInputSchema, response: reviewRecordSchema },
  'rubrics:list': { request: z.object({}), response: z.array(rubricSchema) },
  'rubrics:get': { request: z.object({ id: z.string(), version: z.number().int() }), response: rubricSchema.nullable() },
  'rubrics:import': { request: z.object({ rubric: z.unknown() }), response: rubricSchema },
  'settings:get': { request: z.object({}), response: settingsSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsSchema },
  'domains:register': { request: z.object({ host: z.string(), helpdesk: helpdeskNameSchema }), response: settingsSchema },
  'domains:remove': { request: z.object({ host: z.string() }), response: settingsSchema },
} as const;

export type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = z.input<Protocol[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<Protocol[K]['response']>;

/** Every reply is wrapped so errors arrive as values with a sentence, not as a lost rejection. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; problems?: string[] } };

export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  data: RequestOf<K>;
}

export const tabStateChangedSchema = z.object({
  type: z.literal(TAB_STATE_CHANGED),
  tabId: z.number(),
  state: tabStateSchema,
});

export const tabDraftChangedSchema = z.object({
  type: z.literal(TAB_DRAFT_CHANGED),
  tabId: z.number(),
  draft: draftSchema.nullable(),
});

/** Background → extension pages: rubrics or settings changed (e.g. an import in Options). */
export const libraryChangedSchema = z.object({ type: z.literal(LIBRARY_CHANGED) });
