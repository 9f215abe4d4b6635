import { ZENDESK_SELECTORS } from './selectors';

const TICKET_PATH = /^\/agent\/tickets\/(\d+)(?:\/|$)/;

export function zendeskTicketIdFromUrl(url: Pick<URL, 'pathname'>): string | null {
  return TICKET_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The selected ticket tab in the header, for pages whose URL does not name the ticket. */
export function zendeskActiveTabTicketId(doc: Pick<Document, 'querySelectorAll'>): string | null {
  const tabs = Array.from(doc.querySelectorAll(ZENDESK_SELECTORS.ticketTab));
  for (const marker of ZENDESK_SELECTORS.activeTabMarkers) {
    const active = tabs.find((t) => t.matches(marker));
    const id = active?.getAttribute('data-entity-id');
    if (id && /^\d+$/.test(id)) return id;
  }
  return null;
}

export function zendeskCurrentTicketId(url: Pick<URL, 'pathname'>, doc: Pick<Document, 'querySelectorAll'>): string | null {
  if (!url.pathname.startsWith('/agent')) return null;
  // Other agent pages (views, dashboard) show no ticket even while ticket tabs stay open.
  if (!url.pathname.startsWith('/agent/tickets')) return null;
  return zendeskTicketIdFromUrl(url) ?? zendeskActiveTabTicketId(doc);
}
