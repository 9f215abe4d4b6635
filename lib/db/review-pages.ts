// Reviews read page by page for exports (contract §11), so 100 000 reviews never sit in memory at
// once. Pages follow the primary key, (id, revision): a review's revisions are neighbours, so
// "the latest submitted revision of each review" is decided inside one page — a page that would
// end inside a review reads that review's remaining revisions too. The cursor is the last review
// id a page finished; `until` reads one page again, exactly the reviews after `after` up to it.
import { countedRevisions, type CompiledFilter } from '../analytics/filter';
import { RubricUsage, rubricRefKey, type RubricColumns } from '../export/columns';
import type { ReviewRecord } from '../review/record';
import { toRecord } from './reviews';
import type { Collection } from 'dexie';
import type { QaDatabase, StoredReview } from './schema';

/**
 * Stored revisions read per page (a few more when the last review's revisions run over). A page
 * crosses to the dashboard in one extension message, and Chromium's messages get slower per byte
 * as they grow: measured with 1.3 kB reviews, pages of 100 went through two to four times faster
 * than pages of 200, and far faster than pages of 1 000.
 */
export const REVIEW_PAGE_ROWS = 100;

export interface ReviewPage {
  /** the revisions in the filter, as `qa-review/1` records (no stored-only fields) */
  records: ReviewRecord[];
  /** stored revisions read, drafts and revisions outside the filter included */
  scanned: number;
  /** the cursor of the next page; null after the last */
  next: string | null;
}

/** Just after every revision of review `id` in key order: an array sorts after any number. */
const afterReview = (id: string) => [id, []] as unknown as [string, number];

export interface PageBounds {
  /** stored revisions to read (more when the last review's revisions run over) */
  limit?: number;
  /** instead of `limit`: read every review up to this cursor (null: to the end), as a page ended before */
  until?: string | null;
}

/**
 * The rows of a collection through a cursor: measured at 100 000 reviews in Chromium, reading them
 * with getAll pages (Dexie's toArray) took about twice as long as a cursor over the same rows.
 */
async function readRows(rows: Collection<StoredReview>): Promise<StoredReview[]> {
  const out: StoredReview[] = [];
  await rows.each((row) => void out.push(row));
  return out;
}

export async function readReviewPage(db: QaDatabase, filter: CompiledFilter, after: string | null, bounds: PageBounds = {}): Promise<ReviewPage> {
  return db.transaction('r', db.reviews, async () => {
    let rows: StoredReview[];
    let next: string | null;
    if (bounds.until !== undefined) {
      const lower = after === null ? null : afterReview(after);
      const upper = bounds.until === null ? null : afterReview(bounds.until);
      const primary = db.reviews.where(':id');
      const keys =
        lower === null
          ? upper === null
            ? db.reviews.toCollection()
            : primary.below(upper)
          : upper === null
            ? primary.above(lower)
            : primary.between(lower, upper, false, false);
      rows = await readRows(keys);
      next = bounds.until;
    } else {
      const limit = bounds.limit ?? REVIEW_PAGE_ROWS;
      const keys = after === null ? db.reviews.toCollection() : db.reviews.where(':id').above(afterReview(after));
      rows = await readRows(keys.limit(limit));
      const last = rows.at(-1);
      next = rows.length === limit ? last!.id : null;
      if (last && next !== null) {
        rows = rows.concat(await db.reviews.where(':id').between([last.id, last.revision], afterReview(last.id), false, false).toArray());
      }
    }
    const records: ReviewRecord[] = [];
    let from = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.id === rows[from]!.id) continue;
      for (const row of countedRevisions(rows.slice(from, i), filter)) records.push(toRecord(row));
      from = i;
    }
    return { records, scanned: rows.length, next };
  });
}

/** Every page of `filter` in turn (each its own read transaction). */
export async function* reviewPages(db: QaDatabase, filter: CompiledFilter, limit = REVIEW_PAGE_ROWS): AsyncGenerator<ReviewPage> {
  let after: string | null = null;
  do {
    const page = await readReviewPage(db, filter, after, { limit });
    yield page;
    after = page.next;
  } while (after !== null);
}

export interface ExportPlan {
  /** reviews (or revisions, with `allRevisions`) the export will hold */
  total: number;
  /** stored revisions, drafts included: what the export will read */
  stored: number;
  /** the rubric versions those reviews were scored with (see `RubricUsage`) */
  rubrics: RubricColumns[];
}

/** What an export of `filter` will hold, for its criterion columns: a whole read of the reviews. */
export async function planExport(db: QaDatabase, filter: CompiledFilter): Promise<ExportPlan> {
  let total = 0;
  let stored = 0;
  const usage = new RubricUsage();
  for await (const page of reviewPages(db, filter)) {
    stored += page.scanned;
    total += page.records.length;
    usage.add(page.records);
  }
  const used = usage.rubrics(() => null);
  const library = new Map((await db.rubrics.bulkGet(used.map((r): [string, number] => [r.id, r.version]))).flatMap((row) => (row ? [[rubricRefKey(row), row.rubric.criteria.map((c) => c.id)] as const] : [])));
  return { total, stored, rubrics: usage.rubrics((ref) => library.get(rubricRefKey(ref))) };
}
