// Same-origin JSON reads with the agent's session, shared by every helpdesk adapter.
// Runs in content scripts: no zod, and time, sleep and randomness are injectable for tests.
import { HelpdeskHttpError, type LoadError } from '../helpdesk/errors';
import { abortableSleep, parseRetryAfter, rateLimitWaitMs, backoffMs } from '../net/retry';

export { abortableSleep, backoffMs, parseRetryAfter, rateLimitWaitMs, BACKOFF_BASE_MS, BACKOFF_CAP_MS, RETRY_AFTER_LIMIT_MS } from '../net/retry';

export type WaitReason = 'rate-limited' | 'server-error' | 'network';

export interface WaitNotice {
  reason: WaitReason;
  /** epoch ms when the next attempt starts, for the panel's countdown */
  retryAt: number;
  attempt: number;
}

export interface HttpOptions {
  fetch: typeof fetch;
  signal?: AbortSignal;
  onWait?: (notice: WaitNotice) => void;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  /** attempts per request for 429 and 5xx/network failures */
  maxAttempts?: number;
  /**
   * Epoch ms (on the `now` clock) by which the whole ticket load must be over. A retry that would
   * start later is not waited for: under a rate limit that never lifts, the load ends with
   * `rate-limited` instead of counting down request after request.
   */
  deadline?: number;
  /** per-request timeout, headers and body together; default REQUEST_TIMEOUT_MS */
  requestTimeoutMs?: number;
}

const DEFAULT_MAX_ATTEMPTS = 6;
/** One request that has not answered by then is treated like a dropped connection. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** How long one ticket load may spend waiting out rate limits and failures before it gives up. */
export const LOAD_DEADLINE_MS = 10 * 60_000;

function looksLikeJson(contentType: string | null, text: string): boolean {
  if (contentType && /json/i.test(contentType)) return true;
  return /^\s*[[{]/.test(text);
}

export async function getJson(url: string, options: HttpOptions): Promise<unknown> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const path = url.replace(/^https?:\/\/[^/]+/, '');

  /** Waits before the next attempt, or throws `failure` when no attempt or no time is left. */
  const retryLater = async (attempt: number, reason: WaitReason, wait: number, failure: LoadError, retryAfterMs?: number) => {
    const retryAt = now() + wait;
    if (attempt >= maxAttempts) throw new HelpdeskHttpError(failure, retryAfterMs);
    if (options.deadline !== undefined && retryAt > options.deadline) {
      throw new HelpdeskHttpError({ ...failure, detail: `${failure.detail ?? path}: gave up after ${attempt} attempts, at the time limit of one ticket load` }, retryAfterMs);
    }
    options.onWait?.({ reason, retryAt, attempt });
    await sleep(wait, options.signal);
  };

  for (let attempt = 1; ; attempt++) {
    let response: Response;
    let text = '';
    try {
      const timeout = AbortSignal.timeout(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
      response = await options.fetch(url, {
        credentials: 'include',
        headers: { Accept: 'application/json' },
        // An API call redirected elsewhere is a sign-in page (SSO), never data: do not follow it.
        redirect: 'manual',
        signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      });
      // The body is read under the same timeout and retries as the headers: a connection that
      // stalls or drops halfway through a large page is a network failure like any other.
      if (response.ok) text = await response.text();
    } catch (err) {
      if (options.signal?.aborted) throw err;
      await retryLater(attempt, 'network', backoffMs(attempt, random), { code: 'network', detail: path });
      continue;
    }

    if (response.status === 429) {
      const wait = rateLimitWaitMs(parseRetryAfter(response.headers.get('Retry-After'), now()), attempt, random);
      await retryLater(attempt, 'rate-limited', wait, { code: 'rate-limited', status: 429, detail: path }, wait);
      continue;
    }
    if (response.status >= 500) {
      await retryLater(attempt, 'server-error', backoffMs(attempt, random), { code: 'server-error', status: response.status, detail: path });
      continue;
    }
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new HelpdeskHttpError({ code: 'not-logged-in', status: response.status || undefined, detail: `${path} redirected (sign-in)` });
    }
    // 401: the helpdesk does not know who is asking (signed out). 403: it knows, and this agent
    // may not read it (both vendors document 403 as "authenticated, not permitted").
    if (response.status === 401) throw new HelpdeskHttpError({ code: 'not-logged-in', status: 401, detail: path });
    if (response.status === 403) throw new HelpdeskHttpError({ code: 'no-access', status: 403, detail: path });
    if (response.status === 404) throw new HelpdeskHttpError({ code: 'not-found', status: 404, detail: path });
    if (!response.ok) throw new HelpdeskHttpError({ code: 'bad-response', status: response.status, detail: path });

    if (!looksLikeJson(response.headers.get('Content-Type'), text)) {
      throw new HelpdeskHttpError({ code: 'bad-response', status: response.status, detail: `${path} answered with a web page, not JSON` });
    }
    try {
      return JSON.parse(text);
    } catch {
      throw new HelpdeskHttpError({ code: 'bad-response', status: response.status, detail: `${path} sent malformed JSON` });
    }
  }
}

/** Follows a next-page link only on the helpdesk's own origin, so a payload cannot send the session elsewhere. */
export function sameOriginUrl(next: unknown, origin: string): string | null {
  if (typeof next !== 'string' || !next) return null;
  try {
    const url = new URL(next, origin);
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/** Attempts for reads the review can do without: a failing extra must not hold the ticket back. */
const OPTIONAL_ATTEMPTS = 2;

/**
 * A read whose failure (after a short retry) yields null instead of failing the ticket: whatever
 * goes wrong with an extra (metrics, names, who am I), only switching tickets stops the load.
 */
export async function getOptionalJson(url: string, options: HttpOptions): Promise<unknown> {
  try {
    return await getJson(url, { ...options, maxAttempts: OPTIONAL_ATTEMPTS });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    return null;
  }
}

/** An id from a raw API body (JSON number or string) as a string, or null. */
export function rawId(value: unknown): string | null {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? String(value) : null;
}
