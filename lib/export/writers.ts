// The four export files (contract §11), written a page of reviews at a time: each page becomes a
// piece of the file at once, so no side ever holds the whole file as one string. Records are
// made ready to leave (`outgoingRecord`: checked, only the contract's fields, redacted) once per
// page; the rows are then made from them.
import { ANSWER_COLUMNS, REVIEW_COLUMNS, answerCells, reviewCells } from './csv';
import type { ReviewRecord } from '../review/record';

export { TEXT_FILES, outgoingPage, writeTextPage, type TextFormat, type TextPage, type TextWrite } from './text-files';

export const EXPORT_FORMATS = ['reviews-csv', 'answers-csv', 'jsonl', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FILES: Record<ExportFormat, { fileName: string; type: string }> = {
  'reviews-csv': { fileName: 'reviews.csv', type: 'text/csv;charset=utf-8' },
  'answers-csv': { fileName: 'answers.csv', type: 'text/csv;charset=utf-8' },
  jsonl: { fileName: 'reviews.jsonl', type: 'application/jsonl' },
  xlsx: { fileName: 'reviews.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
};

export const XLSX_SHEETS = { reviews: 'Reviews', answers: 'Answers' } as const;

export interface XlsxBook {
  /** writes a page of outgoing records: a row each in Reviews, a row per answer in Answers */
  write(records: readonly ReviewRecord[]): void;
  end(): void;
  /** what a person should know about the file (rows that did not fit, cut cells) */
  notes(): string[];
}

/** The XLSX file, its bytes handed to `emit` as they are made. */
export async function createXlsxBook(criteria: readonly string[], emit: (chunk: Uint8Array) => void, now: Date): Promise<XlsxBook> {
  // Loaded on the first XLSX export only: the zip code stays out of the page until then.
  const { createXlsxWriter, MAX_CELL_CHARS, MAX_SHEET_ROWS } = await import('./xlsx');
  const sheets = [
    { name: XLSX_SHEETS.reviews, header: [...REVIEW_COLUMNS, ...criteria] },
    { name: XLSX_SHEETS.answers, header: [...ANSWER_COLUMNS] },
  ];
  const book = createXlsxWriter(sheets, emit, { modified: now });
  return {
    write(records) {
      for (const record of records) {
        book.addRow(0, reviewCells(record, criteria));
        for (const cells of answerCells(record)) book.addRow(1, cells);
      }
    },
    end: () => book.finish(),
    notes() {
      const notes: string[] = [];
      book.dropped.forEach((dropped, i) => {
        if (dropped > 0) {
          notes.push(`The ${sheets[i]!.name} sheet is full (Excel holds ${MAX_SHEET_ROWS.toLocaleString('en')} rows): ${dropped} rows were left out. The CSV files have every row.`);
        }
      });
      if (book.shortenedCells > 0) {
        notes.push(`${book.shortenedCells} text cells were longer than Excel's ${MAX_CELL_CHARS.toLocaleString('en')} characters and were cut. The CSV and JSON Lines files have the whole text.`);
      }
      return notes;
    },
  };
}
