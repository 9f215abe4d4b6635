// What the transcript shows: which messages pass the filter and the search, where the matches are
// in a text (so they can be marked as text, never as markup), and the helpdesk link that is safe
// to offer. Pure: no DOM.
import type { Message, Ticket } from '@/lib/helpdesk/types';

export type TranscriptFilter = 'all' | 'customer' | 'agent' | 'internal';

export const TRANSCRIPT_FILTERS: { value: TranscriptFilter; label: string }[] = [
  { value: 'all', label: 'All messages' },
  { value: 'customer', label: 'Customer' },
  { value: 'agent', label: 'Agent replies' },
  { value: 'internal', label: 'Internal notes' },
];

/** Agent replies are the agents' public messages; internal notes are their own filter. */
export function passesFilter(message: Pick<Message, 'role' | 'visibility'>, filter: TranscriptFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'customer':
      return message.role === 'customer';
    case 'agent':
      return message.role === 'agent' && message.visibility === 'public';
    case 'internal':
      return message.visibility === 'internal';
  }
}

/** The search as typed, trimmed; matching ignores case. */
export function normalizeQuery(query: string): string {
  return query.trim();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive matcher for the query, or null when there is nothing to search for. */
export function queryPattern(query: string): RegExp | null {
  const q = normalizeQuery(query);
  return q ? new RegExp(escapeRegExp(q), 'giu') : null;
}

/** Where the query occurs in `text`: [start, end) ranges, left to right, never overlapping. */
export function matchRanges(text: string, pattern: RegExp | null): [number, number][] {
  if (!pattern) return [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex += 1;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** `text` cut into plain pieces and matched pieces, in order; joined they give `text` back. */
export function highlightParts(text: string, pattern: RegExp | null): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, pattern)) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/** Whether a message's shown author or text contains the query. */
export function messageMatches(author: string, text: string, pattern: RegExp | null): boolean {
  if (!pattern) return true;
  // A fresh lastIndex each time: a global pattern remembers where it stopped.
  pattern.lastIndex = 0;
  if (pattern.test(author)) return true;
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/**
 * The ticket's address in the helpdesk, offered as a link only when it is http(s) on the ticket's
 * own instance: a parsed ticket could carry anything, and a link is a way out of the extension.
 */
export function safeTicketUrl(ticket: Pick<Ticket, 'url' | 'instance'>): string | null {
  let url: URL;
  try {
    url = new URL(ticket.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  if (url.host.toLowerCase() !== ticket.instance.toLowerCase()) return null;
  return url.href;
}
