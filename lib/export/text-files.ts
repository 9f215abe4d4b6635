// The text export files (contract §11) a page of reviews at a time. Apart from the XLSX writer
// (writers.ts), so the background can write pages without the zip code: it writes the text of
// reviews.csv, answers.csv and JSON Lines where the reviews are read, and only that text crosses
// to the dashboard (records as objects took five times the bytes, and extension messages are
// slow per byte).
import { ANSWER_COLUMNS, CSV_BOM, answerCells, csvLine, csvLines, reviewCells, reviewsHeader } from './csv';
import { RubricUsage, type RubricColumns } from './columns';
import { outgoingRecord, type OutgoingPolicy } from './outgoing';
import { redactText } from './redact';
import type { ReviewRecord } from '../review/record';

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

/** One page of a text file: the records made ready to leave, then written as rows. */
export function writeTextPage(records: readonly unknown[], write: TextWrite): TextPage {
  // reviews.csv has one free-text column, the subject: redacting the comments and coaching notes
  // it never writes would be most of the page's work.
  const subjectOnly = write.format === 'reviews-csv';
  const out = outgoingPage(records, { redact: write.redact && !subjectOnly });
  if (subjectOnly && write.redact) for (const record of out.records) if (record.subject !== undefined) record.subject = redactText(record.subject);
  const text = write.format === 'reviews-csv' ? TEXT_FILES['reviews-csv'].rows(out.records, write.criteria ?? []) : TEXT_FILES[write.format].rows(out.records);
  const usage = new RubricUsage();
  usage.add(out.records);
  return { text, written: out.records.length, skipped: out.skipped, rubrics: usage.rubrics(() => null) };
}
