// A throwaway PostgreSQL cluster for the team-store tests: its own data directory under the
// system temp dir, a free port on 127.0.0.1 only, its socket in that directory, durability off
// (fsync, full-page writes, synchronous commit) because nothing in it has to survive. It never
// touches a system cluster. As root (CI containers) the server programs run as the `postgres`
// user, since PostgreSQL refuses to run as root.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error plain ESM helper shared with the test runner (scripts/test.mjs)
import { findPostgres as findPostgresUntyped } from '../../../scripts/find-postgres.mjs';

const findPostgres = findPostgresUntyped as (options: { log?: (line: string) => void }) => string;

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only) */
  url: string;
  port: number;
  /** the temp directory: data directory `data/`, the socket, `server.log` */
  dir: string;
  /** A new empty database in this cluster; resolves to its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server (immediate mode: nothing to keep) and removes the directory. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** progress lines, e.g. when the postgresql package has to be installed */
  log?: (line: string) => void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

interface Command {
  cmd: string;
  args: string[];
}

/** Runs a server program, as the postgres user when we are root. */
function asServerUser(binDir: string, program: string, args: string[]): Command {
  const cmd = path.join(binDir, program);
  return isRoot() ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args };
}

function run({ cmd, args }: Command): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // pg_ctl's started server inherits these pipes: ignore stdin and let its output go to its log
    // file (-l), so the pipes close when pg_ctl itself exits.
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function mustRun(command: Command, what: string): Promise<void> {
  const { code, output } = await run(command);
  if (code !== 0) throw new Error(`${what} failed (exit ${code}):\n${output.trim()}`);
}

/** A port nobody listens on right now (the kernel's pick); the caller retries if it is taken by then. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

const SETTINGS = (port: number, socketDir: string) => `
# throwaway test cluster (tests/support/team-store/postgres.ts)
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${socketDir}'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
shared_buffers = 32MB
`;

export async function startPostgres(options: StartPostgresOptions = {}): Promise<TestPostgres> {
  const log = options.log ?? ((line: string) => console.error(line));
  const binDir = findPostgres({ log });
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    throw new Error('Running as root, but there is no `postgres` user to run the test cluster as (PostgreSQL refuses to run as root). Run the tests as a normal user, or create one: useradd --system postgres');
  }

  const dir = serverOwnedTempDir();
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  let started = false;
  const pgCtlStop = () => asServerUser(binDir, 'pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-s']);
  // If the test process exits without calling stop(), do not leave a server running.
  const onExit = () => {
    if (started) {
      const { cmd, args } = pgCtlStop();
      spawnSync(cmd, args, { stdio: 'ignore' });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  try {
    await mustRun(
      asServerUser(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']),
      'initdb',
    );
    const conf = path.join(dataDir, 'postgresql.conf');
    let port = 0;
    // The free port is only free when we looked: another process may take it before the server
    // binds. Then pg_ctl fails and we try another one.
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      fs.appendFileSync(conf, SETTINGS(port, dir));
      const { code, output } = await run(asServerUser(binDir, 'pg_ctl', ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-s']));
      if (code === 0) {
        started = true;
      } else if (attempt >= 3 || !/could not bind|address already in use/i.test(tail(logFile))) {
        throw new Error(`pg_ctl start failed (exit ${code}):\n${output.trim()}\n--- ${logFile} ---\n${tail(logFile)}`);
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let created = 0;
    return {
      url,
      port,
      dir,
      async createDatabase(name = `test_${++created}`) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`createDatabase: ${JSON.stringify(name)} is not a plain lower-case identifier`);
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name}`);
        } finally {
          await client.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        process.removeListener('exit', onExit);
        try {
          if (started) await mustRun(pgCtlStop(), 'pg_ctl stop');
          started = false;
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    process.removeListener('exit', onExit);
    onExit();
    throw err;
  }
}

/** A new temp directory the server user can write in (as root: owned by postgres). */
function serverOwnedTempDir(): string {
  if (!isRoot()) return fs.mkdtempSync(path.join(os.tmpdir(), 'qa-pg-'));
  // $TMPDIR may sit under a directory only root can enter (e.g. /root/tmp); /tmp never does.
  for (const base of [...new Set([os.tmpdir(), '/tmp'])]) {
    const dir = fs.mkdtempSync(path.join(base, 'qa-pg-'));
    fs.chownSync(dir, ...postgresIds());
    if (spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', dir]).status === 0) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  throw new Error('The postgres user cannot write in a temp directory (tried $TMPDIR and /tmp).');
}

function postgresIds(): [number, number] {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return [uid, gid];
}
