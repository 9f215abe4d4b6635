import type { HelpdeskContentAdapter } from '../adapter';
import { fetchZendeskTicket } from './api';
import { zendeskCurrentTicketId } from './match';

export const zendeskAdapter: HelpdeskContentAdapter = {
  name: 'zendesk',
  currentTicketId: (url, doc) => zendeskCurrentTicketId(url, doc),
  fetchTicket: fetchZendeskTicket,
};
