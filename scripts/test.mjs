// `npm test`: the whole suite — type check, unit and integration tests, build, end-to-end tests
// against the built extension in Chromium, then the Firefox smoke tests — then one closing line
// with the totals across Vitest, Playwright and the Firefox run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumVersion, findChromium } from './find-chromium.mjs';
import { findPostgres, postgresVersion } from './find-postgres.mjs';
import { runFirefoxTests } from './test-firefox.mjs';

const RESULTS = path.resolve('test-results');
fs.mkdirSync(RESULTS, { recursive: true });
const bin = (name) => path.resolve('node_modules/.bin', name);

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

if (run('Type check', bin('tsc'), ['--noEmit']) !== 0) problems.push('type check');
if (run('Lint (ESLint: types, hooks, runtime rules)', bin('eslint'), ['.']) !== 0) problems.push('lint');

// The team-store integration tests (part of the Vitest run) start a throwaway PostgreSQL cluster:
// find its programs, or install Debian's package as root, before Vitest needs them.
try {
  const pgBin = findPostgres();
  console.log(`PostgreSQL: ${pgBin} (${postgresVersion(pgBin)})`);
} catch (err) {
  console.error(err.message);
  problems.push('no PostgreSQL');
}

const vitestJson = path.join(RESULTS, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unitStatus = run('Unit and integration tests (Vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const unit = readJson(vitestJson);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  // A test file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (unit.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).length).length;
  failed += (unit.numFailedTests ?? 0) + brokenFiles;
}
if (unitStatus !== 0 || !unit) problems.push('unit tests');

// The Firefox build must build and pass Mozilla's linter without errors (warnings are printed).
const firefoxBuilt = run('Firefox build', bin('wxt'), ['build', '-b', 'firefox']) === 0;
if (!firefoxBuilt) problems.push('Firefox build');
else if (run('Firefox lint (web-ext)', bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--no-input']) !== 0) problems.push('Firefox lint');

if (run('Build the extension', bin('wxt'), ['build']) !== 0) {
  problems.push('build');
} else {
  let executable = null;
  try {
    executable = findChromium();
    console.log(`Chromium: ${executable} (${chromiumVersion(executable)})`);
  } catch (err) {
    console.error(err.message);
    problems.push('no browser');
  }
  if (executable) {
    const e2eJson = path.join(RESULTS, 'playwright.json');
    fs.rmSync(e2eJson, { force: true });
    const e2eStatus = run('End-to-end tests (Playwright, built extension)', bin('playwright'), ['test', '--reporter=list,json'], {
      CHROMIUM_PATH: executable,
      PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson,
    });
    const e2e = readJson(e2eJson);
    if (e2e?.stats) {
      passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
      failed += e2e.stats.unexpected ?? 0;
    }
    if (e2eStatus !== 0 || !e2e) problems.push('end-to-end tests');
  }
}

// The Firefox build in a real Firefox (puppeteer-core over WebDriver BiDi). `wxt build` above only
// replaced .output/chrome-mv3, so .output/firefox-mv2 is still the build that was linted.
if (firefoxBuilt) {
  console.log('\n▶ Firefox smoke tests (node:test + puppeteer-core, Firefox build)');
  const firefox = runFirefoxTests({ resultsDir: RESULTS });
  if (!firefox.skipped) {
    passed += firefox.passed ?? 0;
    failed += firefox.failed ?? 0;
    if (firefox.status !== 0 || firefox.passed === null) problems.push('Firefox smoke tests');
  }
}

if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
const summary = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(RESULTS, 'summary.txt'), `${summary}\n`);
console.log(summary);
process.exit(problems.length || failed ? 1 : 0);
