// One ticket snapshot per browser tab, held by the background. The panel asks for a tab's state
// and is told when it changes; the content script's open port tells us when its page is gone.
import type { Draft, TabState, TicketReport } from '../messaging/protocol';
import { reportToState } from './report-to-state';

export interface TabStatesDeps {
  broadcast: (tabId: number, state: TabState) => void;
  broadcastDraft?: (tabId: number, draft: Draft | null) => void;
  /** asks the tab's content script for its last report; rejects when none is listening */
  askContentScript: (tabId: number) => Promise<TicketReport>;
  /** completes a state before the panel sees it (e.g. the reviewer remembered for the instance) */
  complete?: (state: TabState) => Promise<TabState>;
  now?: () => number;
}

export class TabStates {
  private readonly states = new Map<number, TabState>();
  private readonly ports = new Map<number, object>();
  private readonly drafts = new Map<number, Draft>();
  private readonly reportSeq = new Map<number, number>();

  constructor(private readonly deps: TabStatesDeps) {}

  set(tabId: number, state: TabState): TabState {
    this.states.set(tabId, state);
    this.deps.broadcast(tabId, state);
    const draft = this.drafts.get(tabId);
    const ticketId = state.status === 'ready' ? state.ticket.id : state.status === 'idle' ? null : state.ticketId;
    // A draft belongs to one ticket: leaving it (or the page) clears what the panel shows.
    if (draft && draft.ticketId !== ticketId) this.setDraft(tabId, null);
    return state;
  }

  setDraft(tabId: number, draft: Draft | null): void {
    if (draft) this.drafts.set(tabId, draft);
    else if (!this.drafts.delete(tabId)) return;
    this.deps.broadcastDraft?.(tabId, draft);
  }

  getDraft(tabId: number): Draft | null {
    return this.drafts.get(tabId) ?? null;
  }

  async applyReport(tabId: number, report: TicketReport): Promise<TabState> {
    const seq = (this.reportSeq.get(tabId) ?? 0) + 1;
    this.reportSeq.set(tabId, seq);
    const parsed = reportToState(report, (this.deps.now ?? Date.now)());
    const state = this.deps.complete ? await this.deps.complete(parsed) : parsed;
    // A later report may have arrived while this one was being completed: it wins.
    if (this.reportSeq.get(tabId) !== seq) return this.states.get(tabId) ?? state;
    return this.set(tabId, state);
  }

  /** The known state, or — after a service-worker restart forgot it — whatever the tab reports now. */
  async get(tabId: number): Promise<TabState> {
    const known = this.states.get(tabId);
    if (known) return known;
    try {
      return await this.applyReport(tabId, await this.deps.askContentScript(tabId));
    } catch {
      // No content script in that tab: not a helpdesk page, or one we have no permission for.
    }
    return { status: 'idle' };
  }

  connected(tabId: number, port: object): void {
    this.ports.set(tabId, port);
  }

  disconnected(tabId: number, port: object): void {
    // A reload connects the new page's port before the old one's disconnect may arrive.
    if (this.ports.get(tabId) !== port) return;
    this.ports.delete(tabId);
    this.set(tabId, { status: 'idle' });
  }

  forget(tabId: number): void {
    this.states.delete(tabId);
    this.ports.delete(tabId);
    this.drafts.delete(tabId);
    this.reportSeq.delete(tabId);
  }
}
