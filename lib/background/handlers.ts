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
import { jsonByteLength, rubricFileSizeProblem } from '../rubric/file-size';
import { parseRubric } from '../rubric/schema';
import { persistAfterFirstReview } from './storage-persistence';
import type { TabStates } from './tab-states';

export interface BackgroundDeps {
  db: QaDatabase;
  tabs: TabStates;
  clock: Clock;
  /**
   * settles once built-in rubrics are seeded; rubric reads wait for it on first start. A function
   * is asked again on every read, so a failed seeding is retried (see `createSeeder`).
   */
  ready: Promise<unknown> | (() => Promise<unknown>);
  reloadTab: (tabId: number) => Promise<void>;
  registerDomain: (host: string, helpdesk: HelpdeskName) => Promise<void>;
  unregisterDomain: (host: string) => Promise<void>;
  /** tells open panels to read rubrics and settings again */
  libraryChanged?: () => void;
  now?: () => number;
  /** asks the browser to keep the extension's storage; called after the first stored review */
  persistStorage?: () => Promise<boolean>;
  /** whether the storage is persistent; null when the browser cannot say */
  storagePersisted?: () => Promise<boolean | null>;
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
  const whenReady = () => (typeof deps.ready === 'function' ? deps.ready() : deps.ready);
  const reviewStored = persistAfterFirstReview(deps.persistStorage);

  const rubricFor = async (ref: { id: string; version: number }) => {
    await whenReady();
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
      return state.status === 'ready' ? { ok: true, draftContext: draftContextFor(state.ticket, state.reviewer) } : { ok: true };
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
    'reviews:save-draft': async (input) => {
      const saved = await saveDraft(db, await rubricFor(input.rubric), input, clock);
      reviewStored();
      return saved;
    },
    'reviews:submit': async (input) => {
      const answered = Object.values(input.answers).some((a) => a.value !== null);
      if (!answered) throw new HandlerError('empty-review', 'Rate at least one criterion before submitting.');
      const submitted = await submitReview(db, await rubricFor(input.rubric), input, clock);
      reviewStored();
      return submitted;
    },
    'rubrics:list': async () => {
      await whenReady();
      return listLatestRubrics(db);
    },
    'rubrics:get': async ({ id, version }) => {
      await whenReady();
      return getRubric(db, id, version);
    },
    'rubrics:import': async ({ rubric, rollback }) => {
      // Pages check the file's size too; this covers whatever else sends a rubric.
      const tooLarge = rubricFileSizeProblem(jsonByteLength(rubric));
      if (tooLarge) throw new HandlerError('rubric-too-large', tooLarge);
      const stored = await importRubric(db, parseRubric(rubric), clock.now(), { rollback });
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
    'storage:status': async () => ({ persisted: deps.storagePersisted ? await deps.storagePersisted() : null }),
  };
}
