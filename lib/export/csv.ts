// reviews.csv and answers.csv (contract §11): UTF-8 with BOM, comma-separated, CRLF, RFC 4180
// quoting (papaparse), one header row. Rows are made one review at a time, so a caller can write
// 100 000 reviews as a stream without ever holding the whole file as one string. Text cells that
// a spreadsheet would run as a formula get a leading apostrophe.
import Papa from 'papaparse';
import type { ReviewRecord } from '../review/record';
import type { Rubric } from '../rubric/schema';
import { outgoingRecord, type OutgoingPolicy } from './outgoing';

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

/** 0..100 rounded to 2 decimals with `.`; empty for null. */
export function percentCell(fraction0to1: number | null | undefined): string {
  return fraction0to1 === null || fraction0to1 === undefined ? '' : formatNumber(fraction0to1 * 100);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(Math.round(value * 100) / 100);
}

/** One CSV line with its CRLF. */
export function csvLine(cells: readonly Cell[]): string {
  const text = cells.map((c) => (c === null || c === undefined ? '' : typeof c === 'string' ? guardText(c) : String(c)));
  return Papa.unparse([text], { newline: CSV_NEWLINE, header: false }) + CSV_NEWLINE;
}

/**
 * Criterion columns: every criterion id of the exported reviews' rubrics, by rubric (id, then
 * version) and then in the rubric's own order; an id already listed by an earlier rubric is not
 * repeated. `used` limits it to the rubric versions the reviews were scored with.
 */
export function criterionColumns(rubrics: readonly Rubric[], used?: ReadonlySet<string>): string[] {
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

export const rubricKey = (record: Pick<ReviewRecord, 'rubric'>) => `${record.rubric.id}@${record.rubric.version}`;

export function reviewsHeader(criteria: readonly string[]): string {
  return csvLine([...REVIEW_COLUMNS, ...criteria]);
}

/** The review's row; `record` must already be as it may leave (see `outgoingRecord`). */
function reviewRow(record: ReviewRecord, criteria: readonly string[]): string {
  const byCriterion = new Map(record.answers.map((a) => [a.criterionId, a]));
  return csvLine([
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
    formatNumber(record.score),
    record.autoFailed ? 'true' : 'false',
    record.submittedAt ?? '',
    ...criteria.map((id) => {
      const answer = byCriterion.get(id);
      return answer && !answer.na ? percentCell(answer.score) : '';
    }),
  ]);
}

function answerRows(record: ReviewRecord): string {
  return record.answers
    .map((a) => csvLine([record.id, record.revision, a.criterionId, a.value ?? '', a.na ? 'true' : 'false', a.na ? '' : percentCell(a.score), a.comment ?? '']))
    .join('');
}

/** The pieces of one export: write `start`, then `row(record)` for each review. */
export interface CsvFormat {
  start: string;
  row: (record: ReviewRecord) => string;
}

export function reviewsCsv(criteria: readonly string[], policy: OutgoingPolicy): CsvFormat {
  return { start: CSV_BOM + reviewsHeader(criteria), row: (record) => reviewRow(outgoingRecord(record, policy), criteria) };
}

export function answersCsv(policy: OutgoingPolicy): CsvFormat {
  return { start: CSV_BOM + csvLine(ANSWER_COLUMNS), row: (record) => answerRows(outgoingRecord(record, policy)) };
}

/** JSON Lines (contract §11): one qa-review/1 record per line, no BOM, `\n` line ends. */
export function jsonLinesFormat(policy: OutgoingPolicy): CsvFormat {
  return { start: '', row: (record) => `${JSON.stringify(outgoingRecord(record, policy))}\n` };
}
