import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** `?tabId=` pins the panel to one tab (pop-out window, tests); otherwise it follows the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export function useBoundTab(): { tabId: number | null; pinned: boolean } {
  const pinned = pinnedTabId(location.search);
  const [tabId, setTabId] = useState<number | null>(pinned);

  useEffect(() => {
    if (pinned !== null) return;
    let windowId: number | undefined;
    let cancelled = false;
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      if (cancelled || !tab) return;
      windowId = tab.windowId;
      setTabId(tab.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinned]);

  return { tabId, pinned: pinned !== null };
}
