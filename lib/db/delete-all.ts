// "Delete all data": every table emptied in one transaction, so a failure leaves everything.
// It seeds nothing back; the caller puts the built-in rubrics back so the panel still works.
import { emptyRollups } from './rollups';
import type { QaDatabase } from './schema';

export async function deleteAllData(db: QaDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    // The roll-ups stay built (for no reviews) in their time zone, so the dashboard needs no rebuild.
    await emptyRollups(db);
    for (const table of db.tables) if (table.name !== db.rollups.name) await table.clear();
  });
}
