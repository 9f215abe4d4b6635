import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { tabStateChangedSchema, type TabState } from '@/lib/messaging/protocol';

export type PanelTabState = TabState | { status: 'connecting' } | { status: 'unreachable'; message: string };

export function useTabState(tabId: number | null): { state: PanelTabState; reload: () => void } {
  const [state, setState] = useState<PanelTabState>({ status: 'connecting' });

  useEffect(() => {
    if (tabId === null) return;
    let cancelled = false;
    setState({ status: 'connecting' });
    // Listen before asking, so a change between the two is not missed.
    const onMessage = (message: unknown) => {
      const parsed = tabStateChangedSchema.safeParse(message);
      if (parsed.success && parsed.data.tabId === tabId) setState(parsed.data.state);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    request('tab:get-state', { tabId })
      .then((s) => {
        if (!cancelled) setState((prev) => (prev.status === 'connecting' ? s : prev));
      })
      .catch((err: Error) => {
        if (!cancelled) setState({ status: 'unreachable', message: err.message });
      });
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  const reload = useCallback(() => {
    if (tabId === null) return;
    request('tab:reload', { tabId }).catch((err: Error) => setState({ status: 'unreachable', message: err.message }));
  }, [tabId]);

  return { state, reload };
}
