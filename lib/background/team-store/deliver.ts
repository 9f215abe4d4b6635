// Sends the outbox to the team store (contract §5 and §13): batches of qa-review/1 records, each
// with an Idempotency-Key that stays the same for every attempt at that batch. The store
// identifies records by (id, revision), so a batch delivered twice — the answer was lost, the
// worker stopped before marking it — changes nothing there.
import type { QaDatabase } from '../../db/schema';
import { claimBatch, markDelivered, markFailed, markRetry } from '../../db/outbox';
import { toRecord } from '../../db/reviews';
import { outgoingRecord } from '../../export/outgoing';
import { parseRetryAfter, rateLimitWaitMs } from '../../net/retry';
import type { TeamStoreSettings } from '../../settings/settings';

export interface StoreSecrets {
  /** the configured auth header value, sent as `Authorization` */
  auth: string | null;
  /** the team's key for pseudonymous agent ids */
  pseudonymSecret: string | null;
}

export interface DeliveryDeps {
  db: QaDatabase;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  newId: () => string;
  /** one request that has not answered by then counts as a dropped connection */
  timeoutMs?: number;
}

export interface DeliveryOutcome {
  sent: number;
  /** revisions the store refused in this run */
  refused: number;
  /** epoch ms of the next attempt when a batch must wait (backoff, Retry-After), else null */
  retryAt: number | null;
}

/** The longest wait between attempts at one batch; the periodic sync also tries again. */
export const DELIVERY_BACKOFF_CAP_MS = 5 * 60_000;
export const DELIVERY_TIMEOUT_MS = 30_000;
const MAX_BATCHES_PER_RUN = 1_000;

type Answer = { kind: 'delivered' } | { kind: 'retry'; waitMs: number; error: string } | { kind: 'refused'; error: string };

/** What the store's reply means for the batch (contract §13). */
export async function readAnswer(response: Response, attempt: number, deps: Pick<DeliveryDeps, 'now' | 'random'>): Promise<Answer> {
  if (response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'delivered' };
  }
  const message = await serverMessage(response);
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), deps.now());
    return {
      kind: 'retry',
      waitMs: rateLimitWaitMs(retryAfter, attempt, deps.random, DELIVERY_BACKOFF_CAP_MS),
      error: `The team store answered HTTP ${response.status}${message ? `: ${message}` : ''}. Trying again.`,
    };
  }
  return { kind: 'refused', error: `The team store refused the reviews (HTTP ${response.status})${message ? `: ${message}` : '.'}` };
}

/** The store's own words, from a JSON `error`/`message` or a short text body; never the whole body. */
async function serverMessage(response: Response): Promise<string> {
  let text = '';
  try {
    text = (await response.text()).slice(0, 4_000);
  } catch {
    return '';
  }
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const said = typeof body.error === 'string' ? body.error : typeof body.message === 'string' ? body.message : '';
    if (said) return said.slice(0, 300);
  } catch {
    // not JSON: a short plain-text answer is still the server's message
  }
  const plain = text.trim();
  return plain && plain.length <= 300 && !plain.startsWith('<') ? plain : response.statusText;
}

export async function deliverOutbox(deps: DeliveryDeps, settings: TeamStoreSettings, secrets: StoreSecrets): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { sent: 0, refused: 0, retryAt: null };
  if (!settings.endpoint) return outcome;
  const policy = { redact: settings.redact, pseudonymSecret: settings.pseudonymizeAgents ? secrets.pseudonymSecret : null };

  for (let batches = 0; batches < MAX_BATCHES_PER_RUN; batches++) {
    const claim = await claimBatch(deps.db, deps.now(), settings.batchSize, deps.newId);
    if (claim.kind === 'idle') break;
    if (claim.kind === 'wait') {
      outcome.retryAt = claim.until;
      break;
    }
    const attempt = Math.max(...claim.entries.map((e) => e.attempts)) + 1;
    const body = JSON.stringify({ records: claim.reviews.map((r) => outgoingRecord(toRecord(r), policy)) });
    let answer: Answer;
    try {
      const response = await deps.fetch(settings.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': claim.batchId,
          ...(secrets.auth ? { Authorization: secrets.auth } : {}),
        },
        body,
        credentials: 'omit',
        signal: AbortSignal.timeout(deps.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      });
      answer = await readAnswer(response, attempt, deps);
    } catch (err) {
      answer = {
        kind: 'retry',
        waitMs: rateLimitWaitMs(null, attempt, deps.random, DELIVERY_BACKOFF_CAP_MS),
        error: networkMessage(err),
      };
    }
    if (answer.kind === 'delivered') {
      await markDelivered(deps.db, claim.batchId, new Date(deps.now()).toISOString());
      outcome.sent += claim.entries.length;
    } else if (answer.kind === 'retry') {
      outcome.retryAt = deps.now() + answer.waitMs;
      await markRetry(deps.db, claim.batchId, outcome.retryAt, answer.error);
      break;
    } else {
      await markFailed(deps.db, claim.batchId, answer.error);
      outcome.refused += claim.entries.length;
      // Later batches would most likely meet the same refusal (a wrong token, a full store):
      // they wait for the next sync instead of being refused one after another now.
      break;
    }
  }
  return outcome;
}

function networkMessage(err: unknown): string {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'The team store did not answer in time. Trying again.';
  return 'Could not reach the team store (offline, the server is down, or it does not allow this extension: see CORS in the README). Trying again.';
}
