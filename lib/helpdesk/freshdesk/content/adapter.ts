import { queryFirst, type HelpdeskContentAdapter } from '../../../content/adapter';
import { fetchFreshdeskTicket } from './api';
import { freshdeskTicketIdFromUrl } from './match';
import { FRESHDESK_SELECTORS } from './selectors';

export const freshdeskAdapter: HelpdeskContentAdapter = {
  name: 'freshdesk',
  currentTicketId: (url) => freshdeskTicketIdFromUrl(url),
  fetchTicket: fetchFreshdeskTicket,
  composer: (doc) => queryFirst(doc, FRESHDESK_SELECTORS.composer),
  sendButtonSelector: FRESHDESK_SELECTORS.submitButton,
};
