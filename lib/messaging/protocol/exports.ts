// Exports of the dashboard's filter (contract §11) and imports of reviewers' files (§12).
// An export is read page by page: `exports:page` with the cursor of the previous page until it is
// null. For the text files (`write`) the background writes each page's rows where it reads them
// and sends only that text; for XLSX it sends the records and the page writes them.
// `exports:plan` reads everything once to learn the criterion columns before the first row (the
// XLSX export needs them first).
import { z } from '../../zod';
import { reviewFilterSchema } from '../../analytics/filter';

export { reviewFilterSchema, type ReviewFilter, type ReviewFilterInput } from '../../analytics/filter';

const rubricColumnsSchema = z.object({ id: z.string(), version: z.number().int(), criteria: z.array(z.string()) });

export const exportsProtocol = {
  'exports:plan': {
    request: z.object({ filter: reviewFilterSchema }),
    response: z.object({ total: z.number().int(), stored: z.number().int(), rubrics: z.array(rubricColumnsSchema) }),
  },
  'exports:page': {
    request: z.object({
      filter: reviewFilterSchema,
      after: z.string().nullable(),
      limit: z.number().int().min(1).max(5000).optional(),
      // reads a page again, exactly as far as it went before (its `next`; null: to the end)
      until: z.string().nullable().optional(),
      // write the page as text instead of sending its records
      write: z
        .object({ format: z.enum(['reviews-csv', 'answers-csv', 'jsonl']), redact: z.boolean(), criteria: z.array(z.string()).max(10_000).optional() })
        .optional(),
    }),
    response: z.object({
      // qa-review/1 records. Each is checked where it is written out (`outgoingRecord` refuses
      // anything else), so checking 100 000 of them here as well would only double the work.
      records: z.array(z.unknown()),
      /** stored revisions this page read */
      scanned: z.number().int(),
      next: z.string().nullable(),
      /** on the first page only: every stored revision, the whole read (for the progress bar) */
      stored: z.number().int().nullable(),
      /** with `write`: the page's rows, and what went into them (records is then empty) */
      text: z
        .object({ text: z.string(), written: z.number().int(), skipped: z.number().int(), rubrics: z.array(rubricColumnsSchema) })
        .optional(),
    }),
  },
  // a qa-review/1 JSON Lines file from another reviewer: new revisions are stored as read-only copies
  'imports:reviews': {
    request: z.object({ text: z.string() }),
    response: z.object({
      added: z.number().int(),
      duplicates: z.number().int(),
      invalid: z.number().int(),
      /** "Line 3: …" for the invalid lines (the first 200, then a count) */
      problems: z.array(z.string()),
    }),
  },
} as const;
