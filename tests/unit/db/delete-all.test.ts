import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteAllData } from '@/lib/db/delete-all';
import { QaDatabase } from '@/lib/db/schema';
import { dumpTables, fillDatabase } from './data-fixture';

let db: QaDatabase;
beforeEach(async () => {
  db = new QaDatabase(`delete-all-${Math.random()}`);
  await fillDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('deleteAllData', () => {
  it('empties every table', async () => {
    await deleteAllData(db);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('deletes nothing when one table cannot be emptied', async () => {
    const before = await dumpTables(db);
    vi.spyOn(db.tables.find((t) => t.name === 'outbox')!, 'clear').mockRejectedValueOnce(new Error('disk broken'));
    await expect(deleteAllData(db)).rejects.toThrow('disk broken');
    expect(await dumpTables(db)).toEqual(before);
  });
});
