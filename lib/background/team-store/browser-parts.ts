// The team store's contact with browser APIs: the secrets in extension storage and the alarms.
import { browser } from 'wxt/browser';
import type { StoreSecrets } from './deliver';
import type { AlarmPlanner } from './service';
import type { SecretStore } from './sync-runner';

const SECRETS_KEY = 'teamStoreSecrets';

/**
 * The auth header value and the pseudonym key live in the extension's own storage, not in
 * IndexedDB: backups and exports read IndexedDB, so they can never carry them, and no page
 * ever receives them back (the options page only learns whether one is set).
 */
export function extensionSecretStore(): SecretStore {
  const read = async (): Promise<StoreSecrets> => {
    const stored = (await browser.storage.local.get(SECRETS_KEY))[SECRETS_KEY] as Partial<StoreSecrets> | undefined;
    return {
      auth: typeof stored?.auth === 'string' ? stored.auth : null,
      pseudonymSecret: typeof stored?.pseudonymSecret === 'string' ? stored.pseudonymSecret : null,
    };
  };
  return {
    read,
    write: async (patch) => {
      await browser.storage.local.set({ [SECRETS_KEY]: { ...(await read()), ...patch } });
    },
    clear: async () => {
      await browser.storage.local.remove(SECRETS_KEY);
    },
  };
}

export const browserAlarms: AlarmPlanner = {
  periodic: async (name, minutes) => {
    if (minutes === null) {
      await browser.alarms.clear(name);
      return;
    }
    const existing = await browser.alarms.get(name);
    if (existing?.periodInMinutes === minutes) return;
    await browser.alarms.create(name, { periodInMinutes: minutes, delayInMinutes: minutes });
  },
  once: async (name, atMs) => {
    await browser.alarms.create(name, { when: atMs });
  },
};

export function listenForAlarms(onAlarm: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => onAlarm(alarm.name));
}
