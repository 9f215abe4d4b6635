// The team store as the background runs it: the sync runner, when it runs (after a submit, on the
// periodic alarm, after a backoff, at start-up) and the secrets. Browser APIs come in as plain
// functions, so the whole service runs under fake-indexeddb with a fake fetch in tests.
import { readSettings } from '../../db/settings';
import type { TeamStoreService } from '../handlers/deps';
import type { DeliveryDeps } from './deliver';
import { createSyncRunner, type SecretStore } from './sync-runner';

export const SYNC_ALARM = 'team-store-sync';
export const RETRY_ALARM = 'team-store-retry';
/** Browsers fire alarms no sooner than this; shorter waits also get a timer in the worker. */
const ALARM_MIN_DELAY_MS = 30_000;

export interface AlarmPlanner {
  /** a repeating alarm every `minutes`, or none */
  periodic: (name: string, minutes: number | null) => Promise<void>;
  /** a one-off alarm at `atMs` */
  once: (name: string, atMs: number) => Promise<void>;
}

export interface TeamStoreServiceDeps extends DeliveryDeps {
  secrets: SecretStore;
  alarms: AlarmPlanner;
  changed: () => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createTeamStoreService(deps: TeamStoreServiceDeps): TeamStoreService & { alarm: (name: string) => Promise<void>; started: () => Promise<void> } {
  let timer: unknown = null;
  const runner = createSyncRunner({
    ...deps,
    secrets: deps.secrets.read,
    changed: deps.changed,
    scheduleRetry: (atMs) => {
      const delay = atMs - deps.now();
      if (timer !== null) deps.clearTimer?.(timer);
      timer = null;
      // The timer keeps short waits short while the worker lives; the alarm brings the retry
      // back if the browser stops the worker (or restarts) before then.
      if (delay < ALARM_MIN_DELAY_MS && deps.setTimer) {
        timer = deps.setTimer(() => {
          timer = null;
          void runner.run();
        }, Math.max(0, delay));
      }
      void deps.alarms.once(RETRY_ALARM, Math.max(atMs, deps.now() + ALARM_MIN_DELAY_MS));
    },
  });

  const configure = async () => {
    const settings = (await readSettings(deps.db)).teamStore;
    await deps.alarms.periodic(SYNC_ALARM, settings.endpoint ? settings.intervalMinutes : null);
  };

  return {
    runner,
    secrets: deps.secrets,
    configure,
    afterSubmit: async () => {
      const settings = (await readSettings(deps.db)).teamStore;
      if (settings.endpoint && settings.autoSync) void runner.run();
      else deps.changed();
    },
    alarm: async (name) => {
      if (name === SYNC_ALARM) await runner.run({ pull: true });
      else if (name === RETRY_ALARM) await runner.run();
    },
    // A worker that starts (browser start, or woken after being stopped) finishes what an earlier
    // one left: a batch cut off mid-flight is sent again under its key.
    started: async () => {
      await configure();
      await runner.run();
    },
  };
}
