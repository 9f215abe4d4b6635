// The right reviewer: who is signed in is asked of the helpdesk on every load. An answer
// remembered from an earlier load is only assumed (the panel says so, and Submit asks once), and
// signing out forgets it, so two agents sharing a browser profile never file under each other.
import type { Page } from '@playwright/test';
import { DEMO, type MockRequest } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { completeReview, ratingOption } from './support/flow';

const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'email-complaint')!;
const url = `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`;
const isWhoAmI = (r: MockRequest) => /^\/api\/v2\/users\/me(\.json)?$/.test(r.path);

type Phase = 'signed-in' | 'who-am-i-fails' | 'signed-out';

async function closeBoth(opened: { page: Page; panel: Page }): Promise<void> {
  await opened.panel.close();
  await opened.page.close();
}

test('a remembered identity is shown as assumed and Submit asks once to confirm it', async ({ launch }) => {
  let phase: Phase = 'signed-in';
  const session = await launch({
    intercept: (r) => (phase === 'who-am-i-fails' && isWhoAmI(r) ? { status: 404, body: { error: 'RecordNotFound' } } : undefined),
  });
  const first = await session.openTicket(url);
  await expect(first.panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
  // Confirmed by the helpdesk in this load: nothing to say.
  await expect(first.panel.getByTestId('rubric-select')).toBeVisible();
  await expect(first.panel.getByTestId('reviewer-assumed')).toHaveCount(0);

  // Each load in a tab of its own (tabs are told apart by URL, so the last one is closed first).
  await closeBoth(first);
  phase = 'who-am-i-fails';
  const second = await session.openTicket(url);
  await expect(second.panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
  const assumed = second.panel.getByTestId('reviewer-assumed');
  await expect(assumed).toContainText(/^Reviewing as .+ — not confirmed by Zendesk/);

  await completeReview(second.panel);
  await second.panel.getByTestId('submit-review').click();
  const confirm = second.panel.getByTestId('confirm-reviewer');
  await expect(confirm).toContainText('Zendesk did not confirm who is signed in.');
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-status', 'draft');
  await second.panel.getByTestId('confirm-reviewer-yes').click();
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');

  // Asked once: the next submit in this panel goes straight through.
  await second.panel.getByTestId('edit-review').click();
  await ratingOption(second.panel, 0, 'first').click();
  await second.panel.getByTestId('submit-review').click();
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-revision', '2');
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await expect(confirm).toHaveCount(0);
});

test('signing out forgets the remembered identity: the next agent is not filed under it', async ({ launch }) => {
  let phase: Phase = 'signed-in';
  const session = await launch({
    intercept: (r) => {
      if (phase === 'signed-out') return { status: 401, body: { error: 'Couldn\'t authenticate you' } };
      if (phase === 'who-am-i-fails' && isWhoAmI(r)) return { status: 404, body: { error: 'RecordNotFound' } };
      return undefined;
    },
  });
  const agentA = await session.openTicket(url);
  await expect(agentA.panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
  await expect(agentA.panel.getByTestId('rubric-select')).toBeVisible();

  await closeBoth(agentA);
  phase = 'signed-out';
  const signedOut = await session.openTicket(url);
  await expect(signedOut.panel.getByTestId('load-error')).toContainText('Sign in to Zendesk');

  // Another agent signs in on the same profile; this time "who am I" gets no answer.
  await closeBoth(signedOut);
  phase = 'who-am-i-fails';
  const agentB = await session.openTicket(url);
  await expect(agentB.panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
  await expect(agentB.panel.getByTestId('rubric-select')).toBeVisible();
  await expect(agentB.panel.getByTestId('reviewer-assumed')).toHaveCount(0);
  await expect(agentB.panel.getByText('Zendesk did not tell us who you are.')).toBeVisible();
});
