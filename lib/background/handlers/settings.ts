// Settings and custom helpdesk domains.
import { readSettings, updateSettings } from '../../db/settings';
import { normalizeCustomHost } from '../../helpdesk/registry';
import { AppError } from '../../messaging/errors';
import type { BackgroundDeps, HandlerSlice } from './deps';

export function settingsHandlers(deps: BackgroundDeps): HandlerSlice<'settings:get' | 'settings:update' | 'domains:register' | 'domains:remove'> {
  const { db } = deps;
  return {
    'settings:get': () => readSettings(db),
    'settings:update': async (patch) => {
      const next = await updateSettings(db, patch);
      deps.libraryChanged?.();
      return next;
    },
    'domains:register': async ({ host, helpdesk }) => {
      const normalized = normalizeCustomHost(host);
      if (!normalized) throw new AppError('bad-host', `"${host}" is not a web address such as support.acme.com.`);
      await deps.registerDomain(normalized, helpdesk);
      return updateSettings(db, (s) => ({
        customDomains: [...s.customDomains.filter((d) => d.host !== normalized), { host: normalized, helpdesk }],
      }));
    },
    'domains:remove': async ({ host }) => {
      await deps.unregisterDomain(host);
      return updateSettings(db, (s) => ({ customDomains: s.customDomains.filter((d) => d.host !== host) }));
    },
  };
}
