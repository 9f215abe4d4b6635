// The Firefox smoke tests (tests/firefox/*.firefox.ts, node's test runner, puppeteer-core over
// WebDriver BiDi) against the Firefox build in .output/firefox-mv2. `npm test` calls
// runFirefoxTests() after Playwright; `npm run test:firefox` builds for Firefox and runs them alone.
// No Firefox (and none installable): one line saying so, and only this part is skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFirefox } from './find-firefox.mjs';

const TEST_DIR = path.resolve('tests/firefox');
const bin = (name) => path.resolve('node_modules/.bin', name);

/** pass/fail counts from a TAP file written by node's test runner (cancelled counts as failed). */
function tapCounts(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  const [pass, fail, cancelled] = [count('pass'), count('fail'), count('cancelled')];
  if (Number.isNaN(pass) || Number.isNaN(fail)) return null;
  return { passed: pass, failed: fail + (Number.isNaN(cancelled) ? 0 : cancelled) };
}

/**
 * Runs the suite; resolves to `{ skipped: true }` when there is no usable Firefox, else
 * `{ status, passed, failed }` (`passed`/`failed` are null when the runner left no results).
 */
export function runFirefoxTests({ resultsDir = path.resolve('test-results') } = {}) {
  const firefox = findFirefox();
  if (firefox.skip) {
    console.log(firefox.skip);
    return { skipped: true };
  }
  console.log(`Firefox: ${firefox.path} (${firefox.version})`);
  const files = fs
    .readdirSync(TEST_DIR)
    .filter((f) => f.endsWith('.firefox.ts'))
    .sort()
    .map((f) => path.join(TEST_DIR, f));
  // With no file named, node --test would run every test file it finds in the project.
  if (!files.length) {
    console.error(`No *.firefox.ts files in ${TEST_DIR}.`);
    return { status: 1, passed: null, failed: null };
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const tap = path.join(resultsDir, 'firefox.tap');
  fs.rmSync(tap, { force: true });
  // One file at a time: each starts its own Firefox, and the machine may have two cores.
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { stdio: 'inherit', env: { ...process.env, FIREFOX_PATH: firefox.path } },
  );
  const counts = tapCounts(tap);
  return { status: r.status ?? 1, passed: counts?.passed ?? null, failed: counts?.failed ?? null };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const build = spawnSync(bin('wxt'), ['build', '-b', 'firefox'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const result = runFirefoxTests();
  if (result.skipped) process.exit(0);
  process.exit(result.status);
}
