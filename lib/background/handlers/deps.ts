// What every feature's handlers may use. Browser APIs arrive as plain functions, so the handlers
// run under fake-indexeddb in unit tests.
import type { QaDatabase } from '../../db/schema';
import type { Clock } from '../../db/reviews';
import type { HelpdeskName } from '../../helpdesk/types';
import type { MessageName } from '../../messaging/protocol';
import type { Handler } from '../../messaging/server';
import type { TabStates } from '../tab-states';

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

/** One feature's share of the protocol: exactly the handlers for the names it lists. */
export type HandlerSlice<K extends MessageName> = { [P in K]: Handler<P> };
