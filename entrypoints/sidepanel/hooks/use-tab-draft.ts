import { onEvent, request } from '@/lib/messaging/client';
import type { Draft } from '@/lib/messaging/protocol';
import { useTabFeed } from './use-tab-feed';

/** The unsent reply in the bound tab, as the content script last read it. */
export function useTabDraft(tabId: number | null): Draft | null {
  const [draft] = useTabFeed<Draft | null>(
    tabId,
    null,
    (id) => request('tab:get-draft', { tabId: id }),
    (id, next) => onEvent('tab:draft-changed', (e) => e.tabId === id && next(e.draft)),
  );
  return draft;
}
