// The real Firefox sidebar, which Chromium has no equivalent of and the other tests cannot open: the
// toolbar button toggles it (MV2 browserAction → sidebarAction), and the page in it binds itself to
// the window's active tab, then follows tab switches (no ?tabId= here). The sidebar is not a tab the
// driver can see, so an extension page in a second window reads it through extension.getViews.
// (Firefox opens the sidebar in that new window too, on its own active tab: hence the window id.)
import { test } from 'node:test';
import { DEMO, demoTicket } from '../support/mock-helpdesk/index';
import { clickToolbarButton, launchFirefox, openExtensionPage, serveMockHelpdesks, waitUntilElsewhere } from './support/firefox';

interface ExtensionApi {
  extension: { getViews(q: object): Window[] };
  tabs: { query(q: object): Promise<{ windowId?: number }[]> };
}

/** Runs in the observer page: whether the add-on's sidebar in that window shows the subject. */
const sidebarShows = (windowId: number, subject: string) => {
  const views = (globalThis as unknown as { browser: ExtensionApi }).browser.extension.getViews({ type: 'sidebar', windowId });
  return views.length === 1 && views[0]!.document.querySelector('[data-testid="ticket-subject"]')?.textContent === subject;
};

test('Firefox: the toolbar button opens the sidebar on the active ticket, and it follows a tab switch', { timeout: 180_000 }, async () => {
  const first = demoTicket('zendesk', 'email-complaint');
  const second = demoTicket('zendesk', 'chat');
  const firstUrl = `https://${DEMO.zendesk.host}/agent/tickets/${first.id}`;
  const firefox = await launchFirefox();
  try {
    const firstTab = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
    await serveMockHelpdesks(firstTab);
    await firstTab.goto(firstUrl);
    const secondTab = await firefox.browser.newPage();
    await serveMockHelpdesks(secondTab);
    await secondTab.goto(`https://${DEMO.zendesk.host}/agent/tickets/${second.id}`);
    await firstTab.bringToFront();

    await clickToolbarButton(firefox);

    // Its own window, so that opening it changes no active tab in the sidebar's window.
    const observer = await firefox.browser.newPage({ type: 'window' });
    await openExtensionPage(observer, 'options.html');
    const windowId = await observer.evaluate(async (url) => {
      const [tab] = await (globalThis as unknown as { browser: ExtensionApi }).browser.tabs.query({ url });
      return tab?.windowId ?? -1;
    }, firstUrl);
    await waitUntilElsewhere(observer, `the sidebar shows "${first.subject}"`, sidebarShows, windowId, first.subject);

    await secondTab.bringToFront();
    await waitUntilElsewhere(observer, `the sidebar follows to "${second.subject}"`, sidebarShows, windowId, second.subject);
  } finally {
    await firefox.close();
  }
});
