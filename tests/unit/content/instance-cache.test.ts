import { describe, expect, it } from 'vitest';
import { forgetInstanceCaches, InstanceCache, INSTANCE_CACHE_FAILURE_TTL_MS, INSTANCE_CACHE_TTL_MS } from '@/lib/content/instance-cache';

describe('InstanceCache', () => {
  it('answers from one load per key until the lifetime is over', async () => {
    const cache = new InstanceCache<string>();
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get('a', 0, load)).toBe('v1');
    expect(await cache.get('a', INSTANCE_CACHE_TTL_MS - 1, load)).toBe('v1');
    expect(await cache.get('b', 0, load)).toBe('v2');
    expect(await cache.get('a', INSTANCE_CACHE_TTL_MS, load)).toBe('v3');
  });

  it('shares a load that is still running', async () => {
    const cache = new InstanceCache<string>();
    let release: (v: string) => void = () => undefined;
    let loads = 0;
    const load = () => {
      loads++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const first = cache.get('a', 0, load);
    const second = cache.get('a', 0, load);
    expect(cache.peek('a', 0)).toBeUndefined();
    release('x');
    expect(await Promise.all([first, second])).toEqual(['x', 'x']);
    expect(loads).toBe(1);
    expect(cache.peek('a', 0)).toBe('x');
  });

  it('keeps a failure (null) for the shorter lifetime and forgets a load that threw', async () => {
    const cache = new InstanceCache<string>();
    let loads = 0;
    expect(await cache.get('a', 0, async () => (loads++, null))).toBeNull();
    expect(await cache.get('a', INSTANCE_CACHE_FAILURE_TTL_MS - 1, async () => (loads++, 'late'))).toBeNull();
    expect(await cache.get('a', INSTANCE_CACHE_FAILURE_TTL_MS, async () => (loads++, 'ok'))).toBe('ok');
    expect(loads).toBe(2);

    await expect(cache.get('b', 0, async () => Promise.reject(new Error('aborted')))).rejects.toThrow('aborted');
    expect(await cache.get('b', 0, async () => 'again')).toBe('again');
  });

  it('forgets everything on forgetInstanceCaches (a fresh page)', async () => {
    const cache = new InstanceCache<string>();
    await cache.get('a', 0, async () => 'old');
    forgetInstanceCaches();
    expect(cache.peek('a', 0)).toBeUndefined();
    expect(await cache.get('a', 0, async () => 'new')).toBe('new');
  });
});
