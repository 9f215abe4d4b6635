// The four export files written page by page, as the dashboard writes them, then read back as a
// spreadsheet or BI tool would: the same reviews, columns and values in every format.
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { ANSWER_COLUMNS, REVIEW_COLUMNS } from '@/lib/export/csv';
import { TEXT_FILES, createXlsxBook, outgoingPage, writeTextPage } from '@/lib/export/writers';
import type { ReviewRecord } from '@/lib/review/record';
import { pulledRecord } from '../db/data-fixture';

const records: ReviewRecord[] = [
  pulledRecord({
    id: 'r-1',
    subject: 'Refund for jane@example.com',
    score: 66.666,
    answers: [
      { criterionId: 'tone', value: 2, na: false, score: 0.5, comment: '=SUM(A1) call 020 7946 0958' },
      { criterionId: 'accuracy', value: null, na: true, score: null },
    ],
  }),
  pulledRecord({ id: 'r-2', revision: 3, answers: [{ criterionId: 'tone', value: 3, na: false, score: 1 }] }),
];
const criteria = ['tone', 'accuracy'];

/** The file as an export writes it: its start, then a piece per page, written as the background writes them. */
function textFile(format: keyof typeof TEXT_FILES, pages: unknown[][], redact = true) {
  const chunks: string[] = [TEXT_FILES[format].start(criteria)];
  let skipped = 0;
  for (const page of pages) {
    const out = writeTextPage(page, { format, redact, criteria });
    skipped += out.skipped;
    chunks.push(out.text);
  }
  return { chunks, skipped };
}

const csvRows = (chunks: string[]) => {
  const text = chunks.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
};

describe('export files written page by page', () => {
  it('reviews.csv: header, one row per review, a chunk per page', async () => {
    const { chunks } = textFile('reviews-csv', [[records[0]], [], [records[1]]]);
    expect(chunks.map((c) => c.split('\r\n').length - 1)).toEqual([1, 1, 0, 1]); // the header, then a piece per page
    const [header, ...rows] = csvRows(chunks);
    expect(header).toEqual([...REVIEW_COLUMNS, ...criteria]);
    expect(rows.map((r) => [r[0], r[1], r[8], r[15], r[18], r[19]])).toEqual([
      ['r-1', '1', 'Refund for [email]', '66.67', '50', ''],
      ['r-2', '3', '', '50', '100', ''],
    ]);
  });

  it('answers.csv: one row per answer; redaction can be switched off', async () => {
    const redacted = csvRows(textFile('answers-csv', [records]).chunks);
    expect(redacted).toEqual([
      [...ANSWER_COLUMNS],
      ['r-1', '1', 'tone', '2', 'false', '50', "'=SUM(A1) call [phone]"],
      ['r-1', '1', 'accuracy', '', 'true', '', ''],
      ['r-2', '3', 'tone', '3', 'false', '100', ''],
    ]);
    const plain = csvRows(textFile('answers-csv', [records], false).chunks);
    expect(plain[1]![6]).toBe("'=SUM(A1) call 020 7946 0958");
  });

  it('JSON Lines: qa-review/1 records without stored-only fields, no BOM, \\n ends', async () => {
    const stored = { ...records[0]!, origin: 'local', ticketKey: 'zendesk:acme:77', writer: { id: 'w', seq: 1 } };
    const text = textFile('jsonl', [[stored, records[1]]]).chunks.join('');
    expect(text.startsWith('{')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['r-1', 'r-2']);
    expect(Object.keys(lines[0]!)).not.toContain('origin');
    expect(Object.keys(lines[0]!)).not.toContain('ticketKey');
    expect(Object.keys(lines[0]!)).not.toContain('writer');
    expect(lines[0]!.subject).toBe('Refund for [email]');
  });

  it('XLSX: sheets Reviews and Answers with the CSV files\' columns and values', async () => {
    const chunks: Uint8Array[] = [];
    const book = await createXlsxBook(criteria, (c) => chunks.push(c), new Date('2026-12-01T00:00:00Z'));
    for (const page of [[records[0]], [records[1]]]) book.write(outgoingPage(page, { redact: true }).records);
    book.end();
    expect(book.notes()).toEqual([]);
    const [reviews, answers] = await readExcelFile(Buffer.concat(chunks));
    expect(reviews!.sheet).toBe('Reviews');
    expect(answers!.sheet).toBe('Answers');
    expect(reviews!.data[0]).toEqual([...REVIEW_COLUMNS, ...criteria]);
    expect(answers!.data[0]).toEqual([...ANSWER_COLUMNS]);
    expect(reviews!.data.map((r) => r[0])).toEqual(['review_id', 'r-1', 'r-2']);
    expect(reviews!.data[1]!.slice(14, 20)).toEqual([1, 66.67, 'false', '2026-11-01T10:00:00.000Z', 50, null]);
    expect(answers!.data.slice(1)).toEqual([
      ['r-1', 1, 'tone', 2, 'false', 50, "'=SUM(A1) call [phone]"],
      ['r-1', 1, 'accuracy', null, 'true', null, null],
      ['r-2', 3, 'tone', 3, 'false', 100, null],
    ]);
  });

  it('CSV pages written from stored rows leave out and count what is not a record, and write nothing of a row beyond their columns', () => {
    const stored = { ...records[0], ticketKey: 'zendesk:acme:SECRET-KEY', origin: 'pulled', writer: { id: 'w', seq: 1 } };
    for (const format of ['reviews-csv', 'answers-csv'] as const) {
      const out = writeTextPage([stored, { format: 'qa-review/1', id: 'broken' }, 'junk', null, records[1]], { format, redact: true, criteria });
      expect(out.skipped).toBe(3);
      expect(out.written).toBe(2);
      expect(out.text).not.toContain('SECRET-KEY');
      expect(out.text).not.toContain('jane@example.com');
      expect(out.text).not.toContain('7946');
      expect(out.rubrics.map((r) => `${r.id}@${r.version}`)).toEqual([...new Set(records.map((r) => `${r.rubric.id}@${r.rubric.version}`))]);
    }
    // The stored row itself is left as it was.
    expect(stored.subject).toBe('Refund for jane@example.com');
  });

  it('a record that is not qa-review/1 is left out and counted', () => {
    const out = outgoingPage([records[0], { format: 'qa-review/1', id: 'broken' }, 'junk', records[1]], { redact: true });
    expect(out.records.map((r) => r.id)).toEqual(['r-1', 'r-2']);
    expect(out.skipped).toBe(2);
  });
});
