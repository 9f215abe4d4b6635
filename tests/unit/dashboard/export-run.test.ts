// The page's side of an export: pages asked for with the cursor, the next one while the current
// one is written, progress, Cancel stopping the reads, and reviews.csv's columns growing as new
// rubric versions turn up (pages written before read again with the final columns).
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportProgress, type ExportReader } from '@/entrypoints/dashboard/export-run';
import { REVIEW_COLUMNS } from '@/lib/export/csv';
import { writeTextPage } from '@/lib/export/text-files';
import type { ReviewRecord } from '@/lib/review/record';
import { pulledRecord } from '../db/data-fixture';

const filter = { timeZone: 'UTC' };
const LIBRARY: Record<string, string[]> = { 'mini@1': ['tone'], 'alpha@1': ['empathy', 'tone', 'accuracy'] };

type FakePage = { records: ReviewRecord[]; scanned: number; next: string | null };

const DEFAULT_PAGES: FakePage[] = [
  { records: [pulledRecord({ id: 'a' }), pulledRecord({ id: 'b' })], scanned: 3, next: 'b' },
  { records: [pulledRecord({ id: 'c' })], scanned: 2, next: 'c' },
  { records: [pulledRecord({ id: 'd' })], scanned: 1, next: null },
];

/** Answers from `pages`, recording each call as [after, until]. */
function fakeReader(pages: FakePage[] = DEFAULT_PAGES) {
  const calls: [string | null, (string | null)?][] = [];
  const read: ExportReader = {
    plan: async () => ({ rubrics: [{ id: 'mini', version: 1, criteria: ['tone'] }] }),
    page: async (_filter, after, until, write) => {
      calls.push(until === undefined ? [after] : [after, until]);
      const index = after === null ? 0 : pages.findIndex((p) => p.next === after) + 1;
      const page = { ...pages[index]!, stored: after === null && until === undefined ? 6 : null };
      // As the background answers: the text files come written, XLSX gets the records.
      return write ? { ...page, records: [], text: writeTextPage(page.records, write) } : page;
    },
    rubric: async (ref) => LIBRARY[`${ref.id}@${ref.version}`] ?? null,
  };
  return { read, calls };
}

const csvOf = async (blob: Blob) => Papa.parse<string[]>((await blob.text()).replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data;

describe('runExport', () => {
  it('reads every page with the cursor, asks for the next page before writing the current one, and reports progress', async () => {
    const { read, calls } = fakeReader();
    const progress: (ExportProgress & { asked: number })[] = [];
    const result = await runExport('reviews-csv', filter, true, { signal: new AbortController().signal, read, onProgress: (p) => progress.push({ ...p, asked: calls.length }) });
    // The background writes the rows: the first two pages were asked for before any rubric was
    // known (the second while the first was on its way), so they are written again with the columns.
    expect(calls).toEqual([[null], ['b'], ['c'], [null, 'b'], ['b', 'c']]);
    expect(progress).toEqual([
      { done: 0, read: 0, stored: null, asked: 0 },
      { done: 2, read: 3, stored: 6, asked: 2 },
      { done: 3, read: 5, stored: 6, asked: 3 },
      { done: 4, read: 6, stored: 6, asked: 3 },
    ]);
    expect(result).toMatchObject({ fileName: 'reviews.csv', written: 4, skipped: 0, notes: [] });
    expect(result.blob.type).toBe('text/csv;charset=utf-8');
    const [header, ...rows] = await csvOf(result.blob);
    expect(header).toEqual([...REVIEW_COLUMNS, 'tone']);
    expect(rows.map((r) => r[0])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('Cancel stops the export: no page after the one in flight, no file', async () => {
    const { read, calls } = fakeReader();
    const cancel = new AbortController();
    const running = runExport('jsonl', filter, true, {
      signal: cancel.signal,
      read,
      onProgress: (p) => {
        if (p.done === 2) cancel.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toEqual([[null], ['b']]);
  });

  it('reviews.csv: a rubric version met on a later page adds its columns, and earlier pages are read again exactly as far as they went', async () => {
    const { read, calls } = fakeReader([
      { records: [pulledRecord({ id: 'a' })], scanned: 1, next: 'a' },
      { records: [pulledRecord({ id: 'b' })], scanned: 1, next: 'b' },
      {
        // 'alpha' sorts before 'mini': its criteria come first, and 'tone' is not repeated.
        records: [pulledRecord({ id: 'c', rubric: { id: 'alpha', version: 1 }, answers: [{ criterionId: 'accuracy', value: 1, na: false, score: 1 }] })],
        scanned: 1,
        next: 'c',
      },
      // A rubric that is not in the library: its columns are the criteria its reviews answered.
      { records: [pulledRecord({ id: 'd', rubric: { id: 'zeta', version: 2 }, answers: [{ criterionId: 'speed', value: 1, na: false, score: 0.25 }] })], scanned: 1, next: null },
    ]);
    const result = await runExport('reviews-csv', filter, true, { signal: new AbortController().signal, read, onProgress: () => {} });
    expect(calls).toEqual([[null], ['a'], ['b'], ['c'], [null, 'a'], ['a', 'b'], ['b', 'c'], ['c', null]]);
    const [header, ...rows] = await csvOf(result.blob);
    expect(header).toEqual([...REVIEW_COLUMNS, 'empathy', 'tone', 'accuracy', 'speed']);
    const criterionCells = rows.map((r) => [r[0], ...r.slice(REVIEW_COLUMNS.length)]);
    expect(criterionCells).toEqual([
      ['a', '', '50', '', ''],
      ['b', '', '50', '', ''],
      ['c', '', '', '100', ''],
      ['d', '', '', '', '25'],
    ]);
    expect(result.written).toBe(4);
  });

  it('writes XLSX into a Blob with both sheets, its columns asked for first', async () => {
    const { read } = fakeReader();
    const result = await runExport('xlsx', filter, true, { signal: new AbortController().signal, read, onProgress: () => {} });
    expect(result.fileName).toBe('reviews.xlsx');
    const sheets = await readExcelFile(Buffer.from(await result.blob.arrayBuffer()));
    expect(sheets.map((s) => [s.sheet, s.data.length, s.data[0]!.at(-1)])).toEqual([
      ['Reviews', 5, 'tone'],
      ['Answers', 5, 'comment'],
    ]);
  });

  it('counts records that are not qa-review/1 as skipped', async () => {
    const { read } = fakeReader([{ records: [pulledRecord({ id: 'a' }), { id: 'junk' } as unknown as ReviewRecord], scanned: 2, next: null }]);
    const result = await runExport('answers-csv', filter, true, { signal: new AbortController().signal, read, onProgress: () => {} });
    expect(result).toMatchObject({ written: 1, skipped: 1 });
  });
});
