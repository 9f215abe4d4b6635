// Zendesk Messaging: the bot's turns, forms and files live in the conversation log, not in the
// comments. The panel shows both merged, each message once; a helpdesk that refuses the log still
// shows the comments. Status labels: account-defined statuses show their names.
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

const zendeskUrl = (id: string) => `https://${DEMO.zendesk.host}/agent/tickets/${id}`;

test('zendesk messaging ticket: bot turns, form, photo and file merged with the comments, each once', async ({ session }) => {
  const ticket = demoTicket('zendesk', 'messaging');
  expect(ticket.transcriptCount).toBeGreaterThan(ticket.messageCount);
  const { panel } = await session.openTicket(zendeskUrl(ticket.id));
  const messages = panel.getByTestId('ticket-message');
  await expect(messages).toHaveCount(ticket.transcriptCount);

  // Oldest first: the bot greeted the customer before any comment existed.
  await expect(messages.first()).toContainText('Lark (bot)');
  await expect(messages.first()).toContainText('[options: Track my order · Returns & refunds · Talk to a person]');
  await expect(messages.filter({ hasText: '[form: Order number, Delivery postcode]' })).toHaveCount(1);
  await expect(messages.filter({ hasText: 'Order number: LC-206104' })).toHaveCount(1);
  await expect(messages.filter({ hasText: '[image: IMG_2041.jpg]' })).toHaveCount(1);
  await expect(messages.filter({ hasText: '[file: order-confirmation-LC-206104.pdf]' })).toHaveCount(1);
  // Messages that are both in the log and in the comments show once.
  await expect(messages.filter({ hasText: 'Flat 3, 14 Albion Road' })).toHaveCount(1);
  await expect(messages.filter({ hasText: 'will do, thanks Aisha' })).toHaveCount(1);
  await expect(messages.last()).toContainText('will do, thanks Aisha');
  // Placeholders are text, never elements.
  expect(await panel.locator('[data-testid="ticket-message"] img').count()).toBe(0);
  expect(session.requests.filter((r) => r.path.endsWith('/conversation_log')).length).toBeGreaterThan(1);
});

test('zendesk messaging ticket: a helpdesk refusing the conversation log still shows the comments', async ({ launch }) => {
  const ticket = demoTicket('zendesk', 'messaging');
  const session = await launch({
    intercept: (req) => (req.path.endsWith('/conversation_log') ? { status: 403, body: { error: 'Forbidden', description: 'You do not have access to this page' } } : undefined),
  });
  const { panel } = await session.openTicket(zendeskUrl(ticket.id));
  await expect(panel.getByTestId('ticket-message')).toHaveCount(ticket.messageCount);
  await expect(panel.getByTestId('ticket-message').first()).toContainText("hiya, my order says delivered but there's nothing here??");
  await expect(panel.getByTestId('load-error')).toHaveCount(0);
});

test('account-defined statuses show their labels in both helpdesks', async ({ session }) => {
  const zendesk = await session.openTicket(zendeskUrl(demoTicket('zendesk', 'internal-notes').id));
  await expect(zendesk.panel.locator('.ticket-status')).toHaveText('Awaiting collection');
  const freshdesk = await session.openTicket(`https://${DEMO.freshdesk.host}/a/tickets/${demoTicket('freshdesk', 'third-party').id}`);
  await expect(freshdesk.panel.locator('.ticket-status')).toHaveText('Waiting on Third Party');
});
