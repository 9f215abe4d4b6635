// Reads listing pages through a helpdesk tab, one request at a time, for the weekly sample: waits
// out rate limits (Retry-After, else backoff with jitter), retries server and network failures a
// few times, stops at once when cancelled, and reports progress. Browser access, time and
// randomness come in as functions, so paging, retries and Cancel are tested without a browser.
import type { LoadErrorCode } from '../../helpdesk/errors';
import { ListingParseError } from '../../helpdesk/listing';
import { backoffMs, parseRetryAfter, rateLimitWaitMs } from '../../net/retry';
import type { PageAnswer } from './page-fetch';

/** Attempts at one page when the helpdesk fails (5xx, 408, no answer). */
export const MAX_ATTEMPTS = 5;
/** How long one page may be rate-limited in total before the listing gives up. */
export const RATE_LIMIT_BUDGET_MS = 10 * 60_000;

export type ListingPhase = 'agents' | 'tickets' | 'risk' | 'saving';

export interface ListingProgress {
  phase: ListingPhase;
  /** pages read so far */
  pages: number;
  /** tickets listed so far (any status) */
  tickets: number;
  /** risk-weighted mode: tickets whose risk signals were read, of `riskTotal` */
  riskDone: number;
  riskTotal: number;
  /** epoch ms until which the listing waits for the helpdesk; null while not waiting */
  waitingUntil: number | null;
  waitReason: 'rate-limited' | 'server-error' | 'network' | null;
  /** 429 answers met so far */
  rateLimited: number;
}

export type ListingErrorCode = LoadErrorCode | 'cancelled' | 'no-tab';

export class ListingError extends Error {
  constructor(
    readonly code: ListingErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ListingError';
  }
}

export interface ListingDeps {
  /** one GET in the helpdesk tab; throws a ListingError('no-tab') when the tab is gone */
  fetchPage: (path: string) => Promise<PageAnswer>;
  /** rejects with the signal's reason when aborted */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
  random: () => number;
  signal: AbortSignal;
  onProgress?: (progress: ListingProgress) => void;
  /** "Zendesk", "Freshdesk": for sentences */
  label: string;
}

export function newProgress(phase: ListingPhase): ListingProgress {
  return { phase, pages: 0, tickets: 0, riskDone: 0, riskTotal: 0, waitingUntil: null, waitReason: null, rateLimited: 0 };
}

const looksLikeJson = (contentType: string | null, text: string) => /json/i.test(contentType ?? '') || /^\s*[[{]/.test(text);

export class ListingClient {
  readonly progress: ListingProgress;

  constructor(
    private readonly deps: ListingDeps,
    phase: ListingPhase = 'tickets',
  ) {
    this.progress = newProgress(phase);
  }

  report(change: Partial<ListingProgress> = {}): void {
    Object.assign(this.progress, change);
    this.deps.onProgress?.({ ...this.progress });
  }

  private cancelled(): ListingError {
    return new ListingError('cancelled', 'Cancelled.');
  }

  throwIfCancelled(): void {
    if (this.deps.signal.aborted) throw this.cancelled();
  }

  /** Turns a parser's complaint into a listing failure the page can show. */
  parse<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (err instanceof ListingParseError) throw new ListingError('parse', `${err.message}. The listing stopped; nothing was saved.`);
      throw err;
    }
  }

  /** The JSON body of one page, after as many waits and retries as the helpdesk needs. */
  async getJson(path: string): Promise<unknown> {
    const { deps } = this;
    let failures = 0;
    let rateLimitedFor = 0;
    for (;;) {
      this.throwIfCancelled();
      const answer = await deps.fetchPage(path);
      // A page that arrives after Cancel is dropped: the listing stops where it was asked to.
      this.throwIfCancelled();
      failures += 1;
      let wait: number;
      let reason: NonNullable<ListingProgress['waitReason']>;
      if (!answer.ok) {
        if (failures >= MAX_ATTEMPTS) throw new ListingError('network', `Could not reach ${deps.label} (${answer.error}).`);
        [wait, reason] = [backoffMs(failures, deps.random), 'network'];
      } else if (answer.status === 429) {
        wait = rateLimitWaitMs(parseRetryAfter(answer.retryAfter, deps.now()), failures, deps.random);
        rateLimitedFor += wait;
        this.progress.rateLimited += 1;
        if (rateLimitedFor > RATE_LIMIT_BUDGET_MS) {
          throw new ListingError('rate-limited', `${deps.label} kept rate-limiting the listing for over ${Math.round(RATE_LIMIT_BUDGET_MS / 60_000)} minutes. Try again later.`, 429);
        }
        reason = 'rate-limited';
      } else if (answer.status >= 500 || answer.status === 408) {
        if (failures >= MAX_ATTEMPTS) throw new ListingError('server-error', `${deps.label} had a problem answering (error ${answer.status}), ${MAX_ATTEMPTS} times in a row. Try again shortly.`, answer.status);
        [wait, reason] = [backoffMs(failures, deps.random), 'server-error'];
      } else if (answer.status === 401) {
        throw new ListingError('not-logged-in', `Signed out of ${deps.label}: sign in again in the ${deps.label} tab, then draw again.`, 401);
      } else if (answer.status === 403) {
        throw new ListingError('no-access', `Your ${deps.label} account may not list these (HTTP 403). Ask an admin, or sign in with an account that can.`, 403);
      } else if (answer.status === 404) {
        throw new ListingError('not-found', `${deps.label} does not know ${path.split('?')[0]} (HTTP 404).`, 404);
      } else if (answer.status >= 400) {
        throw new ListingError('bad-response', `${deps.label} refused the listing (HTTP ${answer.status}): ${answer.text.slice(0, 200)}`, answer.status);
      } else {
        if (!looksLikeJson(answer.contentType, answer.text)) {
          throw new ListingError('bad-response', `${deps.label} answered with a page instead of data. If you were signed out, sign in again in the ${deps.label} tab.`, answer.status);
        }
        try {
          return JSON.parse(answer.text) as unknown;
        } catch {
          throw new ListingError('bad-response', `${deps.label} sent data that is not valid JSON.`, answer.status);
        }
      }
      this.report({ waitingUntil: deps.now() + wait, waitReason: reason });
      try {
        await deps.sleep(wait, deps.signal);
      } catch {
        throw this.cancelled();
      }
      this.report({ waitingUntil: null, waitReason: null });
    }
  }
}
