// A 5 000-comment ticket: read through every cursor page, shown with both ends visible and the
// middle one click away.
import { addZendeskTicket, createZendeskDemoData, makeLargeZendeskTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

test('zendesk: a 5 000-comment ticket loads completely and the transcript stays manageable', async ({ launch }) => {
  const data = createZendeskDemoData();
  const big = makeLargeZendeskTicket('880001', 5000);
  addZendeskTicket(data, big);
  const session = await launch({ zendeskHosts: ['acme.zendesk.com'], data: { zendesk: data } });
  const { panel } = await session.openTicket('https://acme.zendesk.com/agent/tickets/880001');
  await expect(panel.getByTestId('ticket-id')).toHaveText('880001', { timeout: 60_000 });
  await expect(panel.locator('.transcript summary')).toContainText('5000 messages');
  const commentPages = session.requests.filter((r) => !r.fromAgentApp && r.path === '/api/v2/tickets/880001/comments.json');
  expect(commentPages.length).toBe(50);
  await expect(panel.getByTestId('ticket-message')).toHaveCount(55);
  await panel.getByRole('button', { name: /hidden messages/ }).click();
  await expect(panel.getByTestId('ticket-message')).toHaveCount(255);
  // the panel is usable: rating works on the big ticket
  await panel.getByTestId('criterion').first().getByTestId('rating-option').last().click();
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
});
