// The dashboard end to end (contract §12): reviews submitted in the demo helpdesk, a revision,
// a teammate's review pulled from a team store and a reviewer's review restored from a file all
// reach its figures through the roll-ups; the date range moves them; the table marks the copies.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../lib/db/schema';
import { DEMO } from '../support/mock-helpdesk';
import { backupWith, teamHistory } from '../support/team-history';
import { expect, test } from './support/fixtures';
import { ratingOption } from './support/flow';

/** Rates every criterion with its highest level, the first `low` with their lowest; returns the score shown. */
async function rateAndSubmit(panel: Page, low: number): Promise<{ score: number; agentId: string }> {
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', /.+/);
  await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '');
  const criteria = panel.getByTestId('criterion');
  const count = await criteria.count();
  for (let i = 0; i < count; i++) {
    const option = ratingOption(panel, i, i < low ? 'first' : 'last');
    await option.click();
    await expect(option).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  const score = Number(await panel.getByTestId('review-score').getAttribute('data-score'));
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  return { score, agentId: (await panel.getByTestId('reviewee').getAttribute('data-agent-id'))! };
}

/** A team store on this machine that hands out `records` and accepts whatever is sent to it. */
async function teamStore(records: unknown[]): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    req.resume();
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET') return void res.end(JSON.stringify({ records, next: null }));
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/reviews`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const stat = (page: Page, id: string) => page.getByTestId(id);

test('submitted reviews, a revision, a pulled and a restored review reach the figures; the date range moves them', async ({ session }) => {
  // Two reviews, a revision, a team-store sync and a restore: more steps than most specs.
  test.setTimeout(240_000);
  const [first, second] = [DEMO.zendesk.tickets.find((t) => t.kind === 'email-complaint')!, DEMO.zendesk.tickets.find((t) => t.kind === 'chat')!];
  const a = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${first.id}`);
  const reviewA = await rateAndSubmit(a.panel, 0);
  const b = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${second.id}`);
  const reviewB = await rateAndSubmit(b.panel, 2);
  expect(reviewA.agentId).not.toBe(reviewB.agentId);

  const dashboard = await session.context.newPage();
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('dashboard')).toBeVisible();
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '2');
  await expect(stat(dashboard, 'stat-average')).toHaveAttribute('data-value', String((reviewA.score + reviewB.score) / 2));
  const rows = dashboard.getByTestId('agent-row');
  await expect(rows).toHaveCount(2);
  for (const review of [reviewA, reviewB]) {
    const row = dashboard.locator(`[data-testid="agent-row"][data-agent-id="${review.agentId}"]`);
    await expect(row).toHaveAttribute('data-count', '1');
    await expect(row).toHaveAttribute('data-average', String(review.score));
  }
  await expect(dashboard.getByTestId('review-row')).toHaveCount(2);

  // The range is the user's calendar days: today is in it, a range from tomorrow is empty.
  const today = await dashboard.evaluate(() => new Date().toLocaleDateString('en-CA'));
  const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  await dashboard.getByTestId('filter-to').fill(shift(3));
  await dashboard.getByTestId('filter-from').fill(shift(1));
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '0');
  await expect(stat(dashboard, 'stat-average')).toHaveAttribute('data-value', '');
  await expect(dashboard.getByTestId('dashboard-empty')).toContainText('No submitted reviews in this range');
  await expect(dashboard.getByTestId('agent-row')).toHaveCount(0);
  await dashboard.getByTestId('filter-from').fill(shift(-1));
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '2');

  // A revision replaces its earlier one in the counts; the open dashboard hears of it.
  await b.panel.getByTestId('edit-review').click();
  await ratingOption(b.panel, 0, 'last').click();
  await ratingOption(b.panel, 1, 'last').click();
  await expect(b.panel.getByTestId('review-score')).toHaveAttribute('data-score', '100');
  await expect(b.panel.getByTestId('save-status')).toContainText('Saved');
  await b.panel.getByTestId('submit-review').click();
  await expect(b.panel.getByTestId('review-status')).toHaveAttribute('data-revision', '2');
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '2');
  await expect(stat(dashboard, 'stat-average')).toHaveAttribute('data-value', String((reviewA.score + 100) / 2));
  await expect(dashboard.locator(`[data-testid="agent-row"][data-agent-id="${reviewB.agentId}"]`)).toHaveAttribute('data-average', '100');
  await expect(dashboard.locator('[data-testid="review-row"][data-revision="2"]')).toHaveCount(1);

  // A teammate's review from the team store, and a reviewer's review from a file.
  const now = Date.now();
  const [pulled] = teamHistory({ count: 1, endMs: now, days: 0.01, seed: 3, idPrefix: 'pulled' });
  const { ticketKey: _k, reviewerId: _r, rubricId: _b, origin: _o, ...pulledRecord } = pulled!;
  const store = await teamStore([pulledRecord]);
  try {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByTestId('store-endpoint').fill(store.endpoint);
    await options.getByTestId('store-auth').fill('Bearer e2e');
    await options.getByLabel(/Also fetch the team's reviews/).check();
    await options.getByTestId('store-save').click();
    await options.getByTestId('store-sync-now').click();
    await expect(options.getByTestId('store-pull-status')).toContainText('1 team review revision(s) fetched');

    const imported = teamHistory({ count: 1, endMs: now, days: 0.01, seed: 5, origin: 'imported', idPrefix: 'imported' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-')), 'reviewer.json');
    fs.writeFileSync(file, backupWith(imported, SCHEMA_VERSION, new Date(now).toISOString()));
    await options.getByTestId('backup-restore').setInputFiles(file);
    await options.getByTestId('restore-confirm').click();
    await expect(options.getByTestId('restore-done')).toBeVisible();

    const expected = (reviewA.score + 100 + pulled!.score! + imported[0]!.score!) / 4;
    await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '4');
    expect(Number(await stat(dashboard, 'stat-average').getAttribute('data-value'))).toBeCloseTo(expected, 9);
    await expect(dashboard.locator('[data-testid="review-row"][data-origin="pulled"] [data-testid="review-origin"]')).toHaveText('team');
    await expect(dashboard.locator('[data-testid="review-row"][data-origin="imported"] [data-testid="review-origin"]')).toHaveText('imported');
    await expect(dashboard.locator('[data-testid="review-row"][data-origin="local"] [data-testid="review-origin"]')).toHaveCount(0);
    // Each row opens its ticket in the helpdesk.
    await expect(dashboard.locator(`[data-testid="review-row"][data-review-id="${pulled!.id}"] [data-testid="review-ticket-link"]`)).toHaveAttribute('href', pulled!.ticketUrl);

    // "My reviews": the two written in this browser.
    await dashboard.getByTestId('filter-mine').check();
    await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '2');
    await expect(dashboard.getByTestId('review-row')).toHaveCount(2);
  } finally {
    await store.close();
  }
});

test('keyboard: the filters and the review table are reachable and work without a mouse', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-')), 'team.json');
  fs.writeFileSync(file, backupWith(teamHistory({ count: 60, endMs: Date.now(), days: 20 }), SCHEMA_VERSION, new Date().toISOString()));
  await options.getByTestId('backup-restore').setInputFiles(file);
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('restore-done')).toBeVisible();
  await options.getByTestId('open-dashboard').click();
  const dashboard = options;
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '60');
  await expect(dashboard.getByTestId('review-page')).toHaveText('1–25 of 60');

  // Pick the first agent from the keyboard: the figures become theirs.
  await dashboard.getByTestId('filter-agent').focus();
  await dashboard.keyboard.press('ArrowDown');
  const agentId = await dashboard.getByTestId('filter-agent').inputValue();
  const row = dashboard.locator(`[data-testid="agent-row"][data-agent-id="${agentId}"]`);
  await expect(dashboard.getByTestId('agent-row')).toHaveCount(1);
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', (await row.getAttribute('data-count'))!);

  await dashboard.getByRole('button', { name: 'Clear filters' }).press('Enter');
  await expect(stat(dashboard, 'stat-reviews')).toHaveAttribute('data-value', '60');
  await dashboard.getByTestId('review-older').focus();
  await dashboard.keyboard.press('Enter');
  await expect(dashboard.getByTestId('review-page')).toHaveText('26–50 of 60');
  await dashboard.keyboard.press('Enter');
  await expect(dashboard.getByTestId('review-page')).toHaveText('51–60 of 60');
  await expect(dashboard.getByTestId('review-older')).toBeDisabled();
});
