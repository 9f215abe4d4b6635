// Reading reviewers' `qa-review/1` JSON Lines files (contract §5, §12) so a lead can merge the
// team's week without a server. Every line is checked on its own: a bad line is reported with
// its number and a reason, and the others still count. Only submitted revisions are taken — a
// draft is someone's unfinished work, which no figure counts and nobody here could finish — so a
// draft line is reported as invalid with the reason "draft".
import { formatPath } from '../json-path';
import { reviewRecordSchema, REVIEW_FORMAT, type ReviewRecord } from './record';

/**
 * The largest file: it crosses from the page to the background in one message, which Chrome caps
 * at 64 MiB (JSON escaping makes the message larger than the file). 50 MB is about 30 000 reviews
 * with comments.
 */
export const MAX_IMPORT_BYTES = 50_000_000;
/** How many invalid lines a report lists with their reasons; all are counted. */
export const MAX_LISTED_LINES = 200;

const megabytes = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`;

/** The sentence that refuses a file of `bytes` bytes, or null when its size is fine. */
export function importSizeProblem(bytes: number): string | null {
  return bytes > MAX_IMPORT_BYTES ? `This file is ${megabytes(bytes)}; a file of reviews can be at most ${megabytes(MAX_IMPORT_BYTES)}. Split it into smaller files and import each.` : null;
}

export interface InvalidLine {
  /** 1-based, counting every line of the file, blank ones included */
  line: number;
  reason: string;
}

export interface ParsedLines {
  records: { line: number; record: ReviewRecord }[];
  invalid: InvalidLine[];
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function lineProblem(value: unknown): string | ReviewRecord {
  if (!isObject(value)) return 'not a JSON object (each line must be one qa-review/1 record)';
  if (value.format !== REVIEW_FORMAT) {
    if (value.format === 'qa-rubric/1') return 'a rubric (qa-rubric/1), not a review; import rubrics in Options';
    if (value.format === 'qa-backup/1') return 'a backup (qa-backup/1), not a review; restore backups in Options';
    return `not a ${REVIEW_FORMAT} record (its "format" is ${value.format === undefined ? 'missing' : JSON.stringify(value.format)})`;
  }
  const parsed = reviewRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path) || 'the record'}: ${issue.message}`);
    const more = parsed.error.issues.length - issues.length;
    return issues.join('; ') + (more > 0 ? `; and ${more} more` : '');
  }
  if (parsed.data.status !== 'submitted') return 'draft: only submitted reviews are imported';
  return parsed.data;
}

/** Splits a JSON Lines text into checked records and reasons for the lines that are not. */
export function parseReviewLines(text: string): ParsedLines {
  const out: ParsedLines = { records: [], invalid: [] };
  // A BOM (a file saved by a Windows editor) is not part of the first record.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 0;
  for (let start = 0; start <= body.length; ) {
    const end = body.indexOf('\n', start);
    const stop = end === -1 ? body.length : end;
    line += 1;
    const raw = body.slice(start, stop).trim();
    start = stop + 1;
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      out.invalid.push({ line, reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})` });
      continue;
    }
    const result = lineProblem(value);
    if (typeof result === 'string') out.invalid.push({ line, reason: result });
    else out.records.push({ line, record: result });
  }
  return out;
}

/** "Line 3: …" for each invalid line, at most `MAX_LISTED_LINES` of them, then a count. */
export function describeInvalidLines(invalid: readonly InvalidLine[]): string[] {
  const listed = invalid.slice(0, MAX_LISTED_LINES).map((i) => `Line ${i.line}: ${i.reason}`);
  const more = invalid.length - listed.length;
  return more > 0 ? [...listed, `…and ${more} more invalid ${more === 1 ? 'line' : 'lines'}.`] : listed;
}
