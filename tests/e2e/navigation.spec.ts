// The panel follows the agent: SPA navigation inside the helpdesk, Zendesk's ticket tabs, and
// pages that are not tickets.
import { DEMO } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

test('zendesk: SPA navigation to another ticket switches the panel, without a page load', async ({ session }) => {
  const [first, second] = DEMO.zendesk.tickets;
  const { page, panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${first!.id}`);
  await expect(panel.getByTestId('ticket-id')).toHaveText(first!.id);
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // Navigate the way the agent app does: pushState inside the page.
  await page.evaluate((id) => {
    history.pushState({}, '', `/agent/tickets/${id}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, second!.id);
  await expect(panel.getByTestId('ticket-id')).toHaveText(second!.id);
  await expect(panel.getByTestId('ticket-subject')).toHaveText(second!.subject);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  // Back to the first one, and to a page that shows no ticket.
  await page.goBack();
  await expect(panel.getByTestId('ticket-id')).toHaveText(first!.id);
  await page.evaluate(() => {
    history.pushState({}, '', '/agent/dashboard');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(panel.getByTestId('no-ticket')).toBeVisible();
});

test('zendesk: clicking tickets in a view and switching header tabs follows the active tab', async ({ session }) => {
  const { page, panel, tabId } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/dashboard`);
  // The panel starts out empty anyway: first make sure the content script has looked at the page.
  await expect.poll(() => session.contentReport(tabId)).toEqual({ phase: 'idle' });
  await expect(panel.getByTestId('no-ticket')).toBeVisible();

  const openFromView = async (row: number) => {
    await page.locator('a[data-nav="views"]').click();
    const link = page.locator('td.subject a:visible').nth(row);
    const id = (await link.getAttribute('href'))!.split('/').pop()!;
    await link.click();
    await expect(panel.getByTestId('ticket-id')).toHaveText(id);
    return id;
  };
  const first = await openFromView(0);
  const second = await openFromView(1);
  expect(second).not.toBe(first);

  // Both tickets stay mounted in their header tabs; the panel follows the one brought forward.
  await page.locator(`a[data-test-id="header-tab"][data-entity-id="${first}"]`).click();
  await expect(panel.getByTestId('ticket-id')).toHaveText(first);
  await page.locator(`a[data-test-id="header-tab"][data-entity-id="${second}"]`).click();
  await expect(panel.getByTestId('ticket-id')).toHaveText(second);
});

test('freshdesk: SPA navigation and the legacy /helpdesk/tickets URL', async ({ session }) => {
  const [first, second] = DEMO.freshdesk.tickets;
  const { page, panel } = await session.openTicket(`https://${DEMO.freshdesk.host}/a/tickets/${first!.id}`);
  await expect(panel.getByTestId('ticket-id')).toHaveText(first!.id);
  await page.evaluate((id) => {
    history.pushState({}, '', `/a/tickets/${id}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, second!.id);
  await expect(panel.getByTestId('ticket-id')).toHaveText(second!.id);

  const legacy = await session.openTicket(`https://${DEMO.freshdesk.host}/helpdesk/tickets/${first!.id}`);
  await expect(legacy.panel.getByTestId('ticket-subject')).toHaveText(first!.subject);
});

test('a page that is not a helpdesk ticket shows the empty state', async ({ session }) => {
  const { panel, tabId } = await session.openTicket(`https://${DEMO.freshdesk.host}/a/tickets`);
  // The panel starts out empty anyway: what counts is the content script's verdict on this page.
  await expect.poll(() => session.contentReport(tabId)).toEqual({ phase: 'idle' });
  await expect(panel.getByTestId('no-ticket')).toBeVisible();
  await expect(panel.getByTestId('no-ticket')).toContainText('Open a ticket');
  // Nothing to check a reply against without a ticket.
  await expect(panel.getByTestId('mode-toggle')).toHaveCount(0);
});
