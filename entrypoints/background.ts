import { QaDatabase } from '@/lib/db/schema';
import { createSeeder } from '@/lib/db/rubrics';
import { readSettings } from '@/lib/db/settings';
import { createHandlers } from '@/lib/background/handlers';
import { completeWithKnownReviewer } from '@/lib/background/known-reviewer';
import { TabStates } from '@/lib/background/tab-states';
import {
  askContentScript,
  broadcast,
  injectIntoAllHelpdeskTabs,
  listenForMessages,
  listenForTicketTabs,
  openPanelOnActionClick,
  registerCustomDomain,
  reloadTab,
  unregisterCustomDomain,
} from '@/lib/background/browser-wiring';
import { persistStorage, storagePersisted } from '@/lib/background/storage-persistence';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';
import { createTeamStoreService } from '@/lib/background/team-store/service';
import { browserAlarms, extensionSecretStore, listenForAlarms } from '@/lib/background/team-store/browser-parts';
import { applyRetention } from '@/lib/db/retention';
import { createBadges } from '@/lib/background/badges';
import { createSamplingService } from '@/lib/background/sampling/service';
import { fetchInTab, findHelpdeskTabs, keepAliveSleep, navigateTab, setTabBadge, tabUrl } from '@/lib/background/sampling/browser-parts';
import { ticketKey } from '@/lib/helpdesk/ticket-schema';
import { sampleCoverageFrom } from '@/lib/background/sampling/coverage';

const RETENTION_ALARM = 'retention-daily';

export default defineBackground(() => {
  const startedAt = Date.now();
  const db = new QaDatabase();
  const badges = createBadges({ db, setBadge: setTabBadge });
  const tabs = new TabStates({
    broadcast: (tabId, state) => {
      broadcast('tab:state-changed', { tabId, state });
      badges.stateChanged(tabId, state);
    },
    broadcastDraft: (tabId, draft) => broadcast('tab:draft-changed', { tabId, draft }),
    askContentScript,
    complete: (state) => completeWithKnownReviewer(db, state),
  });
  const seeder = createSeeder(db, BUILT_IN_RUBRICS, () => new Date().toISOString());
  // Seed now; if this attempt fails, the next rubric read tries again.
  seeder.ready().catch(() => undefined);

  const teamStore = createTeamStoreService({
    db,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    random: () => Math.random(),
    newId: () => crypto.randomUUID(),
    secrets: extensionSecretStore(),
    alarms: browserAlarms,
    changed: () => broadcast('store:changed', {}),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  // Alarm listeners must be added at start-up so an alarm can wake a stopped worker.
  listenForAlarms((name) => {
    if (name === RETENTION_ALARM) {
      void applyRetention(db, Date.now())
        .then((result) => result.purged > 0 && broadcast('library:changed', {}))
        .catch(() => undefined);
    } else void teamStore.alarm(name).catch(() => undefined);
  });
  void teamStore.started().catch(() => undefined);
  void browserAlarms.periodic(RETENTION_ALARM, 24 * 60).catch(() => undefined);

  const sampling = createSamplingService({
    db,
    fetchInTab,
    tabUrl,
    helpdeskTabs: () => readSettings(db).then((s) => findHelpdeskTabs(s.customDomains)),
    navigate: navigateTab,
    sleep: keepAliveSleep,
    now: () => Date.now(),
    random: () => Math.random(),
    progress: (jobId, progress) => broadcast('sampling:progress', { jobId, progress }),
    finished: (jobId, outcome) => broadcast('sampling:finished', { jobId, outcome }),
    changed: () => broadcast('sampling:changed', {}),
  });

  const handlers = createHandlers({
    db,
    tabs,
    ready: seeder.ready,
    clock: { now: () => new Date().toISOString(), newId: () => crypto.randomUUID() },
    reloadTab,
    libraryChanged: () => broadcast('library:changed', {}),
    reviewsChanged: () => broadcast('reviews:changed', {}),
    registerDomain: registerCustomDomain,
    unregisterDomain: unregisterCustomDomain,
    persistStorage,
    storagePersisted,
    teamStore,
    clearSecrets: () => teamStore.secrets.clear(),
    sampling,
    sampleCoverage: sampleCoverageFrom(db),
    reviewWritten: (review) => {
      // A submit also says reviews:changed, which is what moves the queue; a draft changes the badge alone.
      badges.reviewWritten(ticketKey({ helpdesk: review.helpdesk, instance: review.instance, id: review.ticketId }));
    },
  });
  listenForMessages(handlers);
  listenForTicketTabs(tabs);
  openPanelOnActionClick();

  browser.runtime.onInstalled.addListener(() => {
    // Helpdesk tabs get their content scripts even when this seeding attempt failed.
    void seeder
      .ready()
      .catch(() => undefined)
      .then(() => readSettings(db))
      .then((s) => injectIntoAllHelpdeskTabs(s.customDomains, startedAt));
  });
});
