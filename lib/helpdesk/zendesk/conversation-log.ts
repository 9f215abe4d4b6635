// Zendesk Messaging transcripts: the events of `GET /api/v2/tickets/{id}/conversation_log`, read
// into plain text and merged with the ticket's comments (contract §2). Pure: no fetch, no DOM.
//
// The log holds two kinds of events (Zendesk's "Conversation Log events reference"):
// - `Comment`: a ticket comment again, HTML in `content.body`, visibility in `metadata.public`,
//   and `reference: "zen:ticket_event:<comment id>"` — the same id the comments API gives it;
// - `Messaging::ConversationMessage`: what the customer, an agent or a bot sent in the messaging
//   conversation, `content` shaped like a Sunshine Conversations message (text, image, file,
//   form, formResponse, carousel, list, location, template…). Bot turns before the hand-off to an
//   agent exist only here.
// Every field is read leniently: ids as numbers or strings, nulls anywhere, unknown event and
// content types. Nothing here throws on a strange event; it is skipped or shown as a placeholder.

import type { Message } from '../types';
import { isRecord, toIsoTimestamp } from '../parse-error';
import { htmlToText, plainToText, tidyText } from '../text';
import { TRUNCATED_FLAG } from '../text-budget';

export type LogAuthorType = 'user' | 'agent' | 'bot' | 'system';

export interface LogEvent {
  id: string;
  /** the comment this event repeats (`zen:ticket_event:<id>`), if it says so */
  commentId: string | null;
  author: {
    type: LogAuthorType;
    /** `zen:support:user_id`; '-1' for bots and the system */
    supportId: string | null;
    /** `zen:sunco:user_id` */
    suncoId: string | null;
    name: string | null;
  };
  /** ISO-8601, or null when the event had no usable time */
  createdAt: string | null;
  /** readable text: typed text, then placeholders for what is not text */
  text: string;
  /** the typed text alone, for recognising the same message among the comments */
  typedText: string;
  /** file names of images/files it carries, also for recognising duplicates */
  mediaNames: string[];
  html?: string;
  internal: boolean;
  /** the content script cut its text (see text-budget.ts) */
  truncated?: true;
}

const COMMENT_EVENT = 'comment';
const MESSAGE_EVENT = 'messaging::conversationmessage';
/** Longest name or label kept in a placeholder: a pasted essay as "alt text" stays readable. */
const MAX_LABEL = 200;

function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : Number.isFinite(value) ? BigInt(Math.trunc(value)).toString() : null;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Sunshine Conversations writes camelCase; some renderings use snake_case. */
function field(record: Record<string, unknown>, camel: string, snake: string): unknown {
  return record[camel] ?? record[snake];
}

function label(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL)}…` : oneLine;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The file name in a media URL: `?name=receipt.png` (Zendesk attachments) or the last path segment. */
export function fileNameFromUrl(url: unknown): string | null {
  const raw = str(url);
  if (!raw) return null;
  try {
    const parsed = new URL(raw, 'https://media.invalid');
    const named = parsed.searchParams.get('name');
    if (named && named.trim()) return named.trim();
    const segment = parsed.pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}

function authorType(value: unknown): LogAuthorType {
  const type = str(value)?.toLowerCase();
  if (type === 'user' || type === 'end-user' || type === 'end_user' || type === 'customer') return 'user';
  if (type === 'agent' || type === 'business' || type === 'admin') return 'agent';
  if (type === 'bot' || type === 'answer_bot' || type === 'ai_agent') return 'bot';
  return 'system';
}

/** Button and quick-reply captions: `{ reply: { text } }` in the log, `{ type, text }` in Sunshine Conversations. */
function actionCaptions(actions: unknown): string[] {
  const captions: string[] = [];
  for (const action of list(actions)) {
    if (!isRecord(action)) continue;
    const reply = isRecord(action.reply) ? action.reply : isRecord(action.link) ? action.link : action;
    const text = str(reply.text) ?? str(reply.title);
    if (text) captions.push(label(text));
  }
  return captions;
}

function itemTitles(items: unknown): string[] {
  const titles: string[] = [];
  for (const item of list(items)) {
    if (!isRecord(item)) continue;
    const title = str(item.title) ?? str(item.description);
    if (title) titles.push(label(title));
  }
  return titles;
}

/** A submitted form field's value: text, email, or the chosen options of a select. */
function formValue(f: Record<string, unknown>): string | null {
  const direct = str(f.text) ?? str(f.email) ?? str(f.value);
  if (direct) return direct;
  const chosen = list(f.select)
    .map((o) => (isRecord(o) ? (str(o.label) ?? str(o.name)) : str(o)))
    .filter((x): x is string => x !== null);
  return chosen.length ? chosen.join(', ') : null;
}

function mediaName(content: Record<string, unknown>): string | null {
  // Sunshine Conversations stores the file name as alt text by default.
  const alt = str(field(content, 'altText', 'alt_text'));
  return alt ?? fileNameFromUrl(field(content, 'mediaUrl', 'media_url'));
}

/** `[image: name]` / `[file: name]` for a Zendesk attachment record; null when inline or unnamed, or already in `named` (which it joins). */
function attachmentPlaceholder(a: unknown, named: string[]): string | null {
  if (!isRecord(a) || a.inline === true) return null;
  const name = str(a.file_name) ?? fileNameFromUrl(a.content_url);
  if (!name || named.includes(name)) return null;
  named.push(name);
  const kind = /^image\//i.test(str(a.content_type) ?? '') ? 'image' : 'file';
  return `[${kind}: ${label(name)}]`;
}

/** Placeholders for every (non-inline) attachment, one per line. */
export function attachmentPlaceholders(attachments: unknown): string {
  const named: string[] = [];
  return list(attachments)
    .map((a) => attachmentPlaceholder(a, named))
    .filter((x): x is string => x !== null)
    .join('\n');
}

interface ReadContent {
  text: string;
  typedText: string;
  mediaNames: string[];
  html?: string;
}

/**
 * What a message says, as plain text. Text stays literal (it is what someone typed; it is
 * never interpreted as markup); anything else becomes a short bracketed placeholder such as
 * `[image: receipt.png]`, keeping any caption or alt text.
 */
export function readContent(contentValue: unknown, attachments: unknown = []): ReadContent {
  const content = isRecord(contentValue) ? contentValue : {};
  const type = typeof content.type === 'string' ? content.type.trim().toLowerCase() : content.type == null ? '' : '?';
  const typed = str(content.text) ? tidyText(String(content.text)) : '';
  const parts: string[] = [];
  const mediaNames: string[] = [];
  let typedText = typed;
  let html: string | undefined;

  const withTyped = (placeholder: string, except?: string | null) => {
    if (typed && typed !== except) parts.push(typed);
    parts.push(placeholder);
  };

  switch (type) {
    case 'html': {
      const body = str(content.body);
      if (body) {
        html = String(content.body);
        typedText = htmlToText(html);
      } else {
        typedText = str(content.plain_body) ? plainToText(String(content.plain_body)) : typed;
      }
      if (typedText) parts.push(typedText);
      break;
    }
    case 'text':
    case '': {
      if (typed) parts.push(typed);
      else if (str(content.body)) {
        typedText = plainToText(String(content.body));
        parts.push(typedText);
      }
      const captions = actionCaptions(content.actions);
      if (captions.length) parts.push(`[options: ${captions.join(' · ')}]`);
      break;
    }
    case 'image':
    case 'file': {
      const name = mediaName(content);
      if (name) mediaNames.push(name);
      withTyped(`[${type}: ${label(name ?? type)}]`, name);
      if (typed === name) typedText = '';
      break;
    }
    case 'location': {
      const place = isRecord(content.location) ? content.location : {};
      const coords = isRecord(content.coordinates) ? content.coordinates : {};
      const where = [str(place.name), str(place.address)].filter((x): x is string => x !== null);
      const lat = str(coords.lat ?? coords.latitude);
      const long = str(coords.long ?? coords.lng ?? coords.longitude);
      if (!where.length && lat && long) where.push(`${lat}, ${long}`);
      withTyped(where.length ? `[location: ${label(where.join(', '))}]` : '[location]');
      break;
    }
    case 'form': {
      const labels = list(content.fields)
        .map((f) => (isRecord(f) ? (str(f.label) ?? str(f.name)) : null))
        .filter((x): x is string => x !== null)
        .map(label);
      withTyped(labels.length ? `[form: ${labels.join(', ')}]` : '[form]');
      break;
    }
    case 'formresponse': {
      const answers = list(content.fields)
        .filter(isRecord)
        .map((f) => {
          const name = str(f.label) ?? str(f.name) ?? 'answer';
          return `${label(name)}: ${label(formValue(f) ?? '')}`.trim();
        });
      const fallback = str(field(content, 'textFallback', 'text_fallback'));
      const body = answers.length ? answers.join('\n') : fallback ? tidyText(fallback) : '';
      parts.push(body ? `[form response]\n${body}` : '[form response]');
      typedText = '';
      break;
    }
    case 'carousel':
    case 'list': {
      const titles = itemTitles(content.items);
      withTyped(titles.length ? `[${type}: ${titles.join(' · ')}]` : `[${type}]`);
      break;
    }
    case 'template': {
      const template = isRecord(content.template) ? content.template : {};
      const name = str(template.name) ?? str(content.name);
      withTyped(name ? `[template: ${label(name)}]` : '[template]');
      break;
    }
    default: {
      // A content type this reader does not know yet: its text if it has some, and its kind.
      const kind = type.replace(/[^a-z0-9_-]/g, '').slice(0, 40) || 'message';
      withTyped(`[${kind}]`);
    }
  }

  // Files sent alongside a message (`attachments`), unless the content already named them.
  for (const a of list(attachments)) {
    const placeholder = attachmentPlaceholder(a, mediaNames);
    if (placeholder) parts.push(placeholder);
  }

  const result: ReadContent = { text: parts.join('\n'), typedText, mediaNames };
  if (html !== undefined) result.html = html;
  return result;
}

const TICKET_EVENT_REF = /^zen:ticket_event:(\d+)$/;

/**
 * The log's events as readable entries, in time order (the endpoint's order is not relied on;
 * events without a usable time keep their place after the one before them). Events that are
 * neither comments nor messages (activity such as "agent joined") are skipped, as are messages
 * with nothing to show.
 */
export function readLogEvents(events: readonly unknown[]): LogEvent[] {
  const read: { event: LogEvent; sortKey: string; index: number }[] = [];
  let lastTime = '';
  const seen = new Set<string>();
  events.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    const kind = str(raw.type)?.toLowerCase() ?? '';
    const isComment = kind === COMMENT_EVENT;
    // Unknown event types are shown only when they carry message content; activity is noise.
    if (!isComment && kind !== MESSAGE_EVENT && !isRecord(raw.content)) return;

    const reference = str(raw.reference);
    const refMatch = reference ? TICKET_EVENT_REF.exec(reference) : null;
    const id = idOf(raw.id) ?? reference ?? `conversation-log-${index}`;
    // The same event twice (a page read again) shows once.
    if (seen.has(id)) return;
    seen.add(id);
    const author = isRecord(raw.author) ? raw.author : {};
    const content = readContent(isComment && isRecord(raw.content) && !raw.content.type ? { ...raw.content, type: 'html' } : raw.content, isComment ? [] : raw.attachments);
    if (!content.text) return;

    const createdAt = toIsoTimestamp(raw.created_at) ?? toIsoTimestamp(raw.received_at);
    if (createdAt) lastTime = createdAt;
    const metadata = isRecord(raw.metadata) ? raw.metadata : {};
    const event: LogEvent = {
      id,
      commentId: refMatch?.[1] ?? null,
      author: {
        type: authorType(author.type),
        supportId: idOf(author['zen:support:user_id'] ?? author.user_id),
        suncoId: idOf(author['zen:sunco:user_id']),
        name: str(author.display_name) ?? str(author.displayName) ?? str(author.name),
      },
      createdAt,
      text: content.text,
      typedText: content.typedText,
      mediaNames: content.mediaNames,
      internal: metadata.public === false,
    };
    if (content.html !== undefined) event.html = content.html;
    if (raw[TRUNCATED_FLAG] === true) event.truncated = true;
    read.push({ event, sortKey: createdAt ?? lastTime, index });
  });
  read.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.index - b.index));
  return read.map((r) => r.event);
}

// --- merging with the comments ----------------------------------------------------------------

/** How far apart a comment and a log message may be and still be the same message. */
export const SAME_MESSAGE_WINDOW_MS = 5 * 60_000;

export interface CommentEntry {
  message: Message;
  /** the comment's author_id, null for none */
  authorId: string | null;
  /** file names of its attachments */
  mediaNames: string[];
}

export interface LogEntry {
  message: Message;
  event: LogEvent;
}

const textKey = (text: string) => text.replace(/\s+/g, ' ').trim();

function sameAuthor(comment: CommentEntry, log: LogEntry): boolean {
  const supportId = log.event.author.supportId;
  if (supportId && supportId !== '-1' && comment.authorId) return supportId === comment.authorId;
  return comment.message.role === log.message.role;
}

/**
 * Comments and log messages as one transcript, oldest first. A log event is left out when it is
 * a comment already there: named by its reference or id, or else — a Messaging message that
 * Zendesk also wrote into the ticket as a comment — by the same author, the same text (or the
 * same file) and a time within SAME_MESSAGE_WINDOW_MS; each comment absorbs at most one event.
 * The comment is kept (its id is stable for evidence). Both lists keep their own order; the
 * merge interleaves them by time.
 */
export function mergeTranscript(comments: readonly CommentEntry[], log: readonly LogEntry[]): Message[] {
  const commentIds = new Set(comments.map((c) => c.message.id));
  const byText = new Map<string, CommentEntry[]>();
  const byMedia = new Map<string, CommentEntry[]>();
  const add = (map: Map<string, CommentEntry[]>, key: string, c: CommentEntry) => {
    const bucket = map.get(key);
    if (bucket) bucket.push(c);
    else map.set(key, [c]);
  };
  for (const c of comments) {
    const key = textKey(c.message.text);
    if (key) add(byText, key, c);
    for (const name of c.mediaNames) add(byMedia, name, c);
  }

  const absorbed = new Set<CommentEntry>();
  const closest = (candidates: CommentEntry[] | undefined, entry: LogEntry): CommentEntry | null => {
    if (!candidates || !entry.event.createdAt) return null;
    const at = Date.parse(entry.message.createdAt);
    let best: CommentEntry | null = null;
    let bestGap = Infinity;
    for (const c of candidates) {
      if (absorbed.has(c) || !sameAuthor(c, entry)) continue;
      const gap = Math.abs(Date.parse(c.message.createdAt) - at);
      if (gap <= SAME_MESSAGE_WINDOW_MS && gap < bestGap) {
        best = c;
        bestGap = gap;
      }
    }
    return best;
  };

  const extra: Message[] = [];
  for (const entry of log) {
    const { event } = entry;
    if ((event.commentId && commentIds.has(event.commentId)) || commentIds.has(event.id)) continue;
    const key = textKey(event.typedText);
    let twin = key ? closest(byText.get(key), entry) : null;
    for (const name of event.mediaNames) twin ??= closest(byMedia.get(name), entry);
    if (twin) {
      absorbed.add(twin);
      continue;
    }
    extra.push(entry.message);
  }

  const merged: Message[] = [];
  let i = 0;
  let j = 0;
  while (i < comments.length || j < extra.length) {
    const c = comments[i];
    const e = extra[j];
    if (c && (!e || c.message.createdAt <= e.createdAt)) {
      merged.push(c.message);
      i++;
    } else if (e) {
      merged.push(e);
      j++;
    }
  }
  return merged;
}
