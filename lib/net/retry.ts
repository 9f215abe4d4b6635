// When to try a request again: exponential backoff with jitter and the server's Retry-After.
// Pure (time and randomness are passed in), shared by the helpdesk reads in content scripts and
// the team-store delivery in the background.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;
/** A Retry-After beyond this is treated as a misconfiguration, not a reason to wait for hours. */
export const RETRY_AFTER_LIMIT_MS = 15 * 60_000;

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Retry-After is seconds or an HTTP date. Zendesk also sends none, or "1" while the limit
 * persists, so callers never rely on it alone: the wait is at least the exponential backoff.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter: attempt 1 → 0.5–1 s, 2 → 1–2 s, … capped. */
export function backoffMs(attempt: number, random: () => number, capMs = BACKOFF_CAP_MS): number {
  const ceiling = Math.min(capMs, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function rateLimitWaitMs(retryAfter: number | null, attempt: number, random: () => number, capMs = BACKOFF_CAP_MS): number {
  const backoff = backoffMs(attempt, random, capMs);
  if (retryAfter === null) return Math.max(backoff, 250);
  // The server's own Retry-After is always honoured (up to a sanity limit); once it has proved
  // too short, the growing backoff takes over.
  const asked = Math.min(retryAfter, RETRY_AFTER_LIMIT_MS);
  return Math.max(attempt === 1 ? asked : Math.max(asked, backoff), 250);
}
