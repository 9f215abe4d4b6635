import { queryFirst, type HelpdeskContentAdapter } from '../../../content/adapter';
import { fetchZendeskTicket } from './api';
import { zendeskCurrentTicketId } from './match';
import { ZENDESK_SELECTORS } from './selectors';

export const zendeskAdapter: HelpdeskContentAdapter = {
  name: 'zendesk',
  currentTicketId: (url, doc) => zendeskCurrentTicketId(url, doc),
  fetchTicket: fetchZendeskTicket,
  composer(doc, ticketId) {
    // Every open ticket tab stays mounted, so the composer must come from this ticket's pane.
    const root = queryFirst(doc, ZENDESK_SELECTORS.ticketRoot(ticketId));
    return root ? queryFirst(root, ZENDESK_SELECTORS.composer) : null;
  },
  sendButtonSelector: ZENDESK_SELECTORS.submitButton,
  sendsFrom(composer, button) {
    const pane = composer.closest(ZENDESK_SELECTORS.anyTicketPane);
    return !pane || pane.contains(button);
  },
  tabSwitchAttributes: ZENDESK_SELECTORS.tabSwitchAttributes,
};
