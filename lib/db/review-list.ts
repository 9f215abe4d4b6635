// The dashboard's table of reviews: the reviews its figures count (each id's latest submitted
// revision, in the date range and filter), newest first, a page at a time. Read through the
// `submittedAt` index from the newest end, so a page costs about its own rows, never a scan.
import { addDays, localDays } from '../analytics/days';
import { dimsOf, matcher, myReviewers, type DashboardFilter } from '../analytics/rollup';
import { countedRevisions, readRollupRange } from './rollups';
import type { QaDatabase, StoredReview } from './schema';

export interface ReviewListQuery {
  timeZone: string;
  from: string;
  to: string;
  filter: DashboardFilter;
}

export interface ReviewListCursor {
  submittedAt: string;
  id: string;
  revision: number;
}

/** Rows read from the index per round; most pages need one. */
const CHUNK = 100;

const cursorOf = (r: StoredReview): ReviewListCursor => ({ submittedAt: r.submittedAt!, id: r.id, revision: r.revision });

/** Index order, newest first: submittedAt, then the primary key [id, revision], both descending. */
function isAfterInList(r: StoredReview, cursor: ReviewListCursor): boolean {
  if (r.submittedAt! !== cursor.submittedAt) return r.submittedAt! < cursor.submittedAt;
  if (r.id !== cursor.id) return r.id < cursor.id;
  return r.revision < cursor.revision;
}

export async function listCountedReviews(db: QaDatabase, query: ReviewListQuery, before: ReviewListCursor | null, limit: number): Promise<{ rows: StoredReview[]; next: ReviewListCursor | null }> {
  const { from, to, filter, timeZone } = query;
  const mine = filter.mine ? await myReviewersIn(db, query) : new Set<string>();
  const matches = matcher(filter, mine);
  const dayOf = localDays(timeZone);
  const inRange = (r: StoredReview) => {
    const day = dayOf(r.submittedAt!);
    return day !== null && day >= from && day <= to;
  };
  // A UTC time is at most 14 hours from the local one: two days either side hold every candidate,
  // and the local day decides.
  const lower = addDays(from, -2);
  const upper = addDays(to, 3);

  const rows: StoredReview[] = [];
  let cursor = before;
  while (rows.length <= limit) {
    const after = cursor;
    const chunk = await db.reviews
      .where('submittedAt')
      .between(lower, after ? after.submittedAt : upper, true, !!after)
      .reverse()
      .filter((r) => (!after || isAfterInList(r, after)) && inRange(r) && matches(dimsOf(r)))
      .limit(CHUNK)
      .toArray();
    if (chunk.length === 0) break;
    const counted = await countedRevisions(db, [...new Set(chunk.map((r) => r.id))]);
    for (const r of chunk) if (counted.get(r.id)?.revision === r.revision) rows.push(r);
    if (chunk.length < CHUNK) break;
    cursor = cursorOf(chunk.at(-1)!);
  }
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? cursorOf(page.at(-1)!) : null };
}

/** "My reviews" means the same reviewers here as in the figures: those of the range's roll-ups. */
async function myReviewersIn(db: QaDatabase, query: ReviewListQuery): Promise<Set<string>> {
  const range = await readRollupRange(db, query.from, query.to, query.timeZone);
  return myReviewers(range.days, range.dictionary);
}
