import { QaDatabase } from '@/lib/db/schema';
import { seedBuiltInRubrics } from '@/lib/db/rubrics';
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
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

export default defineBackground(() => {
  const db = new QaDatabase();
  const tabs = new TabStates({
    broadcast: (tabId, state) => broadcast('tab:state-changed', { tabId, state }),
    broadcastDraft: (tabId, draft) => broadcast('tab:draft-changed', { tabId, draft }),
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
    libraryChanged: () => broadcast('library:changed', {}),
    registerDomain: registerCustomDomain,
    unregisterDomain: unregisterCustomDomain,
  });
  listenForMessages(handlers);
  listenForTicketTabs(tabs);
  openPanelOnActionClick();

  browser.runtime.onInstalled.addListener(() => {
    void ready.then(() => readSettings(db)).then((s) => injectIntoAllHelpdeskTabs(s.customDomains));
  });
});
