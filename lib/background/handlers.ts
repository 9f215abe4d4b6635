// What the background answers to each protocol message. Browser APIs arrive as plain functions
// in `deps`, so the handlers run under fake-indexeddb in unit tests.
import type { QaDatabase } from '../db/schema';
import { openReview, rubricInUse, saveDraft, submitReview, type Clock } from '../db/reviews';
import { getRubric, importRubric, listLatestRubrics } from '../db/rubrics';
import { readSettings, updateSettings } from '../db/settings';
import { normalizeCustomHost } from '../helpdesk/registry';
import type { HelpdeskName } from '../helpdesk/types';
import { draftContextFor } from '../review/draft-context';
import { ticketReportSchema, type TabState } from '../messaging/protocol';
import type { Handlers } from '../messaging/server';
import { parseRubric } from '../rubric/schema';
import type { TabStates } from './tab-states';

export interface BackgroundDeps {
  db: QaDatabase;
  tabs: TabStates;
  clock: Clock;
  /** settles once built-in rubrics are seeded; rubric reads wait for it on first start */
  ready: Promise<unknown>;
  reloadTab: (tabId: number) => Promise<void>;
  registerDomain: (host: string, helpdesk: HelpdeskName) => Promise<void>;
  unregisterDomain: (host: string) => Promise<void>;
  /** tells open panels to read rubrics and settings again */
  libraryChanged?: () => void;
  now?: () => number;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Fills in the reviewer when the helpdesk could not say who is signed in, and remembers them
 * when it could, so one person's reviews never split across identities.
 */
export async function completeWithKnownReviewer(db: QaDatabase, state: TabState): Promise<TabState> {
  if (state.status !== 'ready') return state;
  const instance = state.ticket.instance;
  const settings = await readSettings(db);
  const known = settings.knownReviewers[instance];
  if (!state.reviewer) return known ? { ...state, reviewer: known } : state;
  if (!known || known.id !== state.reviewer.id || known.name !== state.reviewer.name) {
    const reviewer = state.reviewer;
    await updateSettings(db, (s) => ({ knownReviewers: { ...s.knownReviewers, [instance]: reviewer } }));
  }
  return state;
}

class HandlerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, clock } = deps;

  const rubricFor = async (ref: { id: string; version: number }) => {
    await deps.ready;
    const rubric = await getRubric(db, ref.id, ref.version);
    if (!rubric) throw new HandlerError('rubric-missing', `Rubric "${ref.id}" version ${ref.version} is not in the library.`);
    return rubric;
  };

  return {
    'ticket:report': async (report, sender) => {
      if (sender.tabId === undefined) throw new HandlerError('no-tab', 'Ticket reports must come from a tab.');
      if (report.phase !== 'idle' && sender.url && hostOf(sender.url) !== report.instance) {
        throw new HandlerError('forbidden', `A page on ${hostOf(sender.url)} cannot report tickets of ${report.instance}.`);
      }
      const state = await deps.tabs.applyReport(sender.tabId, report);
      if (state.status !== 'ready') return { ok: true };
      const { sendGuard } = await readSettings(db);
      return { ok: true, draftContext: draftContextFor(state.ticket, state.reviewer), sendGuard };
    },
    'draft:report': (draft, sender) => {
      if (sender.tabId === undefined) throw new HandlerError('no-tab', 'Drafts must come from a tab.');
      deps.tabs.setDraft(sender.tabId, { ...draft, updatedAt: (deps.now ?? Date.now)() });
      return { ok: true };
    },
    'tab:get-draft': ({ tabId }) => deps.tabs.getDraft(tabId),
    'tab:get-state': ({ tabId }) =>
      deps.tabs.get(tabId, (raw) => {
        const parsed = ticketReportSchema.safeParse(raw);
        return parsed.success ? parsed.data : null;
      }),
    'tab:reload': async ({ tabId }) => {
      await deps.reloadTab(tabId);
      return { ok: true };
    },
    'reviews:open': (slot) => openReview(db, slot),
    'reviews:rubric-in-use': async (slot) => ({ rubricId: await rubricInUse(db, slot) }),
    'reviews:save-draft': async (input) => saveDraft(db, await rubricFor(input.rubric), input, clock),
    'reviews:submit': async (input) => {
      const answered = Object.values(input.answers).some((a) => a.value !== null);
      if (!answered) throw new HandlerError('empty-review', 'Rate at least one criterion before submitting.');
      return submitReview(db, await rubricFor(input.rubric), input, clock);
    },
    'rubrics:list': async () => {
      await deps.ready;
      return listLatestRubrics(db);
    },
    'rubrics:get': async ({ id, version }) => {
      await deps.ready;
      return getRubric(db, id, version);
    },
    'rubrics:import': async ({ rubric }) => {
      const stored = await importRubric(db, parseRubric(rubric), clock.now());
      deps.libraryChanged?.();
      return stored;
    },
    'settings:get': () => readSettings(db),
    'settings:update': async (patch) => {
      const next = await updateSettings(db, patch);
      deps.libraryChanged?.();
      return next;
    },
    'domains:register': async ({ host, helpdesk }) => {
      const normalized = normalizeCustomHost(host);
      if (!normalized) throw new HandlerError('bad-host', `"${host}" is not a web address such as support.acme.com.`);
      await deps.registerDomain(normalized, helpdesk);
      return updateSettings(db, (s) => ({
        customDomains: [...s.customDomains.filter((d) => d.host !== normalized), { host: normalized, helpdesk }],
      }));
    },
    'domains:remove': async ({ host }) => {
      await deps.unregisterDomain(host);
      return updateSettings(db, (s) => ({ customDomains: s.customDomains.filter((d) => d.host !== host) }));
    },
  };
}
