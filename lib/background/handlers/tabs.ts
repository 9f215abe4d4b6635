// Tickets in browser tabs: reports from content scripts, drafts, and the panel's view of a tab.
import { readSettings } from '../../db/settings';
import { AppError } from '../../messaging/errors';
import type { SenderInfo } from '../../messaging/server';
import { draftContextFor } from '../../review/draft-context';
import type { BackgroundDeps, HandlerSlice } from './deps';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The tab a report came from; reports come only from content scripts in tabs. */
function requireTab(sender: SenderInfo, what: string): number {
  if (sender.tabId === undefined) throw new AppError('no-tab', `${what} must come from a tab.`);
  return sender.tabId;
}

/** A content script speaks only for its own page's host. */
function requireOwnHost(sender: SenderInfo, instance: string, what: string): number {
  const tabId = requireTab(sender, what);
  if (sender.url && hostOf(sender.url) !== instance) {
    throw new AppError('forbidden', `A page on ${hostOf(sender.url)} cannot report ${what.toLowerCase()} of ${instance}.`);
  }
  return tabId;
}

export function tabHandlers(deps: BackgroundDeps): HandlerSlice<'ticket:report' | 'draft:report' | 'tab:get-draft' | 'tab:get-state' | 'tab:reload'> {
  return {
    'ticket:report': async (report, sender) => {
      // An idle report names no ticket, so there is no host to check.
      const tabId = report.phase === 'idle' ? requireTab(sender, 'Tickets') : requireOwnHost(sender, report.instance, 'Tickets');
      const state = await deps.tabs.applyReport(tabId, report);
      if (state.status !== 'ready') return { ok: true };
      const { sendGuard } = await readSettings(deps.db);
      return { ok: true, draftContext: draftContextFor(state.ticket, state.reviewer), sendGuard };
    },
    'draft:report': (draft, sender) => {
      // The same rule as for tickets: it needs no state, so it holds after a service-worker restart.
      const tabId = requireOwnHost(sender, draft.instance, 'Drafts');
      deps.tabs.setDraft(tabId, { ...draft, updatedAt: (deps.now ?? Date.now)() });
      return { ok: true };
    },
    'tab:get-draft': ({ tabId }) => deps.tabs.getDraft(tabId),
    'tab:get-state': ({ tabId }) => deps.tabs.get(tabId),
    'tab:reload': async ({ tabId }) => {
      await deps.reloadTab(tabId);
      return { ok: true };
    },
  };
}
