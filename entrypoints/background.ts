import { QaDatabase } from '@/lib/db/schema';
import { seedBuiltInRubrics } from '@/lib/db/rubrics';
import { readSettings } from '@/lib/db/settings';
import { completeWithKnownReviewer, createHandlers } from '@/lib/background/handlers';
import { TabStates } from '@/lib/background/tab-states';
import {
  askContentScript,
  broadcastDraft,
  broadcastLibraryChanged,
  broadcastTabState,
  injectIntoAllHelpdeskTabs,
  listenForMessages,
  listenForTicketTabs,
  openPanelOnActionClick,
  registerCustomDomain,
  reloadTab,
  unregisterCustomDomain,
} from '@/lib/background/browser-wiring';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

export default defineBackground(() => {
  const startedAt = Date.now();
  const db = new QaDatabase();
  const tabs = new TabStates({
    broadcast: broadcastTabState,
    broadcastDraft,
    askContentScript,
    complete: (state) => completeWithKnownReviewer(db, state),
  });
  const ready = seedBuiltInRubrics(db, BUILT_IN_RUBRICS, new Date().toISOString());

  const handlers = createHandlers({
    db,
    tabs,
    ready,
    clock: { now: () => new Date().toISOString(), newId: () => crypto.randomUUID() },
    reloadTab,
    libraryChanged: broadcastLibraryChanged,
    registerDomain: registerCustomDomain,
    unregisterDomain: unregisterCustomDomain,
  });
  listenForMessages(handlers);
  listenForTicketTabs(tabs);
  openPanelOnActionClick();

  browser.runtime.onInstalled.addListener(() => {
    void ready.then(() => readSettings(db)).then((s) => injectIntoAllHelpdeskTabs(s.customDomains, startedAt));
  });
});
