// Reads that describe the helpdesk account rather than one ticket (custom status labels, the
// agents list) are the same for every ticket of an instance: the content script keeps them per
// origin for a while instead of asking again on each ticket. Runs in content scripts; the clock
// is passed in so tests can move it.

/** How long an account-level answer is reused. Labels and agents change rarely; a page reload refreshes them. */
export const INSTANCE_CACHE_TTL_MS = 10 * 60_000;
/** A failed read is retried sooner, so one bad moment does not hide labels for ten minutes. */
export const INSTANCE_CACHE_FAILURE_TTL_MS = 60_000;

interface Entry<T> {
  at: number;
  value: Promise<T | null>;
  settled: T | null | undefined;
}

const allCaches = new Set<InstanceCache<unknown>>();

export class InstanceCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs = INSTANCE_CACHE_TTL_MS,
    private readonly failureTtlMs = INSTANCE_CACHE_FAILURE_TTL_MS,
  ) {
    allCaches.add(this as InstanceCache<unknown>);
  }

  /**
   * The cached answer for `key`, or `load()`'s. `null` means "could not be read" and is kept for
   * the shorter failure lifetime. Concurrent callers share one request; a load that throws (an
   * aborted page change) is forgotten at once.
   */
  get(key: string, now: number, load: () => Promise<T | null>): Promise<T | null> {
    const entry = this.entries.get(key);
    if (entry) {
      const ttl = entry.settled === null ? this.failureTtlMs : this.ttlMs;
      if (entry.settled === undefined || now - entry.at < ttl) return entry.value;
    }
    const fresh: Entry<T> = { at: now, value: Promise.resolve(null), settled: undefined };
    fresh.value = load().then(
      (value) => {
        fresh.settled = value;
        return value;
      },
      (err: unknown) => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, fresh);
    return fresh.value;
  }

  /** The settled, still fresh answer for `key` without loading anything; undefined when there is none. */
  peek(key: string, now: number): T | null | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.settled === undefined) return undefined;
    const ttl = entry.settled === null ? this.failureTtlMs : this.ttlMs;
    return now - entry.at < ttl ? entry.settled : undefined;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Empties every instance cache, as a page reload would (tests start each case from a fresh page). */
export function forgetInstanceCaches(): void {
  for (const cache of allCaches) cache.clear();
}
