// The weekly sample and the review queue, end to end in the demo: draw a week's sample through
// the open helpdesk tab, see the per-agent counts and the seed, draw again (the same sample),
// then work the queue in the panel — Next opens the ticket, Submit ticks it off, "Next ticket in
// queue" goes on — while the toolbar badge says which tickets this reviewer has done.
import type { Page, Worker } from '@playwright/test';
import { weekById } from '../../lib/analytics/weeks';
import { addFreshdeskHistory, addZendeskHistory, createFreshdeskDemoData, createZendeskDemoData, Gate, type MockRequest } from '../support/mock-helpdesk';
import { expect, test, type Session } from './support/fixtures';
import { completeReview, ratingOption } from './support/flow';

async function openSampling(session: Session): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/sampling.html`);
  await expect(page.getByTestId('sampling')).toBeVisible();
  return page;
}

function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => (globalThis as unknown as { chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } } }).chrome.action.getBadgeText({ tabId: id }), tabId);
}

async function itemIds(sampling: Page): Promise<string[]> {
  return sampling.getByTestId('sample-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-ticket-id')!));
}

const isListing = (req: MockRequest) => !req.fromAgentApp && (req.path.startsWith('/api/v2/search/export') || (req.path === '/api/v2/tickets' && req.search.has('updated_since')));

test('zendesk: draw a week, the same inputs draw the same sample, then work the queue with Next, Submit and the badge', async ({ launch }) => {
  const data = addZendeskHistory(createZendeskDemoData());
  const session = await launch({ data: { zendesk: data } });
  // A ticket outside the sample to start from: the queue's "Next" opens the first item.
  const { panel, tabId } = await session.openTicket('https://demo.zendesk.com/agent/tickets/48252');
  await expect(panel.getByTestId('ticket-id')).toHaveText('48252');
  await expect(panel.getByTestId('open-sampling')).toBeVisible();

  const sampling = await openSampling(session);
  await expect(sampling.getByTestId('sample-source')).toContainText('demo.zendesk.com');
  // Every agent and admin of the account, read from Zendesk.
  const staff = data.users.filter((u) => u.role !== 'end-user');
  await expect(sampling.getByTestId('sample-agent-option')).toHaveCount(staff.length);
  // The QA lead is not sampled.
  await sampling.locator(`[data-testid="sample-agent-option"][data-agent-id="${data.me.id}"]`).uncheck();

  await sampling.getByTestId('sample-week').fill('2026-W47');
  await expect(sampling.getByTestId('sample-seed')).toHaveValue('2026-W47');
  await sampling.getByTestId('sample-per-agent').fill('3');
  await sampling.getByTestId('sample-draw').click();

  const result = sampling.getByTestId('sample-result');
  await expect(result).toHaveAttribute('data-week', '2026-W47');
  await expect(result).toHaveAttribute('data-seed', '2026-W47');
  await expect(sampling.getByTestId('sample-result-seed')).toHaveText('2026-W47');

  // What the week holds, from the fake helpdesk's own data, in the page's time zone.
  const timeZone = await sampling.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const week = weekById('2026-W47', timeZone)!;
  const agents = staff.filter((u) => u.id !== data.me.id);
  const expected = agents.map((a) => {
    const eligible = data.tickets.filter(
      (t) => t.ticket.assignee_id === a.id && ['solved', 'closed'].includes(t.ticket.status) && Date.parse(t.ticket.updated_at) >= week.start && Date.parse(t.ticket.updated_at) < week.end,
    ).length;
    return { id: String(a.id), eligible, drawn: Math.min(3, eligible) };
  });
  expect(expected.filter((e) => e.drawn > 0).length).toBeGreaterThanOrEqual(4);
  for (const e of expected) {
    const row = sampling.locator(`[data-testid="sample-agent-row"][data-agent-id="${e.id}"]`);
    await expect(row).toHaveAttribute('data-eligible', String(e.eligible));
    await expect(row).toHaveAttribute('data-drawn', String(e.drawn));
  }
  const total = expected.reduce((n, e) => n + e.drawn, 0);
  await expect(sampling.getByTestId('sample-item')).toHaveCount(total);
  await expect(result).toHaveAttribute('data-total', String(total));
  const first = await itemIds(sampling);

  // Same week, settings and seed: the same tickets, also after a reload of the page.
  const drawnAt = await result.getAttribute('data-created-at');
  await sampling.reload();
  await sampling.getByTestId('sample-week').fill('2026-W47');
  await sampling.locator(`[data-testid="sample-agent-option"][data-agent-id="${data.me.id}"]`).uncheck();
  await sampling.getByTestId('sample-per-agent').fill('3');
  await expect(result).toHaveAttribute('data-created-at', drawnAt!);
  await sampling.getByTestId('sample-draw').click();
  await expect(result).not.toHaveAttribute('data-created-at', drawnAt!);
  expect(await itemIds(sampling)).toEqual(first);

  // The queue in the panel.
  const status = panel.getByTestId('queue-status');
  await expect(status).toHaveText(`Sample 2026-W47: 0 of ${total} done`);
  await expect.poll(() => badgeText(session.worker, tabId)).toBe('');
  await panel.getByTestId('queue-next').click();
  await expect(panel.getByTestId('ticket-id')).toHaveText(first[0]!);

  for (let done = 1; done <= 3; done++) {
    await ratingOption(panel, 0, 'last').click();
    await expect(panel.getByTestId('save-status')).toContainText('Saved');
    // A draft of this ticket by this reviewer: the dot.
    await expect.poll(() => badgeText(session.worker, tabId)).toBe('•');
    await completeReview(panel);
    await expect(panel.getByTestId('save-status')).toContainText('Saved');
    await panel.getByTestId('submit-review').click();
    await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
    await expect(status).toHaveText(`Sample 2026-W47: ${done} of ${total} done`);
    await expect.poll(() => badgeText(session.worker, tabId)).toBe('✓');
    if (done === 3) break;
    await panel.getByTestId('queue-next-after-submit').click();
    await expect(panel.getByTestId('ticket-id')).toHaveText(first[done]!);
    // A ticket this reviewer has not touched: no badge.
    await expect.poll(() => badgeText(session.worker, tabId)).toBe('');
  }
  await expect(sampling.getByTestId('sample-done')).toHaveText(`3 of ${total} reviewed.`);
  for (const id of first.slice(0, 3)) await expect(sampling.locator(`[data-testid="sample-item"][data-ticket-id="${id}"]`)).toHaveAttribute('data-done', 'true');

  // The dashboard's sample-plan coverage for that week: every drawn ticket planned, 3 reviewed.
  const dashboard = await session.context.newPage();
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  // Only the sample's week: the reviews were submitted later, the plan still shows.
  await dashboard.getByTestId('filter-to').fill(new Date(week.end - 1).toISOString().slice(0, 10));
  await dashboard.getByTestId('filter-from').fill(new Date(week.start).toISOString().slice(0, 10));
  await expect(dashboard.getByTestId('stat-reviews')).toHaveAttribute('data-value', '0');
  const coverage = dashboard.getByTestId('coverage-row');
  await expect(coverage).toHaveCount(expected.filter((e) => e.drawn > 0).length);
  // The ids reviews give the reviewee (the helpdesk's own), so the agent filter and agent-row match.
  const names = new Map(agents.map((a) => [String(a.id), a.name]));
  for (const row of await coverage.all()) await expect(row).toContainText(names.get((await row.getAttribute('data-agent-id'))!)!);
  const counted = async (name: string) => (await coverage.evaluateAll((rows, attr) => rows.map((r) => Number(r.getAttribute(attr))), name)).reduce((a, b) => a + b, 0);
  await expect.poll(() => counted('data-planned')).toBe(total);
  await expect.poll(() => counted('data-done')).toBe(3);
  await dashboard.close();

  // Back on a reviewed ticket, the badge says so again.
  await panel.getByTestId('queue-next').click();
  await expect(panel.getByTestId('ticket-id')).toHaveText(first[3]!);
  const page = session.context.pages().find((p) => p.url().includes('/agent/tickets/'))!;
  await page.goto(`https://demo.zendesk.com/agent/tickets/${first[0]}`);
  await expect(panel.getByTestId('ticket-id')).toHaveText(first[0]!);
  await expect.poll(() => badgeText(session.worker, tabId)).toBe('✓');
});

test('freshdesk: a rate-limited listing waits and goes on; the risk-weighted draw shows weights and reasons; Cancel stops a draw', async ({ launch }) => {
  let limited = 0;
  const hold = { on: false, gate: new Gate() };
  const session = await launch({
    data: { freshdesk: addFreshdeskHistory(createFreshdeskDemoData()) },
    intercept: (req) => {
      if (!isListing(req)) return undefined;
      if (hold.on) return hold.gate.hold(req);
      // Freshdesk's first answer: slow down, come back in a second.
      if (limited++ === 0) return { status: 429, headers: { 'retry-after': '1' }, body: { code: 'too_many_requests', message: 'You have exceeded the limit of requests per minute' } };
      return undefined;
    },
  });
  await session.openTicket('https://demo.freshdesk.com/a/tickets/18342');
  const sampling = await openSampling(session);
  await expect(sampling.getByTestId('sample-source')).toContainText('demo.freshdesk.com');
  await expect(sampling.getByTestId('sample-agent-option')).toHaveCount(session.mock.data.freshdesk.agents.length);

  await sampling.getByTestId('sample-week').fill('2026-W48');
  await sampling.getByTestId('sample-per-agent').fill('2');
  await sampling.getByTestId('sample-mode').selectOption('risk');
  await sampling.getByTestId('sample-draw').click();
  const result = sampling.getByTestId('sample-result');
  await expect(result).toHaveAttribute('data-mode', 'risk');
  await expect(result).toHaveAttribute('data-rate-limited', '1');
  expect(limited).toBeGreaterThan(1);
  const items = sampling.getByTestId('sample-item');
  await expect(items.first()).toBeVisible();
  const weights = await items.evaluateAll((list) => list.map((i) => Number(i.getAttribute('data-weight'))));
  expect(weights.every((w) => w >= 1)).toBe(true);
  // Some drawn tickets carry a risk (a reopening, a slow first reply) and say which.
  const heavy = items.filter({ has: sampling.getByTestId('sample-reasons').filter({ hasText: /reopened|first reply after/ }) });
  expect(await heavy.count()).toBeGreaterThan(0);
  const drawnAt = await result.getAttribute('data-created-at');

  // A draw held mid-listing is cancelled: nothing is saved, the earlier sample stays.
  hold.on = true;
  await sampling.getByTestId('sample-mode').selectOption('uniform');
  await sampling.getByTestId('sample-draw').click();
  await hold.gate.arrival(1);
  await expect(sampling.getByTestId('sample-progress')).toHaveAttribute('data-phase', 'tickets');
  await sampling.getByTestId('sample-cancel').click();
  hold.gate.open();
  await expect(sampling.getByTestId('sample-cancelled')).toBeVisible();
  await expect(result).toHaveAttribute('data-created-at', drawnAt!);
  await expect(result).toHaveAttribute('data-mode', 'risk');
});

test('no helpdesk tab open: the page says to open one first', async ({ session }) => {
  const sampling = await openSampling(session);
  await expect(sampling.getByTestId('no-helpdesk-tab')).toContainText('Open Zendesk or Freshdesk in a tab first');
  await session.openTicket('https://demo.zendesk.com/agent/tickets/48213');
  await sampling.getByTestId('look-again').click();
  await expect(sampling.getByTestId('sample-source')).toContainText('demo.zendesk.com');
});
