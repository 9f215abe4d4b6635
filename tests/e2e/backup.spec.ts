// Options → Your data, end to end: a submitted review survives backup → delete all → restore,
// and a file that is not a backup is refused with its problems while nothing changes.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { completeReview, ratingOption } from './support/flow';
import { BUILT_IN_RUBRIC_IDS } from './support/rubrics';

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The panel read afresh: what is stored now, not what it showed before. */
async function reloadPanel(panel: Page) {
  await panel.reload();
  await expect(panel.getByTestId('ticket-subject')).toBeVisible();
}

test('download a backup, delete all data, restore the backup: the submitted review is back; a corrupt file changes nothing', async ({ session }) => {
  const ticket = demoTicket('zendesk', 'email-complaint');
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  await ratingOption(panel, 0, 'last').click();
  await completeReview(panel);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);

  // Download: one JSON file with every table, the review in it, no secret.
  const downloading = options.waitForEvent('download');
  await options.getByTestId('backup-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^qa-scorecards-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const backup = JSON.parse(text) as { format: string; schemaVersion: number; tables: Record<'reviews' | 'rubrics' | 'settings' | 'outbox', Record<string, unknown>[]> };
  expect(backup).toMatchObject({ format: 'qa-backup/1', schemaVersion: 3 }); // version 3: the dashboard's roll-ups (not backed up)
  expect(Object.keys(backup.tables).sort()).toEqual(['outbox', 'reviews', 'rubrics', 'settings']);
  expect(backup.tables.reviews).toEqual([
    expect.objectContaining({ format: 'qa-review/1', status: 'submitted', ticketId: ticket.id, subject: ticket.subject, origin: 'local', revision: 1 }),
  ]);
  expect(backup.tables.outbox).toEqual([expect.objectContaining({ reviewId: backup.tables.reviews[0]!.id, revision: 1, state: 'pending' })]);
  expect(backup.tables.rubrics.length).toBeGreaterThan(0);

  // A corrupt file and a file of another kind are refused, and nothing changes.
  await options.getByTestId('backup-restore').setInputFiles(file('cut-short.json', text.slice(0, Math.floor(text.length / 2))));
  await expect(options.getByTestId('restore-error')).toContainText('cannot be read as JSON');
  await expect(options.getByRole('alert').filter({ hasText: 'cut-short.json' })).toContainText('Nothing was changed');
  const rubricFile = JSON.stringify((backup.tables.rubrics[0] as { rubric: unknown }).rubric);
  await options.getByTestId('backup-restore').setInputFiles(file('rubric.json', rubricFile));
  await expect(options.getByTestId('restore-error')).toHaveText('This is a rubric file (qa-rubric/1), not a backup. Import it under "Rubric library".');
  await expect(options.getByTestId('restore-preview')).toHaveCount(0);
  await reloadPanel(panel);
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');

  // Delete all data: only with DELETE typed exactly.
  const deleteAll = options.getByTestId('delete-all');
  await expect(deleteAll).toBeDisabled();
  await options.getByTestId('delete-confirm').fill('delete');
  await expect(deleteAll).toBeDisabled();
  await options.getByTestId('delete-confirm').fill('DELETE');
  await expect(deleteAll).toBeEnabled();
  await deleteAll.click();
  await expect(options.getByTestId('delete-all-done')).toContainText('All data was deleted');
  await expect(options.getByTestId('delete-confirm')).toHaveValue('');
  // The built-in rubrics are back, so the library and the panel still work.
  await expect(options.getByTestId('rubric-item')).toHaveCount(BUILT_IN_RUBRIC_IDS.length);
  for (const id of BUILT_IN_RUBRIC_IDS) await expect(options.locator(`[data-testid="rubric-item"][data-rubric-id="${id}"]`)).toHaveAttribute('data-rubric-version', '1');

  await reloadPanel(panel);
  await expect(panel.getByTestId('save-status')).toHaveText('Not started');
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'draft');
  await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'false');

  // Restore the downloaded file: the preview counts, then confirm.
  await options.getByTestId('backup-restore').setInputFiles(await download.path());
  const preview = options.getByTestId('restore-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tr[data-table="reviews"]')).toHaveAttribute('data-in-file', '1');
  await expect(preview.locator('tr[data-table="reviews"]')).toHaveAttribute('data-new', '1');
  await expect(preview.locator('tr[data-table="outbox"]')).toHaveAttribute('data-new', '1');
  await expect(options.getByTestId('restore-error')).toHaveCount(0);
  await options.getByTestId('restore-confirm').click();
  await expect(options.getByTestId('restore-done')).toContainText('added 1 review revision');

  await reloadPanel(panel);
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await expect(ratingOption(panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
});

test('the retention period is chosen in Options, kept, and explained', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const status = options.getByTestId('retention-status');
  await expect(status).toHaveAttribute('data-days', '');
  await expect(status).toContainText('Reviews are kept until you delete them.');

  await options.getByTestId('retention-days').selectOption('90');
  await expect(status).toHaveAttribute('data-days', '90');
  await expect(status).toContainText('deleted 90 days after they were submitted');
  await expect(status).toHaveAttribute('data-kept-unsynced', '0');
  await expect(options.getByTestId('retention-delete-unsynced')).toHaveCount(0);

  await options.reload();
  await expect(options.getByTestId('retention-days')).toHaveValue('90');
});
