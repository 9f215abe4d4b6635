// One sync at a time. Submits, the periodic alarm, a retry timer and "Sync now" all ask for a run;
// a request during a run gets one more run after it, so nothing is sent twice in parallel and no
// request is lost.
import { outboxSummary } from '../../db/outbox';
import { readSettings } from '../../db/settings';
import type { StoreStatus } from '../../messaging/protocol/team-store';
import { deliverOutbox, type DeliveryDeps, type StoreSecrets } from './deliver';
import { pullTeamReviews, readPullState } from './pull';

export interface SyncRunnerDeps extends DeliveryDeps {
  secrets: () => Promise<StoreSecrets>;
  /** plans the next attempt after a failure (a timer for short waits, an alarm as a backstop) */
  scheduleRetry: (atMs: number) => void;
  /** tells open pages that counts or states changed */
  changed: () => void;
}

export interface SyncRunner {
  /** runs a sync now (or right after the one running); `pull` also fetches the team's reviews */
  run: (options?: { pull?: boolean }) => Promise<void>;
  status: () => Promise<StoreStatus>;
}

export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  let running: Promise<void> | null = null;
  let again: { pull: boolean } | null = null;

  const once = async (pull: boolean) => {
    const settings = (await readSettings(deps.db)).teamStore;
    if (!settings.endpoint) return;
    const secrets = await deps.secrets();
    try {
      const outcome = await deliverOutbox(deps, settings, secrets);
      if (outcome.retryAt !== null) deps.scheduleRetry(outcome.retryAt);
      if (pull && settings.pull) await pullTeamReviews(deps, settings.endpoint, secrets);
    } finally {
      deps.changed();
    }
  };

  const run = (options: { pull?: boolean } = {}): Promise<void> => {
    const pull = options.pull ?? false;
    if (running) {
      again = { pull: (again?.pull ?? false) || pull };
      return running;
    }
    running = (async () => {
      let next: { pull: boolean } | null = { pull };
      try {
        while (next) {
          again = null;
          deps.changed();
          await once(next.pull);
          next = again;
        }
      } finally {
        running = null;
        deps.changed();
      }
    })();
    return running;
  };

  const status = async (): Promise<StoreStatus> => {
    const settings = (await readSettings(deps.db)).teamStore;
    const summary = await outboxSummary(deps.db);
    const pullState = await readPullState(deps.db, settings.endpoint);
    const pulled = await deps.db.reviews.where('origin').equals('pulled').count();
    return {
      configured: !!settings.endpoint,
      ...summary,
      pulled,
      lastPullAt: pullState.lastPullAt,
      lastPullError: pullState.lastError,
      running: running !== null,
    };
  };

  return { run, status };
}

/** Where the auth header value and the pseudonym key are kept: the extension's storage, not IndexedDB. */
export interface SecretStore {
  read: () => Promise<StoreSecrets>;
  write: (patch: Partial<StoreSecrets>) => Promise<void>;
  clear: () => Promise<void>;
}

/** For tests and for browsers without extension storage. */
export function memorySecretStore(initial: Partial<StoreSecrets> = {}): SecretStore {
  let secrets: StoreSecrets = { auth: null, pseudonymSecret: null, ...initial };
  return {
    read: async () => ({ ...secrets }),
    write: async (patch) => {
      secrets = { ...secrets, ...patch };
    },
    clear: async () => {
      secrets = { auth: null, pseudonymSecret: null };
    },
  };
}
