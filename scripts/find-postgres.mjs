// Finds PostgreSQL's server programs (initdb, pg_ctl) for the team-store integration tests, which
// run a throwaway cluster of their own: $PG_BIN, Debian's /usr/lib/postgresql/<newest>/bin, then
// the PATH. On Debian as root it installs the postgresql package; anywhere else it says the one
// command that fixes it. `npm test` calls it before Vitest so a clean machine has it in time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { aptInstall, canAptInstall, isExecutable } from './find-chromium.mjs';

const DEBIAN_ROOT = '/usr/lib/postgresql';

function hasServerPrograms(dir) {
  return Boolean(dir) && isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'));
}

function debianBinDirs() {
  let versions;
  try {
    versions = fs.readdirSync(DEBIAN_ROOT);
  } catch {
    return [];
  }
  return versions
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(DEBIAN_ROOT, v, 'bin'));
}

function pathDirs() {
  return (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
}

function found() {
  return [process.env.PG_BIN, ...debianBinDirs(), ...pathDirs()].find(hasServerPrograms) ?? null;
}

export function postgresVersion(binDir) {
  try {
    return execFileSync(path.join(binDir, 'initdb'), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown version';
  }
}

/** The one command that gets PostgreSQL's server programs on this kind of machine. */
export function postgresFix() {
  if (process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get')) return 'sudo apt-get install -y postgresql';
  if (process.platform === 'darwin') return 'brew install postgresql';
  return 'install PostgreSQL (its initdb and pg_ctl)';
}

/** The directory holding initdb and pg_ctl; installs Debian's package when it can, else throws. */
export function findPostgres({ install = true, log = console.error } = {}) {
  const existing = found();
  if (existing) return existing;
  if (install && canAptInstall()) {
    log("No PostgreSQL found: installing Debian's postgresql package…");
    if (aptInstall('postgresql')) {
      const installed = found();
      if (installed) return installed;
    }
  }
  throw new Error(
    `No PostgreSQL server programs (initdb, pg_ctl) found; the team-store tests run a throwaway cluster. Install them with:\n  ${postgresFix()}\nor point PG_BIN at the directory that holds initdb and pg_ctl.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const dir = findPostgres();
    console.log(`${dir} (${postgresVersion(dir)})`);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
