// An HTTP proxy in front of the team-store receiver that fails on command. Queue faults with
// next() / plan(); each non-OPTIONS request takes the first queued fault whose `method` matches (a
// fault without `method` matches any), and a request with no fault left is forwarded untouched.
// CORS preflights (OPTIONS) are always forwarded and never take a fault: the browser sends them on
// its own. Every request is recorded (`requests`) for assertions, and waitForRequests() /
// waitForPlan() are the signals to wait on — never a timer.
import http from 'node:http';
import type net from 'node:net';
import { blockInsert, waitForSessionEnd, type InsertBlock, type ReceiverProcess } from './receiver';

export type Fault = (
  /** answered by the proxy, not forwarded; `body` defaults to `{ error: "injected <status>" }` */
  | { kind: 'status'; status: number; retryAfter?: number; body?: unknown }
  /** the connection is cut without an answer; the receiver never sees the request */
  | { kind: 'drop' }
  /** forwarded, the receiver answers (so a POST is committed), then the client's connection is
   *  cut: delivered, but the client never heard */
  | { kind: 'drop-after-forward' }
  /** forwarded; the receiver is SIGKILLed while its insert for this batch is half done (rows
   *  written, nothing committed), restarted on the same port, then the client's connection is cut.
   *  Needs `receiver` (a ReceiverProcess) and a batch with a record not stored yet. */
  | { kind: 'kill-receiver-mid-batch' }
  /** forwarded; the receiver's answer is held for `ms`, or until `until` settles */
  | { kind: 'slow'; ms?: number; until?: Promise<unknown> }
) & {
  /** only a request with this method takes the fault (default: any but OPTIONS) */
  method?: string;
};

export interface RecordRef {
  id: string;
  revision: number;
}

export interface SeenRequest {
  /** 1, 2, 3… in arrival order */
  n: number;
  method: string;
  /** path and query, as sent */
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | null;
  bodyBytes: number;
  /** (id, revision) of each record of a `{ records: [...] }` body, in order */
  records: RecordRef[];
  recordIds: string[];
  fault: Fault['kind'] | null;
  /** false until the proxy is done with the request */
  settled: boolean;
  /** answered: the client got `status`; dropped: the connection was cut without an answer;
   *  upstream-error: the receiver could not be reached (the client got 502) */
  outcome?: 'answered' | 'dropped' | 'upstream-error';
  /** what the client got */
  status?: number;
  /** what the receiver answered (forwarded requests) */
  upstreamStatus?: number;
  upstreamBody?: string;
  /** the client hung up before the answer was written */
  clientGone?: boolean;
  /** kill-receiver-mid-batch: where the receiver was parked when it was killed */
  killed?: { blockedOn: RecordRef; session: number; receiverPid: number };
  /** why the proxy could not apply the fault (the client got 500) */
  error?: string;
}

export interface RequestFilter {
  /** count only this method; default: everything but OPTIONS */
  method?: string;
  /** count only requests the proxy is done with (default true) */
  settled?: boolean;
  /** reject after this long with the requests seen so far (default 30 s; a guard, not a clock) */
  timeoutMs?: number;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** `url` + the receiver endpoint's path */
  endpoint: string;
  readonly requests: readonly SeenRequest[];
  /** Appends a fault to the queue. */
  next(fault: Fault): void;
  /** Replaces the queue with these faults, in order. */
  plan(faults: Fault[]): void;
  /** Faults not taken yet. */
  faultsLeft(): number;
  /** Resolves with the matching requests once there are at least `n` of them. */
  waitForRequests(n: number, filter?: RequestFilter): Promise<SeenRequest[]>;
  /** Resolves once every queued fault was taken and the requests that took them are settled. */
  waitForPlan(options?: { timeoutMs?: number }): Promise<void>;
  /** Forgets the recorded requests and the queue. */
  reset(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The receiver to forward to; a ReceiverProcess makes kill-receiver-mid-batch possible. */
  receiver: { url: string; endpoint: string; databaseUrl?: string } | ReceiverProcess;
  port?: number;
  host?: string;
  /** Give the proxy's own answers (status faults, 502) the receiver's CORS headers when the
   *  request has an Origin, as a gateway in front of it would have to (default true). Without
   *  them a browser reports a network error instead of the status. */
  cors?: boolean;
}

// Headers about this hop, not the message (RFC 9110 §7.6.1), plus those recomputed on forwarding.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host', 'content-length']);

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

function recordsOf(body: Buffer): RecordRef[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { records?: unknown };
    if (!Array.isArray(parsed?.records)) return [];
    return parsed.records.map((r: any) => ({ id: String(r?.id), revision: Number(r?.revision) }));
  } catch {
    return [];
  }
}

function isProcess(receiver: FaultProxyOptions['receiver']): receiver is ReceiverProcess {
  return typeof (receiver as ReceiverProcess).kill === 'function' && typeof (receiver as ReceiverProcess).restart === 'function';
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { receiver } = options;
  const target = new URL(receiver.url);
  const endpointPath = new URL(receiver.endpoint).pathname;
  const cors = options.cors ?? true;
  const requests: SeenRequest[] = [];
  let queue: Fault[] = [];
  const sockets = new Set<net.Socket>();
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const check of [...waiters]) check();
  };

  function forward(req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const up = http.request(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          // A fresh connection each time: the receiver may have been killed since the last one.
          agent: false,
          headers: { ...forwardable(req.headers), host: target.host, 'content-length': String(body.length), connection: 'close' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  function ownCors(req: http.IncomingMessage): http.OutgoingHttpHeaders {
    const origin = req.headers.origin;
    return cors && origin ? { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' } : {};
  }

  function answer(entry: SeenRequest, res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: Buffer | string) {
    entry.outcome = 'answered';
    entry.status = status;
    if (entry.clientGone || res.destroyed) return;
    // Each request on a connection of its own: Chromium resends a request by itself when a
    // reused keep-alive connection is cut before the answer (seen: a `drop` became a silent 200).
    res.writeHead(status, { ...headers, connection: 'close', 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  function answerJson(entry: SeenRequest, req: http.IncomingMessage, res: http.ServerResponse, status: number, body: unknown, extra: http.OutgoingHttpHeaders = {}) {
    answer(entry, res, status, { 'content-type': 'application/json; charset=utf-8', ...ownCors(req), ...extra }, JSON.stringify(body));
  }

  function relay(entry: SeenRequest, res: http.ServerResponse, up: Upstream) {
    const headers = forwardable(up.headers);
    answer(entry, res, up.status, headers, up.body);
  }

  function drop(entry: SeenRequest, req: http.IncomingMessage) {
    entry.outcome = 'dropped';
    req.socket.destroy();
  }

  function noteUpstream(entry: SeenRequest, up: Upstream) {
    entry.upstreamStatus = up.status;
    entry.upstreamBody = up.body.toString('utf8');
  }

  function takeFault(method: string): Fault | null {
    if (method === 'OPTIONS') return null;
    const i = queue.findIndex((f) => f.method === undefined || f.method.toUpperCase() === method);
    if (i < 0) return null;
    return queue.splice(i, 1)[0]!;
  }

  async function killMidBatch(entry: SeenRequest, req: http.IncomingMessage, body: Buffer): Promise<void> {
    if (!isProcess(receiver)) throw new Error('kill-receiver-mid-batch needs a receiver started with startReceiverProcess()');
    const databaseUrl = receiver.databaseUrl;
    // Park the receiver on the last record it has not stored yet: every record before it in the
    // batch is written (uncommitted) when the kill comes.
    let block: InsertBlock | null = null;
    for (let i = entry.records.length - 1; i >= 0 && !block; i--) block = await blockInsert(databaseUrl, entry.records[i]!.id, entry.records[i]!.revision);
    if (!block) throw new Error('kill-receiver-mid-batch needs a batch with at least one record the store does not hold yet');
    try {
      // Its failure is the expected outcome, so it is caught at once (not only when awaited).
      const upstream = forward(req, body).then(
        (up) => up,
        () => null,
      );
      const session = await block.waitUntilBlocked();
      const receiverPid = receiver.pid!;
      await receiver.kill('SIGKILL');
      const reached = await upstream;
      if (reached) throw new Error(`kill-receiver-mid-batch: the receiver answered ${reached.status} before it was killed`);
      // Our rollback lets the parked insert finish; its session then finds its client gone and
      // rolls the whole batch back. Wait for that before the receiver comes back.
      await block.release();
      await waitForSessionEnd(databaseUrl, session);
      entry.killed = { blockedOn: { id: block.id, revision: block.revision }, session, receiverPid };
      await receiver.restart();
    } finally {
      await block.release();
    }
    drop(entry, req);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const records = recordsOf(body);
    const method = (req.method ?? 'GET').toUpperCase();
    const fault = takeFault(method);
    const key = req.headers['idempotency-key'];
    const entry: SeenRequest = {
      n: requests.length + 1,
      method,
      path: req.url ?? '/',
      headers: { ...req.headers },
      idempotencyKey: typeof key === 'string' ? key : null,
      bodyBytes: body.length,
      records,
      recordIds: records.map((r) => r.id),
      fault: fault?.kind ?? null,
      settled: false,
    };
    requests.push(entry);
    res.on('close', () => {
      if (!res.writableFinished) entry.clientGone = true;
    });
    notify();
    try {
      switch (fault?.kind) {
        case 'status':
          answerJson(entry, req, res, fault.status, fault.body ?? { error: `injected ${fault.status}` }, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
          break;
        case 'drop':
          drop(entry, req);
          break;
        case 'drop-after-forward': {
          const up = await forward(req, body);
          noteUpstream(entry, up);
          drop(entry, req);
          break;
        }
        case 'slow': {
          const up = await forward(req, body);
          noteUpstream(entry, up);
          await (fault.until ?? new Promise((r) => setTimeout(r, fault.ms ?? 0)));
          relay(entry, res, up);
          break;
        }
        case 'kill-receiver-mid-batch':
          await killMidBatch(entry, req, body);
          break;
        default: {
          let up: Upstream;
          try {
            up = await forward(req, body);
          } catch (err) {
            answerJson(entry, req, res, 502, { error: `fault proxy: the receiver is unreachable (${(err as Error).message})` });
            entry.outcome = 'upstream-error';
            break;
          }
          noteUpstream(entry, up);
          relay(entry, res, up);
        }
      }
    } catch (err) {
      entry.error = (err as Error).message;
      if (!res.headersSent && !res.destroyed) answerJson(entry, req, res, 500, { error: `fault proxy: ${entry.error}` });
    } finally {
      entry.settled = true;
      notify();
    }
  }

  const server = http.createServer((req, res) => {
    // Only reading the body can throw here (the client went away mid-request): nothing to answer.
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  const url = `http://${host}:${port}`;

  function waitFor<T>(ready: () => T | null, describe: () => string, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === null) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(value);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${describe()}; requests seen:\n${summary()}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }

  function summary(): string {
    if (!requests.length) return '  (none)';
    return requests.map((r) => `  ${r.n}. ${r.method} ${r.path} fault=${r.fault ?? '-'} outcome=${r.outcome ?? '…'} status=${r.status ?? '-'}${r.error ? ` error=${r.error}` : ''}`).join('\n');
  }

  function enqueue(fault: Fault) {
    if (fault.kind === 'kill-receiver-mid-batch' && !isProcess(receiver)) throw new Error('kill-receiver-mid-batch needs a receiver started with startReceiverProcess()');
    queue.push(fault);
  }

  return {
    url,
    port,
    endpoint: `${url}${endpointPath}`,
    requests,
    next: enqueue,
    plan(faults) {
      queue = [];
      faults.forEach(enqueue);
    },
    faultsLeft: () => queue.length,
    waitForRequests(n, filter = {}) {
      const settled = filter.settled ?? true;
      const matches = () => requests.filter((r) => (filter.method ? r.method === filter.method.toUpperCase() : r.method !== 'OPTIONS') && (!settled || r.settled));
      return waitFor(
        () => {
          const found = matches();
          return found.length >= n ? found : null;
        },
        () => `waitForRequests(${n}${filter.method ? `, ${filter.method}` : ''}): only ${matches().length} after ${filter.timeoutMs ?? 30_000} ms`,
        filter.timeoutMs,
      );
    },
    waitForPlan(opts = {}) {
      return waitFor(
        () => (queue.length === 0 && requests.every((r) => r.fault === null || r.settled) ? true : null),
        () => `waitForPlan: ${queue.length} faults not taken`,
        opts.timeoutMs,
      ).then(() => undefined);
    },
    reset() {
      requests.length = 0;
      queue = [];
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
