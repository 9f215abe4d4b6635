import type { Person, Ticket } from '../helpdesk/types';
import type { DraftContext } from '../selfcheck/checks';

const COMPLAINT = /complain/i;

/** What the draft checks need from the ticket: channel, names, and whether it is a complaint. */
export function draftContextFor(ticket: Ticket, agent: Person | null): DraftContext {
  return {
    channel: ticket.channel,
    customerName: ticket.requester.name,
    ...(agent ? { agentName: agent.name } : {}),
    isComplaint: ticket.tags.some((t) => COMPLAINT.test(t)) || COMPLAINT.test(ticket.subject),
  };
}
