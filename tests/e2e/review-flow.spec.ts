// The walking skeleton, end to end: a ticket in each helpdesk → the panel → a rating → reload →
// browser relaunch with the same profile → the rating is still there.
import { expect, test } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import { newProfileDir, openPanel } from './support/extension';
import { openTicketWithPanel, ratingOption, startSession } from './support/flow';

const HELPDESKS = [
  { name: 'zendesk', host: DEMO.zendesk.host, path: (id: string) => `/agent/tickets/${id}`, hosts: { zendeskHosts: [DEMO.zendesk.host] } },
  { name: 'freshdesk', host: DEMO.freshdesk.host, path: (id: string) => `/a/tickets/${id}`, hosts: { freshdeskHosts: [DEMO.freshdesk.host] } },
] as const;

for (const helpdesk of HELPDESKS) {
  test(`${helpdesk.name}: rate a ticket, reload, relaunch the browser — the review is still there`, async () => {
    const ticket = DEMO[helpdesk.name].tickets.find((t) => t.kind === 'email-complaint')!;
    const url = `https://${helpdesk.host}${helpdesk.path(ticket.id)}`;
    const profile = newProfileDir();

    let session = await startSession(profile);
    try {
      const { panel } = await openTicketWithPanel(session, url);
      await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
      await expect(panel.getByTestId('ticket-id')).toHaveText(ticket.id);
      await expect(panel.getByTestId('ticket-message')).toHaveCount(ticket.messageCount);
      await expect(panel.locator('[data-testid="ticket-message"][data-visibility="internal"]')).toHaveCount(ticket.internalCount);

      const rubric = panel.getByTestId('rubric-select');
      await expect(rubric).toHaveAttribute('data-rubric-id', /.+/);
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '');

      const best = ratingOption(panel, 0, 'last');
      await best.click();
      await expect(best).toHaveAttribute('aria-pressed', 'true');
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');
      await panel.getByTestId('criterion').nth(1).getByTestId('criterion-comment').fill('Warm, named the customer — evidence in message 2');
      await expect(panel.getByTestId('save-status')).toContainText('Saved');

      await panel.reload();
      await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
      await expect(panel.getByTestId('criterion').nth(1).getByTestId('criterion-comment')).toHaveValue('Warm, named the customer — evidence in message 2');
      await expect(panel.getByTestId('save-status')).toContainText('Saved');
    } finally {
      await session.context.close();
    }

    session = await startSession(profile);
    try {
      const { panel } = await openTicketWithPanel(session, url);
      await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
      await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');

      await panel.getByTestId('submit-review').click();
      await expect(panel.getByTestId('save-status')).toContainText('submitted');
      await expect(ratingOption(panel, 0, 'first')).toBeDisabled();
      await panel.getByTestId('edit-review').click();
      await expect(panel.getByTestId('submit-review')).toContainText('revision 2');
      await ratingOption(panel, 0, 'first').click();
      await expect(panel.getByTestId('save-status')).toContainText('Saved');
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '0');
    } finally {
      await session.context.close();
    }
  });
}

test('N/A leaves a criterion out of the score and a failed critical criterion auto-fails the review', async () => {
  const session = await startSession(newProfileDir());
  try {
    const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'chat')!;
    const { panel } = await openTicketWithPanel(session, `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
    const criteria = panel.getByTestId('criterion');
    await ratingOption(panel, 0, 'last').click();
    const naCapable = criteria.filter({ has: panel.getByTestId('rating-na') }).nth(1);
    await naCapable.getByTestId('rating-na').click();
    await expect(naCapable.getByTestId('rating-na')).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');

    const critical = criteria.filter({ hasText: 'Critical' }).first();
    await critical.getByTestId('rating-option').first().click();
    await expect(panel.getByTestId('auto-fail')).toBeVisible();
    await expect(panel.getByTestId('auto-fail')).toContainText(await critical.locator('h3').innerText());
    await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '0');
  } finally {
    await session.context.close();
  }
});

test('two windows on one review: the outdated one is refused, keeps its change on screen, and loads the latest', async () => {
  const session = await startSession(newProfileDir());
  try {
    const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'phone')!;
    const { panel, tabId } = await openTicketWithPanel(session, `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
    const popOut = await openPanel(session, tabId);
    await expect(popOut.getByTestId('save-status')).toHaveText('Not started');

    await ratingOption(panel, 0, 'last').click();
    await expect(panel.getByTestId('save-status')).toContainText('Saved');

    // The pop-out still shows the review as it was when it opened.
    await ratingOption(popOut, 0, 'first').click();
    await expect(popOut.getByRole('alert')).toContainText('changed in another window');
    await expect(ratingOption(popOut, 0, 'first')).toHaveAttribute('aria-pressed', 'true');
    await popOut.getByTestId('load-latest-review').click();
    await expect(ratingOption(popOut, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
    await expect(popOut.getByTestId('save-status')).toContainText('Saved');

    await panel.reload();
    await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await session.context.close();
  }
});
