import type { HelpdeskContentAdapter } from '../adapter';
import { fetchFreshdeskTicket } from './api';
import { freshdeskTicketIdFromUrl } from './match';

export const freshdeskAdapter: HelpdeskContentAdapter = {
  name: 'freshdesk',
  currentTicketId: (url) => freshdeskTicketIdFromUrl(url),
  fetchTicket: fetchFreshdeskTicket,
};
