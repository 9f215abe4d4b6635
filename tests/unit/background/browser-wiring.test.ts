import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { injectIntoOpenTabs } from '@/lib/background/browser-wiring';

describe('injectIntoOpenTabs (after install or update)', () => {
  beforeEach(() => fakeBrowser.reset());

  const ACTIVE_SINCE = 1_800_000_000_000;
  /** executeScript that answers the page-age probe with `timeOrigin` per tab and records injections */
  function scripting(timeOrigin: Record<number, number>, refuse: number[] = []) {
    const injected: number[] = [];
    const executeScript = vi.fn(async ({ target, files }: { target: { tabId: number }; files?: string[]; func?: () => unknown }) => {
      if (refuse.includes(target.tabId)) throw new Error('Cannot access a chrome:// URL');
      if (files) {
        expect(files).toEqual([expect.stringMatching(/^content-scripts\/(zendesk|freshdesk)\.js$/)]);
        injected.push(target.tabId);
        return [];
      }
      return [{ frameId: 0, result: timeOrigin[target.tabId] }];
    });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    return { injected, executeScript };
  }

  it('injects into helpdesk tabs without a live content script, and leaves the others alone', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'https://acme.zendesk.com/agent/tickets/1' },
      { id: 2, url: 'https://acme.zendesk.com/agent/tickets/2' },
      { id: undefined, url: 'https://acme.zendesk.com/agent/dashboard' },
    ] as never);
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
      asked.push(message);
      // tab 1 loaded while we were installing and already runs the script; tab 2 is orphaned
      if (tabId === 1) return { phase: 'idle' };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    const { injected, executeScript } = scripting({ 2: ACTIVE_SINCE - 60_000 });

    await injectIntoOpenTabs(['https://*.zendesk.com/agent/*'], 'content-scripts/zendesk.js', ACTIVE_SINCE);

    expect(query).toHaveBeenCalledWith({ url: ['https://*.zendesk.com/agent/*'] });
    expect(asked).toEqual([{ type: 'content:report-again' }, { type: 'content:report-again' }]);
    expect(injected).toEqual([2]);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 2 }, files: ['content-scripts/zendesk.js'] });
  });

  it('leaves a page that started loading after the scripts became active: the browser runs its own copy there', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 5, url: 'https://acme.zendesk.com/agent/tickets/5' }] as never);
    // Not answering yet: its declared script has not started (document_idle is still to come).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    const { injected } = scripting({ 5: ACTIVE_SINCE + 250 });
    await injectIntoOpenTabs(['https://*.zendesk.com/agent/*'], 'content-scripts/zendesk.js', ACTIVE_SINCE);
    expect(injected).toEqual([]);
  });

  it('keeps going when a tab refuses the script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 4 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const { injected } = scripting({ 4: ACTIVE_SINCE - 1 }, [3]);
    await expect(injectIntoOpenTabs(['https://*.freshdesk.com/a/*'], 'content-scripts/freshdesk.js', ACTIVE_SINCE)).resolves.toBeUndefined();
    expect(injected).toEqual([4]);
  });
});
