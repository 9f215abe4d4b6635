// The team store: settings (the auth value kept apart from them), "Sync now", Retry, and the
// sync state of one review for the panel.
import { readSettings, updateSettings } from '../../db/settings';
import { requeueFailed, syncStateOf } from '../../db/outbox';
import { AppError } from '../../messaging/errors';
import { checkEndpoint } from '../../team-store/endpoint';
import type { BackgroundDeps, HandlerSlice } from './deps';

export function teamStoreHandlers(
  deps: BackgroundDeps,
): HandlerSlice<'store:get' | 'store:save' | 'store:sync-now' | 'store:retry-failed' | 'store:review-state'> {
  const { db } = deps;
  const service = () => {
    if (!deps.teamStore) throw new AppError('internal', 'The team store is not available in this browser.');
    return deps.teamStore;
  };
  const view = async () => {
    const { runner, secrets } = service();
    const saved = await secrets.read();
    return {
      settings: (await readSettings(db)).teamStore,
      hasAuth: !!saved.auth,
      hasPseudonymSecret: !!saved.pseudonymSecret,
      status: await runner.status(),
    };
  };

  return {
    'store:get': view,
    'store:save': async ({ auth, pseudonymSecret, ...settings }) => {
      const { secrets } = service();
      let endpoint: string | null = null;
      if (settings.endpoint !== null && settings.endpoint.trim()) {
        const checked = checkEndpoint(settings.endpoint);
        if (!checked.ok) throw new AppError('bad-endpoint', checked.message);
        endpoint = checked.url;
      }
      if (auth !== undefined) await secrets.write({ auth: auth?.trim() ? auth.trim() : null });
      if (pseudonymSecret !== undefined) await secrets.write({ pseudonymSecret: pseudonymSecret?.trim() ? pseudonymSecret.trim() : null });
      await updateSettings(db, (s) => ({ teamStore: { ...s.teamStore, ...settings, endpoint } }));
      await service().configure();
      if (endpoint) void service().runner.run({ pull: true });
      return view();
    },
    'store:sync-now': async () => {
      const { runner } = service();
      if (!(await readSettings(db)).teamStore.endpoint) throw new AppError('bad-endpoint', 'Set up the team store first: enter its address and save.');
      await runner.run({ pull: true });
      return runner.status();
    },
    'store:retry-failed': async () => {
      const { runner } = service();
      await requeueFailed(db);
      await runner.run();
      return runner.status();
    },
    'store:review-state': async ({ reviewId, revision }) => {
      const configured = !!(await readSettings(db)).teamStore.endpoint;
      const entry = await syncStateOf(db, reviewId, revision);
      return { configured, state: entry?.state ?? null, error: entry?.state === 'synced' ? null : (entry?.lastError ?? null) };
    },
  };
}
