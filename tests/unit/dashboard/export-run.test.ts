// The page's side of an export: pages asked for with the cursor, the next one while the current
// one is written, progress in reviews, and Cancel stopping the reads.
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runExport, type ExportProgress, type ExportReader } from '@/entrypoints/dashboard/export-run';
import { pulledRecord } from '../db/data-fixture';

const filter = { timeZone: 'UTC' };
const PAGES = [
  { records: [pulledRecord({ id: 'a' }), pulledRecord({ id: 'b' })], scanned: 3, next: 'b' },
  { records: [pulledRecord({ id: 'c' })], scanned: 2, next: 'c' },
  { records: [pulledRecord({ id: 'd' })], scanned: 1, next: null },
];

/** Answers from PAGES, recording each call. */
function fakeReader() {
  const calls: (string | null)[] = [];
  const read: ExportReader = {
    plan: async () => ({ total: 4, stored: 6, rubrics: [{ id: 'mini', version: 1, criteria: ['tone'] }] }),
    page: async (_filter, after) => {
      calls.push(after);
      return PAGES[after === null ? 0 : PAGES.findIndex((p) => p.next === after) + 1]!;
    },
  };
  return { read, calls };
}

describe('runExport', () => {
  it('reads every page with the cursor, asks for the next page before writing the current one, and counts reviews', async () => {
    const { read, calls } = fakeReader();
    const progress: (ExportProgress & { asked: number })[] = [];
    const result = await runExport('reviews-csv', filter, true, { signal: new AbortController().signal, read, onProgress: (p) => progress.push({ ...p, asked: calls.length }) });
    expect(calls).toEqual([null, 'b', 'c']);
    expect(progress).toEqual([
      { done: 0, total: 4, asked: 0 },
      { done: 2, total: 4, asked: 2 },
      { done: 3, total: 4, asked: 3 },
      { done: 4, total: 4, asked: 3 },
    ]);
    expect(result).toMatchObject({ fileName: 'reviews.csv', written: 4, skipped: 0, notes: [] });
    expect(result.blob.type).toBe('text/csv;charset=utf-8');
    const lines = (await result.blob.text()).split('\r\n');
    expect(lines[0]!.endsWith(',submitted_at,tone')).toBe(true);
    expect(lines.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['a', 'b', 'c', 'd']);
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
    expect(calls).toEqual([null, 'b']);
  });

  it('writes XLSX into a Blob with both sheets', async () => {
    const { read } = fakeReader();
    const result = await runExport('xlsx', filter, true, { signal: new AbortController().signal, read, onProgress: () => {} });
    expect(result.fileName).toBe('reviews.xlsx');
    const sheets = await readExcelFile(Buffer.from(await result.blob.arrayBuffer()));
    expect(sheets.map((s) => [s.sheet, s.data.length])).toEqual([
      ['Reviews', 5],
      ['Answers', 5],
    ]);
  });
});
