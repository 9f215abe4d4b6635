// Zendesk API payloads → normalized Ticket (contract §2). Pure: no fetch, no DOM.
//
// Leniency policy: only what a ticket cannot exist without is required — ticket id, subject
// (the key must be present), created_at, and an id on each comment. Everything else is parsed
// with `.catch()` so that a field that is null in one endpoint, "" in another and absent in a
// third never breaks loading a ticket.

import { z } from 'zod';
import type { Message, Person, Ticket } from '../types';
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
import { zendeskChannel } from './channel';
import { attachmentPlaceholders, fileNameFromUrl, mergeTranscript, readLogEvents, type CommentEntry, type LogEntry, type LogEvent } from './conversation-log';

export { zendeskChannel };

export interface ZendeskParseInput {
  instance: string;
  /** body of `GET /api/v2/tickets/{id}.json?include=users` (`{ ticket, users }`) or its `.ticket` */
  ticket: unknown;
  /** the `comments` arrays of every page, concatenated in API (chronological) order */
  comments: unknown[];
  /** users sideloaded anywhere (comments pages with include=users, /users/show_many, …) */
  users?: unknown[];
  /** body of `/api/v2/tickets/{id}/metrics.json` (`{ ticket_metric }`) or the inner object */
  metrics?: unknown;
  /**
   * the `events` of every page of `/api/v2/tickets/{id}/conversation_log` (Messaging
   * transcripts), merged with the comments — see conversation-log.ts
   */
  conversationLog?: unknown[];
  /** the `custom_statuses` of `/api/v2/custom_statuses`: labels for `custom_status_id` */
  customStatuses?: unknown[];
}

// --- schemas (built once at module load; parsing a 5 000-comment ticket reuses them) ----------

// Integers only: ids beyond 2^53 are accepted (zod's .int() would reject them) and stringified.
const idSchema = z.union([
  z.number().refine((n) => Number.isInteger(n)),
  z.string().trim().min(1),
]);
const optionalId = idSchema.nullish().catch(null);
const optionalString = z.string().nullish().catch(null);
const optionalNumber = z.number().nullish().catch(null);

const ticketSchema = z.object({
  id: idSchema,
  // The key must be there; a null/"" value is legitimate (API- and messaging-created tickets)
  // and falls back to raw_subject, then "(no subject)".
  subject: z.string().nullable(),
  raw_subject: optionalString,
  description: optionalString,
  status: optionalString,
  custom_status_id: optionalId,
  tags: z.array(z.unknown()).nullish().catch(null),
  via: z.object({ channel: z.union([z.string(), z.number()]).nullish().catch(null) }).nullish().catch(null),
  requester_id: optionalId,
  assignee_id: optionalId,
  created_at: z.unknown(),
  updated_at: z.unknown(),
  satisfaction_rating: z.object({ score: optionalString }).nullish().catch(null),
  // set by the content script (slim.ts) when it cut the description: see text-budget.ts
  qa_truncated: z.boolean().nullish().catch(null),
});

const userSchema = z.object({
  id: idSchema,
  name: optionalString,
  email: optionalString,
  role: optionalString,
});

const commentSchema = z.object({
  id: idSchema,
  type: optionalString,
  author_id: optionalId,
  body: optionalString,
  html_body: optionalString,
  plain_body: optionalString,
  public: z.boolean().nullish().catch(null),
  created_at: z.unknown(),
  // VoiceComment: the call transcript lives here, body is often empty.
  data: z.object({ transcription_text: optionalString }).nullish().catch(null),
  // Only their names are read, to recognise a Messaging image that is also in the conversation log.
  attachments: z.array(z.unknown()).nullish().catch(null),
  // set by the content script (slim.ts) when it cut the text: see text-budget.ts
  qa_truncated: z.boolean().nullish().catch(null),
});
const commentsSchema = z.array(commentSchema);

const minutesSchema = z
  .union([z.number(), z.object({ calendar: optionalNumber })])
  .nullish()
  .catch(null);
const metricsSchema = z.object({
  reply_time_in_minutes: minutesSchema,
  first_resolution_time_in_minutes: minutesSchema,
  full_resolution_time_in_minutes: minutesSchema,
  agent_wait_time_in_minutes: minutesSchema,
  requester_wait_time_in_minutes: minutesSchema,
  replies: optionalNumber,
  reopens: optionalNumber,
  satisfaction_rating: z.object({ score: optionalString }).nullish().catch(null),
});

type ZendeskUser = z.infer<typeof userSchema>;
type Minutes = z.infer<typeof minutesSchema>;

// --- people -----------------------------------------------------------------------------------

const SYSTEM_AUTHOR_ID = '-1';

function buildUserMap(lists: readonly unknown[][]): Map<string, ZendeskUser> {
  const map = new Map<string, ZendeskUser>();
  for (const list of lists) {
    for (const raw of list) {
      const parsed = userSchema.safeParse(raw);
      if (!parsed.success) continue; // a sideloaded user we cannot read only costs a name
      const id = idToString(parsed.data.id);
      const known = map.get(id);
      // The same user is often sideloaded by several responses; fill gaps, don't overwrite.
      if (!known) map.set(id, parsed.data);
      else map.set(id, {
        ...known,
        name: known.name || parsed.data.name,
        email: known.email || parsed.data.email,
        role: known.role || parsed.data.role,
      });
    }
  }
  return map;
}

function person(id: string, users: Map<string, ZendeskUser>): Person {
  const user = users.get(id);
  const name = user?.name?.trim();
  const email = user?.email?.trim();
  const fallback = id === SYSTEM_AUTHOR_ID ? 'System' : `User ${id}`;
  return email ? { id, name: name || email || fallback, email } : { id, name: name || fallback };
}

// --- metrics ----------------------------------------------------------------------------------

function calendarMinutes(value: Minutes): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value?.calendar ?? null;
}

/** CSAT as a number: good → 1, bad → 0; offered/unoffered/anything else → null. */
function csatScore(score: string | null | undefined): number | null {
  if (score === 'good') return 1;
  if (score === 'bad') return 0;
  return null;
}

/**
 * Metrics are present when the caller passed a metrics body or the ticket carries a
 * `satisfaction_rating` object. Then every key below is always there (null when unknown), so
 * consumers never have to tell "absent" from "null" — `csat` included: it is null both without a
 * rating object and for scores other than good/bad.
 */
function buildMetrics(
  rawMetrics: unknown,
  ticketRating: { score?: string | null } | null | undefined,
): Record<string, number | null> | undefined {
  const inner = isRecord(rawMetrics) && isRecord(rawMetrics.ticket_metric) ? rawMetrics.ticket_metric : rawMetrics;
  const parsed = isRecord(inner) ? metricsSchema.safeParse(inner) : undefined;
  const m = parsed?.success ? parsed.data : undefined;
  const rating = ticketRating ?? m?.satisfaction_rating;
  if (!m && !rating) return undefined;
  return {
    firstReplyMinutes: calendarMinutes(m?.reply_time_in_minutes),
    firstResolutionMinutes: calendarMinutes(m?.first_resolution_time_in_minutes),
    fullResolutionMinutes: calendarMinutes(m?.full_resolution_time_in_minutes),
    agentWaitMinutes: calendarMinutes(m?.agent_wait_time_in_minutes),
    requesterWaitMinutes: calendarMinutes(m?.requester_wait_time_in_minutes),
    replies: m?.replies ?? null,
    reopens: m?.reopens ?? null,
    csat: csatScore(rating?.score),
  };
}

// --- the parser -------------------------------------------------------------------------------

function roleOf(
  authorId: string | null,
  user: ZendeskUser | undefined,
  isPublic: boolean,
  ids: { requester: string | null; assignee: string | null },
): Message['role'] {
  if (authorId === null || authorId === SYSTEM_AUTHOR_ID) return 'system';
  // Internal ≠ agent (imported tickets have private descriptions by end-users): the user's role
  // decides whenever we know it.
  if (user?.role === 'end-user') return 'customer';
  if (user?.role === 'agent' || user?.role === 'admin') return 'agent';
  // Author not sideloaded: best guesses, most reliable first. Only agents can add private
  // comments in normal operation, so an unknown private author is taken for an agent.
  if (authorId === ids.requester) return 'customer';
  if (authorId === ids.assignee) return 'agent';
  return isPublic ? 'customer' : 'agent';
}

function commentText(c: z.infer<typeof commentSchema>): string {
  // plain_body/body are plain text (possibly with entities): angle brackets in them are what the
  // person typed and stay. Only html_body is markup to strip.
  let text = '';
  if (c.plain_body) text = plainToText(c.plain_body);
  else if (c.body) text = plainToText(c.body);
  else if (c.html_body) text = htmlToText(c.html_body);
  if (!text && c.data?.transcription_text) text = plainToText(c.data.transcription_text);
  // What was attached is part of what was said (a receipt, a photo of the damage; a Messaging
  // photo is a comment with no words at all): named on lines of its own.
  const files = attachmentPlaceholders(c.attachments);
  return text && files ? `${text}\n${files}` : text || files;
}

function attachmentNames(list: readonly unknown[] | null | undefined): string[] {
  const names: string[] = [];
  for (const a of list ?? []) {
    if (!isRecord(a)) continue;
    const name = typeof a.file_name === 'string' && a.file_name.trim() ? a.file_name.trim() : fileNameFromUrl(a.content_url);
    if (name) names.push(name);
  }
  return names;
}

// --- Messaging transcripts ---------------------------------------------------------------------

/**
 * Who wrote a conversation-log event, and as what.
 * - `user` → the customer; `agent` → an agent (a Support user we know by id gets their usual name).
 * - `bot` (Answer Bot, AI agents) → role `agent`, named "<bot name> (bot)": the bot speaks for
 *   the business in the conversation the reviewer scores, so it stays on the agent side of the
 *   transcript, and the suffix keeps its turns from being mistaken for the assignee's.
 * - anything else → `system`.
 */
function logAuthor(event: LogEvent, users: Map<string, ZendeskUser>, ids: { requester: string | null; assignee: string | null }): Pick<Message, 'author' | 'role'> {
  const { type, supportId, suncoId, name } = event.author;
  if (type === 'bot') {
    const botName = name ?? 'Bot';
    return {
      author: { id: suncoId ? `sunco:${suncoId}` : supportId && supportId !== SYSTEM_AUTHOR_ID ? supportId : 'bot', name: /\(bot\)$/i.test(botName) ? botName : `${botName} (bot)` },
      role: 'agent',
    };
  }
  const known = supportId && supportId !== SYSTEM_AUTHOR_ID ? supportId : null;
  const user = known ? users.get(known) : undefined;
  const id = known ?? (suncoId ? `sunco:${suncoId}` : type === 'system' ? SYSTEM_AUTHOR_ID : 'unknown');
  const fallbackName = type === 'user' ? 'Customer' : type === 'agent' ? 'Agent' : 'System';
  const email = user?.email?.trim();
  const display = user?.name?.trim() || name || email || fallbackName;
  const author: Person = email ? { id, name: display, email } : { id, name: display };
  let role: Message['role'];
  if (user?.role === 'end-user') role = 'customer';
  else if (user?.role === 'agent' || user?.role === 'admin') role = 'agent';
  else if (type === 'user') role = 'customer';
  else if (type === 'agent') role = 'agent';
  else role = known && known === ids.requester ? 'customer' : 'system';
  return { author, role };
}

function logEntries(
  log: readonly LogEvent[],
  users: Map<string, ZendeskUser>,
  ids: { requester: string | null; assignee: string | null },
  ticketCreatedAt: string,
): LogEntry[] {
  let previous = ticketCreatedAt;
  return log.map((event) => {
    // An event without a usable time stays after the one before it (readLogEvents kept its place).
    const createdAt = event.createdAt ?? previous;
    previous = createdAt;
    const message: Message = {
      id: event.id,
      ...logAuthor(event, users, ids),
      visibility: event.internal ? 'internal' : 'public',
      createdAt,
      text: event.text,
    };
    if (event.html !== undefined) message.html = event.html;
    if (event.truncated) message.truncated = true;
    return { message, event };
  });
}

/** The contract's concatenated `events`; whole page bodies (`{ events, meta, links }`) are taken too. */
function logEvents(value: unknown): unknown[] {
  const pages = Array.isArray(value) ? value : isRecord(value) ? [value] : [];
  const events: unknown[] = [];
  for (const item of pages) {
    if (isRecord(item) && Array.isArray(item.events) && item.type === undefined && item.content === undefined) events.push(...item.events);
    else events.push(item);
  }
  return events;
}

// --- custom statuses ---------------------------------------------------------------------------

/** The agent label of the ticket's custom status, or null when the list does not have it. */
function customStatusLabel(statuses: unknown, statusId: string | number | null | undefined): string | null {
  if (statusId == null) return null;
  const wanted = idToString(statusId);
  const list = Array.isArray(statuses) ? statuses : isRecord(statuses) ? (Array.isArray(statuses.custom_statuses) ? statuses.custom_statuses : [statuses]) : [];
  for (const item of list) {
    // `GET /api/v2/custom_statuses/{id}` wraps one status as `{ custom_status }`.
    const s = isRecord(item) && isRecord(item.custom_status) ? item.custom_status : item;
    if (!isRecord(s) || (typeof s.id !== 'number' && typeof s.id !== 'string') || idToString(s.id) !== wanted) continue;
    for (const candidate of [s.agent_label, s.raw_agent_label]) {
      // raw_* may hold a dynamic-content placeholder ({{dc.…}}) rather than words.
      if (typeof candidate === 'string' && candidate.trim() && !candidate.includes('{{')) return candidate.trim();
    }
  }
  return null;
}

export function parseZendeskTicket(input: ZendeskParseInput): Ticket {
  if (!isRecord(input)) throw new HelpdeskParseError('zendesk', '', 'input is not an object');
  const instance = normalizeInstance('zendesk', input.instance);

  // Accept the response body ({ ticket, users }) or the bare ticket object.
  const body = requireObject('zendesk', 'ticket', input.ticket);
  const wrapped = isRecord(body.ticket);
  const t = parseAt('zendesk', ['ticket'], wrapped ? body.ticket : body, ticketSchema);
  const id = idToString(t.id);
  const createdAt = requireTimestamp('zendesk', 'ticket.created_at', t.created_at);
  // updated_at is informative only; a ticket is still readable without it.
  const updatedAt = toIsoTimestamp(t.updated_at) ?? createdAt;

  const comments = parseAt('zendesk', ['comments'], requireArray('zendesk', 'comments', input.comments), commentsSchema);

  const users = buildUserMap([
    wrapped && Array.isArray(body.users) ? body.users : [],
    Array.isArray(input.users) ? input.users : [],
  ]);
  const ids = {
    requester: t.requester_id == null ? null : idToString(t.requester_id),
    assignee: t.assignee_id == null ? null : idToString(t.assignee_id),
  };
  const requester: Person = ids.requester === null ? { id: 'unknown', name: 'Unknown requester' } : person(ids.requester, users);

  // Person objects are shared between messages by the same author: one lookup per author.
  const people = new Map<string, Person>();
  const entries: CommentEntry[] = [];
  const seen = new Set<string>();
  for (const c of comments) {
    const messageId = idToString(c.id);
    // A page fetched twice (retries, overlapping cursors) must not duplicate messages.
    if (seen.has(messageId)) continue;
    seen.add(messageId);
    const authorId = c.author_id == null ? null : idToString(c.author_id);
    const isPublic = c.public !== false;
    let author: Person;
    if (authorId === null) author = { id: SYSTEM_AUTHOR_ID, name: 'System' };
    else {
      author = people.get(authorId) ?? person(authorId, users);
      people.set(authorId, author);
    }
    const message: Message = {
      id: messageId,
      author,
      role: roleOf(authorId, authorId === null ? undefined : users.get(authorId), isPublic, ids),
      visibility: isPublic ? 'public' : 'internal',
      // A comment with an unreadable timestamp is still worth showing; it keeps its place in
      // the (chronological) API order and borrows the ticket's creation time rather than failing
      // the whole ticket.
      createdAt: toIsoTimestamp(c.created_at) ?? createdAt,
      text: commentText(c),
    };
    if (c.html_body) message.html = c.html_body;
    if (c.qa_truncated) message.truncated = true;
    entries.push({ message, authorId, mediaNames: attachmentNames(c.attachments) });
  }

  const log = readLogEvents(logEvents(input.conversationLog));

  // No comments given (e.g. the comments request failed): the description is still the first
  // message, so show it rather than an empty transcript — unless the conversation log brings the
  // comments itself.
  if (entries.length === 0 && t.description && !log.some((e) => e.commentId !== null)) {
    const description: Message = {
      id: `description-${id}`,
      author: requester,
      role: 'customer',
      visibility: 'public',
      createdAt,
      text: plainToText(t.description),
    };
    if (t.qa_truncated) description.truncated = true;
    entries.push({ authorId: ids.requester, mediaNames: [], message: description });
  }

  const messages = log.length === 0 ? entries.map((e) => e.message) : mergeTranscript(entries, logEntries(log, users, ids, createdAt));

  const ticket: Ticket = {
    helpdesk: 'zendesk',
    instance,
    id,
    url: `https://${instance}/agent/tickets/${encodeURIComponent(id)}`,
    subject: t.subject?.trim() || t.raw_subject?.trim() || '(no subject)',
    status: customStatusLabel(input.customStatuses, t.custom_status_id) ?? (t.status?.trim() || 'unknown'),
    channel: zendeskChannel(t.via?.channel),
    tags: (t.tags ?? []).filter((tag): tag is string => typeof tag === 'string' && tag !== ''),
    requester,
    assignee: ids.assignee === null ? null : person(ids.assignee, users),
    createdAt,
    updatedAt,
    // Cut last, after merging: duplicates are recognised by their whole text.
    messages: capTranscript(messages),
  };
  const metrics = buildMetrics(input.metrics, t.satisfaction_rating);
  if (metrics) ticket.metrics = metrics;
  return ticket;
}
