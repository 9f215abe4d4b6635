// What every feature's handlers may use. Browser APIs arrive as plain functions, so the handlers
// run under fake-indexeddb in unit tests.
import type { QaDatabase } from '../../db/schema';
import type { Clock } from '../../db/reviews';
import type { HelpdeskName } from '../../helpdesk/types';
import type { MessageName } from '../../messaging/protocol';
import type { Handler } from '../../messaging/server';
import type { TabStates } from '../tab-states';
import type { SecretStore, SyncRunner } from '../team-store/sync-runner';
import type { SampleCoverage } from './dashboard';
import type { SamplingService } from '../sampling/service';

/** The team-store side of the background: delivery runs, the secrets, and the alarms' plan. */
export interface TeamStoreService {
  runner: SyncRunner;
  secrets: SecretStore;
  /** plans (or clears) the periodic sync after the settings changed */
  configure: () => Promise<void>;
  /** a revision was just submitted and queued: send it now when auto-sync is on */
  afterSubmit: () => Promise<void>;
}

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
  /** tells open pages (the dashboard) that stored reviews changed */
  reviewsChanged?: () => void;
  /** the sample plan's coverage for the dashboard; absent until samples exist (see dashboard.ts) */
  sampleCoverage?: SampleCoverage;
  now?: () => number;
  /** asks the browser to keep the extension's storage; called after the first stored review */
  persistStorage?: () => Promise<boolean>;
  /** whether the storage is persistent; null when the browser cannot say */
  storagePersisted?: () => Promise<boolean | null>;
  /** forgets what is kept outside IndexedDB (the team store's auth value); part of "Delete all data" */
  clearSecrets?: () => Promise<void>;
  teamStore?: TeamStoreService;
  /** the weekly sample and the review queue */
  sampling?: SamplingService;
  /** a review was saved or submitted (the toolbar badge and the queue follow it) */
  reviewWritten?: (record: { helpdesk: HelpdeskName; instance: string; ticketId: string; status: 'draft' | 'submitted' }) => void;
}

/** Waits for the built-in rubrics (retrying a failed seeding when `ready` is a function). */
export const whenReady = (deps: Pick<BackgroundDeps, 'ready'>) => (typeof deps.ready === 'function' ? deps.ready() : deps.ready);

/** One feature's share of the protocol: exactly the handlers for the names it lists. */
export type HandlerSlice<K extends MessageName> = { [P in K]: Handler<P> };
