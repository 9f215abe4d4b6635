// The dashboard's review table: the reviews its figures count, newest first, page by page.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { writeReviews } from '@/lib/db/backup';
import { listCountedReviews, type ReviewListCursor } from '@/lib/db/review-list';
import { toStored } from '@/lib/db/reviews';
import { QaDatabase } from '@/lib/db/schema';
import { pulledRecord } from './data-fixture';

describe('the review table', () => {
  it('lists each review once at its latest submitted revision, newest first, in the local days of the range, page by page', async () => {
    const db = new QaDatabase(`review-list-${Math.random()}`);
    const rows = [
      ...Array.from({ length: 7 }, (_, i) => pulledRecord({ id: `r${i}`, submittedAt: `2026-11-2${i}T12:00:00.000Z` })),
      pulledRecord({ id: 'r3', revision: 2, submittedAt: '2026-11-29T12:00:00.000Z' }), // replaces r3 revision 1
      pulledRecord({ id: 'r5', revision: 2, status: 'draft', submittedAt: undefined }), // a draft: r5 stays at revision 1
      // 23:30 on 30 November in New York is 1 December in UTC
      pulledRecord({ id: 'late', submittedAt: '2026-12-01T04:30:00.000Z', reviewee: { id: 'zendesk:9', name: 'Cy' } }),
    ].map((r) => toStored(r, 'pulled'));
    await db.transaction('rw', db.reviews, db.rollups, () => writeReviews(db, rows));

    const query = { timeZone: 'America/New_York', from: '2026-11-21', to: '2026-11-30', filter: {} };
    const seen: string[] = [];
    let before: ReviewListCursor | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await listCountedReviews(db, query, before, 3);
      seen.push(...result.rows.map((r) => `${r.id}/${r.revision}`));
      if (!result.next) break;
      before = result.next;
    }
    expect(seen).toEqual(['late/1', 'r3/2', 'r6/1', 'r5/1', 'r4/1', 'r2/1', 'r1/1']);
    expect((await listCountedReviews(db, { ...query, filter: { agentId: 'zendesk:9' } }, null, 10)).rows.map((r) => r.id)).toEqual(['late']);
    expect((await listCountedReviews(db, { ...query, timeZone: 'UTC' }, null, 10)).rows.map((r) => r.id)).not.toContain('late');
    db.close();
  });
});
