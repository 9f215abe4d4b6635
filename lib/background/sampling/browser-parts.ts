// The sampling service's contact with the browser: running the page-fetch function in a helpdesk
// tab, finding the open helpdesk tabs, navigating a tab, and waits that keep the service worker up.
import { browser } from 'wxt/browser';
import { abortableSleep } from '../../net/retry';
import { customDomainMatches, HELPDESK_SITES } from '../../helpdesk/registry';
import type { CustomDomain } from '../../settings/settings';
import { fetchPageInTab, type PageAnswer } from './page-fetch';
import type { HelpdeskTab } from './service';

/** One listing request may take this long in the tab before it counts as a network failure. */
const REQUEST_TIMEOUT_MS = 60_000;
/** A service worker with nothing to do for 30 s is stopped; a wait is cut into shorter naps. */
const NAP_MS = 20_000;

export async function fetchInTab(tabId: number, path: string): Promise<PageAnswer> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: fetchPageInTab, args: [path, REQUEST_TIMEOUT_MS] });
  const answer = first?.result as PageAnswer | undefined;
  if (!answer || typeof answer !== 'object' || typeof answer.ok !== 'boolean') throw new Error('the tab gave no answer');
  return answer;
}

export async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

export async function navigateTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}

/** Open tabs of the helpdesks' agent apps, on the vendors' hosts and on the custom domains set up. */
export async function findHelpdeskTabs(customDomains: readonly CustomDomain[]): Promise<HelpdeskTab[]> {
  const sources = [
    ...HELPDESK_SITES.map((s) => ({ helpdesk: s.name, matches: [...s.matches] })),
    ...customDomains.map((d) => ({ helpdesk: d.helpdesk, matches: customDomainMatches(d.helpdesk, d.host) })),
  ];
  const found = new Map<number, HelpdeskTab>();
  for (const source of sources) {
    const tabs = await browser.tabs.query({ url: source.matches }).catch(() => []);
    for (const tab of tabs) {
      if (tab.id === undefined || !tab.url || found.has(tab.id)) continue;
      found.set(tab.id, { tabId: tab.id, helpdesk: source.helpdesk, instance: new URL(tab.url).host, title: tab.title ?? tab.url });
    }
  }
  return [...found.values()];
}

/** A wait the worker survives: between naps an extension call resets its idle timer. */
export async function keepAliveSleep(ms: number, signal: AbortSignal): Promise<void> {
  for (let left = ms; left > 0; left -= NAP_MS) {
    await abortableSleep(Math.min(left, NAP_MS), signal);
    await browser.runtime.getPlatformInfo().catch(() => undefined);
  }
}

/** The toolbar button's badge on one tab (Chrome: `action`; Firefox MV2: `browserAction`). */
export async function setTabBadge(tabId: number, text: string, color: string | null): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  await action.setBadgeText({ tabId, text });
  if (color) await action.setBadgeBackgroundColor({ tabId, color });
}
