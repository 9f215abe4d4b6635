import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { tabDraftChangedSchema, type Draft } from '@/lib/messaging/protocol';

/** The unsent reply in the bound tab, as the content script last read it. */
export function useTabDraft(tabId: number | null): Draft | null {
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    const onMessage = (message: unknown) => {
      const parsed = tabDraftChangedSchema.safeParse(message);
      if (parsed.success && parsed.data.tabId === tabId) setDraft(parsed.data.draft);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    request('tab:get-draft', { tabId })
      .then((d) => !cancelled && setDraft((prev) => prev ?? d))
      .catch(() => undefined);
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);
  return draft;
}
