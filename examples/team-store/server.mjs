#!/usr/bin/env node
// QA Scorecards team store — the reference receiver, one file, Node 20+ and the `pg` package.
//
// It stores the qa-review/1 records the extension pushes (contract §5 and §13) in PostgreSQL and
// hands them back to leads in insertion order. Run it:
//
//   DATABASE_URL=postgres://user:pass@localhost/qa TEAM_STORE_TOKEN='Bearer <secret>' node server.mjs
//
// Environment
//   DATABASE_URL                PostgreSQL connection string (required)
//   TEAM_STORE_TOKEN            the exact Authorization header value clients must send, e.g.
//                               "Bearer 3f9c…" (required; put the same value in the extension)
//   PORT, HOST                  where to listen (8787, 127.0.0.1). Put TLS (a reverse proxy) in
//                               front of anything that is not localhost: the token is a password.
//   TEAM_STORE_PATH             the endpoint's path (/reviews)
//   TEAM_STORE_MAX_BODY_BYTES   largest accepted request body (5242880 = 5 MB)
//   TEAM_STORE_ORIGINS          comma-separated origins allowed by CORS, e.g.
//                               "chrome-extension://abc…,moz-extension://1b2c…"; "*" allows any
//                               origin; unset allows any browser-extension origin
//
// HTTP (same path for both; every answer is JSON; errors are { "error": "<sentence>" })
//   POST <path>   body { "records": [ qa-review/1, … ] }, header Authorization, optional
//                 Idempotency-Key (logged; re-delivery is harmless anyway: a record is stored once
//                 per (id, revision)). All records go in one transaction: 200
//                 { "accepted": <new rows>, "duplicates": <already stored> } only once committed.
//                 400 names the first bad record (records[i]); 401 wrong or missing token;
//                 413 body too large; 503 database unreachable (with Retry-After).
//   GET <path>?after=<cursor>&limit=<n>
//                 { "records": [...], "next": <cursor|null>, "last": <cursor|null> } in insertion
//                 order, at most `limit` (default 100, capped at 1000). `next` is the `after` of
//                 the following page, null when this page reaches the end. `last` (an addition to
//                 the contract) is the cursor of this page's last record, or the `after` given
//                 when there is none: a client that keeps it pulls only newer records next time.
//   OPTIONS       CORS preflight for the allowed origins (no token needed).
//
// The schema (schema.sql, next to this file) is created on start when missing. Text PostgreSQL's
// jsonb cannot hold — the NUL character and unpaired UTF-16 surrogate halves, which a cut-off
// ticket quote can contain — is stored as U+FFFD, so such a record is kept rather than refused.
// SIGINT/SIGTERM: stop accepting, finish requests in flight, close the pool, exit.
//
// Import it to run it inside another program (tests do):
//   const store = await startServer({ databaseUrl, token, port: 0 }); … await store.close();

import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const SCHEMA_FILE = fileURLToPath(new URL('./schema.sql', import.meta.url));
const RECORD_FORMAT = 'qa-review/1';
const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const MAX_INT4 = 2 ** 31 - 1;
// Any browser extension's pages and service worker (Chrome/Edge, Firefox, Safari).
const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension|safari-web-extension):\/\/[A-Za-z0-9._-]+$/;
const CORS_PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key',
  'Access-Control-Max-Age': '600',
};
// PostgreSQL error classes that mean "not now" rather than "never": connection trouble, shutdown,
// too many connections, serialization/deadlock. The client retries these (503 + Retry-After).
const TRANSIENT_SQLSTATE = /^(08|53|57P|40)/;
const TRANSIENT_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

class HttpError extends Error {
  constructor(status, message, extra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

/** Compares secrets in constant time (hashing first makes the lengths equal). */
function sameSecret(given, expected) {
  if (typeof given !== 'string') return false;
  const digest = (s) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function originAllowed(origin, allowList) {
  if (!origin) return false;
  if (allowList === null) return EXTENSION_ORIGIN.test(origin);
  return allowList.includes('*') || allowList.includes(origin);
}

function parseOrigins(value) {
  if (value === undefined || value === null) return null;
  const list = (Array.isArray(value) ? value : String(value).split(','))
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length ? list : null;
}

/** Reads the body up to `limit` bytes; past that it keeps reading but discards (see below). */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length']) > limit;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (tooLarge || size > limit) {
        // Nothing more is kept. The rest is still read, so the client finishes sending and reads
        // our 413: closing mid-upload makes most clients report a network error instead.
        // server.requestTimeout bounds how long a client can keep this up.
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(new HttpError(413, `The request body is larger than ${limit} bytes: send fewer records per batch.`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new HttpError(400, 'The request body was cut off.'));
    });
  });
}

/** Why a record cannot be stored, or null. Minimal on purpose: the store keeps what it is sent. */
function recordProblem(record) {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return 'is not an object';
  if (record.format !== RECORD_FORMAT) return `format must be "${RECORD_FORMAT}"`;
  if (typeof record.id !== 'string' || record.id === '') return 'id must be a non-empty string';
  if (!Number.isInteger(record.revision) || record.revision < 1 || record.revision > MAX_INT4) return 'revision must be an integer from 1';
  return null;
}

function storableText(s) {
  // toWellFormed() turns each unpaired surrogate half into U+FFFD.
  return s.replaceAll('\u0000', '\uFFFD').toWellFormed();
}

/** A copy whose strings (keys too) jsonb accepts; see the header. */
function storable(value) {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[storableText(k)] = storable(v);
    return out;
  }
  return value;
}

function refId(ref) {
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && (typeof ref.id === 'string' || typeof ref.id === 'number')) return String(ref.id);
  return null;
}

function timestampOrNull(value) {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999 ? new Date(ms).toISOString() : null;
}

/** The row for one validated record: the indexed columns, and the record itself. */
function toRow(input) {
  const record = storable(input);
  return {
    id: record.id,
    revision: record.revision,
    reviewer: refId(record.reviewer),
    reviewee: refId(record.reviewee),
    rubric: refId(record.rubric),
    score: typeof record.score === 'number' && Number.isFinite(record.score) ? record.score : null,
    submittedAt: timestampOrNull(record.submittedAt),
    record,
  };
}

// One statement for the whole batch, rows in the order sent (so `seq`, the pull order, follows
// it). A row whose (id, revision) is stored already — or repeated within the batch — is skipped.
const INSERT_BATCH = `
  INSERT INTO qa_reviews (id, revision, reviewer, reviewee, rubric, score, submitted_at, record)
  SELECT r->>'id', (r->>'revision')::int, r->>'reviewer', r->>'reviewee', r->>'rubric',
         (r->>'score')::float8, (r->>'submittedAt')::timestamptz, r->'record'
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(r, n)
   ORDER BY n
  ON CONFLICT (id, revision) DO NOTHING`;

// node-postgres hands bigint (seq) over as a string: the cursor is that string.
const SELECT_PAGE = `SELECT seq, record FROM qa_reviews WHERE seq > $1 ORDER BY seq LIMIT $2`;

function isTransient(err) {
  return TRANSIENT_NETWORK.has(err?.code) || (typeof err?.code === 'string' && TRANSIENT_SQLSTATE.test(err.code)) || /Connection terminated|Client was closed|timeout exceeded when trying to connect/i.test(err?.message ?? '');
}

/**
 * Starts the receiver. Resolves once the schema exists and the server listens.
 * @param {object} options
 * @param {string} options.databaseUrl
 * @param {string} options.token          the exact Authorization header value required
 * @param {number} [options.port]         8787; 0 picks a free port (see the result's `port`)
 * @param {string} [options.host]         127.0.0.1
 * @param {number} [options.maxBodyBytes] 5 MB
 * @param {string} [options.path]         /reviews
 * @param {string | string[]} [options.origins] CORS allow-list; default any extension origin
 * @param {(line: string) => void} [options.log] console.log
 * @returns {Promise<{ server: http.Server, pool: pg.Pool, url: string, endpoint: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({
  databaseUrl,
  token,
  port = 8787,
  host = '127.0.0.1',
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
  path = '/reviews',
  origins,
  log = (line) => console.log(line),
} = {}) {
  if (!databaseUrl) throw new Error('team-store: DATABASE_URL (databaseUrl) is required');
  if (!token) throw new Error('team-store: TEAM_STORE_TOKEN (token) is required, e.g. "Bearer <long random secret>"');
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) throw new Error('team-store: maxBodyBytes must be a positive integer');
  if (!path.startsWith('/')) throw new Error('team-store: path must start with "/"');
  const allowList = parseOrigins(origins);

  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the database (restart, failover) must not crash the server.
  pool.on('error', (err) => log(`team-store: idle database connection lost: ${err.message}`));

  try {
    await createSchema(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }

  let closing = false;

  function send(res, status, body, headers = {}) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const text = JSON.stringify(body);
    // While shutting down, an answered connection is not kept for another request.
    const close = closing ? { Connection: 'close' } : {};
    res.writeHead(status, { ...headers, ...close, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
    res.end(text);
  }

  function corsHeaders(origin) {
    // Retry-After is not a CORS-safelisted response header: without exposing it an extension page
    // could not honour it.
    if (!originAllowed(origin, allowList)) return { Vary: 'Origin' };
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
  }

  async function push(req, res, headers) {
    const raw = await readBody(req, maxBodyBytes);
    let body;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'The request body is not JSON.');
    }
    if (!body || typeof body !== 'object' || !Array.isArray(body.records)) throw new HttpError(400, 'The body must be { "records": [ … ] }.');
    const { records } = body;
    records.forEach((record, index) => {
      const problem = recordProblem(record);
      if (problem) throw new HttpError(400, `records[${index}]: ${problem}.`, { index });
    });
    let accepted = 0;
    if (records.length) {
      const client = await pool.connect();
      let broken = null;
      try {
        await client.query('BEGIN');
        accepted = (await client.query(INSERT_BATCH, [JSON.stringify(records.map(toRow))])).rowCount ?? 0;
        await client.query('COMMIT');
      } catch (err) {
        broken = err;
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release(broken ?? undefined);
      }
    }
    const duplicates = records.length - accepted;
    const key = req.headers['idempotency-key'];
    log(`team-store: batch ${key ? JSON.stringify(String(key)) : '(no Idempotency-Key)'}: ${accepted} accepted, ${duplicates} duplicates`);
    send(res, 200, { accepted, duplicates }, headers);
  }

  async function pull(url, res, headers) {
    const after = url.searchParams.get('after') ?? '';
    const limitParam = url.searchParams.get('limit') ?? '';
    if (after !== '' && !/^\d{1,18}$/.test(after)) throw new HttpError(400, '`after` must be a cursor from an earlier answer.');
    if (limitParam !== '' && !/^\d{1,9}$/.test(limitParam)) throw new HttpError(400, '`limit` must be a positive integer.');
    const limit = limitParam === '' ? DEFAULT_PAGE : Math.min(Number(limitParam), MAX_PAGE);
    if (limit < 1) throw new HttpError(400, '`limit` must be a positive integer.');
    // One row more than asked tells whether another page follows.
    const { rows } = await pool.query(SELECT_PAGE, [after === '' ? '0' : after, limit + 1]);
    const page = rows.slice(0, limit);
    const last = page.length ? page[page.length - 1].seq : after || null;
    send(res, 200, { records: page.map((r) => r.record), next: rows.length > limit ? last : null, last }, headers);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const origin = req.headers.origin;
    const allowed = originAllowed(origin, allowList);
    const headers = corsHeaders(origin);

    if (url.pathname !== path) throw new HttpError(404, `Nothing here: the team store is at ${path}.`);
    if (req.method === 'OPTIONS') {
      if (origin && !allowed) return send(res, 403, { error: `Origin ${origin} is not allowed (TEAM_STORE_ORIGINS).` }, { Vary: 'Origin' });
      const preflight = allowed ? { ...headers, ...CORS_PREFLIGHT } : headers;
      // Chrome asks before a public page reaches a private address (Private Network Access).
      if (allowed && req.headers['access-control-request-private-network'] === 'true') preflight['Access-Control-Allow-Private-Network'] = 'true';
      res.writeHead(204, { ...preflight, ...(closing ? { Connection: 'close' } : {}), Allow: 'GET, POST, OPTIONS' });
      return res.end();
    }
    if (!sameSecret(req.headers.authorization, token)) throw new HttpError(401, 'Missing or wrong Authorization header.', { headers });
    if (req.method === 'POST') return push(req, res, headers);
    if (req.method === 'GET') return pull(url, res, headers);
    throw new HttpError(405, `${req.method} is not supported here: use POST or GET.`, { headers: { ...headers, Allow: 'GET, POST, OPTIONS' } });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      const cors = corsHeaders(req.headers.origin);
      if (err instanceof HttpError) return send(res, err.status, { error: err.message, ...(err.extra.index !== undefined ? { index: err.extra.index } : {}) }, { ...cors, ...err.extra.headers });
      if (isTransient(err)) {
        log(`team-store: database unavailable: ${err.message}`);
        return send(res, 503, { error: 'The database is unavailable; try again later.' }, { ...cors, 'Retry-After': '5' });
      }
      log(`team-store: ${req.method} ${req.url} failed: ${err?.stack ?? err}`);
      send(res, 500, { error: 'The team store failed to handle this request.' }, cors);
    });
  });
  // Bounds how long one request (a slow upload, an oversized body being discarded) can take.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
  log(`team-store: listening on ${base}${path}`);

  let closed = null;
  function close() {
    closed ??= (async () => {
      closing = true;
      const stopped = new Promise((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      log('team-store: shutting down: no new connections, finishing requests in flight');
      // Requests in flight get to finish (their answers say Connection: close); a client that
      // keeps a connection open past this is cut off.
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      force.unref();
      await stopped;
      clearTimeout(force);
      await pool.end();
      log('team-store: stopped');
    })();
    return closed;
  }

  return { server, pool, url: base, endpoint: `${base}${path}`, port: actualPort, close };
}

async function createSchema(pool) {
  const sql = await readFile(SCHEMA_FILE, 'utf8');
  const client = await pool.connect();
  try {
    // Two receivers starting at once would race on CREATE … IF NOT EXISTS; one waits instead.
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('qa_reviews schema'))");
    await client.query(sql);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function envInt(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`team-store: ${name} must be a whole number, not ${JSON.stringify(value)}`);
  return Number(value);
}

async function main() {
  const store = await startServer({
    databaseUrl: process.env.DATABASE_URL,
    token: process.env.TEAM_STORE_TOKEN,
    port: envInt('PORT', 8787),
    host: process.env.HOST || '127.0.0.1',
    maxBodyBytes: envInt('TEAM_STORE_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    path: process.env.TEAM_STORE_PATH || '/reviews',
    origins: process.env.TEAM_STORE_ORIGINS,
  });
  const shutdown = (signal) => {
    console.log(`team-store: ${signal}`);
    store.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err.message ?? err);
    process.exit(1);
  });
}
