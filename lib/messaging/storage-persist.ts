// Extension pages make the storage-persistence request on the background's behalf: Chrome's
// service worker has no navigator.storage.persist() (it exists only in windows).
import { browser, type Browser } from 'wxt/browser';
import { STORAGE_PERSIST } from './names';

/** Registered by each extension page; only the extension's own background (no tab) may ask. */
export function answerStoragePersistRequests(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const fromBackground = sender.id === browser.runtime.id && !sender.tab;
    if (!fromBackground || (message as { type?: unknown } | null)?.type !== STORAGE_PERSIST) return undefined;
    return typeof navigator.storage?.persist === 'function' ? navigator.storage.persist() : undefined;
  });
}
