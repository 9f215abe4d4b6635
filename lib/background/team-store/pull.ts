// Brings the team's reviews from the store (contract §13 pull) into read-only copies, so a lead
// sees the whole team without a server of ours. Records are deduplicated by (id, revision):
// the reviewer's own revisions come back from the store and are already here.
import type { QaDatabase } from '../../db/schema';
import { addNewRevisions } from '../../db/review-import';
import { reviewRecordSchema, type ReviewRecord } from '../../review/record';
import { pullUrl } from '../../team-store/endpoint';
import { z } from '../../zod';
import type { DeliveryDeps, StoreSecrets } from './deliver';
import { DELIVERY_TIMEOUT_MS } from './deliver';

const PULL_STATE_KEY = 'team-store-pull';
export const PULL_PAGE_SIZE = 500;
const MAX_PAGES_PER_RUN = 400;

const pullStateSchema = z.object({
  endpoint: z.string(),
  cursor: z.string().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type PullState = z.infer<typeof pullStateSchema>;

const cursorSchema = z.union([z.string(), z.number()]);
const pageSchema = z.object({
  records: z.array(z.unknown()),
  next: cursorSchema.nullable(),
  /**
   * Not in the contract: the reference receiver also names the cursor of the page's last record.
   * On the last page (`next: null`) it lets the next pull ask only for newer records; without it
   * the last page is read again, and its records are skipped as duplicates.
   */
  last: cursorSchema.nullable().optional(),
});

export async function readPullState(db: QaDatabase, endpoint: string | null): Promise<PullState> {
  const parsed = pullStateSchema.safeParse((await db.settings.get(PULL_STATE_KEY))?.value);
  // A cursor belongs to one store: another endpoint starts from its beginning.
  if (parsed.success && parsed.data.endpoint === endpoint) return parsed.data;
  return { endpoint: endpoint ?? '', cursor: null, lastPullAt: null, lastError: null };
}

export interface PullOutcome {
  added: number;
  duplicates: number;
  invalid: number;
  error: string | null;
}

/** Stores one page and moves the cursor in the same transaction, so a stop never skips records. */
async function storePage(db: QaDatabase, records: ReviewRecord[], state: PullState): Promise<{ added: number; duplicates: number }> {
  return db.transaction('rw', db.reviews, db.settings, db.rollups, async () => {
    const outcome = await addNewRevisions(db, records, 'pulled');
    await db.settings.put({ key: PULL_STATE_KEY, value: state });
    return outcome;
  });
}

export async function pullTeamReviews(deps: DeliveryDeps, endpoint: string, secrets: StoreSecrets): Promise<PullOutcome> {
  const outcome: PullOutcome = { added: 0, duplicates: 0, invalid: 0, error: null };
  let state = await readPullState(deps.db, endpoint);
  const finish = async (error: string | null) => {
    outcome.error = error;
    state = { ...state, endpoint, lastError: error, ...(error ? {} : { lastPullAt: new Date(deps.now()).toISOString() }) };
    await deps.db.settings.put({ key: PULL_STATE_KEY, value: state });
    return outcome;
  };

  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    let body: unknown;
    try {
      const response = await deps.fetch(pullUrl(endpoint, state.cursor, PULL_PAGE_SIZE), {
        headers: { Accept: 'application/json', ...(secrets.auth ? { Authorization: secrets.auth } : {}) },
        credentials: 'omit',
        signal: AbortSignal.timeout(deps.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      });
      if (!response.ok) return finish(`Fetching the team's reviews failed: the store answered HTTP ${response.status}.`);
      body = await response.json();
    } catch {
      return finish("Could not fetch the team's reviews (the store did not answer, or its answer was not JSON).");
    }
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) return finish('The team store answered the pull with something other than { records, next }.');
    const records: ReviewRecord[] = [];
    for (const raw of parsed.data.records) {
      const record = reviewRecordSchema.safeParse(raw);
      if (record.success && record.data.status === 'submitted') records.push(record.data);
      else outcome.invalid += 1;
    }
    const next = parsed.data.next === null ? null : String(parsed.data.next);
    const last = parsed.data.last === null || parsed.data.last === undefined ? null : String(parsed.data.last);
    const stored = await storePage(deps.db, records, { ...state, endpoint, cursor: next ?? last ?? state.cursor });
    outcome.added += stored.added;
    outcome.duplicates += stored.duplicates;
    state = { ...state, cursor: next ?? last ?? state.cursor };
    if (next === null || parsed.data.records.length === 0) break;
  }
  return finish(null);
}
