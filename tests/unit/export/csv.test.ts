import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { criterionColumns, csvLine, REVIEW_COLUMNS, CSV_BOM } from '@/lib/export/csv';
import { TEXT_FILES, writeTextPage, type TextFormat } from '@/lib/export/text-files';
import { reviewRecordSchema, type ReviewRecord } from '@/lib/review/record';
import { parseRubric } from '@/lib/rubric/schema';
import { pulledRecord } from '../db/data-fixture';

const rubricA = parseRubric({
  format: 'qa-rubric/1',
  id: 'alpha',
  name: 'A',
  version: 1,
  criteria: [
    { id: 'tone', title: 'Tone', scale: { type: 'binary' } },
    { id: 'accuracy', title: 'Accuracy', scale: { type: 'levels', levels: [{ value: 1, label: 'x' }, { value: 2, label: 'y' }, { value: 4, label: 'z' }] } },
  ],
});
const rubricB = parseRubric({ ...rubricA, id: 'beta', criteria: [{ id: 'empathy', title: 'E', scale: { type: 'binary' } }, { id: 'tone', title: 'Tone', scale: { type: 'binary' } }] });

const review = (over: Partial<ReviewRecord> = {}): ReviewRecord =>
  pulledRecord({
    id: 'r-1',
    revision: 2,
    subject: '=HYPERLINK("http://evil") refund for jane@example.com, "urgent"\nsecond line',
    rubric: { id: 'alpha', version: 1 },
    score: 66.666666,
    answers: [
      { criterionId: 'tone', value: 1, na: false, score: 1, comment: '+call me on 020 7946 0958' },
      { criterionId: 'accuracy', value: 2, na: false, score: 1 / 3 },
    ],
    ...over,
  });

/** A file of `records` as an export writes it: its start, then the page's rows. */
const file = (format: TextFormat, records: ReviewRecord[], redact: boolean, criteria: string[] = []) =>
  TEXT_FILES[format].start(criteria) + writeTextPage(records, { format, redact, criteria }).text;

const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n' }).data.filter((r) => r.length > 1);

describe('reviews.csv (contract §11)', () => {
  it('orders criterion columns by rubric, then rubric order, without repeats', () => {
    expect(criterionColumns([rubricB, rubricA])).toEqual(['tone', 'accuracy', 'empathy']);
    expect(criterionColumns([rubricB, rubricA], new Set(['beta@1']))).toEqual(['empathy', 'tone']);
  });

  it('writes BOM, CRLF, the header in contract order, RFC 4180 quoting and guarded formulas, redacted', () => {
    const text = file('reviews-csv', [review(), review({ id: 'r-2', score: null, answers: [{ criterionId: 'tone', value: null, na: true, score: null }] })], true, ['tone', 'accuracy', 'empathy']);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.split('\r\n')[0]).toBe(`${CSV_BOM}${REVIEW_COLUMNS.join(',')},tone,accuracy,empathy`);
    const [header, first, second] = parse(text);
    expect(header).toEqual([...REVIEW_COLUMNS, 'tone', 'accuracy', 'empathy']);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(cell(first!, 'subject')).toBe(`'=HYPERLINK("http://evil") refund for [email], "urgent"\nsecond line`);
    expect(cell(first!, 'score')).toBe('66.67');
    expect(cell(first!, 'auto_failed')).toBe('false');
    expect(cell(first!, 'tone')).toBe('100');
    expect(cell(first!, 'accuracy')).toBe('33.33');
    expect(cell(first!, 'empathy')).toBe('');
    expect(cell(first!, 'revision')).toBe('2');
    expect(cell(first!, 'submitted_at')).toBe('2026-11-01T10:00:00.000Z');
    expect(cell(second!, 'score')).toBe('');
    expect(cell(second!, 'tone')).toBe('');
  });

  it('writes times in UTC, also for a record from another tool that carries an offset', () => {
    const [header, row] = parse(file('reviews-csv', [review({ submittedAt: '2026-11-01T11:00:00+01:00' })], false));
    expect(row![header!.indexOf('submitted_at')]).toBe('2026-11-01T10:00:00.000Z');
    // No offset: which instant it is depends on a zone the file does not say, so it stays as written.
    const [, plain] = parse(file('reviews-csv', [review({ submittedAt: '2026-11-01T11:00:00' })], false));
    expect(plain![header!.indexOf('submitted_at')]).toBe('2026-11-01T11:00:00');
  });

  it('guards every formula start: = + - @ tab and carriage return', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const [row] = Papa.parse<string[]>(csvLine([`${start}1+1`, 5]).trimEnd(), {}).data;
      expect(row![0]).toBe(`'${start}1+1`);
      expect(row![1]).toBe('5');
    }
    expect(csvLine(['plain', null, undefined, true, 0])).toBe('plain,,,true,0\r\n');
  });
});

describe('answers.csv', () => {
  it('has one row per answer with value, N/A and score', () => {
    const rows = parse(file('answers-csv', [review(), review({ id: 'r-3', answers: [{ criterionId: 'tone', value: null, na: true, score: null }] })], true));
    expect(rows).toEqual([
      ['review_id', 'revision', 'criterion_id', 'value', 'na', 'score', 'comment'],
      ['r-1', '2', 'tone', '1', 'false', '100', "'+call me on [phone]"],
      ['r-1', '2', 'accuracy', '2', 'false', '33.33', ''],
      ['r-3', '2', 'tone', '', 'true', '', ''],
    ]);
  });
});

describe('JSON Lines', () => {
  it('writes one qa-review/1 record per line, no BOM, \\n endings, and reads back', () => {
    const text = file('jsonl', [review(), review({ id: 'r-9' })], false);
    expect(text.startsWith('{')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toContain('\r');
    const lines = text.trimEnd().split('\n').map((l) => reviewRecordSchema.parse(JSON.parse(l)));
    expect(lines.map((r) => r.id)).toEqual(['r-1', 'r-9']);
    expect(lines[0]).toEqual(reviewRecordSchema.parse(review()));
  });
});
