// A ticket far over what one runtime message may carry: 5 000 comments of 20 000 characters,
// 100 MB of text and three copies of it in the API (300 MB over 50 pages). The content script
// sends one copy cut to the transcript budget, and the panel shows a usable ticket with the cut
// messages marked. (About a minute: route interception moves ~0.8 s per 6 MB page.)
import { addZendeskTicket, createZendeskDemoData, makeLargeZendeskTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

test('zendesk: 5 000 comments × 20 000 characters end in a usable panel with truncated messages marked', async ({ launch }) => {
  test.setTimeout(300_000);
  const data = createZendeskDemoData();
  const huge = makeLargeZendeskTicket('880002', 5000, { textChars: 20_000 });
  // The fake agent app shows the last comments, as Zendesk's log loads lazily; the extension reads all.
  huge.agentAppReadsLast = 30;
  addZendeskTicket(data, huge);
  const session = await launch({ zendeskHosts: ['acme.zendesk.com'], data: { zendesk: data } });
  const { panel } = await session.openTicket('https://acme.zendesk.com/agent/tickets/880002');
  await expect(panel.getByTestId('ticket-subject')).toHaveText(huge.ticket.subject, { timeout: 240_000 });
  await expect(panel.getByTestId('ticket-id')).toHaveText('880002');
  await expect(panel.locator('.transcript summary')).toContainText('5000 messages');
  // every comment page was read by the extension
  const commentPages = session.requests.filter((r) => !r.fromAgentApp && r.path === '/api/v2/tickets/880002/comments.json');
  expect(commentPages.length).toBe(50);
  // the cut messages say so: all 55 shown (both ends of the transcript)
  await expect(panel.getByTestId('ticket-message').first().getByTestId('message-truncated')).toHaveText('Truncated — open the ticket in Zendesk for the full text.');
  await expect(panel.getByTestId('ticket-message')).toHaveCount(55);
  await expect(panel.getByTestId('message-truncated')).toHaveCount(55);
  // the panel is usable: a rating is stored
  await panel.getByTestId('criterion').first().getByTestId('rating-option').last().click();
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
});
