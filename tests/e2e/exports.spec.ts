// The dashboard's exports and the merging of reviewers' files, end to end (contract §11, §12):
// reviews submitted in the demo are downloaded in every format and read back here as a
// spreadsheet or BI tool would; a reviewer's file with a duplicate and bad lines is imported.
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import { ANSWER_COLUMNS, REVIEW_COLUMNS } from '../../lib/export/csv';
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test, type Session } from './support/fixtures';
import { completeReview, ratingOption } from './support/flow';

const COMMENT = 'Customer wrote from margaret.hale@example.com and asked for a call on 020 7946 0958.';

/**
 * Rates every criterion of the ticket's review at its top level (the first with a comment) and
 * submits; returns its rubric and the rubric's criteria in order.
 */
async function submitReview(session: Session, kind: string, comment?: string) {
  const ticket = demoTicket('zendesk', kind);
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${ticket.id}`);
  await completeReview(panel);
  if (comment) await panel.getByTestId('criterion').first().getByTestId('criterion-comment').fill(comment);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  const criteria = await panel.getByTestId('criterion').evaluateAll((list) => list.map((c) => c.getAttribute('data-criterion-id')!));
  const rubricId = (await panel.getByTestId('rubric-select').getAttribute('data-rubric-id'))!;
  return { panel, ticket, criteria, rubricId };
}

async function download(dashboard: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = dashboard.waitForEvent('download');
  await dashboard.getByTestId(testId).click();
  const done = await downloading;
  await expect(dashboard.getByTestId('export-status')).toHaveAttribute('data-state', 'done');
  return { download: done, bytes: fs.readFileSync(await done.path()) };
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false); // no bare LF between rows (none in these cells)
  return Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
}

const readJsonLines = (bytes: Buffer) =>
  bytes
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, any>);

test('exports: the latest submitted revision of each review in every format, redacted by default; a reviewer\'s file merges without changing anything stored', async ({ session }) => {
  // Two submitted reviews, the second revised once (revision 2 is exported, not 1), and a draft.
  const first = await submitReview(session, 'email-complaint', COMMENT);
  const second = await submitReview(session, 'chat');
  await second.panel.getByTestId('edit-review').click();
  await second.panel.getByTestId('criterion').first().getByTestId('criterion-comment').fill('Revised after calibration.');
  await expect(second.panel.getByTestId('save-status')).toContainText('Saved');
  await second.panel.getByTestId('submit-review').click();
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-revision', '2');
  await expect(second.panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  const drafted = demoTicket('zendesk', 'phone');
  const { panel: draftPanel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${drafted.id}`);
  await ratingOption(draftPanel, 0, 'first').click();
  await expect(draftPanel.getByTestId('save-status')).toContainText('Saved');

  // The complaint and the chat get different templates: the criterion columns are those of both
  // rubrics, by rubric id, then in rubric order, each id once.
  expect(second.rubricId).not.toBe(first.rubricId);
  const criteria = [...new Set([first, second].sort((a, b) => (a.rubricId < b.rubricId ? -1 : 1)).flatMap((r) => r.criteria))];
  const dashboard = await session.context.newPage();
  await dashboard.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('dashboard')).toBeVisible();
  await expect(dashboard.getByTestId('redact-toggle')).toBeChecked();

  // reviews.csv
  const reviewsCsv = await download(dashboard, 'export-csv');
  expect(reviewsCsv.download.suggestedFilename()).toBe('reviews.csv');
  const [header, ...rows] = readCsv(reviewsCsv.bytes);
  expect(header).toEqual([...REVIEW_COLUMNS, ...criteria]);
  const col = (row: string[], name: string) => row[header!.indexOf(name)];
  const byTicket = new Map(rows.map((r) => [col(r, 'ticket_id'), r]));
  expect([...byTicket.keys()].sort()).toEqual([first.ticket.id, second.ticket.id].sort());
  const firstRow = byTicket.get(first.ticket.id)!;
  const secondRow = byTicket.get(second.ticket.id)!;
  expect(col(firstRow, 'revision')).toBe('1');
  expect(col(secondRow, 'revision')).toBe('2');
  expect(col(firstRow, 'subject')).toBe(first.ticket.subject);
  expect(col(firstRow, 'score')).toBe('100');
  expect(col(secondRow, 'score')).toBe('100');
  expect(col(firstRow, 'auto_failed')).toBe('false');
  expect(col(firstRow, 'submitted_at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  for (const id of first.criteria) expect(col(firstRow, id), id).toBe('100');
  for (const id of second.criteria.filter((c) => !first.criteria.includes(c))) expect(col(firstRow, id), id).toBe('');
  await expect(dashboard.getByTestId('export-status')).toContainText('Saved reviews.csv: 2 reviews.');

  // answers.csv: the e-mail and the phone number in the comment are redacted.
  const answers = readCsv((await download(dashboard, 'export-answers-csv')).bytes);
  expect(answers[0]).toEqual([...ANSWER_COLUMNS]);
  const firstAnswer = answers.find((r) => r[0] === col(firstRow, 'review_id') && r[2] === first.criteria[0])!;
  expect(firstAnswer.slice(2, 6)).toEqual([first.criteria[0], expect.any(String), 'false', '100']);
  expect(firstAnswer[6]).toBe('Customer wrote from [email] and asked for a call on [phone].');
  expect(answers.filter((r) => r[0] === col(secondRow, 'review_id')).map((r) => r[2])).toEqual(second.criteria);

  // JSON Lines: qa-review/1 records, no BOM, no stored-only fields, redacted.
  const jsonl = await download(dashboard, 'export-jsonl');
  expect(jsonl.download.suggestedFilename()).toBe('reviews.jsonl');
  expect(jsonl.bytes[0]).toBe('{'.charCodeAt(0));
  const records = readJsonLines(jsonl.bytes);
  expect(records.map((r) => [r.ticketId, r.revision, r.status, r.format]).sort()).toEqual(
    [
      [first.ticket.id, 1, 'submitted', 'qa-review/1'],
      [second.ticket.id, 2, 'submitted', 'qa-review/1'],
    ].sort(),
  );
  for (const record of records) for (const key of ['origin', 'ticketKey', 'reviewerId', 'rubricId', 'writer']) expect(record).not.toHaveProperty(key);
  expect(JSON.stringify(records)).not.toContain('margaret.hale@example.com');

  // XLSX: a zip with the sheets Reviews and Answers, with the CSV files' columns.
  const xlsx = await download(dashboard, 'export-xlsx');
  expect(xlsx.download.suggestedFilename()).toBe('reviews.xlsx');
  expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const sheets = await readExcelFile(xlsx.bytes);
  expect(sheets.map((s) => s.sheet)).toEqual(['Reviews', 'Answers']);
  expect(sheets[0]!.data[0]).toEqual(header);
  expect(sheets[1]!.data[0]).toEqual([...ANSWER_COLUMNS]);
  expect(sheets[0]!.data).toHaveLength(3);
  expect(sheets[1]!.data).toHaveLength(answers.length);

  // Redaction off: the comment as written.
  await dashboard.getByTestId('redact-toggle').uncheck();
  const plainAnswers = readCsv((await download(dashboard, 'export-answers-csv')).bytes);
  expect(plainAnswers.find((r) => r[0] === col(firstRow, 'review_id') && r[2] === first.criteria[0])![6]).toBe(COMMENT);
  const storedBefore = readJsonLines((await download(dashboard, 'export-jsonl')).bytes);

  // A reviewer's file: a review of their own, one already here (changed in their copy), bad lines.
  const theirs = { ...storedBefore[0]!, id: 'b5f0c7d2-3c55-4a52-9f5e-6f2d5c1a7e01', reviewer: { id: 'zendesk:4242', name: 'Sam Reviewer' }, score: 42 };
  const file = [
    JSON.stringify(theirs),
    JSON.stringify({ ...storedBefore[1]!, score: 1, subject: 'Their copy, changed' }),
    '{"format": "qa-review/1", "id": "cut-short"',
    '',
    JSON.stringify({ ...storedBefore[0]!, id: 'a-draft', status: 'draft' }),
  ].join('\n');
  await expect(dashboard.getByTestId('stat-reviews')).toHaveAttribute('data-value', '2');
  await dashboard.getByTestId('import-reviews').setInputFiles({ name: 'sam-week-49.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(file) });
  const report = dashboard.getByTestId('import-report');
  await expect(report).toHaveAttribute('data-added', '1');
  await expect(report).toHaveAttribute('data-duplicates', '1');
  await expect(report).toHaveAttribute('data-invalid', '2');
  await expect(report).toContainText('Line 3: not valid JSON');
  await expect(report).toContainText('Line 5: draft: only submitted reviews are imported');
  // The figures on the page take the new review in without a reload.
  await expect(dashboard.getByTestId('stat-reviews')).toHaveAttribute('data-value', '3');

  // Nothing that was stored changed; the imported review is exported with the rest.
  const storedAfter = readJsonLines((await download(dashboard, 'export-jsonl')).bytes);
  expect(storedAfter).toHaveLength(3);
  for (const record of storedBefore) expect(storedAfter.find((r) => r.id === record.id)).toEqual(record);
  expect(storedAfter.find((r) => r.id === theirs.id)).toEqual(theirs);
  await expect(dashboard.getByTestId('export-status')).toContainText('3 reviews');
});
