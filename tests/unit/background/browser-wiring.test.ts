import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { injectIntoOpenTabs } from '@/lib/background/browser-wiring';

describe('injectIntoOpenTabs (after install or update)', () => {
  beforeEach(() => fakeBrowser.reset());

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
    const executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };

    await injectIntoOpenTabs(['https://*.zendesk.com/agent/*'], 'content-scripts/zendesk.js');

    expect(query).toHaveBeenCalledWith({ url: ['https://*.zendesk.com/agent/*'] });
    expect(asked).toEqual([{ type: 'content:report-again' }, { type: 'content:report-again' }]);
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 2 }, files: ['content-scripts/zendesk.js'] });
  });

  it('keeps going when a tab refuses the script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 }, { id: 4 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 3) throw new Error('Cannot access a chrome:// URL');
      return [];
    });
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    await expect(injectIntoOpenTabs(['https://*.freshdesk.com/a/*'], 'content-scripts/freshdesk.js')).resolves.toBeUndefined();
    expect(executeScript).toHaveBeenCalledTimes(2);
  });
});
