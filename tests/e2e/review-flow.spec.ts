// The walking skeleton, end to end: a ticket in each helpdesk → the panel → a rating → reload →
// browser relaunch with the same profile → the rating is still there.
import { DEMO } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { completeReview, ratingOption } from './support/flow';

const HELPDESKS = [
  { name: 'zendesk', host: DEMO.zendesk.host, path: (id: string) => `/agent/tickets/${id}`, hosts: { zendeskHosts: [DEMO.zendesk.host] } },
  { name: 'freshdesk', host: DEMO.freshdesk.host, path: (id: string) => `/a/tickets/${id}`, hosts: { freshdeskHosts: [DEMO.freshdesk.host] } },
] as const;

for (const helpdesk of HELPDESKS) {
  test(`${helpdesk.name}: rate a ticket, reload, relaunch the browser — the review is still there`, async ({ launch }) => {
    const ticket = DEMO[helpdesk.name].tickets.find((t) => t.kind === 'email-complaint')!;
    const url = `https://${helpdesk.host}${helpdesk.path(ticket.id)}`;

    // Both launches share the test's profile: the second browser finds what the first one stored.
    const first = await launch();
    {
      const { panel } = await first.openTicket(url);
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
    }
    await first.close();

    const second = await launch();
    {
      const { panel } = await second.openTicket(url);
      await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
      await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');

      // Submit needs every criterion answered: the rest get their top level, so the score stays 100.
      await expect(panel.getByTestId('submit-review')).toBeDisabled();
      await completeReview(panel);
      await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');
      await panel.getByTestId('submit-review').click();
      await expect(panel.getByTestId('save-status')).toContainText('submitted');
      await expect(ratingOption(panel, 0, 'first')).toBeDisabled();
      await panel.getByTestId('edit-review').click();
      await expect(panel.getByTestId('submit-review')).toContainText('revision 2');
      await ratingOption(panel, 0, 'first').click();
      await expect(panel.getByTestId('save-status')).toContainText('Saved');
      // The lowest level of the first criterion pulls the score down from 100.
      await expect(panel.getByTestId('review-score')).not.toHaveAttribute('data-score', '100');
      expect(Number(await panel.getByTestId('review-score').getAttribute('data-score'))).toBeLessThan(100);
    }
  });
}

test('N/A leaves a criterion out of the score and a failed critical criterion auto-fails the review', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'chat')!;
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  const criteria = panel.getByTestId('criterion');
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'chat-messaging-quality');
  await ratingOption(panel, 0, 'last').click();
  await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
  // A criterion that allows N/A, other than the one just rated (pinned by id: once N/A is
  // pressed, it would no longer match the filter).
  const naId = await criteria.filter({ has: panel.getByTestId('rating-na') }).filter({ hasNot: panel.locator('[aria-pressed="true"]') }).first().getAttribute('data-criterion-id');
  expect(naId).toBeTruthy();
  expect(naId).not.toBe(await criteria.first().getAttribute('data-criterion-id'));
  const naCapable = panel.locator(`[data-testid="criterion"][data-criterion-id="${naId}"]`);
  await naCapable.getByTestId('rating-na').click();
  await expect(naCapable.getByTestId('rating-na')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');

  const critical = criteria.filter({ hasText: 'Critical' }).first();
  await critical.getByTestId('rating-option').first().click();
  await expect(panel.getByTestId('auto-fail')).toBeVisible();
  await expect(panel.getByTestId('auto-fail')).toContainText(await critical.locator('h3').innerText());
  await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '0');
});

test('two windows on one review: the outdated one is refused, keeps its change on screen, and loads the latest', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'phone')!;
  const { panel, tabId } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  const popOut = await session.openPanel(tabId);
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
});

test('autosave sends one save per pause in typing, never a save per render while one is on its way', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets[0]!;
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  await expect(panel.getByTestId('criterion').first()).toBeVisible();
  // Counts the saves the panel sends (the polyfill calls chrome.runtime.sendMessage at send time).
  await panel.evaluate(() => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    const w = window as unknown as { __saves: number };
    w.__saves = 0;
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type === 'reviews:save-draft') w.__saves += 1;
      return send(...args);
    };
  });
  const criteria = await panel.getByTestId('criterion').count();
  await completeReview(panel);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  const saves = await panel.evaluate(() => (window as unknown as { __saves: number }).__saves);
  // One save per pause at most: never more saves than changes. (A render loop sent dozens.)
  expect(saves).toBeGreaterThan(0);
  expect(saves).toBeLessThanOrEqual(criteria);
});
