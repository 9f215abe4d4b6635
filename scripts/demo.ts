// `npm run demo`: build the extension, launch Chromium with it, and open the bundled demo Zendesk
// and Freshdesk (served by route interception — no account, no network).
// `npm run demo -- --headless --screenshots <dir>` walks the reviewer's flow and writes PNGs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addFreshdeskHistory, addZendeskHistory, createFreshdeskDemoData, createZendeskDemoData, DEMO, routeMockHelpdesks } from '../tests/support/mock-helpdesk';
import { launchWithExtension, newProfileDir, openPanel, tabIdOf, type LoadedExtension } from '../tests/e2e/support/extension';
import { SCHEMA_VERSION } from '../lib/db/schema';
import { backupWith, teamHistory } from '../tests/support/team-history';
// @ts-expect-error plain ESM helper shared with the test runner
import { findChromium } from './find-chromium.mjs';

interface Args {
  headless: boolean;
  screenshots: string | null;
  build: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { headless: false, screenshots: null, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--headless') args.headless = true;
    else if (a === '--screenshots') args.screenshots = argv[++i] ?? 'screenshots';
    else if (a?.startsWith('--screenshots=')) args.screenshots = a.slice('--screenshots='.length);
    else if (a === '--no-build') args.build = false;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run demo [-- --headless] [--screenshots <dir>] [--no-build]');
      process.exit(0);
    } else {
      console.error(`Unknown option ${a}. Try --help.`);
      process.exit(2);
    }
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!args.headless && !hasDisplay) {
  args.headless = true;
  args.screenshots ??= 'screenshots';
  console.log(`No display found ($DISPLAY is not set): running the demo headless and writing screenshots instead.`);
}

if (args.build) {
  console.log('Building the extension…');
  // The build's own chatter (bundler notes about dependencies) is only worth showing on failure.
  const build = spawnSync(path.resolve('node_modules/.bin/wxt'), ['build'], { encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    console.error('The build failed; run `npm run build` to see why.');
    process.exit(1);
  }
}
process.env.CHROMIUM_PATH ??= findChromium();

const zendeskUrl = (kind: string) => `https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets.find((t) => t.kind === kind)!.id}`;
const freshdeskUrl = (kind: string) => `https://${DEMO.freshdesk.host}/a/tickets/${DEMO.freshdesk.tickets.find((t) => t.kind === kind)!.id}`;

async function withPanel(ext: LoadedExtension, url: string) {
  const page = await ext.context.newPage();
  await page.goto(url);
  const tabId = await tabIdOf(ext.worker, page);
  const panel = await openPanel(ext, tabId);
  await panel.setViewportSize({ width: 440, height: 1000 });
  await panel.getByTestId('ticket-subject').waitFor({ timeout: 30_000 });
  return { page, panel };
}

async function rate(panel: Page, choices: ('best' | 'second' | 'na')[], comment: string) {
  const criteria = panel.getByTestId('criterion');
  // Every criterion gets an answer (Submit waits for all of them): the rest get their best level.
  await criteria.first().waitFor();
  const count = await criteria.count();
  for (let i = 0; i < count; i++) {
    const row = criteria.nth(i);
    const choice = choices[i] ?? 'best';
    if (choice === 'na') await row.getByTestId('rating-na').click();
    else {
      const options = row.getByTestId('rating-option');
      const count = await options.count();
      await options.nth(choice === 'best' ? count - 1 : Math.max(0, count - 2)).click();
    }
  }
  await criteria.nth(0).getByTestId('criterion-comment').fill(comment);
  await panel.getByText('Saved', { exact: false }).first().waitFor();
}

async function walkThrough(ext: LoadedExtension, dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const shots: string[] = [];
  const shoot = async (page: Page, name: string, fullPage = false) => {
    const file = path.join(dir, name);
    await page.screenshot({ path: file, fullPage });
    shots.push(file);
  };

  const zendesk = await withPanel(ext, zendeskUrl('email-complaint'));
  await shoot(zendesk.page, '01-zendesk-ticket.png');
  await shoot(zendesk.panel, '02-panel-zendesk-ticket.png');
  // An e-mail complaint gets the LATER template: listen, apologise, thank, explain, resolve, data protection.
  await rate(zendesk.panel, ['best', 'second', 'best', 'second', 'best', 'best'], 'Heard both failures — the late delivery and the refund — in the customer’s own terms.');
  await zendesk.panel.locator('.coaching textarea').first().fill('Acknowledged the delay in the customer’s own words and owned the fix.');
  await zendesk.panel.getByTestId('save-status').filter({ hasText: 'Saved' }).waitFor();
  await shoot(zendesk.panel, '03-panel-rated.png', true);
  await zendesk.panel.getByTestId('submit-review').click();
  await zendesk.panel.getByTestId('edit-review').waitFor();
  await zendesk.panel.evaluate(() => window.scrollTo(0, 0));
  await shoot(zendesk.panel, '04-panel-submitted.png');

  const freshdesk = await withPanel(ext, freshdeskUrl('chat'));
  await shoot(freshdesk.page, '05-freshdesk-ticket.png');
  // The live chat template: response gaps, attention, chat style, answer, resolution, closing, data protection.
  await rate(freshdesk.panel, ['second', 'best', 'best', 'best', 'best', 'na', 'best'], 'Answered within the chat; confirmed the fix before closing.');
  await shoot(freshdesk.panel, '06-panel-freshdesk-rated.png');

  const hostile = await withPanel(ext, zendeskUrl('hostile'));
  await shoot(hostile.panel, '07-panel-hostile-ticket-as-text.png');

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByTestId('rubric-item').first().waitFor();
  await shoot(options, '08-options.png');

  // The rubric editor on the LATER complaint template, with the live preview beside the form.
  const editor = await ext.context.newPage();
  await editor.setViewportSize({ width: 1280, height: 1000 });
  await editor.goto(`chrome-extension://${ext.extensionId}/editor.html?id=complaint-handling-later`);
  await editor.getByTestId('editor-preview').waitFor();
  await editor.getByTestId('editor-criterion').first().waitFor();
  await shoot(editor, '10-rubric-editor.png');
  await editor.close();

  // A weekly sample of the demo Zendesk (three weeks of solved tickets), drawn through its open tab.
  const sampling = await ext.context.newPage();
  await sampling.setViewportSize({ width: 1100, height: 1300 });
  await sampling.goto(`chrome-extension://${ext.extensionId}/sampling.html`);
  await sampling.getByTestId('sample-agent-option').first().waitFor({ timeout: 60_000 });
  await sampling.getByTestId('sample-week').fill('2026-W47');
  await sampling.getByTestId('sample-per-agent').fill('3');
  await sampling.getByTestId('sample-draw').click();
  await sampling.getByTestId('sample-item').first().waitFor({ timeout: 120_000 });
  await shoot(sampling, '11-sampling.png');
  await sampling.close();

  // The dashboard needs a team's worth of reviews: twelve weeks of made-up ones, restored from a
  // file (merged with the two above) as if fetched from the team store.
  const history = path.join(fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'demo-')), 'team.json');
  fs.writeFileSync(history, backupWith(teamHistory({ count: 900, endMs: Date.now(), days: 84 }), SCHEMA_VERSION, new Date().toISOString()));
  // Reading and checking 900 reviews takes a moment on a slow machine.
  options.setDefaultTimeout(120_000);
  await options.getByTestId('backup-restore').setInputFiles(history);
  await options.getByTestId('restore-confirm').click();
  await options.getByTestId('restore-done').waitFor();
  await options.getByTestId('open-dashboard').click();
  await options.setViewportSize({ width: 1280, height: 1500 });
  await options.locator('[data-testid="agent-row"]').first().waitFor();
  await options.locator('.uplot').first().waitFor();
  await shoot(options, '09-dashboard.png');
  return shots;
}

const ext = await launchWithExtension(newProfileDir(), { headless: args.headless });
// Three weeks of solved tickets (2026-W46 to W48) for the Sampling page.
await routeMockHelpdesks(ext.context, {
  zendeskHosts: [DEMO.zendesk.host],
  freshdeskHosts: [DEMO.freshdesk.host],
  data: { zendesk: addZendeskHistory(createZendeskDemoData()), freshdesk: addFreshdeskHistory(createFreshdeskDemoData()) },
});

if (args.headless || args.screenshots) {
  const dir = path.resolve(args.screenshots ?? 'screenshots');
  try {
    const shots = await walkThrough(ext, dir);
    console.log(`Demo walked through ${shots.length} steps. Screenshots are in ${dir}:`);
    for (const s of shots) console.log(`  ${s}`);
  } finally {
    if (args.headless) await ext.context.close();
  }
}

if (!args.headless) {
  await ext.context.newPage().then((p) => p.goto(freshdeskUrl('chat')));
  const zendesk = await ext.context.newPage();
  await zendesk.goto(zendeskUrl('email-complaint'));
  const tabId = await tabIdOf(ext.worker, zendesk);
  // A side panel only opens from a click on the toolbar icon, so the demo shows the same page in
  // a window of its own beside the helpdesk, bound to the Zendesk tab.
  await ext.worker.evaluate(
    (url) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url, type: 'popup', width: 460, height: 900, left: 980, top: 0 }),
    `chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`,
  );
  await zendesk.bringToFront();
  console.log(
    [
      'The demo is running in Chromium:',
      `  • Zendesk demo:   ${zendeskUrl('email-complaint')}`,
      `  • Freshdesk demo: ${freshdeskUrl('chat')}`,
      '  • The scorecard is open in a window beside it; the extension\'s toolbar icon opens it as a side panel.',
      'Close the browser window to end the demo.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
}
