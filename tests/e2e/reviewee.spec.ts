// Who is reviewed: the assignee by default, any agent who wrote in the ticket on request, asked for
// on an unassigned ticket; the choice is saved with the draft and comes back when the review is
// reopened. Blind scoring hides agents' names in the panel while the review still records them.
import type { Page } from '@playwright/test';
import { createZendeskDemoData, DEMO, findZendeskTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'internal-notes')!;
const url = `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`;
const data = createZendeskDemoData();
const agentId = (name: string) => String(data.users.find((u) => u.name === name)!.id);
const GARETH = { id: agentId('Gareth Evans'), name: 'Gareth Evans' };
const SIOBHAN = { id: agentId('Siobhan Kelly'), name: 'Siobhan Kelly' };
const TOM = { id: agentId('Tom Fletcher'), name: 'Tom Fletcher' };

interface StoredReview {
  id: string;
  revision: number;
  status: string;
  ticketId: string;
  reviewee: { id: string; name: string } | null;
}

/** The reviews in the extension's database, read directly (the panel is an extension page). */
function storedReviews(panel: Page): Promise<StoredReview[]> {
  return panel.evaluate(
    () =>
      new Promise<StoredReview[]>((resolve, reject) => {
        const open = indexedDB.open('qa-scorecards');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('reviews').objectStore('reviews').getAll();
          req.onsuccess = () => {
            resolve(req.result as StoredReview[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** Rates every criterion with its highest level: a complete review whatever the rubric. */
async function rateAll(panel: Page) {
  const criteria = panel.getByTestId('criterion');
  const n = await criteria.count();
  for (let i = 0; i < n; i++) await criteria.nth(i).getByTestId('rating-option').last().click();
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
}

test('the assignee is reviewed by default; another agent who wrote can be chosen, is saved, and comes back', async ({ session }) => {
  const { panel } = await session.openTicket(url);
  const reviewee = panel.getByTestId('reviewee');
  await expect(reviewee).toHaveText(GARETH.name);
  // The panel says it in words; the element of contract §10 holds the name alone.
  await expect(panel.locator('.reviewee-line')).toHaveText(`Reviewing: ${GARETH.name}`);
  await expect(reviewee).toHaveAttribute('data-agent-id', GARETH.id);
  // everyone who wrote as an agent (replies and notes), the current reviewee left out
  const choices = panel.getByTestId('reviewee-select').locator('option:not([disabled])');
  await expect(choices).toHaveText([SIOBHAN.name, TOM.name]);

  await panel.getByTestId('reviewee-select').selectOption(TOM.id);
  await expect(reviewee).toHaveText(TOM.name);
  await expect(reviewee).toHaveAttribute('data-agent-id', TOM.id);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  expect((await storedReviews(panel)).map((r) => r.reviewee)).toEqual([TOM]);

  await panel.reload();
  await expect(panel.getByTestId('reviewee')).toHaveAttribute('data-agent-id', TOM.id);
  await expect(panel.getByTestId('reviewee')).toHaveText(TOM.name);

  await rateAll(panel);
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await expect(panel.getByTestId('reviewee')).toHaveText(TOM.name);
  // a submitted review is read-only: no picker
  await expect(panel.getByTestId('reviewee-select')).toHaveCount(0);
  const submitted = (await storedReviews(panel)).filter((r) => r.status === 'submitted');
  expect(submitted.map((r) => r.reviewee)).toEqual([TOM]);
});

test.describe('an unassigned ticket', () => {
  const unassigned = createZendeskDemoData();
  findZendeskTicket(unassigned, ticket.id)!.ticket.assignee_id = null;
  test.use({ helpdesk: { data: { zendesk: unassigned } } });

  test('asks who is reviewed, keeps the draft naming nobody until then, and remembers the choice', async ({ session }) => {
    const { panel } = await session.openTicket(url);
    const reviewee = panel.getByTestId('reviewee');
    await expect(reviewee).toHaveText('Choose who is reviewed');
    await expect(reviewee).toHaveAttribute('data-agent-id', '');
    await expect(panel.getByTestId('reviewee-select')).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByTestId('reviewee-select').locator('option:not([disabled])')).toHaveText([GARETH.name, SIOBHAN.name, TOM.name]);

    await panel.getByTestId('criterion').first().getByTestId('rating-option').first().click();
    await expect(panel.getByTestId('save-status')).toContainText('Saved');
    expect((await storedReviews(panel)).map((r) => r.reviewee)).toEqual([null]);

    await panel.getByTestId('reviewee-select').selectOption(SIOBHAN.id);
    await expect(reviewee).toHaveAttribute('data-agent-id', SIOBHAN.id);
    await expect(panel.getByTestId('save-status')).toContainText('Saved');
    await panel.reload();
    await expect(panel.getByTestId('reviewee')).toHaveText(SIOBHAN.name);
    expect((await storedReviews(panel)).map((r) => r.reviewee)).toEqual([SIOBHAN]);
  });
});

test('blind scoring hides agents\u2019 names in the panel; the review still records the reviewee', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const blind = options.getByTestId('blind-scoring');
  await expect(blind).not.toBeChecked();
  // the box shows the stored setting: it turns on once the setting is saved
  await blind.click();
  await expect(blind).toBeChecked();
  await options.reload();
  await expect(options.getByTestId('blind-scoring')).toBeChecked();

  const { panel } = await session.openTicket(url);
  await expect(panel.getByTestId('reviewee')).toHaveText('Agent 1');
  await expect(panel.getByTestId('reviewee')).toHaveAttribute('data-agent-id', GARETH.id);
  await expect(panel.getByTestId('ticket-message')).toHaveCount(ticket.messageCount);
  const authors = await panel.getByTestId('message-author').allInnerTexts();
  // the customer keeps her name; the three agents are told apart without being named
  expect(new Set(authors)).toEqual(new Set(['Helen Brooks', 'Agent 1', 'Agent 2', 'Agent 3']));
  const text = await panel.locator('body').innerText();
  for (const agent of [GARETH, SIOBHAN, TOM]) expect(text).not.toContain(agent.name);
  // full names inside the messages (signatures, mentions) are masked too
  await expect(panel.getByTestId('ticket-message').filter({ hasText: 'Escalating to @Agent 2' })).toHaveCount(1);

  await rateAll(panel);
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  expect((await panel.locator('body').innerText()).includes(GARETH.name)).toBe(false);
  expect((await storedReviews(panel)).filter((r) => r.status === 'submitted').map((r) => r.reviewee)).toEqual([GARETH]);

  // switched off, the names are back
  await options.getByTestId('blind-scoring').click();
  await expect(options.getByTestId('blind-scoring')).not.toBeChecked();
  await panel.reload();
  await expect(panel.getByTestId('reviewee')).toHaveText(GARETH.name);
  await expect(panel.getByTestId('message-author').filter({ hasText: SIOBHAN.name }).first()).toBeVisible();
});
