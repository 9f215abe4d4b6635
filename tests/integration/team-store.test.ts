// The reference team-store receiver (examples/team-store/server.mjs) against a real PostgreSQL,
// through the fault proxy, driven by a small HTTP client written here (not the extension's).
// Nothing waits for a timer: the proxy and the database say when something happened.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockInsert,
  countRows,
  DEFAULT_TOKEN,
  resetStore,
  rowsById,
  startReceiver,
  startReceiverProcess,
  startTeamStore,
  type FaultProxy,
  type ReceiverProcess,
  type TeamStore,
  type TestPostgres,
} from '../support/team-store';

const MAX_BODY = 64 * 1024;
const CHROME = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const FIREFOX = 'moz-extension://1b2c3d4e-0000-4000-8000-00000000abcd';

let store: TeamStore;
let cluster: TestPostgres;
let databaseUrl: string;
let receiver: ReceiverProcess;
let proxy: FaultProxy;

beforeAll(async () => {
  store = await startTeamStore({ maxBodyBytes: MAX_BODY });
  ({ postgres: cluster, databaseUrl, receiver, proxy } = store);
}, 120_000);

afterAll(async () => {
  await store?.stop();
}, 60_000);

beforeEach(async () => {
  await resetStore(databaseUrl);
  proxy.reset();
});

// ---- a minimal client: one connection per request, so no reused socket can blur a fault ----

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Buffer[] } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode!, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    // An array is written piece by piece: no Content-Length, chunked encoding.
    if (Array.isArray(options.body)) {
      for (const piece of options.body) req.write(piece);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: DEFAULT_TOKEN, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function pull(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  return request(`${url}?${query}`, { headers: { authorization: DEFAULT_TOKEN, ...headers } });
}

/**
 * Contract §13's sender: 2xx delivered; 408/429/5xx/network retried with backoff, honouring
 * Retry-After; other 4xx failed. The waits are recorded instead of slept: what happens next is
 * up to the proxy's queued faults, not the clock.
 */
async function pushWithRetry(url: string, records: unknown[], key: string, waits: number[]): Promise<{ accepted: number; duplicates: number }> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    let answer: Answer | null = null;
    try {
      answer = await post(url, { records }, { 'idempotency-key': key });
    } catch {
      // the connection was cut: retry
    }
    if (answer && answer.status >= 200 && answer.status < 300) return answer.body;
    if (answer && !(answer.status === 408 || answer.status === 429 || answer.status >= 500)) throw new Error(`refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    const retryAfter = Number(answer?.headers['retry-after']);
    waits.push(retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** (attempt - 1));
  }
  throw new Error(`gave up on batch ${key}`);
}

async function pullAll(url: string, limit: number): Promise<{ pages: Answer[]; records: any[] }> {
  const pages: Answer[] = [];
  let after = '';
  for (;;) {
    const page = await pull(url, `after=${after}&limit=${limit}`);
    expect(page.status).toBe(200);
    pages.push(page);
    if (page.body.next === null) break;
    after = page.body.next;
  }
  return { pages, records: pages.flatMap((p) => p.body.records) };
}

function review(id: string, revision = 1, extra: Record<string, unknown> = {}) {
  return {
    format: 'qa-review/1',
    id,
    revision,
    kind: 'review',
    status: 'submitted',
    helpdesk: 'zendesk',
    instance: 'acme.zendesk.com',
    ticketId: `48${id.length}`,
    ticketUrl: 'https://acme.zendesk.com/agent/tickets/4821',
    channel: 'email',
    subject: 'Refund for order 1182',
    reviewee: { id: 'agent-7', name: 'Ana' },
    reviewer: { id: 'lead-1', name: 'Lee' },
    rubric: { id: 'default-support', version: 1 },
    score: 87.5,
    autoFailed: false,
    answers: [{ criterionId: 'acknowledge', value: 1, na: false, score: 1, comment: 'Good opening' }],
    createdAt: '2026-11-30T09:00:00.000Z',
    updatedAt: '2026-11-30T09:30:00.000Z',
    submittedAt: '2026-11-30T09:30:00.000Z',
    ...extra,
  };
}

const refs = (records: Array<{ id: string; revision: number }>) => records.map(({ id, revision }) => ({ id, revision }));
const oneRowEach = (records: Array<{ id: string; revision: number }>) =>
  refs(records)
    .map((r) => ({ ...r, rows: 1 }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.revision - b.revision));

// Real processes on a shared machine: the limit is a guard against a hang, never a speed check.
describe('team-store receiver', { timeout: 60_000 }, () => {
  it('stores a push and hands it back page by page, in insertion order, with cursors', async () => {
    const batches = [
      Array.from({ length: 10 }, (_, i) => review(`r-${String(i).padStart(2, '0')}`)),
      Array.from({ length: 10 }, (_, i) => review(`r-${String(i + 10).padStart(2, '0')}`)),
      [review('r-03', 2), review('r-20'), review('r-21'), review('r-07', 2), review('r-22')],
    ];
    for (const [i, batch] of batches.entries()) {
      expect((await post(proxy.endpoint, { records: batch }, { 'idempotency-key': `batch-${i}` })).body).toEqual({ accepted: batch.length, duplicates: 0 });
    }
    const sent = batches.flat();

    const { pages, records } = await pullAll(proxy.endpoint, 10);
    expect(pages.map((p) => p.body.records.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.body.next === null)).toEqual([false, false, true]);
    expect(records).toEqual(sent);

    // `last` lets a client come back for only what is newer.
    const last = pages[2]!.body.last;
    expect(pages[1]!.body.last).toBe(pages[1]!.body.next);
    expect((await pull(proxy.endpoint, `after=${last}`)).body).toEqual({ records: [], next: null, last });
    await post(proxy.endpoint, { records: [review('r-23')] });
    const newer = await pull(proxy.endpoint, `after=${last}`);
    expect(refs(newer.body.records)).toEqual([{ id: 'r-23', revision: 1 }]);

    // The indexed columns come from the record.
    const { default: pg } = await import('pg');
    const client = new pg.Client(databaseUrl);
    await client.connect();
    const row = (await client.query("SELECT reviewer, reviewee, rubric, score, submitted_at FROM qa_reviews WHERE id = 'r-03' AND revision = 2")).rows[0];
    await client.end();
    expect(row).toEqual({ reviewer: 'lead-1', reviewee: 'agent-7', rubric: 'default-support', score: 87.5, submitted_at: new Date('2026-11-30T09:30:00.000Z') });
  });

  it('caps a page at 1000 records and refuses a cursor it did not issue', async () => {
    const { default: pg } = await import('pg');
    const client = new pg.Client(databaseUrl);
    await client.connect();
    await client.query(`INSERT INTO qa_reviews (id, revision, record)
      SELECT 'bulk-' || n, 1, jsonb_build_object('format', 'qa-review/1', 'id', 'bulk-' || n, 'revision', 1) FROM generate_series(1, 1001) AS n`);
    await client.end();

    const page = await pull(proxy.endpoint, 'limit=5000');
    expect(page.body.records).toHaveLength(1000);
    expect(page.body.next).not.toBeNull();
    const rest = await pull(proxy.endpoint, `after=${page.body.next}&limit=5000`);
    expect(refs(rest.body.records)).toEqual([{ id: 'bulk-1001', revision: 1 }]);
    expect(rest.body.next).toBeNull();
    expect((await pull(proxy.endpoint, 'limit=3')).body.records).toHaveLength(3);

    for (const query of ['after=abc', 'after=-1', 'limit=0', 'limit=ten']) {
      const bad = await pull(proxy.endpoint, query);
      expect(bad.status, query).toBe(400);
      expect(bad.body.error, query).toEqual(expect.any(String));
    }
  });

  it('ignores records it already holds: a re-delivered batch, a repeat inside one batch', async () => {
    const batch = [review('d-1'), review('d-2'), review('d-3')];
    expect((await post(proxy.endpoint, { records: batch }, { 'idempotency-key': 'first' })).body).toEqual({ accepted: 3, duplicates: 0 });
    expect((await post(proxy.endpoint, { records: batch }, { 'idempotency-key': 'first' })).body).toEqual({ accepted: 0, duplicates: 3 });
    // A new key does not make the same revisions new.
    expect((await post(proxy.endpoint, { records: batch }, { 'idempotency-key': 'second' })).body).toEqual({ accepted: 0, duplicates: 3 });
    const mixed = [review('d-1', 2), review('d-1', 2), review('d-2'), review('d-4')];
    expect((await post(proxy.endpoint, { records: mixed })).body).toEqual({ accepted: 2, duplicates: 2 });
    expect((await post(proxy.endpoint, { records: [] })).body).toEqual({ accepted: 0, duplicates: 0 });

    expect(await rowsById(databaseUrl)).toEqual(oneRowEach([...batch, review('d-1', 2), review('d-4')]));
    expect(receiver.output()).toContain('batch "first": 3 accepted, 0 duplicates');
  });

  it('refuses a missing or wrong Authorization header (401), for push and pull', async () => {
    for (const authorization of [undefined, '', 'Bearer wrong', DEFAULT_TOKEN.toLowerCase(), `${DEFAULT_TOKEN}x`, DEFAULT_TOKEN.replace('Bearer ', 'Basic ')]) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) };
      const pushed = await request(proxy.endpoint, { method: 'POST', headers, body: JSON.stringify({ records: [review('a-1')] }) });
      expect(pushed.status, String(authorization)).toBe(401);
      expect(pushed.body.error).toMatch(/Authorization/);
      const pulled = await request(proxy.endpoint, { headers: authorization !== undefined ? { authorization } : {} });
      expect(pulled.status, String(authorization)).toBe(401);
    }
    expect(await countRows(databaseUrl)).toBe(0);
    expect((await post(proxy.endpoint, { records: [review('a-1')] })).status).toBe(200);
  });

  it('refuses a body over the size limit (413), declared or streamed, and stays usable', async () => {
    const big = JSON.stringify({ records: [review('big-1', 1, { strengths: 'x'.repeat(MAX_BODY) })] });
    const declared = await post(proxy.endpoint, big);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toContain(`${MAX_BODY} bytes`);

    // Straight to the receiver (the proxy would re-send it with a length): chunked, no length.
    const pieces = Array.from({ length: 40 }, () => Buffer.alloc(4096, 0x20));
    pieces.unshift(Buffer.from('{"records": ['));
    const streamed = await request(receiver.endpoint, { method: 'POST', headers: { authorization: DEFAULT_TOKEN, 'content-type': 'application/json' }, body: pieces });
    expect(streamed.status).toBe(413);

    expect(await countRows(databaseUrl)).toBe(0);
    expect((await post(proxy.endpoint, { records: [review('small-1')] })).body).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('refuses a malformed batch as a whole (400), naming the bad record', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ records: [review('v-1'), review('v-2'), { ...review('v-3'), revision: 0 }] }, /^records\[2\]: revision/],
      [{ records: [review('v-1'), { ...review('v-2'), format: 'qa-review/2' }] }, /^records\[1\]: format/],
      [{ records: [{ ...review('v-1'), id: '' }] }, /^records\[0\]: id/],
      [{ records: [review('v-1'), { ...review('v-2'), revision: 1.5 }] }, /^records\[1\]: revision/],
      [{ records: [review('v-1'), 'v-2'] }, /^records\[1\]: is not an object/],
      [{ reviews: [review('v-1')] }, /records/],
      ['{"records": [', /not JSON/],
    ];
    for (const [body, message] of cases) {
      const answer = await post(proxy.endpoint, body);
      expect(answer.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
    expect((await post(proxy.endpoint, cases[0]![0])).body.index).toBe(2);
    expect(await countRows(databaseUrl)).toBe(0);
  });

  it('keeps a record whose text jsonb cannot hold (NUL, a cut surrogate pair) with U+FFFD in its place', async () => {
    const record = review('t-1', 1, { strengths: 'tab\u0000stop', improvements: 'cut \ud83d', answers: [{ criterionId: 'acknowledge', comment: 'ok \ude00 \u{1F600}' }] });
    expect((await post(proxy.endpoint, { records: [record] })).body).toEqual({ accepted: 1, duplicates: 0 });
    const [stored] = (await pull(proxy.endpoint, '')).body.records;
    expect(stored.strengths).toBe('tab\uFFFDstop');
    expect(stored.improvements).toBe('cut \uFFFD');
    expect(stored.answers[0].comment).toBe('ok \uFFFD \u{1F600}');
  });

  it('answers CORS preflights for extension origins (forwarded by the proxy, no fault taken)', async () => {
    proxy.next({ kind: 'status', status: 503 });
    const preflight = (origin: string) =>
      request(proxy.endpoint, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
      });
    for (const origin of [CHROME, FIREFOX]) {
      const answer = await preflight(origin);
      expect(answer.status).toBe(204);
      expect(answer.headers['access-control-allow-origin']).toBe(origin);
      expect(answer.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
      expect(answer.headers['access-control-allow-headers']).toBe('Authorization, Content-Type, Idempotency-Key');
      expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    }
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect((await proxy.waitForRequests(3, { method: 'OPTIONS' })).map((r) => r.upstreamStatus)).toEqual([204, 204, 403]);
    expect(proxy.faultsLeft()).toBe(1);

    // Real answers echo the origin and expose Retry-After — the proxy's own 503 too.
    const injected = await post(proxy.endpoint, { records: [review('c-1')] }, { origin: CHROME });
    expect(injected.status).toBe(503);
    expect(injected.headers['access-control-allow-origin']).toBe(CHROME);
    const stored = await post(proxy.endpoint, { records: [review('c-1')] }, { origin: FIREFOX });
    expect(stored.status).toBe(200);
    expect(stored.headers['access-control-allow-origin']).toBe(FIREFOX);
    expect(stored.headers['access-control-expose-headers']).toBe('Retry-After');
    // The proxy never keeps a connection: Chromium silently resends a request whose reused
    // connection is cut, which would hide a `drop` from the extension.
    expect([injected.headers.connection, stored.headers.connection]).toEqual(['close', 'close']);
    const refused = await post(proxy.endpoint, { records: [review('c-2')] }, { origin: CHROME, authorization: 'Bearer wrong' });
    expect(refused.status).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe(CHROME);
    expect((await post(proxy.endpoint, { records: [review('c-3')] }, { origin: 'https://evil.example' })).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('limits CORS to TEAM_STORE_ORIGINS when set (receiver in this process, same database)', async () => {
    const local = await startReceiver({ databaseUrl, origins: [FIREFOX] });
    try {
      const ask = (origin: string) => request(local.endpoint, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
      expect((await ask(FIREFOX)).headers['access-control-allow-origin']).toBe(FIREFOX);
      expect((await ask(CHROME)).status).toBe(403);
      expect((await post(local.endpoint, { records: [review('o-1')] }, { origin: FIREFOX })).body).toEqual({ accepted: 1, duplicates: 0 });
      expect((await post(local.endpoint, { records: [review('o-1')] })).body).toEqual({ accepted: 0, duplicates: 1 });
    } finally {
      await local.stop();
    }
  });

  it('answers 503 with Retry-After while the database refuses connections, then recovers', async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client(cluster.url);
    await admin.connect();
    await admin.query('CREATE ROLE store_user LOGIN');
    await admin.query('CREATE DATABASE limited OWNER store_user');
    const local = await startReceiver({ databaseUrl: `postgres://store_user@127.0.0.1:${cluster.port}/limited` });
    try {
      expect((await post(local.endpoint, { records: [review('l-1')] })).body).toEqual({ accepted: 1, duplicates: 0 });
      // No new connections (a superuser would be let in: the receiver is not one), and the
      // receiver's pooled ones are cut.
      await admin.query('ALTER DATABASE limited CONNECTION LIMIT 0');
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'limited'");
      for (const id of ['l-2', 'l-3']) {
        const refused = await post(local.endpoint, { records: [review(id)] });
        expect(refused.status).toBe(503);
        expect(refused.headers['retry-after']).toBe('5');
      }
      await admin.query('ALTER DATABASE limited CONNECTION LIMIT -1');
      // A pooled connection cut above may still be handed out once (503 again) before the pool
      // drops it; a retrying client gets through.
      let answer = await post(local.endpoint, { records: [review('l-2')] });
      for (let attempt = 1; answer.status === 503 && attempt < 10; attempt++) answer = await post(local.endpoint, { records: [review('l-2')] });
      expect(answer.body).toEqual({ accepted: 1, duplicates: 0 });
    } finally {
      await local.stop();
      await admin.end();
    }
  });

  it('survives 500, 500, drop, drop-after-forward, slow, 429 + Retry-After and a receiver killed mid-batch: one row per revision, none missing', async () => {
    const batch1 = [review('f-1'), review('f-2'), review('f-3'), review('f-4')];
    const batch2 = [review('g-1'), review('g-2'), review('g-3'), review('g-4'), review('f-1', 2)];
    const batch3 = [review('f-2'), review('h-1')];
    proxy.plan([
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'drop' },
      { kind: 'drop-after-forward' },
      { kind: 'slow', ms: 20 },
      { kind: 'status', status: 429, retryAfter: 2 },
      { kind: 'kill-receiver-mid-batch' },
    ]);
    const firstPid = receiver.pid;
    const waits: number[] = [];

    expect(await pushWithRetry(proxy.endpoint, batch1, 'batch-1', waits)).toEqual({ accepted: 0, duplicates: 4 });
    expect(await pushWithRetry(proxy.endpoint, batch2, 'batch-2', waits)).toEqual({ accepted: 5, duplicates: 0 });
    expect(await pushWithRetry(proxy.endpoint, batch3, 'batch-3', waits)).toEqual({ accepted: 1, duplicates: 1 });
    await proxy.waitForPlan();

    const posts = await proxy.waitForRequests(9, { method: 'POST' });
    expect(posts.map((r) => [r.idempotencyKey, r.fault, r.outcome, r.status ?? null])).toEqual([
      ['batch-1', 'status', 'answered', 500],
      ['batch-1', 'status', 'answered', 500],
      ['batch-1', 'drop', 'dropped', null],
      ['batch-1', 'drop-after-forward', 'dropped', null],
      ['batch-1', 'slow', 'answered', 200],
      ['batch-2', 'status', 'answered', 429],
      ['batch-2', 'kill-receiver-mid-batch', 'dropped', null],
      ['batch-2', null, 'answered', 200],
      ['batch-3', null, 'answered', 200],
    ]);
    for (const r of posts) expect(refs(r.records)).toEqual(refs({ 'batch-1': batch1, 'batch-2': batch2, 'batch-3': batch3 }[r.idempotencyKey!]!));
    // Delivered although the client never heard: the retry after it found only duplicates.
    expect(JSON.parse(posts[3]!.upstreamBody!)).toEqual({ accepted: 4, duplicates: 0 });
    // Killed while parked on the batch's last record, the four before it written but not
    // committed; the retry then stored all five, so nothing of the killed attempt had stayed.
    expect(posts[6]!.killed).toMatchObject({ blockedOn: { id: 'f-1', revision: 2 }, receiverPid: firstPid });
    expect(receiver.pid).not.toBe(firstPid);
    // Backoff after 500, 500 and the two drops; Retry-After: 2 after the 429.
    expect(waits).toEqual([250, 500, 1000, 2000, 2000, 500]);

    const expected = [...batch1, ...batch2, review('h-1')];
    expect(await rowsById(databaseUrl)).toEqual(oneRowEach(expected));
    expect(await countRows(databaseUrl)).toBe(expected.length);
    expect(refs((await pullAll(proxy.endpoint, 4)).records)).toEqual(refs(expected));
  });

  it('finishes a request in flight on SIGTERM before it exits, and takes no new ones', async () => {
    const own = await startReceiverProcess({ databaseUrl });
    const block = await blockInsert(databaseUrl, 's-2', 1);
    try {
      const inFlight = post(own.endpoint, { records: [review('s-1'), review('s-2')] });
      await block!.waitUntilBlocked();
      const exited = own.kill('SIGTERM');
      await own.waitForOutput(/shutting down/);
      await expect(connect(own.port)).rejects.toThrow(/ECONNREFUSED/);
      await block!.release();
      expect((await inFlight).body).toEqual({ accepted: 2, duplicates: 0 });
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      await block?.release();
      await own.stop();
    }
    expect(await rowsById(databaseUrl)).toEqual(oneRowEach([review('s-1'), review('s-2')]));
  });
});

function connect(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve();
    });
    socket.on('error', reject);
  });
}
