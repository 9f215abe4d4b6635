// The agent's self-check: the unsent reply is checked live in the panel, and once more when Send
// is pressed in the helpdesk page.
import { DEMO } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { countAppWrites } from './support/flow';

const GOOD_REPLY = [
  'Hi {first},',
  '',
  "I'm sorry your parcel arrived late. I've refunded the delivery charge today, and you will see it on your statement within 3 working days.",
  '',
  'If there is anything else I can help with, just reply to this email.',
  '',
  'Kind regards,',
  'Priya',
].join('\n');

test('zendesk: draft findings update as the agent types, and Send asks first when the reply has problems', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'email-complaint')!;
  const { page, panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);

  const toggle = panel.getByTestId('mode-toggle');
  await expect(toggle).toHaveAttribute('data-mode', 'review');
  await toggle.click();
  await expect(toggle).toHaveAttribute('data-mode', 'self');

  const composer = page.locator(`[data-test-id="ticket-${ticket.id}-standard-layout"] [data-test-id="omnicomposer-rich-text-ckeditor"]`);
  await composer.click();
  await page.keyboard.type('Your order number is [ORDER NUMBER].');
  await expect(panel.locator('[data-testid="draft-finding"][data-rule="placeholder"]')).toHaveAttribute('data-severity', 'error');
  await expect(panel.locator('[data-testid="draft-finding"][data-rule="greeting"]')).toBeVisible();

  const appWrites = await countAppWrites(page);
  const sendsBefore = session.requests.filter((r) => r.method === 'PUT').length;
  await page.locator(`[data-test-id="ticket-${ticket.id}-standard-layout"] button[data-test-id="submit_button-button"]`).click();
  await expect(page.getByTestId('send-guard')).toBeVisible();
  await expect(page.getByTestId('send-guard')).toContainText('[ORDER NUMBER]');
  // The app sends in the click itself: had the click got through, the count would already be 1.
  expect(await appWrites()).toBe(0);
  expect(session.requests.filter((r) => r.method === 'PUT').length).toBe(sendsBefore);

  await page.getByTestId('send-guard-review').click();
  await expect(page.getByTestId('send-guard')).toHaveCount(0);
  expect(await appWrites()).toBe(0);

  // A reply that does everything well has no findings and is sent without a prompt.
  const firstName = (await panel.locator('.ticket-facts dd').first().innerText()).split(/\s+/)[0]!;
  const goodReply = GOOD_REPLY.replace('{first}', firstName);
  await composer.fill('');
  await composer.click();
  await page.keyboard.type(goodReply);
  // Judge the whole reply, not a prefix of it that happened to be checked on the way.
  await expect(panel.locator('.draft-preview')).toHaveText(goodReply.replace(/\s+/g, ' '));
  await expect(panel.getByTestId('draft-ok')).toBeVisible();
  await expect(panel.getByTestId('draft-finding')).toHaveCount(0);
});

test('freshdesk: "Send anyway" sends the reply the guard stopped', async ({ session }) => {
  const ticket = DEMO.freshdesk.tickets.find((t) => t.kind === 'email-complaint')!;
  const { page, panel } = await session.openTicket(`https://${DEMO.freshdesk.host}/a/tickets/${ticket.id}`);
  await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
  const placeholder = page.locator('button[data-test-id="active-editor"]');
  if (await placeholder.count()) await placeholder.first().click();
  const editor = page.locator('.fr-element.fr-view[contenteditable="true"]').first();
  await editor.click();
  await page.keyboard.type('Your card 4111 1111 1111 1111 is on file.');
  const appWrites = await countAppWrites(page);
  const isWrite = (r: { method: string }) => r.method === 'POST' || r.method === 'PUT';
  const sendsBefore = session.requests.filter(isWrite).length;
  await page.locator('[data-test-id="submit"]').first().click();
  await expect(page.getByTestId('send-guard')).toBeVisible();
  await expect(page.getByTestId('send-guard').locator('[data-rule="sensitive-data"]')).toBeVisible();
  // Held: the app's send handler never ran (it would have counted in the click itself).
  expect(await appWrites()).toBe(0);
  await page.getByTestId('send-anyway').click();
  await expect(page.getByTestId('send-guard')).toHaveCount(0);
  expect(await appWrites()).toBe(1);
  const sent = await session.mock.waitForRequest(isWrite, sendsBefore + 1);
  expect(sent.path).toBe(`/api/_/tickets/${ticket.id}/reply`);
  expect(sent.body).toContain('4111 1111 1111 1111');
});
