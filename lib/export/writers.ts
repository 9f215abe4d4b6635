// The four export files (contract §11), each written page by page: the caller hands over the
// records of one page at a time and receives the file's bytes as they are made, so neither side
// ever holds the whole file as one string.
import { ANSWER_COLUMNS, REVIEW_COLUMNS, answerCells, answersCsv, jsonLinesFormat, reviewCells, reviewsCsv, type CsvFormat } from './csv';
import { outgoingRecord, type OutgoingPolicy } from './outgoing';
import type { ReviewRecord } from '../review/record';

export const EXPORT_FORMATS = ['reviews-csv', 'answers-csv', 'jsonl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILES: Record<ExportFormat, { fileName: string; type: string }> = {
  'reviews-csv': { fileName: 'reviews.csv', type: 'text/csv;charset=utf-8' },
  'answers-csv': { fileName: 'answers.csv', type: 'text/csv;charset=utf-8' },
  jsonl: { fileName: 'reviews.jsonl', type: 'application/jsonl' },
  xlsx: { fileName: 'reviews.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

export const XLSX_SHEETS = { reviews: 'Reviews', answers: 'Answers' } as const;

export interface ExportWriter {
  /** writes one page of records (qa-review/1, as read from storage) */
  write(records: readonly unknown[]): void;
  /** writes the end of the file */
  end(): void;
  /** reviews written */
  readonly written: number;
  /** records left out because they are not valid qa-review/1 records */
  readonly skipped: number;
  /** what a person should know about the file (rows that did not fit, cut cells) */
  notes(): string[];
}

export interface WriterOptions {
  /** criterion columns of reviews.csv and the Reviews sheet (see `criterionColumns`) */
  criteria: readonly string[];
  policy: OutgoingPolicy;
  /** receives the file's bytes, in order */
  emit: (chunk: string | Uint8Array) => void;
  /** the time written into the XLSX archive */
  now: Date;
}

/** Applies `policy` to each record; a record that is not valid qa-review/1 is counted and left out. */
function outgoingPage(records: readonly unknown[], policy: OutgoingPolicy, skip: () => void): ReviewRecord[] {
  const out: ReviewRecord[] = [];
  for (const record of records) {
    try {
      out.push(outgoingRecord(record as ReviewRecord, policy));
    } catch {
      skip();
    }
  }
  return out;
}

function textWriter(format: CsvFormat, options: WriterOptions): ExportWriter {
  let written = 0;
  let skipped = 0;
  if (format.start) options.emit(format.start);
  // The formats apply the policy themselves: the page's records go in as they came.
  const rowOf = (record: unknown) => {
    try {
      return format.row(record as ReviewRecord);
    } catch {
      skipped += 1;
      return null;
    }
  };
  return {
    write(records) {
      let text = '';
      for (const record of records) {
        const row = rowOf(record);
        if (row === null) continue;
        text += row;
        written += 1;
      }
      if (text) options.emit(text);
    },
    end() {},
    get written() {
      return written;
    },
    get skipped() {
      return skipped;
    },
    notes: () => [],
  };
}

async function xlsxWriter(options: WriterOptions): Promise<ExportWriter> {
  // Loaded on the first XLSX export only: the zip code stays out of the page until then.
  const { createXlsxWriter, MAX_CELL_CHARS } = await import('./xlsx');
  const sheets = [
    { name: XLSX_SHEETS.reviews, header: [...REVIEW_COLUMNS, ...options.criteria] },
    { name: XLSX_SHEETS.answers, header: [...ANSWER_COLUMNS] },
  ];
  const book = createXlsxWriter(sheets, options.emit, { modified: options.now });
  let written = 0;
  let skipped = 0;
  return {
    write(records) {
      for (const record of outgoingPage(records, options.policy, () => (skipped += 1))) {
        book.addRow(0, reviewCells(record, options.criteria));
        for (const cells of answerCells(record)) book.addRow(1, cells);
        written += 1;
      }
    },
    end() {
      book.finish();
    },
    get written() {
      return written;
    },
    get skipped() {
      return skipped;
    },
    notes() {
      const notes: string[] = [];
      book.dropped.forEach((dropped, i) => {
        if (dropped > 0) {
          notes.push(`The ${sheets[i]!.name} sheet is full (Excel holds 1 048 576 rows): ${dropped} rows were left out. The CSV files have every row.`);
        }
      });
      if (book.shortenedCells > 0) {
        notes.push(`${book.shortenedCells} text cells were longer than Excel's ${MAX_CELL_CHARS} characters and were cut. The CSV and JSON Lines files have the whole text.`);
      }
      return notes;
    },
  };
}

export async function createExportWriter(format: ExportFormat, options: WriterOptions): Promise<ExportWriter> {
  switch (format) {
    case 'reviews-csv':
      return textWriter(reviewsCsv(options.criteria, options.policy), options);
    case 'answers-csv':
      return textWriter(answersCsv(options.policy), options);
    case 'jsonl':
      return textWriter(jsonLinesFormat(options.policy), options);
    case 'xlsx':
      return xlsxWriter(options);
  }
}
