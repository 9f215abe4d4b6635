// The reference receiver (examples/team-store/server.mjs) for tests: in this process, or as a
// child process that can be killed and restarted on the same port. Plus what assertions need from
// its database: row counts per (id, revision), and a lock that parks the receiver mid-batch.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
// @ts-expect-error the receiver is plain JavaScript (one file, runs without a build); typed below
import { startServer as startServerUntyped } from '../../../examples/team-store/server.mjs';

export const SERVER_FILE = fileURLToPath(new URL('../../../examples/team-store/server.mjs', import.meta.url));
export const DEFAULT_TOKEN = 'Bearer test-team-store-token';

export interface ReceiverOptions {
  databaseUrl: string;
  /** the exact Authorization header value; DEFAULT_TOKEN when not given */
  token?: string;
  /** 0 (a free port) when not given */
  port?: number;
  host?: string;
  maxBodyBytes?: number;
  /** the endpoint's path, /reviews when not given */
  path?: string;
  /** CORS allow-list; any extension origin when not given */
  origins?: string[];
}

export interface Receiver {
  /** http://127.0.0.1:<port> */
  url: string;
  /** url + path: what the extension's endpoint setting holds */
  endpoint: string;
  port: number;
  token: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

interface StartedServer {
  url: string;
  endpoint: string;
  port: number;
  close(): Promise<void>;
}
const startServer = startServerUntyped as (options: Omit<ReceiverOptions, 'origins'> & { origins?: string[]; log?: (line: string) => void }) => Promise<StartedServer>;

/** The receiver inside this process (quiet unless `log` is given). */
export async function startReceiver(options: ReceiverOptions & { log?: (line: string) => void }): Promise<Receiver> {
  const token = options.token ?? DEFAULT_TOKEN;
  const server = await startServer({ port: 0, ...options, token, log: options.log ?? (() => {}) });
  return { url: server.url, endpoint: server.endpoint, port: server.port, token, databaseUrl: options.databaseUrl, stop: () => server.close() };
}

export interface ReceiverProcess extends Receiver {
  /** the current child's pid; undefined while it is not running */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Sends `signal` (SIGKILL: no goodbye, open transactions are left to the database) and resolves once it exited. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Starts it again on the same port; resolves once it listens. */
  restart(): Promise<void>;
  /** Everything it printed (all runs), for failure messages. */
  output(): string;
  /** Resolves with the match once its output (all runs) matches `pattern`. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
}

/** The receiver as `node server.mjs` in a child process; resolves once it listens. */
export async function startReceiverProcess(options: ReceiverOptions): Promise<ReceiverProcess> {
  const token = options.token ?? DEFAULT_TOKEN;
  const host = options.host ?? '127.0.0.1';
  let port = options.port ?? 0;
  let child: ChildProcess | null = null;
  let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> = Promise.resolve({ code: null, signal: null });
  let log = '';

  const env: NodeJS.ProcessEnv = { ...process.env };
  // A test runner's loader hooks (NODE_OPTIONS) have no business in the receiver.
  delete env.NODE_OPTIONS;
  delete env.TEAM_STORE_ORIGINS;
  Object.assign(env, {
    DATABASE_URL: options.databaseUrl,
    TEAM_STORE_TOKEN: token,
    HOST: host,
    TEAM_STORE_PATH: options.path ?? '/reviews',
    TEAM_STORE_MAX_BODY_BYTES: String(options.maxBodyBytes ?? 5 * 1024 * 1024),
    ...(options.origins ? { TEAM_STORE_ORIGINS: options.origins.join(',') } : {}),
  });

  const outputWaiters = new Set<() => void>();
  const append = (text: string) => {
    log += text;
    for (const check of [...outputWaiters]) check();
  };

  const killOnExit = () => child?.kill('SIGKILL');
  process.on('exit', killOnExit);

  async function launch(): Promise<string> {
    const proc = spawn(process.execPath, [SERVER_FILE], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    exited = new Promise((resolve) => proc.once('exit', (code, signal) => {
      if (child === proc) child = null;
      resolve({ code, signal });
    }));
    return new Promise<string>((resolve, reject) => {
      let pending = '';
      const onData = (d: Buffer) => {
        const text = d.toString();
        append(text);
        pending += text;
        const m = /team-store: listening on (\S+)/.exec(pending);
        if (m) {
          pending = '';
          resolve(m[1]!);
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (d: Buffer) => append(d.toString()));
      proc.once('exit', (code, signal) => reject(new Error(`The receiver exited before listening (code ${code}, signal ${signal}):\n${log}`)));
      proc.once('error', reject);
    });
  }

  let first: URL;
  try {
    first = new URL(await launch());
  } catch (err) {
    process.removeListener('exit', killOnExit);
    throw err;
  }
  port = Number(first.port);
  const endpoint = first.href;
  const url = first.origin;

  return {
    url,
    endpoint,
    port,
    token,
    databaseUrl: options.databaseUrl,
    get pid() {
      return child?.pid;
    },
    get running() {
      return child !== null;
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!child) throw new Error('kill(): the receiver is not running');
      const done = exited;
      child.kill(signal);
      return done;
    },
    async restart() {
      if (child) throw new Error('restart(): the receiver is still running; kill() it first');
      await launch();
    },
    output: () => log,
    waitForOutput(pattern) {
      return new Promise((resolve) => {
        const check = () => {
          const m = pattern.exec(log);
          if (!m) return;
          outputWaiters.delete(check);
          resolve(m);
        };
        outputWaiters.add(check);
        check();
      });
    },
    async stop() {
      process.removeListener('exit', killOnExit);
      if (!child) return;
      const done = exited;
      child.kill('SIGTERM');
      await done;
    },
  };
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Rows in the store. */
export function countRows(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (c) => Number((await c.query('SELECT count(*)::int AS n FROM qa_reviews')).rows[0].n));
}

export interface RevisionRows {
  id: string;
  revision: number;
  rows: number;
}

/**
 * Rows per (id, revision), sorted by id then revision: for "exactly one row per revision, none
 * missing" compare it with the expected list mapped to `{ id, revision, rows: 1 }`.
 */
export function rowsById(databaseUrl: string): Promise<RevisionRows[]> {
  return withClient(databaseUrl, async (c) => {
    const { rows } = await c.query('SELECT id, revision, count(*)::int AS rows FROM qa_reviews GROUP BY id, revision ORDER BY id COLLATE "C", revision');
    return rows as RevisionRows[];
  });
}

/** Empties the store (and restarts the cursor sequence) between tests. */
export function resetStore(databaseUrl: string): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    await c.query('TRUNCATE qa_reviews RESTART IDENTITY');
  });
}

export interface InsertBlock {
  /** the (id, revision) the lock is on */
  id: string;
  revision: number;
  /**
   * Resolves with the pid of the database session (the receiver's) that is waiting on the lock —
   * that is, a batch insert that has written every earlier row of its batch and is parked on
   * this one, uncommitted.
   */
  waitUntilBlocked(): Promise<number>;
  /** Rolls the placeholder back: the parked insert goes on. */
  release(): Promise<void>;
}

const POLL_MS = 10;
const WAIT_LIMIT_MS = 30_000;

/**
 * Parks the receiver in the middle of a batch: an uncommitted placeholder row for (id, revision),
 * held in a transaction of our own. The receiver's `INSERT … ON CONFLICT DO NOTHING` reaches that
 * row and waits for our transaction to end. Resolves to null when (id, revision) is stored
 * already (nothing would wait).
 */
export async function blockInsert(databaseUrl: string, id: string, revision: number): Promise<InsertBlock | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const held = await client.query(`INSERT INTO qa_reviews (id, revision, record) VALUES ($1, $2, '{}') ON CONFLICT (id, revision) DO NOTHING`, [id, revision]);
    if (held.rowCount !== 1) {
      await client.query('ROLLBACK');
      await client.end();
      return null;
    }
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  const holder = Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
  let released = false;
  return {
    id,
    revision,
    async waitUntilBlocked() {
      // A condition, checked until it holds (with a generous cap so a broken setup fails loudly).
      const deadline = Date.now() + WAIT_LIMIT_MS;
      for (;;) {
        const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [holder]);
        if (rows.length) return Number(rows[0].pid);
        if (Date.now() > deadline) throw new Error(`blockInsert: nothing waited on (${id}, ${revision}) within ${WAIT_LIMIT_MS} ms`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
    },
  };
}

/** Resolves once database session `pid` has ended (its open transaction rolled back). */
export function waitForSessionEnd(databaseUrl: string, pid: number): Promise<void> {
  return withClient(databaseUrl, async (c) => {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while ((await c.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount) {
      if (Date.now() > deadline) throw new Error(`waitForSessionEnd: session ${pid} still there after ${WAIT_LIMIT_MS} ms`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  });
}
