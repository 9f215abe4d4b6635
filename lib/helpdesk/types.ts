// The normalized ticket every helpdesk adapter produces (public contract §2).
// Everything downstream (panel, rubric, exports) only ever sees these shapes.

export type { HelpdeskName } from './registry';
import type { HelpdeskName } from './registry';

export type Channel = 'email' | 'chat' | 'messaging' | 'phone' | 'web' | 'social' | 'other';

export interface Person {
  id: string;
  name: string;
  email?: string;
}

export interface Message {
  id: string;
  author: Person;
  role: 'customer' | 'agent' | 'system';
  visibility: 'public' | 'internal';
  /** ISO-8601 */
  createdAt: string;
  /** plain text, no markup */
  text: string;
  /** original markup, never rendered unsanitized */
  html?: string;
  /**
   * true when `text` is not the whole message: over 100 000 characters, or cut so that a huge
   * ticket fits its transcript budget (see text-budget.ts). The full text is in the helpdesk.
   */
  truncated?: boolean;
}

export interface Ticket {
  helpdesk: HelpdeskName;
  /** host, e.g. 'acme.zendesk.com' */
  instance: string;
  id: string;
  url: string;
  subject: string;
  status: string;
  channel: Channel;
  tags: string[];
  requester: Person;
  assignee: Person | null;
  createdAt: string;
  updatedAt: string;
  /** oldest first, description included, internal notes included */
  messages: Message[];
  /** e.g. firstReplyMinutes, replies, reopens, csat */
  metrics?: Record<string, number | null>;
}
