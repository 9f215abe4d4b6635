// How much text one ticket may carry. A ticket travels from the helpdesk page to the background
// (runtime message), then to the panel (tab:get-state, tab:state-changed), and Chrome refuses any
// runtime message over 64 MiB; long before that, a panel holding 100 MB of text is not usable.
// So one message keeps at most MAX_MESSAGE_CHARS, and when a ticket's messages together exceed
// TRANSCRIPT_BUDGET_CHARS, the longest ones are cut further, each marked `truncated`.
//
// Used twice, with the same rules: by the content script on the raw API text it sends (slim.ts of
// each helpdesk), so the message stays small, and by the parsers on the transcript they produce,
// so any input is capped. Zod-free: content scripts import it.

import type { Message } from './types';

/** One message's text beyond this is cut (the reviewer opens the ticket in the helpdesk for the rest). */
export const MAX_MESSAGE_CHARS = 100_000;
/** All messages together; beyond it the longest messages share what is left. */
export const TRANSCRIPT_BUDGET_CHARS = 8_000_000;
/** A message cut for the budget still keeps this much, so every message stays readable… */
export const MIN_MESSAGE_CHARS = 2_000;
/**
 * …unless there are so many messages that even that would pass this total (about 8 000 long
 * messages): then the floor gives way, keeping the ticket far below 64 MiB even as UTF-8 in JSON.
 */
export const HARD_TOTAL_CHARS = 2 * TRANSCRIPT_BUDGET_CHARS;

/**
 * The most characters any one message may keep, given every message's length: MAX_MESSAGE_CHARS
 * while the total fits the budget, else the largest limit L with Σ min(length, L) ≤ budget — short
 * messages stay whole and only the long ones are cut — but never below the floor.
 */
export function messageCharLimit(lengths: readonly number[]): number {
  let total = 0;
  for (const length of lengths) total += Math.min(length, MAX_MESSAGE_CHARS);
  if (total <= TRANSCRIPT_BUDGET_CHARS) return MAX_MESSAGE_CHARS;
  const sorted = lengths.map((l) => Math.min(l, MAX_MESSAGE_CHARS)).sort((a, b) => a - b);
  let left = TRANSCRIPT_BUDGET_CHARS;
  let limit = 0;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(left / (sorted.length - i));
    // Every message from here on is at least this long: they share what is left equally.
    if (sorted[i]! > share) {
      limit = share;
      break;
    }
    left -= sorted[i]!;
  }
  const floor = Math.min(MIN_MESSAGE_CHARS, Math.floor(HARD_TOTAL_CHARS / Math.max(1, lengths.length)));
  return Math.max(limit, floor);
}

/** The first `limit` characters, never splitting a surrogate pair (an emoji cut in half). */
export function cutText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit);
}

/**
 * Caps a transcript in place (the parsers' last step): texts over the limit are cut and marked
 * `truncated`. A truncated message loses its `html`: cut markup is not the original any more, and
 * the text is what the panel shows. Messages the content script already cut arrive marked.
 */
export function capTranscript(messages: Message[]): Message[] {
  const limit = messageCharLimit(messages.map((m) => m.text.length));
  for (const m of messages) {
    if (m.text.length > limit) {
      m.text = cutText(m.text, limit);
      m.truncated = true;
    }
    if (m.truncated) delete m.html;
  }
  return messages;
}

// --- the content script's side: raw API records --------------------------------------------------

/**
 * Set by the helpdesks' slim functions on a raw record (comment, log event, conversation, or a
 * ticket for its description) whose text they cut: the parser then marks that message
 * `truncated`. Never set by a helpdesk, so its absence changes nothing.
 */
export const TRUNCATED_FLAG = 'qa_truncated';

/** A raw record the content script sends, with the paths of the text fields it kept. */
export interface RawText {
  record: Record<string, unknown>;
  paths: readonly (readonly string[])[];
}

function textAt(record: Record<string, unknown>, path: readonly string[]): { holder: Record<string, unknown>; key: string; text: string } | null {
  let holder = record;
  for (let i = 0; i < path.length - 1; i++) {
    const next = holder[path[i]!];
    if (!isPlainRecord(next)) return null;
    holder = next;
  }
  const key = path[path.length - 1]!;
  const text = holder[key];
  return typeof text === 'string' ? { holder, key, text } : null;
}

/**
 * Cuts the raw texts to the same limits the parser applies (MAX_MESSAGE_CHARS each, the budget
 * over all), in place, and flags each record it cut. The records must be the caller's own copies.
 * Returns whether anything was cut.
 */
export function cutRawTexts(items: readonly RawText[]): boolean {
  const limit = messageCharLimit(
    items.map(({ record, paths }) => paths.reduce((sum, path) => sum + (textAt(record, path)?.text.length ?? 0), 0)),
  );
  let cut = false;
  for (const { record, paths } of items) {
    for (const path of paths) {
      const found = textAt(record, path);
      if (!found || found.text.length <= limit) continue;
      found.holder[found.key] = cutText(found.text, limit);
      record[TRUNCATED_FLAG] = true;
      cut = true;
    }
  }
  return cut;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy with only the given keys, those the record has. */
export function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/** Whether a raw text field shows something: the parsers fall back to the next field only when it does not. */
export function hasVisibleText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * A cut string still holds the whole original in V8 (a substring points into its parent), so the
 * content script would keep every 20 kB comment alive to send 2 kB of each. A JSON round trip
 * copies the result into strings of their own; it runs only when something was cut.
 */
export function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
