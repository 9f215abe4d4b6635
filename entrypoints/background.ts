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

const RETENTION_ALARM = 'retention-daily';

export default defineBackground(() => {
  const startedAt = Date.now();
  const db = new QaDatabase();
  const tabs = new TabStates({
    broadcast: (tabId, state) => broadcast('tab:state-changed', { tabId, state }),
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
