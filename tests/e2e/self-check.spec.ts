// The agent's self-check: the unsent reply is checked live in the panel, and once more when Send
// is pressed in the helpdesk page.
import type { Page } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import { tabIdOf } from './support/extension';
import { expect, test, type Session } from './support/fixtures';
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

/**
 * Resolves once the ticket page's content script holds the draft context for its ticket, with
 * `text` in the composer. The text is put there without an input event, and the ticket is read
 * again: only the answer to that read makes the page report its composer, so seeing the text in
 * the background proves the answer (draft context and Send-check setting) has arrived. An
 * extension page asks the background; the panel stays closed.
 */
async function armWithDraft(session: Session, page: Page, ticketId: string, text: string): Promise<void> {
  const tabId = await tabIdOf(session.worker, page);
  await page.locator(`[data-test-id="ticket-${ticketId}-standard-layout"] .ck-editor__editable`).evaluate((el, t) => {
    el.textContent = t;
  }, text);
  const observer = await session.context.newPage();
  await observer.goto(`chrome-extension://${session.extensionId}/options.html`);
  const ask = (type: string, data: object) =>
    observer.evaluate(
      ([t, d]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown }> } } }).chrome.runtime.sendMessage({ type: t, data: d }),
      [type, data] as const,
    );
  await ask('tab:reload', { tabId });
  await expect.poll(async () => ((await ask('tab:get-draft', { tabId })).data as { text?: string } | null)?.text).toBe(text);
  await observer.close();
}

const sentBodies = (session: Session) =>
  session.requests.filter((r) => r.method === 'PUT' && r.body).map((r) => (JSON.parse(r.body!) as { ticket: { comment?: { body: string } } }).ticket.comment?.body);

test('zendesk chat, panel closed: only an error holds Send; a reply with warnings, or none, is sent without a prompt', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'chat')!;
  const page = await session.context.newPage();
  await page.goto(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  const pane = page.locator(`[data-test-id="ticket-${ticket.id}-standard-layout"]`);
  const composer = pane.locator('.ck-editor__editable');
  const send = pane.locator('button[data-test-id="submit_button-button"]');

  // An unfilled placeholder is an error: Send is held.
  await armWithDraft(session, page, ticket.id, 'Your order number is [ORDER NUMBER].');
  await send.click();
  await expect(page.getByTestId('send-guard')).toBeVisible();
  await expect(page.getByTestId('send-guard').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('send-guard').locator('[data-rule="placeholder"]')).toBeVisible();
  expect(sentBodies(session)).toEqual([]);
  await page.getByTestId('send-guard-review').click();
  await expect(page.getByTestId('send-guard')).toHaveCount(0);

  // Only a warning (nothing says what happens next): sent as it is.
  await composer.fill('');
  await composer.click();
  await page.keyboard.type('Your refund has been processed.');
  await send.click();
  await expect.poll(() => sentBodies(session)).toEqual(['Your refund has been processed.']);
  await expect(page.getByTestId('send-guard')).toHaveCount(0);

  // The reply a new user reported as stopped: it says what happens next, in a chat.
  await expect(composer).toHaveText('');
  await composer.click();
  await page.keyboard.type('One moment please, I am checking that for you now.');
  await send.click();
  await expect.poll(() => sentBodies(session)).toEqual(['Your refund has been processed.', 'One moment please, I am checking that for you now.']);
  await expect(page.getByTestId('send-guard')).toHaveCount(0);
});

test('Options: with the check before Send switched off, even an error is sent without a prompt', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const mode = options.getByTestId('send-guard-mode');
  await expect(mode.locator('input[value="errors"]')).toBeChecked();
  // The radio shows the stored setting: it turns on once the background has saved it.
  await mode.locator('input[value="off"]').click();
  await expect(mode.locator('input[value="off"]')).toBeChecked();
  await options.reload();
  await expect(options.getByTestId('send-guard-mode').locator('input[value="off"]')).toBeChecked();

  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'email-complaint')!;
  const page = await session.context.newPage();
  await page.goto(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  const send = page.locator(`[data-test-id="ticket-${ticket.id}-standard-layout"] button[data-test-id="submit_button-button"]`);
  await armWithDraft(session, page, ticket.id, 'Your order number is [ORDER NUMBER].');
  await send.click();
  await expect.poll(() => sentBodies(session)).toEqual(['Your order number is [ORDER NUMBER].']);
  await expect(page.getByTestId('send-guard')).toHaveCount(0);

  // Switched back on, the next read of the ticket brings the setting and Send is held again.
  await options.getByTestId('send-guard-mode').locator('input[value="errors"]').click();
  await expect(options.getByTestId('send-guard-mode').locator('input[value="errors"]')).toBeChecked();
  await options.reload();
  await expect(options.getByTestId('send-guard-mode').locator('input[value="errors"]')).toBeChecked();
  await armWithDraft(session, page, ticket.id, 'Your card 4111 1111 1111 1111 is on file.');
  await send.click();
  await expect(page.getByTestId('send-guard').locator('[data-rule="sensitive-data"]')).toBeVisible();
  expect(sentBodies(session)).toHaveLength(1);
});
