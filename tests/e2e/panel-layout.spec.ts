// The panel at side-panel sizes: the scorecard comes before the ticket, the level buttons wrap into
// even rows, the ticket's sections fold and stay as left, and the transcript can be searched and
// filtered. Screenshots at 360 and 480 px land in test-results/panel-layout/ to be looked at.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { completeReview } from './support/flow';

const SHOTS = path.resolve('test-results/panel-layout');
const zendeskUrl = (kind: string) => `https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets.find((t) => t.kind === kind)!.id}`;

/**
 * The rows the level buttons of one criterion sit on (each row as the buttons' widths), and the
 * labels with a word wider than their button (a word broken in two).
 */
async function levelLayout(panel: Page, criterionIndex: number): Promise<{ rows: number[][]; brokenWords: string[] }> {
  const measured = await panel
    .getByTestId('criterion')
    .nth(criterionIndex)
    .getByTestId('rating-option')
    .evaluateAll((els) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      return els.map((e) => {
        const r = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = e.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const widest = Math.max(...(e.textContent ?? '').split(/\s+/).map((w) => ctx.measureText(w).width));
        return { y: Math.round(r.y), w: Math.round(r.width), label: e.textContent ?? '', broken: widest > room + 0.5 };
      });
    });
  const rows = new Map<number, number[]>();
  for (const b of measured) rows.set(b.y, [...(rows.get(b.y) ?? []), b.w]);
  return { rows: [...rows.values()], brokenWords: measured.filter((m) => m.broken).map((m) => m.label) };
}

test('at 420 × 900 the first rating button is in view without scrolling', async ({ session }) => {
  const { panel } = await session.openTicket(zendeskUrl('email-complaint'));
  await panel.setViewportSize({ width: 420, height: 900 });
  const first = panel.getByTestId('rating-option').first();
  await expect(first).toBeVisible();
  expect(await panel.evaluate(() => window.scrollY)).toBe(0);
  const box = (await first.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  // …and it is the scorecard, not the ticket, that comes first
  const scorecardTop = (await panel.locator('.scorecard').boundingBox())!.y;
  expect(scorecardTop).toBeLessThan((await panel.getByTestId('ticket-facts-section').boundingBox())!.y);
  expect(scorecardTop).toBeLessThan((await panel.getByTestId('transcript-section').boundingBox())!.y);
});

for (const width of [360, 480]) {
  test(`at ${width} px the level buttons wrap into even rows (screenshot: panel-${width}.png)`, async ({ session }) => {
    const { panel } = await session.openTicket(zendeskUrl('internal-notes'));
    await panel.setViewportSize({ width, height: 900 });
    const criteria = panel.getByTestId('criterion');
    await expect(criteria.first()).toBeVisible();
    const count = await criteria.count();
    for (let i = 0; i < count; i++) {
      const { rows, brokenWords } = await levelLayout(panel, i);
      expect(brokenWords, `criterion ${i}`).toEqual([]);
      // every row of levels is full except possibly the last, and all buttons are equally wide
      const widths = rows.flat();
      expect(Math.max(...widths) - Math.min(...widths), `criterion ${i}: ${JSON.stringify(rows)}`).toBeLessThanOrEqual(1);
      for (const row of rows.slice(0, -1)) expect(row.length).toBe(rows[0]!.length);
      // nothing sticks out of the panel
      const right = await criteria.nth(i).getByTestId('rating-option').last().evaluate((e) => e.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(width);
    }
    await panel.screenshot({ path: path.join(SHOTS, `panel-${width}.png`), fullPage: true });
    // a complete review (every criterion rated, one N/A), submitted: the read-only state
    await completeReview(panel);
    await criteria.filter({ has: panel.getByTestId('rating-na') }).first().getByTestId('rating-na').click();
    await expect(panel.getByTestId('save-status')).toContainText('Saved');
    await panel.getByTestId('submit-review').click();
    await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
    // from the top: the sticky score bar is drawn where the page was scrolled to
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: path.join(SHOTS, `panel-${width}-submitted.png`), fullPage: true });
  });
}

test('ticket details and the conversation fold, and stay as left when the panel opens again', async ({ session }) => {
  const { panel } = await session.openTicket(zendeskUrl('chat'));
  const facts = panel.getByTestId('ticket-facts-section');
  const transcript = panel.getByTestId('transcript-section');
  await expect(facts).toHaveAttribute('open', '');
  await expect(panel.getByTestId('ticket-message').first()).toBeVisible();

  await facts.locator('summary').click();
  await transcript.locator('summary').click();
  await expect(facts).not.toHaveAttribute('open');
  await expect(panel.getByTestId('ticket-message').first()).toBeHidden();

  await panel.reload();
  await expect(panel.getByTestId('rating-option').first()).toBeVisible();
  await expect(panel.getByTestId('ticket-facts-section')).not.toHaveAttribute('open');
  await expect(panel.getByTestId('transcript-section')).not.toHaveAttribute('open');
  await expect(panel.getByTestId('ticket-message').first()).toBeHidden();

  await panel.getByTestId('transcript-section').locator('summary').click();
  await panel.reload();
  await expect(panel.getByTestId('ticket-message').first()).toBeVisible();
  await expect(panel.getByTestId('ticket-facts-section')).not.toHaveAttribute('open');
});

test('the conversation is searched and filtered, with matches marked as text and a count', async ({ session }) => {
  const ticket = DEMO.zendesk.tickets.find((t) => t.kind === 'internal-notes')!;
  const { panel } = await session.openTicket(zendeskUrl('internal-notes'));
  const messages = panel.getByTestId('ticket-message');
  const count = panel.getByTestId('transcript-count');
  await expect(messages).toHaveCount(ticket.messageCount);
  await expect(count).toHaveText(`${ticket.messageCount} messages`);

  await panel.getByTestId('transcript-filter').selectOption('internal');
  await expect(messages).toHaveCount(ticket.internalCount);
  await expect(count).toHaveText(`${ticket.internalCount} of ${ticket.messageCount} messages`);
  for (const m of await messages.all()) await expect(m).toHaveAttribute('data-visibility', 'internal');

  await panel.getByTestId('transcript-filter').selectOption('customer');
  await expect(messages).toHaveCount(2);
  await panel.getByTestId('transcript-filter').selectOption('agent');
  await expect(messages).toHaveCount(3);

  // search is case-insensitive, searches all messages, marks each match as text
  await panel.getByTestId('transcript-filter').selectOption('all');
  await panel.getByTestId('transcript-search').fill('CHARGEBACK');
  await expect(count).toHaveText(`4 of ${ticket.messageCount} messages`);
  await expect(messages).toHaveCount(4);
  const marks = panel.getByTestId('search-match');
  await expect(marks.first()).toHaveText(/^chargeback$/i);
  expect(await marks.count()).toBeGreaterThanOrEqual(4);
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByTestId('transcript-section').screenshot({ path: path.join(SHOTS, 'transcript-search-420.png') });
  // a search that looks like markup stays text
  await panel.getByTestId('transcript-search').fill('<b>nothing</b>');
  await expect(panel.getByTestId('transcript-empty')).toBeVisible();
  await expect(panel.locator('.message-list b')).toHaveCount(0);

  // every message offers the ticket in Zendesk (it has no link to one message), on its own host
  await panel.getByTestId('transcript-search').fill('');
  await expect(messages).toHaveCount(ticket.messageCount);
  await expect(panel.getByTestId('message-link').first()).toHaveAttribute('href', `https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  await expect(panel.getByTestId('message-link').first()).toHaveAttribute('rel', /noopener/);
});
