// Finds a Firefox for the Firefox smoke test: $FIREFOX_PATH, Debian's firefox-esr, a `firefox` on
// the usual paths; on Debian as root it installs the firefox-esr package (about 80 MB). Unlike
// Chromium, a missing Firefox is not fatal: `npm test` skips only the Firefox run, with one line.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { aptInstall, canAptInstall, isExecutable } from './find-chromium.mjs';

// The add-on's strict_min_version (wxt.config.ts): an older Firefox refuses to install it.
export const MIN_FIREFOX = 140;

function candidates() {
  return [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
}

export function firefoxVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 }).trim();
  } catch {
    return 'unknown version';
  }
}

function major(version) {
  const m = /Firefox (\d+)/.exec(version);
  return m ? Number(m[1]) : null;
}

/**
 * `{ path, version }` of a Firefox that can run the add-on, or `{ skip }`: one line that says why
 * there is none and how to get one.
 */
export function findFirefox({ install = true, log = console.error } = {}) {
  let path = candidates().find(isExecutable);
  if (!path && install && canAptInstall()) {
    log("No Firefox found: installing Debian's firefox-esr package…");
    if (aptInstall('firefox-esr') && isExecutable('/usr/bin/firefox-esr')) path = '/usr/bin/firefox-esr';
  }
  const fix = process.platform === 'linux' && fs.existsSync('/usr/bin/apt-get') ? 'sudo apt-get install -y firefox-esr' : 'install Firefox';
  if (!path) return { skip: `Firefox smoke test skipped: no Firefox found (${fix}, or set FIREFOX_PATH).` };
  const version = firefoxVersion(path);
  const v = major(version);
  if (v !== null && v < MIN_FIREFOX) return { skip: `Firefox smoke test skipped: ${path} is ${version}, the add-on needs Firefox ${MIN_FIREFOX} or newer.` };
  return { path, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findFirefox();
  if (found.skip) {
    console.error(found.skip);
    process.exit(1);
  }
  console.log(`${found.path} (${found.version})`);
}
