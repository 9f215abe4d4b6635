// Background side of the adapters: raw API bodies from a content script → normalized Ticket and
// the signed-in reviewer. A third helpdesk adds one entry here.
import { parseFreshdeskReviewer } from './freshdesk/identity';
import { parseFreshdeskTicket } from './freshdesk/parse';
import type { HelpdeskName, Person, Ticket } from './types';
import { parseZendeskReviewer } from './zendesk/identity';
import { parseZendeskTicket } from './zendesk/parse';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

const PARSERS: Record<HelpdeskName, (instance: string, raw: Record<string, unknown>) => { ticket: Ticket; reviewer: Person | null }> = {
  zendesk: (instance, raw) => ({
    ticket: parseZendeskTicket({
      instance,
      ticket: raw.ticket,
      comments: list(raw.comments),
      users: list(raw.users),
      metrics: raw.metrics ?? undefined,
      conversationLog: list(raw.conversationLog),
      customStatuses: list(raw.customStatuses),
    }),
    reviewer: parseZendeskReviewer(raw.me),
  }),
  freshdesk: (instance, raw) => ({
    ticket: parseFreshdeskTicket({
      instance,
      ticket: raw.ticket,
      conversations: list(raw.conversations),
      agents: list(raw.agents),
      ticketFields: list(raw.ticketFields),
    }),
    reviewer: parseFreshdeskReviewer(raw.me),
  }),
};

export function parseRawTicket(helpdesk: HelpdeskName, instance: string, raw: Record<string, unknown>) {
  return PARSERS[helpdesk](instance, raw);
}
