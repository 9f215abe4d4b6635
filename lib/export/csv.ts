// reviews.csv and answers.csv (contract §11): UTF-8 with BOM, comma-separated, CRLF, RFC 4180
// quoting (papaparse), one header row. Rows are made a page of reviews at a time (text-files.ts),
// so 100 000 reviews are written as a stream without ever holding the whole file as one string. Text cells that
// a spreadsheet would run as a formula get a leading apostrophe.
import Papa from 'papaparse';
import type { ReviewRecord } from '../review/record';
import type { Rubric } from '../rubric/schema';

export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

export const REVIEW_COLUMNS = [
  'review_id',
  'revision',
  'kind',
  'helpdesk',
  'instance',
  'ticket_id',
  'ticket_url',
  'channel',
  'subject',
  'reviewee_id',
  'reviewee_name',
  'reviewer_id',
  'reviewer_name',
  'rubric_id',
  'rubric_version',
  'score',
  'auto_failed',
  'submitted_at',
] as const;

export const ANSWER_COLUMNS = ['review_id', 'revision', 'criterion_id', 'value', 'na', 'score', 'comment'] as const;

/** A cell: text is guarded against formula injection; numbers and booleans are written as they are. */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rounded to 2 decimals; null for null or a value that is not a finite number. */
export function roundedNumber(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * 100) / 100;
}

/** A 0..1 fraction as 0..100 rounded to 2 decimals; null for null. */
export function roundedPercent(fraction0to1: number | null | undefined): number | null {
  return fraction0to1 === null || fraction0to1 === undefined ? null : roundedNumber(fraction0to1 * 100);
}

const cellText = (c: Cell) => (c === null || c === undefined ? '' : typeof c === 'string' ? guardText(c) : String(c));

/** One CSV line with its CRLF. */
export function csvLine(cells: readonly Cell[]): string {
  return csvLines([cells]);
}

/** CSV lines, each with its CRLF; one papaparse call for all of them (a call per line costs more). */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  if (rows.length === 0) return '';
  return Papa.unparse(rows.map((cells) => cells.map(cellText)), { newline: CSV_NEWLINE, header: false }) + CSV_NEWLINE;
}

/** What `criterionColumns` reads of a rubric. */
export type RubricCriteria = Pick<Rubric, 'id' | 'version'> & { criteria: readonly Pick<Rubric['criteria'][number], 'id'>[] };

/** An ISO-8601 date-time that says its offset (Z or ±hh:mm): one instant wherever it is read. */
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Contract §11: times in UTC. A record from another tool may carry an offset; anything else (no
 * offset, another format) would be read in the exporting machine's zone, so it stays as written.
 */
function utcTime(at: string | undefined): string {
  if (at === undefined) return '';
  const ms = ZONED_TIME.test(at) ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/**
 * Criterion columns: every criterion id of the exported reviews' rubrics, by rubric (id, then
 * version) and then in the rubric's own order; an id already listed by an earlier rubric is not
 * repeated. `used` limits it to the rubric versions the reviews were scored with. Only ids matter,
 * so a rubric version that is not in the library can be described by its reviews' criteria.
 */
export function criterionColumns(rubrics: readonly RubricCriteria[], used?: ReadonlySet<string>): string[] {
  const ordered = [...rubrics]
    .filter((r) => !used || used.has(`${r.id}@${r.version}`))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const rubric of ordered) {
    for (const c of rubric.criteria) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      columns.push(c.id);
    }
  }
  return columns;
}


export function reviewsHeader(criteria: readonly string[]): string {
  return csvLine([...REVIEW_COLUMNS, ...criteria]);
}

/**
 * The review's cells in column order (`REVIEW_COLUMNS`, then `criteria`); `record` must already be
 * as it may leave (see `outgoingRecord`). Numbers stay numbers (rounded to 2 decimals), so a
 * spreadsheet writer can store them as numbers; null is an empty cell.
 */
export function reviewCells(record: ReviewRecord, criteria: readonly string[]): Cell[] {
  const byCriterion = new Map(record.answers.map((a) => [a.criterionId, a]));
  return [
    record.id,
    record.revision,
    record.kind,
    record.helpdesk,
    record.instance,
    record.ticketId,
    record.ticketUrl,
    record.channel,
    record.subject ?? '',
    record.reviewee?.id ?? '',
    record.reviewee?.name ?? '',
    record.reviewer.id,
    record.reviewer.name,
    record.rubric.id,
    record.rubric.version,
    roundedNumber(record.score),
    record.autoFailed ? 'true' : 'false',
    utcTime(record.submittedAt),
    ...criteria.map((id) => {
      const answer = byCriterion.get(id);
      return answer && !answer.na ? roundedPercent(answer.score) : null;
    }),
  ];
}

/** One row of cells per answer (`ANSWER_COLUMNS`); `record` must already be as it may leave. */
export function answerCells(record: ReviewRecord): Cell[][] {
  return record.answers.map((a) => [record.id, record.revision, a.criterionId, a.value, a.na ? 'true' : 'false', a.na ? null : roundedPercent(a.score), a.comment ?? '']);
}
