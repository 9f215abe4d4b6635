// The text export files (contract §11) a page of reviews at a time. Apart from the XLSX writer
// (writers.ts), so the background can write pages without the zip code: it writes the text of
// reviews.csv, answers.csv and JSON Lines where the reviews are read, and only that text crosses
// to the dashboard (records as objects took five times the bytes, and extension messages are
// slow per byte).
import { ANSWER_COLUMNS, CSV_BOM, answerCells, csvLine, csvLines, reviewCells, reviewsHeader, type Cell } from './csv';
import { RubricUsage, type RubricColumns } from './columns';
import { outgoingRecord, type OutgoingPolicy } from './outgoing';
import { redactText } from './redact';
import { REVIEW_FORMAT, type ReviewRecord } from '../review/record';

/** A page's records as they may leave; a record that is not valid qa-review/1 is counted and left out. */
export function outgoingPage(records: readonly unknown[], policy: OutgoingPolicy): { records: ReviewRecord[]; skipped: number } {
  const out: ReviewRecord[] = [];
  let skipped = 0;
  for (const record of records) {
    try {
      out.push(outgoingRecord(record as ReviewRecord, policy));
    } catch {
      skipped += 1;
    }
  }
  return { records: out, skipped };
}

/** The text files: how each starts, and the text of a page of outgoing records. */
export const TEXT_FILES = {
  'reviews-csv': {
    start: (criteria: readonly string[]) => CSV_BOM + reviewsHeader(criteria),
    rows: (records: readonly ReviewRecord[], criteria: readonly string[]) => csvLines(records.map((r) => reviewCells(r, criteria))),
  },
  'answers-csv': {
    start: () => CSV_BOM + csvLine(ANSWER_COLUMNS),
    rows: (records: readonly ReviewRecord[]) => csvLines(records.flatMap((r) => answerCells(r))),
  },
  jsonl: {
    start: () => '',
    rows: (records: readonly ReviewRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  },
} as const;

export type TextFormat = keyof typeof TEXT_FILES;

/** How a page is to be written: the file, redaction, and reviews.csv's criterion columns. */
export interface TextWrite {
  format: TextFormat;
  redact: boolean;
  /** reviews.csv: the criterion columns to write the rows with */
  criteria?: readonly string[];
}

export interface TextPage {
  text: string;
  /** reviews (or revisions) written */
  written: number;
  /** records that were not valid qa-review/1, left out */
  skipped: number;
  /** the rubric versions of the written reviews, with the criteria they answered (reviews.csv's columns) */
  rubrics: RubricColumns[];
}

type TableFormat = 'reviews-csv' | 'answers-csv';

/**
 * reviews.csv and answers.csv rows straight from the stored records. Both files name every column
 * they write, so no other field can leave, and every path that stores a review (the panel's saves,
 * imports, pulls, restores) has checked it against qa-review/1 already. Checking each record again
 * with the schema cost tens of microseconds a record in zod's CSP-safe interpreter: seconds of the
 * background's time at 100 000 reviews, for nothing. Only the free text a file writes is
 * redacted: the subject in reviews.csv, the comments in answers.csv. A record whose cells cannot
 * be made is left out and counted.
 */
function writeTable(records: readonly unknown[], format: TableFormat, write: TextWrite): TextPage {
  const text = write.redact ? redactText : (value: string) => value;
  const rows: Cell[][] = [];
  const written: ReviewRecord[] = [];
  let skipped = 0;
  for (const value of records) {
    const record = value as ReviewRecord;
    try {
      if (record?.format !== REVIEW_FORMAT) throw new TypeError('not a qa-review/1 record');
      if (format === 'reviews-csv') {
        rows.push(reviewCells(record.subject === undefined ? record : { ...record, subject: text(record.subject) }, write.criteria ?? []));
      } else {
        const answers = record.answers.map((a) => (a.comment === undefined ? a : { ...a, comment: text(a.comment) }));
        rows.push(...answerCells({ ...record, answers }));
      }
      written.push(record);
    } catch {
      skipped += 1;
    }
  }
  return { text: csvLines(rows), written: written.length, skipped, rubrics: rubricsOf(written) };
}

function rubricsOf(records: readonly ReviewRecord[]): RubricColumns[] {
  const usage = new RubricUsage();
  usage.add(records);
  return usage.rubrics(() => null);
}

/** One page of a text file. */
export function writeTextPage(records: readonly unknown[], write: TextWrite): TextPage {
  if (write.format !== 'jsonl') return writeTable(records, write.format, write);
  // JSON Lines carries every field of the record: those go through the one gate of what may leave.
  const out = outgoingPage(records, { redact: write.redact });
  return { text: TEXT_FILES.jsonl.rows(out.records), written: out.records.length, skipped: out.skipped, rubrics: rubricsOf(out.records) };
}
