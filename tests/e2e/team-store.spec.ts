// The team store end to end: the built extension sends submitted reviews to the reference
// receiver (examples/team-store) on a real PostgreSQL, through a proxy that injects faults.
// Afterwards the database holds exactly one row per (id, revision) and none is missing.
import type { Page } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import { rowsById, startPostgres, startTeamStore, type TeamStore, type TestPostgres } from '../support/team-store';
import { expect, test, type Session } from './support/fixtures';
import { completeReview } from './support/flow';

let postgres: TestPostgres;
test.beforeAll(async () => {
  postgres = await startPostgres();
});
test.afterAll(async () => {
  await postgres?.stop();
});

let store: TeamStore;
test.beforeEach(async () => {
  store = await startTeamStore({ postgres });
});
test.afterEach(async () => {
  await store?.stop();
});

const tickets = DEMO.zendesk.tickets.slice(0, 5);
const ticketUrl = (id: string) => `https://${DEMO.zendesk.host}/agent/tickets/${id}`;

/** Rates every criterion of the ticket's review and submits it; returns the panel. */
async function submitReviewOf(session: Session, ticketId: string): Promise<Page> {
  const { panel, page } = await session.openTicket(ticketUrl(ticketId));
  await completeReview(panel);
  await expect(panel.getByTestId('save-status')).toContainText('Saved');
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await page.close();
  return panel;
}

async function openOptions(session: Session): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByTestId('store-status')).toBeVisible();
  return options;
}

async function configureStore(options: Page, batchSize: number): Promise<void> {
  await options.getByTestId('store-endpoint').fill(store.endpoint);
  await options.getByTestId('store-auth').fill(store.token);
  await options.getByLabel('Batch size').fill(String(batchSize));
  await options.getByTestId('store-save').click();
  await expect(options.getByRole('alert')).toContainText('Saved');
  // The value is never shown again, not even to the person who typed it.
  await expect(options.getByTestId('store-auth')).toHaveValue('');
  await expect(options.getByTestId('store-auth')).toHaveAttribute('placeholder', /Saved \(hidden\)/);
}

/** Local submitted revisions, as (id, revision) pairs, read from the extension's database. */
async function localRevisions(options: Page): Promise<string[]> {
  return options.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('qa-scorecards');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('reviews').objectStore('reviews').getAll();
          all.onsuccess = () => {
            resolve((all.result as { id: string; revision: number; status: string }[]).filter((r) => r.status === 'submitted').map((r) => `${r.id}#${r.revision}`).sort());
            open.result.close();
          };
        };
      }),
  );
}

async function storedRows(): Promise<string[]> {
  const rows = await rowsById(store.databaseUrl);
  // one entry per row: a duplicate would appear twice
  return rows.flatMap((r) => Array.from({ length: r.rows }, () => `${r.id}#${r.revision}`)).sort();
}

test('submitted reviews reach PostgreSQL exactly once through 500s, dropped connections, a lost answer, a killed receiver, a slow answer and a 429', async ({ session }) => {
  test.setTimeout(120_000);
  // Queued while no store is set up: they wait, and go in the first sync.
  for (const t of tickets) await submitReviewOf(session, t.id);
  const options = await openOptions(session);
  await expect(options.getByTestId('store-status')).toHaveAttribute('data-pending', String(tickets.length));

  // Batches of 2 → [r1 r2] [r3 r4] [r5]. Each fault hits the next POST in order.
  store.proxy.plan([
    { kind: 'status', status: 500, method: 'POST' },
    { kind: 'status', status: 500, method: 'POST' },
    { kind: 'drop', method: 'POST' },
    { kind: 'drop-after-forward', method: 'POST' }, // stored, but the extension never hears it
    { kind: 'slow', ms: 0, method: 'POST' }, // [r1 r2] again, same key: duplicates, nothing added
    { kind: 'kill-receiver-mid-batch', method: 'POST' }, // [r3 r4]: half inserted, never committed
    { kind: 'slow', ms: 1_500, method: 'POST' },
    { kind: 'status', status: 429, retryAfter: 1, method: 'POST' },
  ]);
  await configureStore(options, 2);
  await store.proxy.waitForPlan({ timeoutMs: 90_000 });

  const status = options.getByTestId('store-status');
  await expect(status).toHaveAttribute('data-synced', String(tickets.length), { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-pending', '0');
  await expect(status).toHaveAttribute('data-failed', '0');

  const posts = store.proxy.requests.filter((r) => r.method === 'POST');
  const killed = posts.find((r) => r.fault === 'kill-receiver-mid-batch');
  expect(killed?.killed, killed?.error).toBeTruthy();
  // Every retry of a batch carried that batch's key.
  const keys = new Map<string, string>();
  for (const p of posts) {
    const batch = p.records.map((r) => `${r.id}#${r.revision}`).join(',');
    if (keys.has(batch)) expect(p.idempotencyKey).toBe(keys.get(batch));
    else keys.set(batch, p.idempotencyKey ?? '');
  }
  expect(new Set(keys.values()).size).toBe(keys.size);

  const local = await localRevisions(options);
  expect(local).toHaveLength(tickets.length);
  expect(await storedRows()).toEqual(local);

  // The panel shows the review's state too.
  const { panel } = await session.openTicket(ticketUrl(tickets[0]!.id));
  await expect(panel.getByTestId('sync-status')).toHaveAttribute('data-state', 'synced');
});

test('a browser closed mid-sync sends the same batch again when it starts: nothing lost, nothing doubled', async ({ launch }) => {
  test.setTimeout(120_000);
  const first = await launch();
  for (const t of tickets.slice(0, 3)) await submitReviewOf(first, t.id);
  const options = await openOptions(first);

  // The receiver stores the batch, but its answer is held until the browser is gone.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  store.proxy.plan([{ kind: 'slow', until: held, method: 'POST' }]);
  await configureStore(options, 50);
  const [inFlight] = await store.proxy.waitForRequests(1, { method: 'POST', settled: false });
  await first.close();
  release();

  const second = await launch();
  const [, again] = await store.proxy.waitForRequests(2, { method: 'POST' });
  expect(again!.idempotencyKey).toBe(inFlight!.idempotencyKey);
  expect(again!.records).toEqual(inFlight!.records);

  const reopened = await openOptions(second);
  await expect(reopened.getByTestId('store-status')).toHaveAttribute('data-synced', '3');
  await expect(reopened.getByTestId('store-status')).toHaveAttribute('data-pending', '0');
  expect(await storedRows()).toEqual(await localRevisions(reopened));
});

test('a refused batch is shown with the store’s message and goes through on Retry; a lead pulls the team’s reviews', async ({ session }) => {
  await submitReviewOf(session, tickets[0]!.id);
  const options = await openOptions(session);
  store.proxy.plan([{ kind: 'status', status: 422, body: { error: 'rubric "support-quality" is not allowed here' }, method: 'POST' }]);
  await configureStore(options, 10);
  await expect(options.getByTestId('store-status')).toHaveAttribute('data-failed', '1');
  await expect(options.getByTestId('store-error')).toContainText('HTTP 422): rubric "support-quality" is not allowed here');
  await options.getByTestId('store-retry').click();
  await expect(options.getByTestId('store-status')).toHaveAttribute('data-synced', '1');
  await expect(options.getByTestId('store-status')).toHaveAttribute('data-failed', '0');

  // Another reviewer's review is in the store: turning on the pull brings a read-only copy.
  const pulled = await fetch(`${store.receiver.endpoint}?limit=10`, { headers: { Authorization: store.token } });
  const [mine] = ((await pulled.json()) as { records: Record<string, unknown>[] }).records;
  const colleague = { ...mine, id: '6a1f0c8e-3b1d-4c55-9a70-2f1e7d9c0b11', revision: 1, reviewer: { id: 'zendesk:777', name: 'Sam Lead' } };
  const posted = await fetch(store.receiver.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: store.token },
    body: JSON.stringify({ records: [colleague] }),
  });
  expect(posted.status).toBe(200);
  await options.getByLabel(/Also fetch the team's reviews/).check();
  await options.getByTestId('store-save').click();
  await options.getByTestId('store-sync-now').click();
  await expect(options.getByTestId('store-pull-status')).toContainText('1 team review revision(s) fetched');
});
