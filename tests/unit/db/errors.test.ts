import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { storageFailure, withStorageErrors } from '@/lib/db/errors';

describe('storage failures', () => {
  it('names a full disk, also when Dexie wraps it in an AbortError', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(storageFailure(quota)?.code).toBe('storage-full');
    const wrapped = new Dexie.AbortError('Transaction aborted', quota);
    expect(storageFailure(wrapped)?.code).toBe('storage-full');
  });

  it('names a broken database, and leaves other errors alone', async () => {
    expect(storageFailure(new Dexie.DatabaseClosedError())?.code).toBe('storage-failed');
    expect(storageFailure(new Error('scoring'))).toBeNull();
    const plain = new Error('plain');
    await expect(withStorageErrors(async () => { throw plain; })).rejects.toBe(plain);
    await expect(withStorageErrors(async () => { throw new Dexie.OpenFailedError('no'); })).rejects.toMatchObject({ code: 'storage-failed' });
  });
});
