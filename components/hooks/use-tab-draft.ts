import { request } from '@/lib/messaging/client';
import { tabDraftChangedSchema, type Draft } from '@/lib/messaging/protocol';
import { useTabFeed } from './use-tab-feed';

/** The unsent reply in the bound tab, as the content script last read it. */
export function useTabDraft(tabId: number | null): Draft | null {
  const [draft] = useTabFeed<Draft | null>(
    tabId,
    null,
    (id) => request('tab:get-draft', { tabId: id }),
    (message, id) => {
      const parsed = tabDraftChangedSchema.safeParse(message);
      return parsed.success && parsed.data.tabId === id ? parsed.data.draft : undefined;
    },
  );
  return draft;
}
