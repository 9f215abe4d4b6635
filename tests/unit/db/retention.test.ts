import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toStored } from '@/lib/db/reviews';
import { applyRetention, countExpired, DAY_MS, purgeExpired } from '@/lib/db/retention';
import { QaDatabase, type OutboxState, type ReviewOrigin } from '@/lib/db/schema';
import { updateSettings } from '@/lib/db/settings';
import { pulledRecord } from './data-fixture';

const NOW = Date.parse('2026-12-31T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

let db: QaDatabase;
beforeEach(() => {
  db = new QaDatabase(`retention-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

interface Revision {
  at: string;
  status?: 'draft' | 'submitted';
  /** the revision's outbox entry, if it has one */
  queue?: OutboxState;
}

/** Stores review `id` with one row per revision (revision 1 first). */
async function review(id: string, revisions: Revision[], origin: ReviewOrigin = 'local') {
  for (const [i, r] of revisions.entries()) {
    const status = r.status ?? 'submitted';
    const record = pulledRecord({ id, revision: i + 1, status, createdAt: revisions[0]!.at, updatedAt: r.at, submittedAt: status === 'submitted' ? r.at : undefined });
    if (status === 'draft') delete record.submittedAt;
    await db.reviews.put(toStored(record, origin));
    if (r.queue) await db.outbox.add({ reviewId: id, revision: i + 1, state: r.queue, createdAt: r.at, attempts: 0, nextAttemptAt: 0 });
  }
}

const ids = async () => [...new Set((await db.reviews.toArray()).map((r) => r.id))].sort();

describe('purgeExpired', () => {
  it('deletes a review older than the period by a millisecond and keeps one exactly that old', async () => {
    await review('exactly-30-days', [{ at: ago(30 * DAY_MS), queue: 'synced' }]);
    await review('30-days-and-1-ms', [{ at: ago(30 * DAY_MS + 1), queue: 'synced' }]);
    await review('29-days', [{ at: ago(29 * DAY_MS) }]);
    expect(await countExpired(db, NOW, 30)).toEqual({ expired: 1, keptUnsynced: 0 });
    expect(await purgeExpired(db, NOW, 30)).toEqual({ purged: 1, keptUnsynced: 0 });
    expect(await ids()).toEqual(['29-days', 'exactly-30-days']);
    expect((await db.outbox.toArray()).map((e) => e.reviewId)).toEqual(['exactly-30-days']);
  });

  it('judges a review by its newest revision and deletes all its revisions and outbox entries together', async () => {
    // an old review revised recently: its newest revision is a fresh draft
    await review('revised-lately', [{ at: ago(200 * DAY_MS), queue: 'synced' }, { at: ago(5 * DAY_MS), status: 'draft' }]);
    // both revisions old and delivered
    await review('old', [{ at: ago(200 * DAY_MS), queue: 'synced' }, { at: ago(100 * DAY_MS), queue: 'synced' }]);
    expect(await purgeExpired(db, NOW, 90)).toEqual({ purged: 1, keptUnsynced: 0 });
    expect((await db.reviews.toArray()).map((r) => [r.id, r.revision])).toEqual([
      ['revised-lately', 1],
      ['revised-lately', 2],
    ]);
    expect((await db.outbox.toArray()).map((e) => [e.reviewId, e.revision])).toEqual([['revised-lately', 1]]);
  });

  it('keeps expired reviews with a revision not yet delivered, unless told to delete them too', async () => {
    await updateSettings(db, (s) => ({ teamStore: { ...s.teamStore, endpoint: 'https://qa.acme.test/reviews' } }));
    await review('pending', [{ at: ago(400 * DAY_MS), queue: 'synced' }, { at: ago(380 * DAY_MS), queue: 'pending' }]);
    await review('failed', [{ at: ago(400 * DAY_MS), queue: 'failed' }]);
    await review('delivered', [{ at: ago(400 * DAY_MS), queue: 'synced' }]);
    expect(await countExpired(db, NOW, 365)).toEqual({ expired: 1, keptUnsynced: 2 });
    expect(await purgeExpired(db, NOW, 365)).toEqual({ purged: 1, keptUnsynced: 2 });
    expect(await ids()).toEqual(['failed', 'pending']);
    expect(await db.outbox.count()).toBe(3);

    expect(await purgeExpired(db, NOW, 365, { includeUnsynced: true })).toEqual({ purged: 2, keptUnsynced: 0 });
    expect(await db.reviews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('without a team store, nothing waits to leave: expired reviews go whatever their queue entry says', async () => {
    await review('queued-for-a-store-not-set-up', [{ at: ago(400 * DAY_MS), queue: 'pending' }]);
    await review('recent', [{ at: ago(1 * DAY_MS), queue: 'pending' }]);
    expect(await countExpired(db, NOW, 365)).toEqual({ expired: 1, keptUnsynced: 0 });
    expect(await purgeExpired(db, NOW, 365)).toEqual({ purged: 1, keptUnsynced: 0 });
    expect(await ids()).toEqual(['recent']);
  });

  it('deletes old drafts and old copies pulled from the team store or imported, by the same rule', async () => {
    await review('old-draft', [{ at: ago(31 * DAY_MS), status: 'draft' }]);
    await review('new-draft', [{ at: ago(1 * DAY_MS), status: 'draft' }]);
    await review('old-pulled', [{ at: ago(31 * DAY_MS) }], 'pulled');
    await review('new-pulled', [{ at: ago(29 * DAY_MS) }], 'pulled');
    await review('old-imported', [{ at: ago(31 * DAY_MS) }], 'imported');
    expect(await purgeExpired(db, NOW, 30)).toEqual({ purged: 3, keptUnsynced: 0 });
    expect(await ids()).toEqual(['new-draft', 'new-pulled']);
  });

  it('keeps a review whose date cannot be read', async () => {
    await review('undated', [{ at: 'not a date', status: 'draft' }]);
    expect(await purgeExpired(db, NOW, 30)).toEqual({ purged: 0, keptUnsynced: 0 });
    expect(await ids()).toEqual(['undated']);
  });

  it('changes nothing when a delete fails', async () => {
    await review('old', [{ at: ago(100 * DAY_MS), queue: 'synced' }]);
    vi.spyOn(db.outbox, 'bulkDelete').mockRejectedValueOnce(new Error('disk broken'));
    await expect(purgeExpired(db, NOW, 30)).rejects.toThrow('disk broken');
    expect(await ids()).toEqual(['old']);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('applyRetention', () => {
  it('does nothing while reviews are kept until deleted, and applies the period from the settings', async () => {
    await review('old', [{ at: ago(100 * DAY_MS), queue: 'synced' }]);
    await review('old-unsent', [{ at: ago(100 * DAY_MS), queue: 'pending' }]);
    expect(await applyRetention(db, NOW)).toEqual({ days: null, purged: 0, keptUnsynced: 0 });
    expect(await db.reviews.count()).toBe(2);

    await updateSettings(db, (s) => ({ retentionDays: 180, teamStore: { ...s.teamStore, endpoint: 'https://qa.acme.test/reviews' } }));
    expect(await applyRetention(db, NOW)).toEqual({ days: 180, purged: 0, keptUnsynced: 0 });
    await updateSettings(db, { retentionDays: 90 });
    expect(await applyRetention(db, NOW)).toEqual({ days: 90, purged: 1, keptUnsynced: 1 });
    expect(await ids()).toEqual(['old-unsent']);
  });
});
