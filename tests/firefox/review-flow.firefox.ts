// The review flow in a real Firefox with the Firefox build (MV2, sidebar_action): a Zendesk ticket
// tab → the panel page bound to it shows the ticket → a rating autosaves → after a reload of the
// panel the rating is still there, read back from the add-on's IndexedDB.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO, demoTicket } from '../support/mock-helpdesk/index';
import { launchFirefox, openExtensionPage, ratingOption, serveMockHelpdesks, tabIdOf, waitUntil } from './support/firefox';

const isPressed = (i: number) => {
  const options = document.querySelectorAll('[data-testid="criterion"]')[i]?.querySelectorAll('[data-testid="rating-option"]');
  return options?.[options.length - 1]?.getAttribute('aria-pressed') === 'true';
};

test('Firefox, Zendesk: the panel shows the ticket, a rating autosaves and is still there after a reload', { timeout: 180_000 }, async () => {
  const ticket = demoTicket('zendesk', 'email-complaint');
  const ticketUrl = `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`;
  const firefox = await launchFirefox();
  try {
    const ticketTab = (await firefox.browser.pages())[0] ?? (await firefox.browser.newPage());
    const mock = await serveMockHelpdesks(ticketTab);
    await ticketTab.goto(ticketUrl);

    const panel = await firefox.browser.newPage();
    // Any extension page can ask the add-on for the ticket tab's id; the panel itself is one.
    await openExtensionPage(panel, 'sidepanel.html');
    await waitUntil(panel, 'the panel page has loaded', () => document.querySelector('[data-testid="qa-panel"]') !== null);
    const tabId = await tabIdOf(panel, ticketUrl);
    const panelPath = `sidepanel.html?tabId=${tabId}`;

    await openExtensionPage(panel, panelPath);
    await waitUntil(panel, `the panel shows "${ticket.subject}"`, (s) => document.querySelector('[data-testid="ticket-subject"]')?.textContent === s, ticket.subject);
    assert.equal(await panel.$eval('[data-testid="ticket-id"]', (e) => e.textContent), ticket.id);
    // The ticket came through the add-on's content script, not just the fake agent app.
    assert.ok(
      mock.requests.some((r) => !r.fromAgentApp && r.path === `/api/v2/tickets/${ticket.id}.json`),
      'the content script read the ticket through the helpdesk API',
    );
    assert.equal(await panel.evaluate(isPressed, 0), false, 'no rating before the click');

    await (await ratingOption(panel, 0, 'last')).click();
    await waitUntil(panel, 'the best rating of the first criterion is pressed', isPressed, 0);
    await waitUntil(panel, 'the draft is saved', () => document.querySelector('[data-testid="save-status"]')?.textContent?.includes('Saved') === true);

    // A marker on the old document: the checks below must run on the reloaded one.
    await panel.evaluate(() => {
      (window as unknown as { beforeReload?: boolean }).beforeReload = true;
    });
    await openExtensionPage(panel, panelPath);
    await waitUntil(panel, 'the panel has reloaded', () => !(window as unknown as { beforeReload?: boolean }).beforeReload && document.querySelector('[data-testid="ticket-subject"]') !== null);
    await waitUntil(panel, 'the rating is back after the reload', isPressed, 0);
    assert.match((await panel.$eval('[data-testid="save-status"]', (e) => e.textContent)) ?? '', /Saved/);
  } finally {
    await firefox.close();
  }
});
