// The content-script half of every helpdesk: watch which ticket is in front of the agent, read it
// through the adapter, and hand the raw JSON to the background. Parsing happens there, which keeps
// this bundle small and the helpdesk page responsive.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HelpdeskContentAdapter } from './adapter';
import { readDraft, runDraftGuard } from './draft-guard';
import type { DraftContext } from '../selfcheck/checks';
import type { SendGuardMode } from '../settings/settings';
import { HelpdeskHttpError, type LoadError } from '../helpdesk/errors';
import { readContentCommand, TICKET_TAB_PORT } from '../messaging/names';
import { LOAD_DEADLINE_MS } from './http';
import type { TicketReport } from '../messaging/protocol';
import { sendMessage } from '../messaging/send';
import { reportForFailedSend } from './send-failure';

/** Returning to a ticket tab within this time shows the copy already read, without new requests. */
const CACHE_MS = 2 * 60_000;
const CACHE_ENTRIES = 6;
/** Tab switches in Zendesk flip several attributes at once; read the DOM once they settle. */
const DOM_SETTLE_MS = 120;

const URL_POLL_MS = 400;

/** Firefox gives content scripts a privileged fetch; content.fetch is the page's own, with its cookies. */
function pageFetch(): typeof fetch {
  const pageWorld = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return pageWorld?.fetch ? pageWorld.fetch.bind(pageWorld) : fetch.bind(globalThis);
}

export function runTicketReporter(ctx: ContentScriptContext, adapter: HelpdeskContentAdapter): void {
  const origin = location.origin;
  const instance = location.host;
  const cache = new Map<string, { raw: Record<string, unknown>; at: number }>();
  let currentId: string | null | undefined;
  let inFlight: AbortController | null = null;
  let lastReport: TicketReport = { phase: 'idle' };
  let port: ReturnType<typeof browser.runtime.connect> | null = null;
  /**
   * set once the background has parsed the ticket in front of the agent; it brings the Send-check
   * setting along, so a change in Options applies from the next ticket read (or the panel's Reload)
   */
  let draftContext: { ticketId: string; context: DraftContext; sendGuard: SendGuardMode } | null = null;

  // The open port tells the background when this page goes away, so the panel never shows a
  // ticket from a page that has been left.
  const ensurePort = () => {
    if (port || ctx.isInvalid) return;
    try {
      port = browser.runtime.connect({ name: TICKET_TAB_PORT });
      port.onDisconnect.addListener(() => {
        port = null;
      });
    } catch {
      port = null;
    }
  };

  const reportDraft = (ticketId: string, text: string) => {
    if (ctx.isInvalid) return;
    sendMessage('draft:report', { helpdesk: adapter.name, instance, ticketId, text }).catch(() => undefined);
  };

  const report = (r: TicketReport) => {
    lastReport = r;
    if (ctx.isInvalid) return;
    ensurePort();
    sendMessage('ticket:report', r)
      .then((reply) => {
        if (r.phase !== 'loaded' || r.ticketId !== currentId) return;
        draftContext = reply.draftContext ? { ticketId: r.ticketId, context: reply.draftContext, sendGuard: reply.sendGuard ?? 'errors' } : null;
        // A reply may already be half-written (drafts survive in the helpdesk across visits).
        const composer = adapter.composer(document, r.ticketId);
        if (composer) reportDraft(r.ticketId, readDraft(composer));
      })
      .catch((err: unknown) => {
        // A ticket the background could not take (too large for a message) is an error to show,
        // not a panel left on "Loading"; a restarting background asks again with the
        // 'content:report-again' command, so other failures need nothing here.
        const failure = r === lastReport ? reportForFailedSend(r, err) : null;
        if (failure) report(failure);
      });
  };

  const load = async (ticketId: string, force: boolean) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const locator = { helpdesk: adapter.name, instance, ticketId } as const;
    const cached = cache.get(ticketId);
    if (!force && cached && Date.now() - cached.at < CACHE_MS) {
      report({ phase: 'loaded', ...locator, raw: cached.raw });
      return;
    }
    report({ phase: 'loading', ...locator, loaded: 0 });
    try {
      const raw = await adapter.fetchTicket({
        origin,
        ticketId,
        http: {
          fetch: pageFetch(),
          signal: controller.signal,
          // Every retry of this load (a reload starts a new one) ends by this time.
          deadline: Date.now() + LOAD_DEADLINE_MS,
          onWait: (notice) => report({ phase: 'waiting', ...locator, ...notice }),
        },
        onProgress: (loaded) => report({ phase: 'loading', ...locator, loaded }),
      });
      if (controller.signal.aborted) return;
      cache.delete(ticketId);
      cache.set(ticketId, { raw, at: Date.now() });
      while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      report({ phase: 'loaded', ...locator, raw });
    } catch (err) {
      if (controller.signal.aborted) return;
      const error: LoadError =
        err instanceof HelpdeskHttpError ? err.loadError : { code: 'network', detail: err instanceof Error ? err.message : String(err) };
      report({ phase: 'error', ...locator, error });
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  };

  const check = (force = false) => {
    if (ctx.isInvalid) return;
    const id = adapter.currentTicketId(new URL(location.href), document);
    if (id === currentId && !force) return;
    currentId = id;
    if (!id) {
      inFlight?.abort();
      report({ phase: 'idle' });
      return;
    }
    void load(id, force);
  };

  ctx.addEventListener(window, 'wxt:locationchange', () => check());
  ctx.addEventListener(window, 'popstate', () => check());
  // The page's own history.pushState is invisible to this isolated world (neither a DOM event nor,
  // reliably, a Navigation API event reaches it), so the URL is also compared on a slow beat. It is
  // a string comparison; the DOM is only read when the URL alone does not name a ticket.
  let lastHref = location.href;
  ctx.setInterval(() => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    check();
  }, URL_POLL_MS);

  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;
  if (adapter.tabSwitchAttributes?.length) {
    observer = new MutationObserver(() => {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => check(), DOM_SETTLE_MS);
    });
    observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: [...adapter.tabSwitchAttributes] });
  }

  const onMessage = (message: unknown): Promise<TicketReport> | undefined => {
    const command = readContentCommand(message);
    if (command === 'content:reload') {
      check(true);
      return Promise.resolve(lastReport);
    }
    if (command === 'content:report-again') {
      ensurePort();
      return Promise.resolve(lastReport);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  runDraftGuard(ctx, adapter, {
    currentTicketId: () => currentId ?? null,
    draftContext: () => (draftContext && draftContext.ticketId === currentId ? draftContext.context : null),
    sendGuard: () => draftContext?.sendGuard ?? 'errors',
    reportDraft,
  });

  ctx.onInvalidated(() => {
    inFlight?.abort();
    observer?.disconnect();
    clearTimeout(settleTimer);
    browser.runtime.onMessage.removeListener(onMessage);
    port?.disconnect();
  });

  check();
}
