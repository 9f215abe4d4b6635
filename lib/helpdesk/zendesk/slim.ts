// What the content script sends of a Zendesk ticket: what parse.ts and conversation-log.ts read.
// A comment arrives with its text three times (plain_body, body, html_body) and a page of metadata;
// a 5 000-comment ticket of long mails is hundreds of MB that way, and a runtime message over
// 64 MiB is refused. Pure and zod-free: it runs in the helpdesk page.
//
// Kept: the one text field the parser reads (plain_body, else body, else html_body — the others
// are never read for the text), so `Message.html` is absent wherever a plain text exists: nothing
// renders it, and it would double what travels to the panel. Texts are cut to the budget of
// text-budget.ts and the records cut are flagged, so the parser marks those messages truncated.

import { cutRawTexts, detached, isPlainRecord, pick, TRUNCATED_FLAG, type RawText } from '../text-budget';

const COMMENT_BODIES = ['plain_body', 'body', 'html_body'] as const;
const COMMENT_KEYS = ['id', 'author_id', 'public', 'created_at', TRUNCATED_FLAG];
const ATTACHMENT_KEYS = ['file_name', 'content_url', 'content_type', 'inline'];
const USER_KEYS = ['id', 'name', 'email', 'role'];

const LOG_EVENT_KEYS = ['id', 'type', 'reference', 'created_at', 'received_at', TRUNCATED_FLAG];
const LOG_AUTHOR_KEYS = ['type', 'zen:support:user_id', 'user_id', 'zen:sunco:user_id', 'display_name', 'displayName', 'name'];
const LOG_CONTENT_TEXTS = ['text', 'body', 'plain_body'] as const;
const LOG_TEXT_PATHS = [['content', 'text'], ['content', 'body'], ['content', 'plain_body'], ['content', 'textFallback'], ['content', 'text_fallback']] as const;

function slimAttachments(list: unknown): unknown {
  return Array.isArray(list) ? list.map((a) => (isPlainRecord(a) ? pick(a, ATTACHMENT_KEYS) : a)) : list;
}

/** A comment with only what the parser reads: one text field, author, visibility, time, file names. */
export function slimZendeskComment(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  const out = pick(raw, COMMENT_KEYS);
  // The parser reads the first non-empty one of these and never the others for the text.
  const used = COMMENT_BODIES.find((key) => typeof raw[key] === 'string' && raw[key] !== '');
  if (used) out[used] = raw[used];
  else for (const key of COMMENT_BODIES) if (raw[key] !== undefined) out[key] = raw[key];
  // A VoiceComment's words are in its call transcript when the body is empty.
  if (isPlainRecord(raw.data) && raw.data.transcription_text !== undefined) out.data = { transcription_text: raw.data.transcription_text };
  if (raw.attachments !== undefined) out.attachments = slimAttachments(raw.attachments);
  return out;
}

export function slimZendeskUser(raw: unknown): unknown {
  return isPlainRecord(raw) ? pick(raw, USER_KEYS) : raw;
}

function slimTicket(raw: Record<string, unknown>, hasComments: boolean): Record<string, unknown> {
  const out = { ...raw };
  // The description repeats the first comment; the parser shows it only when there are no comments.
  // The ticket's other fields are one record's worth: they go as they are.
  if (hasComments) delete out.description;
  return out;
}

/** `GET /tickets/{id}.json?include=users,groups` (or the bare ticket): the ticket without its repeated description, and its users. */
export function slimZendeskTicketBody(raw: unknown, hasComments: boolean): unknown {
  if (!isPlainRecord(raw)) return raw;
  if (!isPlainRecord(raw.ticket)) return slimTicket(raw, hasComments);
  const out: Record<string, unknown> = { ticket: slimTicket(raw.ticket, hasComments) };
  if (raw.users !== undefined) out.users = Array.isArray(raw.users) ? raw.users.map(slimZendeskUser) : raw.users;
  return out;
}

/** Like readContent's `str`: a value it takes as text. */
function readsAsText(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/** The one of text / body / plain_body that readContent reads for this content (the others it never does). */
function contentTextKey(content: Record<string, unknown>, isComment: boolean): (typeof LOG_CONTENT_TEXTS)[number] {
  const type = typeof content.type === 'string' ? content.type.trim().toLowerCase() : content.type == null ? '' : '?';
  // A Comment event's content without a type is HTML (conversation-log.ts).
  if (type === 'html' || (isComment && !content.type)) {
    if (readsAsText(content.body)) return 'body';
    if (readsAsText(content.plain_body)) return 'plain_body';
    return 'text';
  }
  if (type === 'text' || type === '') return readsAsText(content.text) ? 'text' : 'body';
  return 'text';
}

/** A conversation_log event with only what readLogEvents reads. */
export function slimZendeskLogEvent(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  const out = pick(raw, LOG_EVENT_KEYS);
  if (isPlainRecord(raw.author)) out.author = pick(raw.author, LOG_AUTHOR_KEYS);
  else if (raw.author !== undefined) out.author = raw.author;
  if (isPlainRecord(raw.metadata)) out.metadata = pick(raw.metadata, ['public']);
  if (raw.attachments !== undefined) out.attachments = slimAttachments(raw.attachments);
  if (isPlainRecord(raw.content)) {
    // The content's other fields (buttons, form fields, media…) are what its placeholder is made of.
    const content = { ...raw.content };
    const isComment = typeof raw.type === 'string' && raw.type.trim().toLowerCase() === 'comment';
    const key = contentTextKey(raw.content, isComment);
    for (const text of LOG_CONTENT_TEXTS) if (text !== key) delete content[text];
    out.content = content;
  } else if (raw.content !== undefined) out.content = raw.content;
  return out;
}

function textPaths(record: unknown, paths: readonly (readonly string[])[]): RawText[] {
  return isPlainRecord(record) ? [{ record, paths }] : [];
}

/**
 * The raw bodies fetchZendeskTicket collected, reduced to what the parser reads and cut to the
 * text budget. Idempotent: the content script slims each page as it arrives, then the whole.
 */
export function slimZendeskRaw(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  const comments = Array.isArray(raw.comments) ? raw.comments.map(slimZendeskComment) : null;
  if (comments) out.comments = comments;
  if (Array.isArray(raw.users)) out.users = raw.users.map(slimZendeskUser);
  const log = Array.isArray(raw.conversationLog) ? raw.conversationLog.map(slimZendeskLogEvent) : null;
  if (log) out.conversationLog = log;
  out.ticket = slimZendeskTicketBody(raw.ticket, comments !== null && comments.length > 0);

  const ticketBody = out.ticket;
  const ticket = isPlainRecord(ticketBody) && isPlainRecord(ticketBody.ticket) ? ticketBody.ticket : ticketBody;
  const texts: RawText[] = [
    ...textPaths(ticket, [['description']]),
    ...(comments ?? []).flatMap((c) => textPaths(c, [...COMMENT_BODIES.map((k) => [k]), ['data', 'transcription_text']])),
    ...(log ?? []).flatMap((e) => textPaths(e, LOG_TEXT_PATHS)),
  ];
  return cutRawTexts(texts) ? detached(out) : out;
}
