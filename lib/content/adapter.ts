// What a helpdesk contributes to the content-script side. A third helpdesk implements this in its
// own folder and gets a content script that calls runTicketReporter with it.
import type { HttpOptions } from './http';
import type { HelpdeskName } from '../helpdesk/types';

export interface FetchContext {
  origin: string;
  ticketId: string;
  http: HttpOptions;
  /** messages fetched so far, for the panel's progress line */
  onProgress: (loaded: number) => void;
}

export interface HelpdeskContentAdapter {
  name: HelpdeskName;
  /** the ticket in front of the agent, or null when no ticket is open */
  currentTicketId(location: Location | URL, doc: Document): string | null;
  /**
   * Attributes whose change anywhere in the page may mean another ticket tab was brought forward
   * without a URL change (Zendesk's header tabs). Helpdesks whose URL always names the ticket
   * leave it out, and the page is not observed at all.
   */
  tabSwitchAttributes?: readonly string[];
  /** raw API bodies, parsed later in the background */
  fetchTicket(ctx: FetchContext): Promise<Record<string, unknown>>;
  /** the reply editor of that ticket (scoped to its pane: several tickets may be mounted) */
  composer(doc: Document, ticketId: string): HTMLElement | null;
  /** the button that sends the reply from that composer */
  sendButtonSelector: string;
  /**
   * Whether a send button belongs to this composer's ticket, where several tickets are mounted at
   * once and each has its own button. Absent: every send button on the page is this composer's.
   */
  sendsFrom?(composer: HTMLElement, button: HTMLElement): boolean;
}

/** The first element matching any selector, in the order given (primary first, then fallbacks). */
export function queryFirst(root: ParentNode, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
