// Exports (read page by page for the dashboard page, which writes the files) and imports of
// reviewers' JSON Lines files.
import { compileFilter } from '../../analytics/filter';
import { withStorageErrors } from '../../db/errors';
import { importReviewCopies } from '../../db/review-import';
import { planExport, readReviewPage } from '../../db/review-pages';
import { AppError } from '../../messaging/errors';
import { describeInvalidLines, importSizeProblem, parseReviewLines } from '../../review/import';
import type { BackgroundDeps, HandlerSlice } from './deps';
import { writeTextPage } from '../../export/text-files';

type ExportMessage = 'exports:plan' | 'exports:page' | 'imports:reviews';

export function exportHandlers(deps: BackgroundDeps): HandlerSlice<ExportMessage> {
  const { db } = deps;
  return {
    'exports:plan': ({ filter }) => planExport(db, compileFilter(filter)),
    'exports:page': async ({ filter, after, limit, until, write }) => {
      const first = after === null && until === undefined;
      const page = await readReviewPage(db, compileFilter(filter), after, { limit, until });
      const stored = first ? await db.reviews.count() : null;
      if (!write) return { ...page, stored };
      return { records: [], scanned: page.scanned, next: page.next, stored, text: writeTextPage(page.records, write) };
    },
    'imports:reviews': async ({ text }) => {
      // Characters, not bytes: never more than the file's bytes, and the page checks the bytes first.
      const tooLarge = importSizeProblem(text.length);
      if (tooLarge) throw new AppError('import-too-large', tooLarge);
      const { records, invalid } = parseReviewLines(text);
      const { added, duplicates } = await withStorageErrors(() => importReviewCopies(db, records.map((r) => r.record)));
      // The dashboard's figures and the review queue read what was just added.
      if (added > 0) deps.reviewsChanged?.();
      return { added, duplicates, invalid: invalid.length, problems: describeInvalidLines(invalid) };
    },
  };
}
