// The background's contact with browser APIs: messages, ports, tabs, content-script registration
// and the side panel. Kept apart from the handlers so those stay testable without a browser.
import { browser, type Browser } from 'wxt/browser';
import { HELPDESK_SITES, customDomainMatches, siteFor } from '../helpdesk/registry';
import type { HelpdeskName } from '../helpdesk/types';
import { TICKET_TAB_PORT, type ContentCommand } from '../messaging/names';
import { contentCommands, type EventName, type EventOf, type TicketReport } from '../messaging/protocol';
import { dispatchMessage, type Handlers } from '../messaging/server';
import type { CustomDomain } from '../settings/settings';
import type { TabStates } from './tab-states';

/** Tells every open extension page; nobody listening is fine. */
export function broadcast<K extends EventName>(name: K, data: EventOf<K>): void {
  browser.runtime.sendMessage({ type: name, data }).catch(() => {
    // No extension page is open to hear it.
  });
}

/** Sends a command to a tab's content script; its answer is validated like any reply. */
export async function commandContentScript(tabId: number, command: ContentCommand): Promise<TicketReport> {
  const answer: unknown = await browser.tabs.sendMessage(tabId, { type: command });
  return contentCommands[command].response.parse(answer);
}

export const askContentScript = (tabId: number) => commandContentScript(tabId, 'content:report-again');

export async function reloadTab(tabId: number): Promise<void> {
  await commandContentScript(tabId, 'content:reload');
}

export function listenForMessages(handlers: Handlers): void {
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const fromExtensionPage = sender.id === browser.runtime.id && !sender.tab?.url?.startsWith('http') && (sender.url ?? '').startsWith(extensionOrigin);
    return dispatchMessage(handlers, message, { tabId: sender.tab?.id, url: sender.url, fromExtensionPage });
  });
}

export function listenForTicketTabs(tabs: TabStates): void {
  browser.runtime.onConnect.addListener((port) => {
    const tabId = port.sender?.tab?.id;
    if (port.name !== TICKET_TAB_PORT || tabId === undefined) return;
    tabs.connected(tabId, port);
    port.onDisconnect.addListener(() => tabs.disconnected(tabId, port));
  });
  browser.tabs.onRemoved.addListener((tabId) => tabs.forget(tabId));
}

const customScriptId = (helpdesk: HelpdeskName, host: string) => `custom-${helpdesk}-${host}`;

export async function registerCustomDomain(host: string, helpdesk: HelpdeskName): Promise<void> {
  const origins = [`https://${host}/*`];
  if (!(await browser.permissions.contains({ origins }))) {
    throw Object.assign(new Error(`Permission for ${host} was not granted.`), { code: 'no-permission' });
  }
  const id = customScriptId(helpdesk, host);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.scripting.registerContentScripts([
    { id, matches: customDomainMatches(helpdesk, host), js: [siteFor(helpdesk).contentScript], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  await injectIntoOpenTabs(customDomainMatches(helpdesk, host), siteFor(helpdesk).contentScript, Date.now());
}

export async function unregisterCustomDomain(host: string): Promise<void> {
  const ids = HELPDESK_SITES.map((s) => customScriptId(s.name, host));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: existing.map((e) => e.id) });
  await browser.permissions.remove({ origins: [`https://${host}/*`] }).catch(() => false);
}

/**
 * MV3 does not inject declared content scripts into tabs that were open before install or update.
 * `activeSince` (epoch ms) is when the scripts became active: the extension's start, or a custom
 * domain's registration. A page that started loading after it gets them from the browser.
 */
export async function injectIntoOpenTabs(matches: readonly string[], file: string, activeSince: number): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...matches] });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      // A tab that loaded while we were installing already runs the script: a second copy would
      // only restart its reads.
      const alive = await askContentScript(tab.id).then(
        () => true,
        () => false,
      );
      if (alive) return;
      // A page still loading may not run its declared script yet: asking is not enough there, and
      // a second copy would restart its reads.
      const [probe] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => performance.timeOrigin }).catch(() => []);
      if (typeof probe?.result === 'number' && probe.result >= activeSince) return;
      // WXT types script paths from the build; registry paths are checked by the e2e tests instead.
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [file as never] }).catch(() => {
        // Discarded or crashed tabs cannot take scripts; they load them when reopened.
      });
    }),
  );
}

/** After install or update; `startedAt` is when the background started (the declared scripts were active by then). */
export async function injectIntoAllHelpdeskTabs(customDomains: CustomDomain[], startedAt: number): Promise<void> {
  for (const site of HELPDESK_SITES) await injectIntoOpenTabs(site.matches, site.contentScript, startedAt);
  for (const d of customDomains) {
    await registerCustomDomain(d.host, d.helpdesk).catch(() => {
      // Permission withdrawn in the browser's settings: the options page shows it as not granted.
    });
  }
}

export function openPanelOnActionClick(): void {
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  if (sidePanel) {
    sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  // Firefox: the panel is a sidebar; the toolbar button toggles it.
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (sidebar && action) action.onClicked.addListener(() => void sidebar.toggle());
}
