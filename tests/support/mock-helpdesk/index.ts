// Public entry of the mock helpdesk: used by end-to-end tests and by `npm run demo`.
import type { DemoTicketInfo, HelpdeskName } from './types';
import { createZendeskDemoData } from './zendesk-data';
import { createFreshdeskDemoData } from './freshdesk-data';

export type { DemoTicketInfo, HelpdeskName, MockHelpdeskOptions, MockRequest, MockResponse } from './types';
export { routeMockHelpdesks, DEFAULT_FRESHDESK_HOSTS, DEFAULT_ZENDESK_HOSTS, type MockHelpdeskHandle } from './routes';
export { createMockHelpdesk, httpResponse, mockRequest, type HttpResponse, type MockHelpdesk } from './serve';
export { Gate } from './gate';
export {
  addZendeskTicket,
  createZendeskDemoData,
  findZendeskTicket,
  makeLargeZendeskTicket,
  type ZendeskComment,
  type ZendeskDataset,
  type ZendeskLogEvent,
  type ZendeskTicketData,
  type ZendeskUser,
} from './zendesk-data';
export {
  addFreshdeskTicket,
  createFreshdeskDemoData,
  findFreshdeskTicket,
  makeLargeFreshdeskTicket,
  FRESHDESK_STATUS_CHOICES,
  type FreshdeskConversation,
  type FreshdeskDataset,
  type FreshdeskTicketData,
} from './freshdesk-data';
export { addZendeskHistory, addFreshdeskHistory, HISTORY_WEEKS, ZENDESK_HISTORY_FIRST_ID, FRESHDESK_HISTORY_FIRST_ID } from './history';
export { handleZendeskApi } from './zendesk-api';
export { handleFreshdeskApi } from './freshdesk-api';

interface DemoHelpdesk {
  host: string;
  /** who `users/me` / `agents/me` answers with (the QA lead doing the reviews) */
  reviewer: { id: string; name: string };
  tickets: DemoTicketInfo[];
}

function zendeskDemo(): DemoHelpdesk {
  const data = createZendeskDemoData();
  return {
    host: 'demo.zendesk.com',
    reviewer: { id: String(data.me.id), name: data.me.name },
    tickets: data.tickets.map((t) => ({
      id: String(t.ticket.id),
      subject: t.ticket.subject,
      kind: t.kind,
      assigneeName: data.users.find((u) => u.id === t.ticket.assignee_id)?.name ?? null,
      messageCount: t.comments.length,
      transcriptCount: t.comments.length + (t.messagingLog?.length ?? 0),
      internalCount: t.comments.filter((c) => !c.public).length,
    })),
  };
}

function freshdeskDemo(): DemoHelpdesk {
  const data = createFreshdeskDemoData();
  return {
    host: 'demo.freshdesk.com',
    reviewer: { id: String(data.me.id), name: data.me.contact.name },
    tickets: data.tickets.map((t) => ({
      id: String(t.ticket.id),
      subject: t.ticket.subject,
      kind: t.kind,
      assigneeName: data.agents.find((a) => a.id === t.ticket.responder_id)?.contact.name ?? null,
      // the description counts as a message
      messageCount: 1 + t.conversations.length,
      transcriptCount: 1 + t.conversations.length,
      internalCount: t.conversations.filter((c) => c.private).length,
    })),
  };
}

/** Facts about the bundled demo tickets, so tests can pick them by kind and check counts. */
export const DEMO: { zendesk: DemoHelpdesk; freshdesk: DemoHelpdesk } = { zendesk: zendeskDemo(), freshdesk: freshdeskDemo() };

/** The demo ticket of a given kind, e.g. demoTicket('zendesk', 'long-thread'). Throws if absent. */
export function demoTicket(helpdesk: HelpdeskName, kind: string): DemoTicketInfo {
  const t = DEMO[helpdesk].tickets.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${helpdesk} demo ticket of kind "${kind}"`);
  return t;
}
