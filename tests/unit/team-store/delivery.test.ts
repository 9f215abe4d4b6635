import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import { submitReview, type Clock } from '@/lib/db/reviews';
import { updateSettings } from '@/lib/db/settings';
import { outboxSummary, requeueFailed } from '@/lib/db/outbox';
import { deliverOutbox, type DeliveryDeps, type StoreSecrets } from '@/lib/background/team-store/deliver';
import { createSyncRunner } from '@/lib/background/team-store/sync-runner';
import { DEFAULT_TEAM_STORE, type TeamStoreSettings } from '@/lib/settings/settings';
import { parseRubric } from '@/lib/rubric/schema';
import type { ReviewDraftInput } from '@/lib/review/record';

const rubric = parseRubric({
  format: 'qa-rubric/1',
  id: 'mini',
  name: 'Mini',
  version: 1,
  criteria: [{ id: 'tone', title: 'Tone', scale: { type: 'levels', levels: [{ value: 1, label: 'Poor' }, { value: 2, label: 'OK' }, { value: 3, label: 'Good' }] } }],
});

const ENDPOINT = 'https://qa.acme.test/reviews';
const settings: TeamStoreSettings = { ...DEFAULT_TEAM_STORE, endpoint: ENDPOINT, batchSize: 2 };
const secrets: StoreSecrets = { auth: 'Bearer s3cret', pseudonymSecret: null };

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  records: { id: string; revision: number; subject?: string; answers: { comment?: string }[] }[];
}

type Reply = Response | Error | (() => Promise<Response>);

/** A store that answers from a script and records every request. */
function fakeStore(replies: Reply[] = []) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body ? (JSON.parse(String(init.body)) as { records: Call['records'] }) : { records: [] };
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers: { ...(init?.headers as Record<string, string>) }, records: body.records });
    const reply = replies.shift() ?? new Response('{"accepted":1}', { status: 200 });
    if (reply instanceof Error) throw reply;
    return typeof reply === 'function' ? reply() : reply;
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

let db: QaDatabase;
let tick = 0;
let nowMs = Date.UTC(2026, 11, 1, 9);
const clock: Clock = { now: () => new Date(Date.UTC(2026, 10, 25, 12, 0, tick++)).toISOString(), newId: () => `review-${tick}` };
let ids = 0;
const deps = (fetch: typeof globalThis.fetch): DeliveryDeps => ({ db, fetch, now: () => nowMs, random: () => 0.5, newId: () => `batch-${++ids}` });

function input(ticketId: string, comment = ''): ReviewDraftInput {
  return {
    kind: 'review',
    ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: ticketId, url: `https://acme.zendesk.com/agent/tickets/${ticketId}`, channel: 'email', subject: 'Refund to jo@example.com' },
    reviewee: { id: '7', name: 'Alex Agent' },
    reviewer: { id: 'zendesk:9', name: 'Priya' },
    rubric: { id: 'mini', version: 1 },
    answers: { tone: { value: 3, comment } },
  };
}

async function submitted(n: number) {
  for (let i = 1; i <= n; i++) await submitReview(db, rubric, input(String(i), 'Call me on +44 20 7946 0958'), clock);
}

beforeEach(async () => {
  db = new QaDatabase(`delivery-${Math.random()}`);
  tick = 0;
  ids = 0;
  nowMs = Date.UTC(2026, 11, 1, 9);
  await updateSettings(db, { teamStore: settings });
});

describe('delivery to the team store', () => {
  it('sends batches with the auth header and an Idempotency-Key, redacted, and marks them synced', async () => {
    await submitted(3);
    const store = fakeStore();
    const outcome = await deliverOutbox(deps(store.fetch), settings, secrets);
    expect(outcome).toEqual({ sent: 3, refused: 0, retryAt: null });
    expect(store.calls.map((c) => [c.method, c.url, c.records.length])).toEqual([
      ['POST', ENDPOINT, 2],
      ['POST', ENDPOINT, 1],
    ]);
    expect(store.calls[0]!.headers).toMatchObject({ Authorization: 'Bearer s3cret', 'Content-Type': 'application/json', 'Idempotency-Key': 'batch-1' });
    expect(store.calls[1]!.headers['Idempotency-Key']).toBe('batch-2');
    const sent = store.calls[0]!.records[0]!;
    expect(sent).toMatchObject({ format: 'qa-review/1', revision: 1, status: 'submitted' });
    expect(sent).not.toHaveProperty('origin');
    expect(sent).not.toHaveProperty('writer');
    expect(sent.subject).toBe('Refund to [email]');
    expect(sent.answers[0]!.comment).toBe('Call me on [phone]');
    expect(await outboxSummary(db)).toMatchObject({ pending: 0, synced: 3, failed: 0, lastError: null });
    // nothing left: a second run sends nothing
    expect((await deliverOutbox(deps(store.fetch), settings, secrets)).sent).toBe(0);
    expect(store.calls).toHaveLength(2);
  });

  it('sends without redaction only when the store is set so', async () => {
    await submitted(1);
    const store = fakeStore();
    await deliverOutbox(deps(store.fetch), { ...settings, redact: false }, secrets);
    expect(store.calls[0]!.records[0]!.subject).toBe('Refund to jo@example.com');
  });

  it('retries 5xx, 408, 429 and network failures with the same batch and key, honouring Retry-After', async () => {
    await submitted(2);
    const store = fakeStore([
      new Response('{"error":"db down"}', { status: 503 }),
      new TypeError('Failed to fetch'),
      new Response('', { status: 429, headers: { 'Retry-After': '7' } }),
      new Response('', { status: 408 }),
    ]);
    const d = deps(store.fetch);
    const first = await deliverOutbox(d, settings, secrets);
    expect(first.sent).toBe(0);
    expect(first.retryAt).toBeGreaterThan(nowMs);
    expect((await outboxSummary(db)).lastError).toContain('HTTP 503: db down');

    // Not due yet: nothing is sent before the planned time.
    expect(await deliverOutbox(d, settings, secrets)).toMatchObject({ sent: 0, retryAt: first.retryAt });
    expect(store.calls).toHaveLength(1);

    nowMs = first.retryAt!;
    const second = await deliverOutbox(d, settings, secrets);
    expect(second.retryAt).not.toBeNull();
    nowMs = second.retryAt!;
    const third = await deliverOutbox(d, settings, secrets);
    expect(third.retryAt).toBe(nowMs + 7_000);
    nowMs = third.retryAt!;
    await deliverOutbox(d, settings, secrets);
    nowMs += 10 * 60_000;
    expect((await deliverOutbox(d, settings, secrets)).sent).toBe(2);

    expect(new Set(store.calls.map((c) => c.headers['Idempotency-Key']))).toEqual(new Set(['batch-1']));
    expect(store.calls.every((c) => c.records.map((r) => r.id).join() === store.calls[0]!.records.map((r) => r.id).join())).toBe(true);
    expect(await outboxSummary(db)).toMatchObject({ pending: 0, synced: 2 });
  });

  it('grows the wait between attempts at one batch', async () => {
    await submitted(1);
    const store = fakeStore([new Response('', { status: 500 }), new Response('', { status: 500 }), new Response('', { status: 500 })]);
    const d = deps(store.fetch);
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = nowMs;
      const { retryAt } = await deliverOutbox(d, settings, secrets);
      waits.push(retryAt! - start);
      nowMs = retryAt!;
    }
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
  });

  it('marks a batch refused by another 4xx as failed with the store’s message; Retry sends it under a new key', async () => {
    await submitted(1);
    const store = fakeStore([new Response(JSON.stringify({ error: 'record 0: unknown rubric' }), { status: 422 })]);
    const outcome = await deliverOutbox(deps(store.fetch), settings, secrets);
    expect(outcome).toMatchObject({ sent: 0, refused: 1, retryAt: null });
    const summary = await outboxSummary(db);
    expect(summary).toMatchObject({ pending: 0, failed: 1 });
    expect(summary.lastError).toBe('The team store refused the reviews (HTTP 422): record 0: unknown rubric');

    expect(await requeueFailed(db)).toBe(1);
    await deliverOutbox(deps(store.fetch), settings, secrets);
    expect(store.calls.map((c) => c.headers['Idempotency-Key'])).toEqual(['batch-1', 'batch-2']);
    expect(await outboxSummary(db)).toMatchObject({ failed: 0, synced: 1, lastError: null });
  });

  it('sends a batch cut off mid-flight again as it was, even after the batch size changed', async () => {
    await submitted(3);
    // The worker stopped while the first batch was on its way: the request never finished.
    const stopped = fakeStore([() => new Promise<Response>(() => undefined)]);
    void deliverOutbox(deps(stopped.fetch), settings, secrets);
    await expect.poll(() => stopped.calls.length).toBe(1);

    const store = fakeStore();
    await deliverOutbox(deps(store.fetch), { ...settings, batchSize: 50 }, secrets);
    expect(store.calls[0]!.headers['Idempotency-Key']).toBe(stopped.calls[0]!.headers['Idempotency-Key']);
    expect(store.calls[0]!.records.map((r) => r.id)).toEqual(stopped.calls[0]!.records.map((r) => r.id));
    expect(store.calls[1]!.records).toHaveLength(1);
    expect(await outboxSummary(db)).toMatchObject({ pending: 0, synced: 3 });
  });

  it('never holds the database while it waits for the store', async () => {
    await submitted(1);
    let answer!: (r: Response) => void;
    const store = fakeStore([() => new Promise<Response>((resolve) => (answer = resolve))]);
    const running = deliverOutbox(deps(store.fetch), settings, secrets);
    await expect.poll(() => store.calls.length).toBe(1);
    // A submit while the request is out completes at once.
    await submitReview(db, rubric, input('99'), clock);
    expect(await db.outbox.count()).toBe(2);
    answer(new Response('{}', { status: 200 }));
    await running;
    // The revision queued meanwhile went out in the same run, as a batch of its own.
    expect(store.calls.map((c) => c.records.length)).toEqual([1, 1]);
    expect(await outboxSummary(db)).toMatchObject({ synced: 2, pending: 0 });
  });

  it('drops queue entries of reviews deleted since, and sends the rest under a new key', async () => {
    await submitted(2);
    const [first] = await db.outbox.toArray();
    await db.reviews.delete([first!.reviewId, first!.revision]);
    const store = fakeStore();
    await deliverOutbox(deps(store.fetch), settings, secrets);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]!.records).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends nothing without an endpoint; the revisions wait in the queue', async () => {
    await submitted(2);
    const store = fakeStore();
    expect(await deliverOutbox(deps(store.fetch), { ...settings, endpoint: null }, secrets)).toEqual({ sent: 0, refused: 0, retryAt: null });
    expect(store.calls).toHaveLength(0);
    expect((await outboxSummary(db)).pending).toBe(2);
  });
});

describe('sync runner', () => {
  it('runs one sync at a time: requests during a run get one more run, nothing is sent twice', async () => {
    await submitted(2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = fakeStore([
      async () => {
        await gate;
        return new Response('{}', { status: 200 });
      },
    ]);
    const retries: number[] = [];
    let changes = 0;
    const runner = createSyncRunner({
      ...deps(store.fetch),
      secrets: async () => secrets,
      scheduleRetry: (at) => retries.push(at),
      changed: () => changes++,
    });
    const a = runner.run();
    await expect.poll(() => store.calls.length).toBe(1);
    const b = runner.run();
    const c = runner.run();
    expect((await runner.status()).running).toBe(true);
    release();
    await Promise.all([a, b, c]);
    expect(store.calls).toHaveLength(1);
    expect(await runner.status()).toMatchObject({ running: false, pending: 0, synced: 2, configured: true });
    expect(changes).toBeGreaterThan(0);
    expect(retries).toEqual([]);
  });

  it('plans the next attempt after a failure', async () => {
    await submitted(1);
    const store = fakeStore([new Response('', { status: 429, headers: { 'Retry-After': '3' } })]);
    const retries: number[] = [];
    const runner = createSyncRunner({ ...deps(store.fetch), secrets: async () => secrets, scheduleRetry: (at) => retries.push(at), changed: () => undefined });
    await runner.run();
    expect(retries).toEqual([nowMs + 3_000]);
    expect(await runner.status()).toMatchObject({ pending: 1, nextAttemptAt: nowMs + 3_000 });
  });
});
