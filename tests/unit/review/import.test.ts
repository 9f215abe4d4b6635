import { describe, expect, it } from 'vitest';
import { describeInvalidLines, importSizeProblem, MAX_IMPORT_BYTES, MAX_LISTED_LINES, parseReviewLines } from '@/lib/review/import';
import { pulledRecord } from '../db/data-fixture';

const line = (over: Record<string, unknown> = {}) => JSON.stringify({ ...pulledRecord(), ...over });

describe('parseReviewLines', () => {
  it('reads one record per line, skips blank lines, and numbers lines as an editor does', () => {
    const text = ['', line({ id: 'a' }), '   ', line({ id: 'b', revision: 2 }), ''].join('\n');
    const parsed = parseReviewLines(text);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.records.map((r) => [r.line, r.record.id, r.record.revision])).toEqual([
      [2, 'a', 1],
      [4, 'b', 2],
    ]);
  });

  it('accepts a BOM and CRLF line ends', () => {
    const parsed = parseReviewLines(`\uFEFF${line({ id: 'a' })}\r\n${line({ id: 'b' })}\r\n`);
    expect(parsed.records.map((r) => r.record.id)).toEqual(['a', 'b']);
    expect(parsed.invalid).toEqual([]);
  });

  it('reports each bad line with its number and a reason, and keeps the good ones', () => {
    const text = [
      line({ id: 'ok-1' }),
      '{"format": "qa-review/1", "id": ', // cut short
      '[1, 2]',
      line({ format: 'qa-review/2' }),
      line({ revision: 0, score: 'high' }),
      line({ status: 'draft', submittedAt: undefined }),
      JSON.stringify({ format: 'qa-rubric/1', id: 'x' }),
      '',
      line({ id: 'ok-2' }),
    ].join('\n');
    const parsed = parseReviewLines(text);
    expect(parsed.records.map((r) => [r.line, r.record.id])).toEqual([
      [1, 'ok-1'],
      [9, 'ok-2'],
    ]);
    expect(parsed.invalid.map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7]);
    const reasons = parsed.invalid.map((i) => i.reason);
    expect(reasons[0]).toMatch(/^not valid JSON \(/);
    expect(reasons[1]).toBe('not a JSON object (each line must be one qa-review/1 record)');
    expect(reasons[2]).toBe('not a qa-review/1 record (its "format" is "qa-review/2")');
    expect(reasons[3]).toMatch(/^revision: .*; score: /);
    expect(reasons[4]).toBe('draft: only submitted reviews are imported');
    expect(reasons[5]).toMatch(/rubric \(qa-rubric\/1\), not a review/);
  });

  it('keeps only the contract fields of a record', () => {
    const parsed = parseReviewLines(line({ origin: 'local', ticketKey: 'x', requesterEmail: 'jane@example.com' }));
    expect(parsed.records[0]!.record).toEqual(pulledRecord());
  });
});

describe('reports and limits', () => {
  it('lists invalid lines as "Line n: reason", then counts the rest', () => {
    const invalid = Array.from({ length: MAX_LISTED_LINES + 3 }, (_, i) => ({ line: i + 1, reason: 'bad' }));
    const listed = describeInvalidLines(invalid);
    expect(listed[0]).toBe('Line 1: bad');
    expect(listed).toHaveLength(MAX_LISTED_LINES + 1);
    expect(listed.at(-1)).toBe('…and 3 more invalid lines.');
    expect(describeInvalidLines([{ line: 3, reason: 'draft: only submitted reviews are imported' }])).toEqual(['Line 3: draft: only submitted reviews are imported']);
  });

  it('refuses a file over the size limit with a sentence that says what to do', () => {
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeProblem(MAX_IMPORT_BYTES + 1)).toMatch(/at most 50 MB\. Split it into smaller files/);
  });
});
