// Extension pages (panel, options) call the background through here; replies are validated too,
// since a page must not trust shapes that only TypeScript vouches for.
import { browser, type Browser } from 'wxt/browser';
import { protocol, readEvent, type EventName, type EventOf, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { MessageError, sendMessage } from './send';

export { MessageError };

export async function request<K extends MessageName>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await sendMessage(type, data);
  const parsed = protocol[type].response.safeParse(reply);
  if (!parsed.success) {
    throw new MessageError('bad-reply', `The extension answered "${type}" in an unexpected shape.`);
  }
  return parsed.data as ResponseOf<K>;
}

/**
 * Whether a message came from this extension's background. Content scripts' messages reach
 * extension pages too, and always carry their tab; the background's carry none, and its URL is
 * the background script or page named in the manifest.
 */
export function isFromBackground(
  sender: Pick<Browser.runtime.MessageSender, 'id' | 'tab' | 'url'>,
  self: { id: string; backgroundUrls: readonly string[] },
): boolean {
  if (sender.id !== self.id || sender.tab) return false;
  return sender.url === undefined || self.backgroundUrls.includes(sender.url);
}

/** This extension's id and background URLs, for `isFromBackground`. */
export function backgroundIdentity(): { id: string; backgroundUrls: string[] } {
  return { id: browser.runtime.id, backgroundUrls: backgroundUrls() };
}

function backgroundUrls(): string[] {
  const background = (browser.runtime.getManifest() as { background?: { service_worker?: string; page?: string } }).background;
  const paths = [background?.service_worker, background?.page, '/_generated_background_page.html'].filter((p): p is string => !!p);
  return paths.map((p) => browser.runtime.getURL(p.startsWith('/') ? (p as '/') : (`/${p}` as '/')));
}

/** Listens for one broadcast of the background; returns the function that stops listening. */
export function onEvent<K extends EventName>(name: K, listener: (data: EventOf<K>) => void): () => void {
  const self = backgroundIdentity();
  const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromBackground(sender, self)) return undefined;
    const data = readEvent(name, message);
    if (data !== undefined) listener(data);
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
