// axe-core on the extension's pages: no serious or critical violation on the panel (a ticket being
// scored, an unassigned ticket asking for the reviewee, a submitted review) and on Options.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createZendeskDemoData, DEMO, findZendeskTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { completeReview } from './support/flow';

const ticketUrl = (kind: string) => `https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets.find((t) => t.kind === kind)!.id}`;

/** Serious and critical violations, one line each: rule, what it says, and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the panel with a ticket being scored, then submitted, has no serious or critical violations', async ({ session }) => {
  const { panel } = await session.openTicket(ticketUrl('internal-notes'));
  await panel.setViewportSize({ width: 420, height: 900 });
  const criteria = panel.getByTestId('criterion');
  await expect(criteria.first()).toBeVisible();
  await expect(panel.getByTestId('ticket-message').first()).toBeVisible();
  // a started draft: a chosen level, its description, a search with marked matches
  await criteria.first().getByTestId('rating-option').last().click();
  await panel.getByTestId('transcript-search').fill('refund');
  await expect(panel.getByTestId('search-match').first()).toBeVisible();
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  expect(await seriousViolations(panel)).toEqual([]);

  await completeReview(panel);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  expect(await seriousViolations(panel)).toEqual([]);
});

test.describe('an unassigned ticket', () => {
  const data = createZendeskDemoData();
  findZendeskTicket(data, DEMO.zendesk.tickets.find((t) => t.kind === 'internal-notes')!.id)!.ticket.assignee_id = null;
  test.use({ helpdesk: { data: { zendesk: data } } });

  test('the panel asking who is reviewed has no serious or critical violations', async ({ session }) => {
    const { panel } = await session.openTicket(ticketUrl('internal-notes'));
    await expect(panel.getByTestId('reviewee')).toHaveText('Choose who is reviewed');
    expect(await seriousViolations(panel)).toEqual([]);
  });
});

test('the options page has no serious or critical violations', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByTestId('rubric-item').first()).toBeVisible();
  await expect(options.getByTestId('blind-scoring')).toBeVisible();
  expect(await seriousViolations(options)).toEqual([]);
});
