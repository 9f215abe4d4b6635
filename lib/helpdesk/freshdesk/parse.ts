// Freshdesk API payloads → normalized Ticket (contract §2). Pure: no fetch, no DOM.
//
// Accepts both the agent app's private `/api/_/` shapes (`{ ticket }`, `{ conversations }`) and
// the public `/api/v2` ones (unwrapped). Only ticket id, subject (the key must be present),
// created_at and conversation ids are required; everything else is parsed leniently.

import { z } from 'zod';
import type { Channel, Message, Person, Ticket } from '../types';
import {
  HelpdeskParseError,
  idToString,
  isRecord,
  normalizeInstance,
  parseAt,
  requireArray,
  requireObject,
  requireTimestamp,
  toIsoTimestamp,
} from '../parse-error';
import { htmlToText, plainToText } from '../text';
import { capTranscript } from '../text-budget';

export interface FreshdeskParseInput {
  instance: string;
  /** `/api/_/tickets/{id}?include=requester,stats` body (`{ ticket }`) or the `/api/v2` object */
  ticket: unknown;
  /** every page's conversations, concatenated in API (chronological) order */
  conversations: unknown[];
  /** `/api/v2/agents/{id}` bodies (`{ id, contact: { name, email } }`), `{ agent }`-wrapped or flat */
  agents?: unknown[];
  /** `/api/v2/ticket_fields` (or `{ ticket_fields }`): the status field's choices label codes 6+ */
  ticketFields?: unknown[];
}

// --- schemas (built once) ----------------------------------------------------------------------

// Integers only; ids beyond 2^53 are accepted (zod's .int() would reject them) and stringified.
const idSchema = z.union([
  z.number().refine((n) => Number.isInteger(n)),
  z.string().trim().min(1),
]);
const optionalId = idSchema.nullish().catch(null);
const optionalString = z.string().nullish().catch(null);
const optionalCode = z.union([z.number(), z.string()]).nullish().catch(null);

const personSchema = z.object({ id: idSchema, name: optionalString, email: optionalString });

const ticketSchema = z.object({
  id: idSchema,
  // Key required; an empty value falls back to "(no subject)".
  subject: z.string().nullable(),
  description: optionalString,
  description_text: optionalString,
  status: optionalCode,
  source: optionalCode,
  tags: z.array(z.unknown()).nullish().catch(null),
  requester_id: optionalId,
  responder_id: optionalId,
  support_email: optionalString,
  created_at: z.unknown(),
  updated_at: z.unknown(),
  requester: personSchema.nullish().catch(null),
  stats: z
    .object({ first_responded_at: z.unknown(), resolved_at: z.unknown() })
    .nullish()
    .catch(null),
  // set by the content script (slim.ts) when it cut the description: see text-budget.ts
  qa_truncated: z.boolean().nullish().catch(null),
});

const conversationSchema = z.object({
  id: idSchema,
  body: optionalString,
  body_text: optionalString,
  incoming: z.boolean().nullish().catch(null),
  private: z.boolean().nullish().catch(null),
  source: optionalCode,
  user_id: optionalId,
  from_email: optionalString,
  support_email: optionalString,
  created_at: z.unknown(),
  // set by the content script (slim.ts) when it cut the text: see text-budget.ts
  qa_truncated: z.boolean().nullish().catch(null),
});
const conversationsSchema = z.array(conversationSchema);

const agentSchema = z.object({
  id: idSchema,
  name: optionalString,
  email: optionalString,
  contact: z.object({ name: optionalString, email: optionalString }).nullish().catch(null),
});

// --- codes ------------------------------------------------------------------------------------

const STATUS: Record<number, string> = { 2: 'Open', 3: 'Pending', 4: 'Resolved', 5: 'Closed' };

function toCode(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return null;
}

/**
 * Status label. Codes 6+ are account-defined and their labels live only in
 * `/api/v2/ticket_fields` (see `statusLabels`); without them such a code reads "Status <n>".
 */
export function freshdeskStatus(status: string | number | null | undefined, labels?: ReadonlyMap<number, string>): string {
  const code = toCode(status);
  if (code !== null) return labels?.get(code) ?? STATUS[code] ?? `Status ${code}`;
  if (typeof status === 'string' && status.trim() !== '') return status.trim();
  return 'Unknown';
}

function labelOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  // ["Waiting on Customer", "Awaiting your Reply"]: the agent's label, then the customer's.
  if (Array.isArray(value)) return labelOf(value[0]);
  if (isRecord(value)) return labelOf(value.label ?? value.value ?? value.name ?? value.agent_label);
  return null;
}

function isStatusField(f: Record<string, unknown>): boolean {
  return f.name === 'status' || f.type === 'default_status';
}

/**
 * Agent labels of every status code, from the `status` field of `/api/v2/ticket_fields`. The
 * documented shape is `choices: { "6": ["Waiting on Customer", "Awaiting your Reply"] }`; also
 * read: `{ "6": "Waiting on Customer" }`, the inverted `{ "Waiting on Customer": 6 }` used by
 * other default fields, and a list of choice objects (`[{ id: 6, label | value: "…" }]`, as the
 * admin endpoints write them).
 */
export function statusLabels(ticketFields: unknown): Map<number, string> {
  const labels = new Map<number, string>();
  const fields = Array.isArray(ticketFields) ? ticketFields : isRecord(ticketFields) ? (Array.isArray(ticketFields.ticket_fields) ? ticketFields.ticket_fields : [ticketFields]) : [];
  for (const f of fields) {
    if (!isRecord(f) || !isStatusField(f)) continue;
    const { choices } = f;
    if (Array.isArray(choices)) {
      for (const choice of choices) {
        if (!isRecord(choice)) continue;
        const code = toCode(codeLike(choice.status_id) ?? codeLike(choice.value) ?? codeLike(choice.id));
        const label = labelOf(choice.label) ?? labelOf(choice.value) ?? labelOf(choice.name);
        if (code !== null && label && !labels.has(code)) labels.set(code, label);
      }
    } else if (isRecord(choices)) {
      for (const [key, value] of Object.entries(choices)) {
        const keyCode = toCode(key);
        if (keyCode !== null) {
          const label = labelOf(value);
          if (label && !labels.has(keyCode)) labels.set(keyCode, label);
        } else {
          const valueCode = toCode(codeLike(value));
          if (valueCode !== null && key.trim() && !labels.has(valueCode)) labels.set(valueCode, key.trim());
        }
      }
    }
  }
  return labels;
}

function codeLike(value: unknown): string | number | null {
  return typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) ? value : null;
}

const SOURCE: Record<number, Channel> = {
  1: 'email',
  2: 'web', // portal
  3: 'phone',
  4: 'web', // forum
  5: 'social', // Twitter
  6: 'social', // Facebook
  7: 'chat',
  // MobiHelp is an in-app SDK; Zendesk's mobile_sdk maps to 'other' too, so both helpdesks
  // file the same kind of ticket under the same channel.
  8: 'other',
  9: 'web', // feedback widget
  10: 'email', // outbound email
  11: 'other', // e-commerce
  12: 'chat', // bot: a conversational exchange, reviewed like a chat
  13: 'messaging', // WhatsApp
};

/** Ticket `source` code → Channel (not the conversation `source`, which is another enum). */
export function freshdeskChannel(source: string | number | null | undefined): Channel {
  const code = toCode(source);
  return (code !== null && SOURCE[code]) || 'other';
}

// --- people -----------------------------------------------------------------------------------

function buildAgentMap(agents: unknown): Map<string, Person> {
  const map = new Map<string, Person>();
  if (!Array.isArray(agents)) return map;
  for (const raw of agents) {
    const inner = isRecord(raw) && isRecord(raw.agent) ? raw.agent : raw;
    const parsed = agentSchema.safeParse(inner);
    if (!parsed.success) continue; // an unreadable agent only costs a name
    const a = parsed.data;
    const id = idToString(a.id);
    const name = (a.contact?.name ?? a.name)?.trim();
    const email = (a.contact?.email ?? a.email)?.trim();
    map.set(id, makePerson(id, name, email));
  }
  return map;
}

function makePerson(id: string, name: string | null | undefined, email: string | null | undefined): Person {
  const trimmedName = name?.trim();
  const trimmedEmail = email?.trim();
  const display = trimmedName || trimmedEmail || `User ${id}`;
  return trimmedEmail ? { id, name: display, email: trimmedEmail } : { id, name: display };
}

// `"Acme Support" <help@acme.com>` or a bare address.
function parseAddress(from: string): { name?: string; email: string } | null {
  const m = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  if (m) return { name: m[1]?.trim() || undefined, email: m[2] ?? '' };
  const bare = from.trim();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? { email: bare } : null;
}

// --- the parser -------------------------------------------------------------------------------

type Conversation = z.infer<typeof conversationSchema>;

const NOTE_SOURCE = 2;

/**
 * The sender of a conversation when it says something about its author: an incoming mail that
 * is not a note (agents' notes can be `incoming` too, and carry the support mailbox as From) and
 * was not sent from the support mailbox itself.
 */
function senderOf(c: Conversation, ticketSupportEmail: string | null | undefined): { name?: string; email: string } | null {
  if (c.incoming !== true || !c.from_email || toCode(c.source) === NOTE_SOURCE) return null;
  const from = parseAddress(c.from_email);
  if (!from) return null;
  const address = from.email.toLowerCase();
  if (address === c.support_email?.trim().toLowerCase() || address === ticketSupportEmail?.trim().toLowerCase()) return null;
  return from;
}

/** Plain `*_text` when present (normalizing Freshdesk's " \n " line padding), else stripped HTML. */
function messageText(text: string | null | undefined, html: string | null | undefined): string {
  if (text) return plainToText(text);
  if (html) return htmlToText(html);
  return '';
}

function minutesBetween(from: string, to: unknown): number | null {
  const end = toIsoTimestamp(to);
  if (end === null) return null;
  const minutes = (Date.parse(end) - Date.parse(from)) / 60_000;
  // Whole minutes, like Zendesk's metrics; a negative span means clock or data trouble.
  return minutes >= 0 ? Math.round(minutes) : null;
}

export function parseFreshdeskTicket(input: FreshdeskParseInput): Ticket {
  if (!isRecord(input)) throw new HelpdeskParseError('freshdesk', '', 'input is not an object');
  const instance = normalizeInstance('freshdesk', input.instance);

  const body = requireObject('freshdesk', 'ticket', input.ticket);
  // `/api/_/` wraps the ticket; `/api/v2` does not. A v2 ticket has its own id at the top.
  const t = parseAt('freshdesk', ['ticket'], isRecord(body.ticket) && body.id === undefined ? body.ticket : body, ticketSchema);
  const id = idToString(t.id);
  const createdAt = requireTimestamp('freshdesk', 'ticket.created_at', t.created_at);
  const updatedAt = toIsoTimestamp(t.updated_at) ?? createdAt;

  const conversations = parseAt('freshdesk', ['conversations'], requireArray('freshdesk', 'conversations', input.conversations), conversationsSchema);

  const agents = buildAgentMap(input.agents);
  const requesterId = t.requester_id != null ? idToString(t.requester_id) : t.requester ? idToString(t.requester.id) : null;
  const responderId = t.responder_id != null ? idToString(t.responder_id) : null;

  // The embedded requester is trusted only when it is the ticket's requester (it can be stale or
  // belong to another contact in some responses).
  const embedded = t.requester && idToString(t.requester.id) === requesterId ? t.requester : null;
  let requester: Person;
  if (requesterId === null) requester = { id: 'unknown', name: 'Unknown requester' };
  else if (embedded) requester = makePerson(requesterId, embedded.name, embedded.email);
  else {
    // Without include=requester, the From of the requester's own mails is the best name there is.
    let from: { name?: string; email: string } | null = null;
    for (const c of conversations) {
      if (c.user_id != null && idToString(c.user_id) === requesterId) from = senderOf(c, t.support_email);
      if (from) break;
    }
    requester = agents.get(requesterId) ?? makePerson(requesterId, from?.name, from?.email);
  }
  const assignee: Person | null = responderId === null ? null : (agents.get(responderId) ?? makePerson(responderId, null, null));

  const messages: Message[] = [];
  const descriptionText = messageText(t.description_text, t.description);
  // The description is the first customer message but has no id or author of its own: it gets a
  // stable synthetic id and the requester, by Freshdesk's convention. An empty description (some
  // phone/outbound tickets) is left out rather than shown as a blank bubble.
  if (descriptionText !== '' || t.description) {
    const description: Message = {
      id: `description-${id}`,
      author: requester,
      role: 'customer',
      visibility: 'public',
      createdAt,
      text: descriptionText,
    };
    if (t.description) description.html = t.description;
    if (t.qa_truncated) description.truncated = true;
    messages.push(description);
  }

  const unknownAuthors = new Map<string, Person>();
  const authorOf = (c: Conversation, userId: string): Person => {
    if (userId === requesterId) return requester;
    const agent = agents.get(userId) ?? (userId === responderId ? assignee : undefined);
    if (agent) return agent;
    let p = unknownAuthors.get(userId);
    if (!p) {
      // For someone we have no record of, an incoming mail's From is the best name we have
      // (a CC'd colleague of the customer, say).
      const from = senderOf(c, t.support_email);
      p = makePerson(userId, from?.name, from?.email);
      unknownAuthors.set(userId, p);
    }
    return p;
  };

  const seen = new Set<string>();
  let agentReplies = 0;
  for (const c of conversations) {
    const messageId = idToString(c.id);
    if (seen.has(messageId)) continue; // overlapping pages must not duplicate messages
    seen.add(messageId);
    const userId = c.user_id == null ? null : idToString(c.user_id);

    // The author decides the role; `incoming` is true on some agent-written notes, so it is
    // only a fallback for authors we cannot place.
    let role: Message['role'];
    if (userId === null) role = c.incoming === true ? 'customer' : 'system';
    else if (userId === requesterId) role = 'customer';
    else if (agents.has(userId) || userId === responderId) role = 'agent';
    // Customers cannot write private notes, whatever `incoming` says.
    else if (c.private === true) role = 'agent';
    else if (c.incoming === true) role = 'customer';
    else role = c.incoming === false ? 'agent' : 'customer';

    const visibility: Message['visibility'] = c.private === true ? 'internal' : 'public';
    if (role === 'agent' && visibility === 'public') agentReplies++;

    const message: Message = {
      id: messageId,
      author: userId === null ? { id: 'system', name: 'System' } : authorOf(c, userId),
      role,
      visibility,
      // Unreadable timestamp: keep the message in its API position and borrow the ticket's
      // creation time instead of failing the whole ticket.
      createdAt: toIsoTimestamp(c.created_at) ?? createdAt,
      text: messageText(c.body_text, c.body),
    };
    if (c.body) message.html = c.body;
    if (c.qa_truncated) message.truncated = true;
    messages.push(message);
  }

  return {
    helpdesk: 'freshdesk',
    instance,
    id,
    url: `https://${instance}/a/tickets/${encodeURIComponent(id)}`,
    subject: t.subject?.trim() || '(no subject)',
    status: freshdeskStatus(t.status, statusLabels(input.ticketFields)),
    channel: freshdeskChannel(t.source),
    tags: (t.tags ?? []).filter((tag): tag is string => typeof tag === 'string' && tag !== ''),
    requester,
    assignee,
    createdAt,
    updatedAt,
    messages: capTranscript(messages),
    // Always present: replies is counted from the transcript (public agent messages, public notes
    // included); the time spans need `stats` (include=stats) and are null without it.
    metrics: {
      firstReplyMinutes: t.stats ? minutesBetween(createdAt, t.stats.first_responded_at) : null,
      resolutionMinutes: t.stats ? minutesBetween(createdAt, t.stats.resolved_at) : null,
      replies: agentReplies,
    },
  };
}
