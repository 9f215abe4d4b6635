// Extension pages make the storage-persistence request on the background's behalf: Chrome's
// service worker has no navigator.storage.persist() (it exists only in windows).
import { browser, type Browser } from 'wxt/browser';
import { backgroundIdentity, isFromBackground } from '@/lib/messaging/client';

/** Registered by every page (see renderPage); only the extension's own background may ask. */
export function answerStoragePersistRequests(): void {
  const self = backgroundIdentity();
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromBackground(sender, self) || (message as { type?: unknown } | null)?.type !== 'storage:persist') return undefined;
    return typeof navigator.storage?.persist === 'function' ? navigator.storage.persist() : undefined;
  });
}
