// Reviews live in IndexedDB, which the browser may evict under disk pressure unless the storage is
// persistent. Persistence is requested once there is something worth keeping: the first stored
// review. `navigator.storage.persist()` exists only in windows, so Chrome's service worker asks an
// open extension page (the panel that just saved) to make the request (see
// components/storage-persist.ts); Firefox's background page makes it itself.
import { browser } from 'wxt/browser';
import { pageCommands } from '../messaging/protocol';

/**
 * Returns the hook the review handlers call after each stored review: it requests persistence on
 * the first call of this background's lifetime, and again only if that request failed outright.
 */
export function persistAfterFirstReview(persist: (() => Promise<boolean>) | undefined): () => void {
  let requested = false;
  return () => {
    if (requested || !persist) return;
    requested = true;
    persist().catch(() => {
      requested = false;
    });
  };
}

type StorageApi = Partial<Pick<StorageManager, 'persist' | 'persisted'>>;
const storageApi = (): StorageApi | undefined => (globalThis.navigator as { storage?: StorageApi } | undefined)?.storage;

/** Whether the browser keeps this extension's storage under disk pressure; null when it cannot say. */
export async function storagePersisted(): Promise<boolean | null> {
  const storage = storageApi();
  return storage?.persisted ? storage.persisted() : null;
}

/** Asks for persistent storage; true when granted (or already persistent). */
export async function persistStorage(): Promise<boolean> {
  const storage = storageApi();
  if (await storage?.persisted?.()) return true;
  if (storage?.persist) return storage.persist();
  // A service worker: no open extension page means nobody can ask now; the next save tries again.
  const answer = pageCommands['storage:persist'].response.safeParse(await browser.runtime.sendMessage({ type: 'storage:persist' }));
  if (!answer.success) throw new Error('No extension page answered the storage request.');
  return answer.data;
}
