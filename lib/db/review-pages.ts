// Reviews read page by page for exports (contract §11), so 100 000 reviews never sit in memory at
// once. Pages follow the primary key, (id, revision): a review's revisions are neighbours, so
// "the latest submitted revision of each review" is decided inside one page — a page that would
// end inside a review reads that review's remaining revisions too. The cursor is the last review
// id a page finished.
import { countedRevisions, type CompiledFilter } from '../analytics/filter';
import type { ReviewRecord } from '../review/record';
import { toRecord } from './reviews';
import type { QaDatabase, StoredReview } from './schema';

/** Stored revisions read per page (a few more when the last review's revisions run over). */
export const REVIEW_PAGE_ROWS = 1000;

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

export async function readReviewPage(db: QaDatabase, filter: CompiledFilter, after: string | null, limit = REVIEW_PAGE_ROWS): Promise<ReviewPage> {
  return db.transaction('r', db.reviews, async () => {
    const keys = after === null ? db.reviews.toCollection() : db.reviews.where(':id').above(afterReview(after));
    let rows = await keys.limit(limit).toArray();
    const last = rows.at(-1);
    if (!last) return { records: [], scanned: 0, next: null };
    const full = rows.length === limit;
    if (full) {
      const rest = await db.reviews.where(':id').between([last.id, last.revision], afterReview(last.id), false, false).toArray();
      rows = rows.concat(rest);
    }
    const records: ReviewRecord[] = [];
    let from = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i]!.id === rows[from]!.id) continue;
      for (const row of countedRevisions(rows.slice(from, i), filter)) records.push(toRecord(row as StoredReview));
      from = i;
    }
    return { records, scanned: rows.length, next: full ? last.id : null };
  });
}

/** Every page of `filter` in turn (each its own read transaction). */
export async function* reviewPages(db: QaDatabase, filter: CompiledFilter, limit = REVIEW_PAGE_ROWS): AsyncGenerator<ReviewPage> {
  let after: string | null = null;
  do {
    const page = await readReviewPage(db, filter, after, limit);
    yield page;
    after = page.next;
  } while (after !== null);
}

/** The criterion ids of one rubric version, in the rubric's order. */
export interface RubricColumns {
  id: string;
  version: number;
  criteria: string[];
}

export interface ExportPlan {
  /** reviews (or revisions, with `allRevisions`) the export will hold */
  total: number;
  /** stored revisions, drafts included: what the export will read */
  stored: number;
  /**
   * The rubric versions those reviews were scored with. A version missing from the library (a
   * file from a team with its own rubric) is described by the criteria its reviews answered.
   */
  rubrics: RubricColumns[];
}

/** What an export of `filter` will hold, for its header and its progress bar. */
export async function planExport(db: QaDatabase, filter: CompiledFilter): Promise<ExportPlan> {
  let total = 0;
  let stored = 0;
  const answered = new Map<string, { id: string; version: number; criteria: Set<string> }>();
  for await (const page of reviewPages(db, filter)) {
    stored += page.scanned;
    total += page.records.length;
    for (const record of page.records) {
      const key = `${record.rubric.id}@${record.rubric.version}`;
      let entry = answered.get(key);
      if (!entry) answered.set(key, (entry = { ...record.rubric, criteria: new Set() }));
      for (const answer of record.answers) entry.criteria.add(answer.criterionId);
    }
  }
  const used = [...answered.values()];
  const library = await db.rubrics.bulkGet(used.map((r): [string, number] => [r.id, r.version]));
  const rubrics = used.map((r, i) => ({ id: r.id, version: r.version, criteria: library[i]?.rubric.criteria.map((c) => c.id) ?? [...r.criteria] }));
  return { total, stored, rubrics };
}
