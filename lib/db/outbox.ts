// The outbox of revisions for the team store. Each step is its own short transaction: the network
// is never awaited while one is open, so a slow store can never hold the database.
import type { OutboxEntry, OutboxState, QaDatabase, StoredReview } from './schema';

export type Claim =
  | { kind: 'batch'; batchId: string; entries: OutboxEntry[]; reviews: StoredReview[] }
  | { kind: 'wait'; until: number }
  | { kind: 'idle' };

const bySeq = (a: OutboxEntry, b: OutboxEntry) => (a.seq ?? 0) - (b.seq ?? 0);

/**
 * The next batch to send. A batch that was cut off or is waiting out a backoff is sent again as it
 * was — same entries, same id, so the store can recognise it by its Idempotency-Key — before any
 * new batch is formed from the queue.
 */
export async function claimBatch(db: QaDatabase, nowMs: number, size: number, newId: () => string): Promise<Claim> {
  return db.transaction('rw', db.outbox, db.reviews, async () => {
    const pending = (await db.outbox.where('state').equals('pending').toArray()).sort(bySeq);
    if (!pending.length) return { kind: 'idle' } as const;

    const open = pending.filter((e) => e.batchId);
    let entries: OutboxEntry[];
    let batchId: string;
    if (open.length) {
      batchId = open[0]!.batchId!;
      entries = open.filter((e) => e.batchId === batchId);
    } else {
      batchId = newId();
      entries = pending.slice(0, size);
    }
    const due = Math.max(...entries.map((e) => e.nextAttemptAt));
    if (due > nowMs) return { kind: 'wait', until: due } as const;

    const reviews = await db.reviews.bulkGet(entries.map((e) => [e.reviewId, e.revision] as [string, number]));
    const gone = entries.filter((_, i) => !reviews[i]);
    if (gone.length) {
      // Deleted since it was queued (retention, Delete all): nothing left to send. The rest goes
      // out as a new batch, because the same key must never carry a different body.
      await db.outbox.bulkDelete(gone.map((e) => e.seq!));
      entries = entries.filter((_, i) => reviews[i]);
      batchId = newId();
    }
    if (!entries.length) return { kind: 'wait', until: nowMs } as const;
    await db.outbox.bulkUpdate(entries.map((e) => ({ key: e.seq!, changes: { batchId } })));
    return { kind: 'batch', batchId, entries: entries.map((e) => ({ ...e, batchId })), reviews: reviews.filter((r): r is StoredReview => !!r) };
  });
}

async function updateBatch(db: QaDatabase, batchId: string, change: (e: OutboxEntry) => Partial<OutboxEntry>): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entries = await db.outbox.where('batchId').equals(batchId).filter((e) => e.state === 'pending').toArray();
    await db.outbox.bulkUpdate(entries.map((e) => ({ key: e.seq!, changes: change(e) })));
  });
}

const SYNC_MARK_KEY = 'team-store-last-sync';

export async function markDelivered(db: QaDatabase, batchId: string, at: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.settings, async () => {
    await updateBatch(db, batchId, () => ({ state: 'synced', syncedAt: at, lastError: undefined }));
    await db.settings.put({ key: SYNC_MARK_KEY, value: at });
  });
}

/** Keeps the batch together for a later attempt with the same key. */
export const markRetry = (db: QaDatabase, batchId: string, nextAttemptAt: number, error: string) =>
  updateBatch(db, batchId, (e) => ({ attempts: e.attempts + 1, nextAttemptAt, lastError: error }));

/** The store refused the batch for good; it waits for the user's Retry. */
export const markFailed = (db: QaDatabase, batchId: string, error: string) =>
  updateBatch(db, batchId, (e) => ({ state: 'failed', attempts: e.attempts + 1, lastError: error }));

/** Puts refused revisions back in the queue as new batches (a new key: the old one was refused). */
export async function requeueFailed(db: QaDatabase): Promise<number> {
  return db.transaction('rw', db.outbox, async () => {
    const failed = await db.outbox.where('state').equals('failed').toArray();
    await db.outbox.bulkUpdate(
      failed.map((e) => ({ key: e.seq!, changes: { state: 'pending' as OutboxState, batchId: undefined, attempts: 0, nextAttemptAt: 0, lastError: undefined } })),
    );
    return failed.length;
  });
}

export interface OutboxSummary {
  pending: number;
  synced: number;
  failed: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  lastSyncedAt: string | null;
}

export async function outboxSummary(db: QaDatabase): Promise<OutboxSummary> {
  return db.transaction('r', db.outbox, db.settings, async () => {
    const count = (state: OutboxState) => db.outbox.where('state').equals(state).count();
    const [pending, synced, failed] = [await count('pending'), await count('synced'), await count('failed')];
    const troubled = await db.outbox
      .where('state')
      .anyOf('pending', 'failed')
      .filter((e) => !!e.lastError)
      .toArray();
    troubled.sort(bySeq);
    const waiting = troubled.filter((e) => e.state === 'pending' && e.attempts > 0).map((e) => e.nextAttemptAt);
    const refused = troubled.filter((e) => e.state === 'failed');
    const mark = (await db.settings.get(SYNC_MARK_KEY))?.value;
    return {
      pending,
      synced,
      failed,
      // A refusal needs the user; a network failure only explains the wait.
      lastError: (refused.at(-1) ?? troubled.at(-1))?.lastError ?? null,
      nextAttemptAt: waiting.length ? Math.min(...waiting) : null,
      lastSyncedAt: typeof mark === 'string' ? mark : null,
    };
  });
}

export async function syncStateOf(db: QaDatabase, reviewId: string, revision: number): Promise<OutboxEntry | undefined> {
  return db.outbox.where('[reviewId+revision]').equals([reviewId, revision]).first();
}
