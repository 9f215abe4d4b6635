// Stores reviewers' files (contract §12 import): read-only copies (`origin: imported`) that keep
// their ids and revisions. A revision whose (id, revision) is here already — or earlier in the
// same file — is a duplicate and changes nothing; the rest go in through `writeReviews`, all in
// one transaction, so an import that fails stores none of its reviews.
import type { ReviewRecord } from '../review/record';
import { writeReviews } from './backup';
import { toStored } from './reviews';
import type { QaDatabase } from './schema';

export interface ImportOutcome {
  added: number;
  duplicates: number;
}

/**
 * Adds the revisions that are not stored yet (nor earlier in `records`) as read-only copies with
 * `origin`, through `writeReviews`. Call it inside a transaction over at least the reviews and the
 * roll-ups: a pull page also moves its cursor in the same one.
 */
export async function addNewRevisions(db: QaDatabase, records: readonly ReviewRecord[], origin: 'pulled' | 'imported'): Promise<ImportOutcome> {
  const stored = await db.reviews.bulkGet(records.map((r): [string, number] => [r.id, r.revision]));
  const fresh = new Map<string, ReviewRecord>();
  records.forEach((record, i) => {
    const key = JSON.stringify([record.id, record.revision]);
    if (!stored[i] && !fresh.has(key)) fresh.set(key, record);
  });
  await writeReviews(db, [...fresh.values()].map((r) => toStored(r, origin)));
  return { added: fresh.size, duplicates: records.length - fresh.size };
}

export function importReviewCopies(db: QaDatabase, records: readonly ReviewRecord[]): Promise<ImportOutcome> {
  // Every table: `writeReviews` keeps what is derived from reviews in step, in this transaction.
  return db.transaction('rw', db.tables, () => addNewRevisions(db, records, 'imported'));
}
