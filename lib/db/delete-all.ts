// "Delete all data": every table emptied in one transaction, so a failure leaves everything.
// It seeds nothing back; the caller puts the built-in rubrics back so the panel still works.
import type { QaDatabase } from './schema';

/**
 * The dashboard's roll-ups go too, their time zone with them: "not built", they are built again
 * (for no reviews, at once) when the dashboard is next opened.
 */
export async function deleteAllData(db: QaDatabase): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
