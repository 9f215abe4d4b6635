import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { persistAfterFirstReview, persistStorage, storagePersisted } from '@/lib/background/storage-persistence';

describe('persistAfterFirstReview', () => {
  it('requests once, however many reviews are stored', async () => {
    const persist = vi.fn(async () => false);
    const reviewStored = persistAfterFirstReview(persist);
    reviewStored();
    reviewStored();
    await Promise.resolve();
    reviewStored();
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('tries again on the next stored review when the request failed outright', async () => {
    let failFirst: (error: Error) => void = () => undefined;
    const persist = vi
      .fn<() => Promise<boolean>>()
      .mockImplementationOnce(() => new Promise((_, reject) => (failFirst = reject)))
      .mockResolvedValue(true);
    const reviewStored = persistAfterFirstReview(persist);
    reviewStored();
    reviewStored(); // still pending: not asked twice
    expect(persist).toHaveBeenCalledTimes(1);
    failFirst(new Error('no extension page open'));
    await Promise.resolve(); // the failure is handled before this continues
    reviewStored();
    reviewStored();
    expect(persist).toHaveBeenCalledTimes(2);
  });

  it('does nothing where the browser offers no way to ask', () => {
    expect(() => persistAfterFirstReview(undefined)()).not.toThrow();
  });
});

describe('persistStorage / storagePersisted (browser wiring)', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('asks the browser directly where persist() exists (a background page)', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    expect(await persistStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await storagePersisted()).toBe(false);
  });

  it('does not ask again when the storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
    expect(await persistStorage()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('in a service worker (no persist()), has an open extension page ask', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => false } });
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(true as never);
    expect(await persistStorage()).toBe(true);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'storage:persist' });
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(persistStorage()).rejects.toThrow(/Receiving end/);
  });

  it('says null when the browser has no storage manager', async () => {
    vi.stubGlobal('navigator', {});
    expect(await storagePersisted()).toBeNull();
  });
});
