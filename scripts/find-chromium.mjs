// Finds a Chromium for the end-to-end tests and the demo, in the order the toolchain notes give:
// $CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own download; on Debian as root it
// installs the chromium package; anywhere else it prints the one command that fixes it.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function playwrightCache() {
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && isExecutable(p) ? p : null;
  } catch {
    return null;
  }
}

function candidates() {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
}

function found() {
  for (const p of candidates()) if (isExecutable(p)) return p;
  return playwrightCache();
}

export function canAptInstall() {
  return process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
}

/** Installs a Debian package (root only); true when apt-get succeeded. */
export function aptInstall(pkg) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  return update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'inherit', env }).status === 0;
}

export function findChromium({ install = true, log = console.error } = {}) {
  const existing = found();
  if (existing) return existing;
  if (install && canAptInstall()) {
    log('No Chromium found: installing Debian\'s chromium package (about 20 s)…');
    if (aptInstall('chromium') && isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  const fix = process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get') ? 'sudo apt-get install -y chromium' : 'npx playwright install chromium';
  throw new Error(`No Chromium found. Install one with:\n  ${fix}\nor point CHROMIUM_PATH at a Chromium or Chrome binary.`);
}

export function chromiumVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown version';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const p = findChromium();
    console.log(p);
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
