// Retention: reviews older than the period chosen in Options are deleted. A review goes as a
// whole (every revision, and its outbox entries), judged by its newest revision, so no review is
// ever left with a hole in its history. Revisions not yet delivered to the team store are kept
// unless the person says otherwise: deleting them would lose them for the team too.
import type { OutboxEntry, QaDatabase, StoredReview } from './schema';
import { trackRollups } from './rollups';
import { readSettings } from './settings';

export const DAY_MS = 86_400_000;

export interface RetentionResult {
  /** reviews deleted (each with all its revisions) */
  purged: number;
  /** reviews older than the period that were kept because a revision is not yet in the team store */
  keptUnsynced: number;
}

export interface RetentionOptions {
  /** also delete expired reviews that still wait for (or failed) delivery to the team store */
  includeUnsynced?: boolean;
}

/**
 * When a review last mattered: its newest revision's submit time, else (a draft) its last change.
 * NaN for a date that cannot be read, and NaN is never older than anything: such a review stays.
 */
const reviewTime = (newest: StoredReview) => Date.parse(newest.submittedAt ?? newest.updatedAt);

interface Expired {
  /** review ids older than the period with nothing waiting for the team store */
  delivered: Set<string>;
  /** review ids older than the period with a revision not yet delivered */
  unsynced: Set<string>;
  outbox: OutboxEntry[];
}

/**
 * Reviews strictly older than `days` days at `nowMs`; a review exactly `days` old stays.
 * "Not yet delivered" protects a review only while a team store is set up: without one the queue
 * only holds revisions ready for a store the team may add, and nothing is waiting to leave.
 */
async function findExpired(db: QaDatabase, nowMs: number, days: number): Promise<Expired> {
  const storeSetUp = !!(await readSettings(db)).teamStore.endpoint;
  const cutoff = nowMs - days * DAY_MS;
  const newest = new Map<string, StoredReview>();
  await db.reviews.each((row) => {
    const seen = newest.get(row.id);
    if (!seen || seen.revision < row.revision) newest.set(row.id, row);
  });
  const outbox = await db.outbox.toArray();
  const waiting = new Set(storeSetUp ? outbox.filter((e) => e.state !== 'synced').map((e) => e.reviewId) : []);
  const delivered = new Set<string>();
  const unsynced = new Set<string>();
  for (const [id, row] of newest) {
    if (!(reviewTime(row) < cutoff)) continue;
    (waiting.has(id) ? unsynced : delivered).add(id);
  }
  return { delivered, unsynced, outbox };
}

/** What `purgeExpired` would do now, without doing it. */
export async function countExpired(db: QaDatabase, nowMs: number, days: number): Promise<{ expired: number; keptUnsynced: number }> {
  const { delivered, unsynced } = await db.transaction('r', db.reviews, db.outbox, db.settings, () => findExpired(db, nowMs, days));
  return { expired: delivered.size, keptUnsynced: unsynced.size };
}

/** Deletes the reviews older than `days` days and their outbox entries, in one transaction. */
export async function purgeExpired(db: QaDatabase, nowMs: number, days: number, options: RetentionOptions = {}): Promise<RetentionResult> {
  return db.transaction('rw', db.reviews, db.outbox, db.settings, db.rollups, async () => {
    const { delivered, unsynced, outbox } = await findExpired(db, nowMs, days);
    const doomed = options.includeUnsynced ? new Set([...delivered, ...unsynced]) : delivered;
    if (doomed.size > 0) {
      await trackRollups(db, doomed, () => db.reviews.where('id').anyOf([...doomed]).delete());
      await db.outbox.bulkDelete(outbox.filter((e) => doomed.has(e.reviewId)).map((e) => e.seq!));
    }
    return { purged: doomed.size, keptUnsynced: options.includeUnsynced ? 0 : unsynced.size };
  });
}

/**
 * The daily clean-up: applies the retention period in the settings; does nothing when reviews
 * are kept until deleted. Unsynced reviews are kept (Options offers to delete them).
 */
export async function applyRetention(db: QaDatabase, nowMs: number): Promise<RetentionResult & { days: number | null }> {
  const { retentionDays: days } = await readSettings(db);
  if (days === null) return { days, purged: 0, keptUnsynced: 0 };
  return { days, ...(await purgeExpired(db, nowMs, days)) };
}
