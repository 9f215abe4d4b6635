import { useCallback } from 'react';
import { onEvent, request } from '@/lib/messaging/client';
import type { TabState } from '@/lib/messaging/protocol';
import { useTabFeed } from './use-tab-feed';

export type PanelTabState = TabState | { status: 'connecting' } | { status: 'unreachable'; message: string };

const CONNECTING: PanelTabState = { status: 'connecting' };

export function useTabState(tabId: number | null): { state: PanelTabState; reload: () => void } {
  const [state, setState] = useTabFeed<PanelTabState>(
    tabId,
    CONNECTING,
    (id) => request('tab:get-state', { tabId: id }),
    (id, next) => onEvent('tab:state-changed', (e) => e.tabId === id && next(e.state)),
    (err) => ({ status: 'unreachable', message: err.message }),
  );

  const reload = useCallback(() => {
    if (tabId === null) return;
    request('tab:reload', { tabId }).catch((err: Error) => setState({ status: 'unreachable', message: err.message }));
  }, [tabId, setState]);

  return { state, reload };
}
