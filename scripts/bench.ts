// `npm run bench`: speed and size figures, one line each as `name: value unit (ratio x vs baseline)`.
// Figures are medians of repeated runs; compare them only as ratios within one run (noisy 2-core
// machines). Nothing here is asserted in tests: tests stay deterministic.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseRawTicket } from '../lib/helpdesk/parsers';
import { checkDraft, type DraftContext } from '../lib/selfcheck/checks';
import { DEMO, addZendeskTicket, createZendeskDemoData, makeLargeZendeskTicket, routeMockHelpdesks } from '../tests/support/mock-helpdesk';
import { handleZendeskApi } from '../tests/support/mock-helpdesk/zendesk-api';
import type { MockRequest } from '../tests/support/mock-helpdesk/types';
import { teamHistory } from '../tests/support/team-history';
import { CHROMIUM_ARGS, chromiumPath, launchWithExtension, newProfileDir, openPanel, tabIdOf } from '../tests/e2e/support/extension';
// @ts-expect-error plain ESM helper shared with the test runner
import { findChromium } from './find-chromium.mjs';

const CONTENT_SCRIPT_BUDGET_KB = 30;
const OUTPUT = path.resolve('.output/chrome-mv3');

function line(name: string, value: number, unit: string, ratio: number, baseline: string) {
  console.log(`${name}: ${value.toFixed(unit === 'ms' ? 2 : 1)} ${unit} (${ratio.toFixed(2)}x vs ${baseline})`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  fn(); // warm-up: first-call compilation is not what a reviewer waits for on the next ticket
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function ensureBuild() {
  if (fs.existsSync(path.join(OUTPUT, 'manifest.json')) && !process.argv.includes('--build')) return;
  const r = spawnSync(path.resolve('node_modules/.bin/wxt'), ['build'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}${r.stderr}`);
}

function contentScriptSize() {
  const manifest = JSON.parse(fs.readFileSync(path.join(OUTPUT, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  let gzip = 0;
  for (const js of new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []))) {
    gzip += zlib.gzipSync(fs.readFileSync(path.join(OUTPUT, js))).length;
  }
  const kb = gzip / 1024;
  line('content-scripts-gzip', kb, 'kB', kb / CONTENT_SCRIPT_BUDGET_KB, `${CONTENT_SCRIPT_BUDGET_KB} kB budget`);
}

/** The raw payload a content script hands over for a 5 000-comment ticket, built by the mock API. */
function largeZendeskRaw(): Record<string, unknown> {
  const data = createZendeskDemoData();
  addZendeskTicket(data, makeLargeZendeskTicket('880001', 5000));
  const get = (p: string, query: string) => {
    const req: MockRequest = { helpdesk: 'zendesk', host: 'acme.zendesk.com', method: 'GET', path: p, search: new URLSearchParams(query), url: `https://acme.zendesk.com${p}?${query}`, fromAgentApp: false, headers: {} };
    return handleZendeskApi(req, data).body as Record<string, unknown>;
  };
  const ticket = get('/api/v2/tickets/880001.json', 'include=users,groups');
  const comments: unknown[] = [];
  const users: unknown[] = [];
  let query: string | null = 'include=users&page[size]=100';
  while (query) {
    const page = get('/api/v2/tickets/880001/comments.json', query) as { comments: unknown[]; users?: unknown[]; meta: { has_more: boolean; after_cursor: string } };
    comments.push(...page.comments);
    users.push(...(page.users ?? []));
    query = page.meta.has_more ? `include=users&page[size]=100&page[after]=${page.meta.after_cursor}` : null;
  }
  return { ticket, comments, users, metrics: null, me: get('/api/v2/users/me.json', '') };
}

function parseSpeed() {
  const raw = largeZendeskRaw();
  const text = JSON.stringify(raw);
  const messages = parseRawTicket('zendesk', 'acme.zendesk.com', raw).ticket.messages.length;
  if (messages !== 5000) throw new Error(`expected 5000 messages, parsed ${messages}`);
  const jsonMs = time(15, () => JSON.parse(text));
  const parseMs = time(15, () => parseRawTicket('zendesk', 'acme.zendesk.com', raw));
  line('parse-5000-comments', parseMs, 'ms', parseMs / jsonMs, `JSON.parse of the same ${(text.length / 1e6).toFixed(1)} MB payload`);
}

/**
 * A long reply of the usual kind (greeting, facts, numbers, a masked card, a link, a closing) but
 * with no apology and no next step, so that every rule reads the whole draft: the slowest case.
 */
function longDraft(length: number): string {
  const paragraph = [
    'Your order #48213 arrived late and the box was damaged.',
    'The courier scanned the parcel at the depot on 12/03/2026 at 07:40; it left the depot on 13/03/2026.',
    'The refund of £24.99 went back to the card ending XXXX XXXX XXXX 4242, and the password reset page is https://help.example.com/reset?id=48213.',
    '',
  ].join('\n');
  const closing = '\n\nKind regards,\nSam Lee';
  let text = 'Hi Sarah,\n\n';
  while (text.length < length) text += paragraph;
  return text.slice(0, length - closing.length) + closing;
}

/** checkDraft runs as the agent types and on Send, so it must stay linear in the draft's length. */
function draftCheckSpeed() {
  const context: DraftContext = { channel: 'email', customerName: 'Sarah Jones', agentName: 'Sam Lee', isComplaint: true };
  const short = longDraft(5_000);
  const long = longDraft(100_000);
  // Each sample is the same amount of text, 20 short drafts or one long one, so timer resolution
  // and pauses weigh the same on both figures.
  const shortMs = time(21, () => {
    for (let i = 0; i < 20; i++) checkDraft(short, context);
  }) / 20;
  const longMs = time(21, () => checkDraft(long, context));
  // The panel re-checks on each pause in typing: one 60 Hz frame is the budget that keeps it smooth.
  line('checkdraft-5000-chars', shortMs, 'ms', shortMs / (1000 / 60), 'one 16.7 ms frame');
  // Linearity: 20 times the text should take 20 times as long, so a ratio near 1 is linear; the
  // quadratic patterns this replaced made it several hundred.
  line('checkdraft-100000-chars', longMs, 'ms', longMs / (20 * shortMs), '20 × the 5 000-character time');
}

/** Time from a browser-tab switch to the panel showing that tab's ticket, API copies already read. */
async function panelSwitchTime() {
  process.env.CHROMIUM_PATH ??= findChromium();
  const ext = await launchWithExtension(newProfileDir());
  try {
    await routeMockHelpdesks(ext.context, { zendeskHosts: [DEMO.zendesk.host] });
    const [a, b] = DEMO.zendesk.tickets;
    const pages = [];
    for (const t of [a!, b!]) {
      const page = await ext.context.newPage();
      await page.goto(`https://${DEMO.zendesk.host}/agent/tickets/${t.id}`);
      pages.push({ page, id: t.id, tabId: await tabIdOf(ext.worker, page) });
    }
    // The panel follows the active tab of its window, like the real side panel.
    const panel = await ext.context.newPage();
    const coldStart = Date.now();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await ext.worker.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { update(i: number, p: object): Promise<unknown> } } }).chrome.tabs.update(id, { active: true }), pages[0]!.tabId);
    await panel.waitForFunction((id) => document.querySelector('[data-testid="ticket-id"]')?.textContent === id, pages[0]!.id);
    const cold = Date.now() - coldStart;

    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const target = pages[(i + 1) % 2]!;
      const started = Date.now();
      await ext.worker.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { update(i: number, p: object): Promise<unknown> } } }).chrome.tabs.update(id, { active: true }), target.tabId);
      await panel.waitForFunction((id) => document.querySelector('[data-testid="ticket-id"]')?.textContent === id, target.id, { polling: 5 });
      samples.push(Date.now() - started);
    }
    const warm = median(samples);
    line('panel-tab-switch-to-ticket', warm, 'ms', warm / cold, `first open incl. API reads, ${cold} ms`);
  } finally {
    await ext.context.close();
  }
}

/** Chromium as an agent without the extension runs it (or with another build): the same flags. */
function launchPlain(extensionDir?: string): Promise<BrowserContext> {
  const load = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  return chromium.launchPersistentContext(newProfileDir(), { executablePath: chromiumPath(), headless: true, viewport: { width: 1280, height: 800 }, args: [...load, ...CHROMIUM_ARGS] });
}

/** The built extension with an empty Zendesk content script: what injecting any script costs. */
function emptyContentScriptBuild(): string {
  const dir = path.resolve('.bench/empty-content-script');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(OUTPUT, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'content-scripts/zendesk.js'), '(function () {})();\n');
  return dir;
}

/** Records in the page when the agent app has drawn the conversation (its first log item). */
const MARK_TICKET_SHOWN = () => {
  const w = window as unknown as { __ticketShownAt?: number };
  new MutationObserver((_records, observer) => {
    if (!document.querySelector('[data-test-id="omni-log-comment-item"]')) return;
    w.__ticketShownAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

interface PageTimes {
  load: number;
  shown: number;
}

async function loadTicketPage(context: BrowserContext, url: string): Promise<PageTimes> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __ticketShownAt?: number }).__ticketShownAt !== undefined);
    return await page.evaluate(() => ({
      load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
      shown: (window as unknown as { __ticketShownAt: number }).__ticketShownAt,
    }));
  } finally {
    await page.close();
  }
}

/**
 * The same fake Zendesk ticket page loaded in Chromium without the extension, with it, and with
 * a build whose content script is empty (the browser's own cost of injecting one), in turn so
 * that drift on a noisy machine hits all three. Times are taken in the page: the load event, and
 * the agent app's conversation drawn. The content script runs at document_idle and reads the
 * ticket through the same API as the page, so it competes for the connection.
 */
async function pageLoadWithAndWithout() {
  process.env.CHROMIUM_PATH ??= findChromium();
  const variants = {
    without: await launchPlain(),
    withExtension: (await launchWithExtension(newProfileDir())).context,
    emptyContentScript: await launchPlain(emptyContentScriptBuild()),
  };
  const contexts = Object.values(variants);
  try {
    for (const context of contexts) {
      await routeMockHelpdesks(context, { zendeskHosts: [DEMO.zendesk.host] });
      await context.addInitScript(MARK_TICKET_SHOWN);
    }
    const url = `https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets[0]!.id}`;
    for (const context of contexts) await loadTicketPage(context, url); // warm-up
    const times = new Map<BrowserContext, PageTimes[]>(contexts.map((c) => [c, []]));
    for (let i = 0; i < 21; i++) {
      for (let k = 0; k < contexts.length; k++) {
        const context = contexts[(i + k) % contexts.length]!;
        times.get(context)!.push(await loadTicketPage(context, url));
      }
    }
    const med = (context: BrowserContext, key: keyof PageTimes) => median(times.get(context)!.map((t) => t[key]));
    for (const key of ['load', 'shown'] as const) {
      const without = med(variants.without, key);
      const what = key === 'load' ? 'load-event' : 'ticket-shown';
      const withExt = med(variants.withExtension, key);
      line(`helpdesk-page-${what}-with-extension`, withExt, 'ms', withExt / without, `${without.toFixed(1)} ms without the extension, goal ≤ 1.05`);
      const empty = med(variants.emptyContentScript, key);
      line(`helpdesk-page-${what}-empty-content-script`, empty, 'ms', empty / without, `${without.toFixed(1)} ms without: the browser's cost of any content script`);
    }
  } finally {
    for (const context of contexts) await context.close();
  }
}

const HUGE_TICKET = '880002';

/** 5 000 comments × 20 000 characters: 100 MB of text, 300 MB of API JSON with its copies. */
function hugeTicketData() {
  const data = createZendeskDemoData();
  const huge = makeLargeZendeskTicket(HUGE_TICKET, 5000, { textChars: 20_000 });
  // Zendesk's own log loads lazily: the page holds the last comments, not 300 MB.
  huge.agentAppReadsLast = 30;
  addZendeskTicket(data, huge);
  return data;
}

/** The tab's JavaScript heap after a full collection: the page and the content script share it. */
async function heapMb(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

/**
 * The helpdesk tab's memory on the huge ticket: without the extension once the agent app shows
 * the ticket, with it once the panel shows the ticket too (the content script has read all 50
 * pages, sent its cut copy and keeps it for a quick return to the tab).
 */
async function hugeTicketMemory() {
  process.env.CHROMIUM_PATH ??= findChromium();
  const url = `https://acme.zendesk.com/agent/tickets/${HUGE_TICKET}`;
  const shown = (page: Page) => page.waitForSelector('[data-test-id="omni-log-comment-item"]');

  const plain = await launchPlain();
  let without: number;
  try {
    await routeMockHelpdesks(plain, { zendeskHosts: ['acme.zendesk.com'], data: { zendesk: hugeTicketData() } });
    const page = await plain.newPage();
    await page.goto(url);
    await shown(page);
    without = await heapMb(plain, page);
  } finally {
    await plain.close();
  }

  const ext = await launchWithExtension(newProfileDir());
  try {
    await routeMockHelpdesks(ext.context, { zendeskHosts: ['acme.zendesk.com'], data: { zendesk: hugeTicketData() } });
    const page = await ext.context.newPage();
    const started = Date.now();
    await page.goto(url);
    await shown(page);
    const panel = await openPanel(ext, await tabIdOf(ext.worker, page));
    await panel.waitForFunction((id) => document.querySelector('[data-testid="ticket-id"]')?.textContent === id, HUGE_TICKET, { timeout: 600_000, polling: 100 });
    const readyMs = Date.now() - started;
    const truncated = await panel.locator('[data-testid="message-truncated"]').count();
    if (truncated === 0) throw new Error('the huge ticket shows no truncated message');
    await panel.close();
    const withExt = await heapMb(ext.context, page);
    line('helpdesk-tab-heap-huge-ticket-with-extension', withExt, 'MB', withExt / without, `${without.toFixed(1)} MB without the extension; panel ready after ${(readyMs / 1000).toFixed(0)} s`);
    // What the extension adds, against the ticket's own text (5 000 × 20 000 characters, 100 MB).
    line('helpdesk-tab-heap-added-by-extension', withExt - without, 'MB', (withExt - without) / 100, '100 MB of ticket text');
  } finally {
    await ext.context.close();
  }
}

const DASHBOARD_REVIEWS = 100_000;

/**
 * The dashboard at 100 000 stored reviews, in Chromium with the built extension: the reviews are
 * written straight into the extension's IndexedDB by its service worker (a year of a team's
 * reviews), then timed there against a raw cursor scan of the reviews table.
 *   - dashboard open: the `dashboard:summary` request for the default range (last 12 weeks) from
 *     an extension page, and dashboard.html from navigation to its figures on screen;
 *   - Rebuild: the `dashboard:rebuild` request (every review read, the roll-ups written again).
 */
async function dashboardSpeed() {
  process.env.CHROMIUM_PATH ??= findChromium();
  const ext = await launchWithExtension(newProfileDir());
  try {
    // 1 000 made-up reviews, copied in the worker 100 times over a year with new ids and times.
    const template = teamHistory({ count: 1000, endMs: Date.now(), days: 365, agents: 8, reviewers: 4 });
    const copies = DASHBOARD_REVIEWS / template.length;
    await ext.worker.evaluate(
      async ({ template, copies }) => {
        const open = indexedDB.open('qa-scorecards');
        const db = await new Promise<IDBDatabase>((resolve, reject) => ((open.onsuccess = () => resolve(open.result)), (open.onerror = () => reject(open.error))));
        const yearMs = 365 * 86_400_000;
        for (let c = 0; c < copies; c++) {
          const tx = db.transaction('reviews', 'readwrite');
          const store = tx.objectStore('reviews');
          template.forEach((row, i) => {
            const at = new Date(Date.now() - ((i * copies + c) / (template.length * copies)) * yearMs).toISOString();
            const ticketId = String(1_000_000 + c * template.length + i);
            store.put({ ...row, id: `bench-${c}-${i}`, ticketId, ticketKey: `zendesk:acme.zendesk.com:${ticketId}`, ticketUrl: `https://acme.zendesk.com/agent/tickets/${ticketId}`, createdAt: at, updatedAt: at, submittedAt: at });
          });
          await new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
        }
        db.close();
      },
      { template, copies },
    );
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const send = (type: string, data: object) =>
      page.evaluate(
        async ({ type, data }) => {
          const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; data: unknown; error?: unknown }> } } }).chrome;
          const started = performance.now();
          const reply = await api.runtime.sendMessage({ type, data });
          if (!reply.ok) throw new Error(JSON.stringify(reply.error));
          return { ms: performance.now() - started, data: reply.data as Record<string, unknown> };
        },
        { type, data },
      );
    const scan = () => rawScan(ext.worker);

    const today = new Date().toLocaleDateString('en-CA', { timeZone });
    const from = new Date(Date.parse(`${today}T12:00:00Z`) - 83 * 86_400_000).toISOString().slice(0, 10);
    const summary = { timeZone, from, to: today, filter: {} };
    const scans: number[] = [];
    const rebuilds: number[] = [];
    const opens: number[] = [];
    const pageOpens: number[] = [];
    let counted = 0;
    const dashboard = await ext.context.newPage();
    for (let i = 0; i < 5; i++) {
      const s = await scan();
      if (s.count !== DASHBOARD_REVIEWS) throw new Error(`expected ${DASHBOARD_REVIEWS} reviews, scanned ${s.count}`);
      scans.push(s.ms);
      rebuilds.push((await send('dashboard:rebuild', { timeZone })).ms);
      const open = await send('dashboard:summary', summary);
      opens.push(open.ms);
      counted = (open.data.totals as { reviews: number }).reviews;
      const started = Date.now();
      await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
      await dashboard.waitForSelector('[data-testid="stat-reviews"]');
      pageOpens.push(Date.now() - started);
    }
    const scanMs = median(scans);
    line('reviews-cursor-scan-100k', scanMs, 'ms', 1, 'itself: a raw cursor over every review');
    line('dashboard-summary-100k', median(opens), 'ms', median(opens) / scanMs, `the scan; default range (12 weeks, ${counted} reviews counted), goal < 0.10`);
    line('dashboard-page-open-100k', median(pageOpens), 'ms', median(pageOpens) / scanMs, 'the scan; navigation to figures on screen');
    line('rollups-rebuild-100k', median(rebuilds), 'ms', median(rebuilds) / scanMs, 'the scan, goal ≤ 1.5');
  } finally {
    await ext.context.close();
  }
}

/**
 * `count` submitted reviews written straight into the extension's database from its service
 * worker (the built-in rubric, 7 answers each, two with comments holding an e-mail and a phone).
 */
async function seedReviews(worker: Worker, count: number) {
  // tsx names inner functions with a helper that does not exist in the worker.
  await worker.evaluate(() => ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  await worker.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qa-scorecards');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const criteria = ['accuracy', 'resolution', 'empathy', 'clarity', 'tone', 'process', 'data-protection'];
    for (let start = 0; start < count; start += 5000) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('reviews', 'readwrite');
        for (let i = start; i < Math.min(count, start + 5000); i++) {
          const ticketId = String(100000 + i);
          const at = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:15:00.000Z`;
          const reviewer = `zendesk:${9000 + (i % 5)}`;
          tx.objectStore('reviews').put({
            format: 'qa-review/1', id: `${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}-${i}`, revision: 1, kind: 'review', status: 'submitted',
            helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId, ticketUrl: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
            channel: ['email', 'chat', 'phone', 'messaging'][i % 4], subject: `Order ${ticketId} arrived damaged — refund or replacement?`,
            reviewee: { id: `zendesk:${1000 + (i % 40)}`, name: `Agent ${i % 40}` }, reviewer: { id: reviewer, name: `Lead ${i % 5}` },
            rubric: { id: 'support-default', version: 1 }, score: 50 + (i % 50), autoFailed: i % 37 === 0,
            answers: criteria.map((criterionId, k) => ({
              criterionId, value: 1 + ((i + k) % 3), na: false, score: ((i + k) % 3) / 2,
              ...(k === 0 ? { comment: `Checked the order history; the customer wrote from customer${i}@example.com and asked for a call on 020 7946 ${1000 + (i % 9000)}.` } : {}),
              ...(k === 1 ? { comment: 'Clear next steps, but no apology for the delay.' } : {}),
            })),
            strengths: 'Friendly and quick.', improvements: 'Confirm the refund amount.', createdAt: at, updatedAt: at, submittedAt: at,
            ticketKey: `zendesk:acme.zendesk.com:${ticketId}`, reviewerId: reviewer, rubricId: 'support-default', origin: 'local',
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}

/**
 * A raw cursor over every stored review in the service worker: the floor for reading them all.
 * `values`: each record is also read (`cursor.value`), which is when Chromium deserializes it;
 * without, the cursor only walks the keys and values it never hands out.
 */
function rawScan(worker: Worker, values = false): Promise<{ ms: number; count: number }> {
  return worker.evaluate(async (values) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qa-scorecards');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const started = performance.now();
    let seen = 0;
    let count = 0;
    await new Promise<void>((resolve, reject) => {
      const cursor = db.transaction('reviews').objectStore('reviews').openCursor();
      cursor.onsuccess = () => {
        if (!cursor.result) return resolve();
        count += 1;
        if (values && cursor.result.value) seen += 1;
        cursor.result.continue();
      };
      cursor.onerror = () => reject(cursor.error);
    });
    db.close();
    if (values && seen === 0) throw new Error('the scan read no values');
    return { ms: performance.now() - started, count };
  }, values);
}

/**
 * reviews.csv of every review, from the dashboard in real Chromium with the built extension, at
 * BENCH_EXPORT_REVIEWS reviews (100 000 by default) against a raw cursor scan of the same table;
 * and the dashboard tab's JavaScript heap at its highest during the export (sampled every 100 ms),
 * against the size of the file it made.
 */
async function exportSpeed() {
  process.env.CHROMIUM_PATH ??= findChromium();
  const count = Number(process.env.BENCH_EXPORT_REVIEWS ?? 100_000);
  const ext = await launchWithExtension(newProfileDir());
  try {
    await seedReviews(ext.worker, count);
    const scanMs = async (values = false) => (await rawScan(ext.worker, values)).ms;
    await scanMs(); // warm-up
    const scans = [await scanMs(), await scanMs(), await scanMs()];
    const valueScans = [await scanMs(true), await scanMs(true), await scanMs(true)];
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html`);
    const cdp = await ext.context.newCDPSession(page);
    const heap = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
    const runs: { ms: number; peakMb: number; fileMb: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await cdp.send('HeapProfiler.collectGarbage');
      let peakMb = await heap();
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peakMb = Math.max(peakMb, await heap());
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const started = Date.now();
      const downloading = page.waitForEvent('download', { timeout: 1_800_000 });
      await page.getByTestId('export-csv').click();
      const download = await downloading;
      const ms = Date.now() - started;
      sampling = false;
      await sampler;
      runs.push({ ms, peakMb, fileMb: fs.statSync(await download.path()).size / 1e6 });
    }
    const scan = median(scans);
    const ms = median(runs.map((r) => r.ms));
    const peakMb = Math.max(...runs.map((r) => r.peakMb));
    const fileMb = runs[0]!.fileMb;
    line(`export-reviews-csv-${count}`, ms, 'ms', ms / scan, `raw cursor scan ${scan.toFixed(0)} ms in the service worker (real Chromium), goal ≤ 2`);
    const valueScan = median(valueScans);
    line(`export-reviews-csv-${count}-vs-value-scan`, ms, 'ms', ms / valueScan, `a cursor scan that reads every record, ${valueScan.toFixed(0)} ms`);
    line(`export-reviews-csv-${count}-tab-heap-peak`, peakMb, 'MB', peakMb / fileMb, `the ${fileMb.toFixed(1)} MB file`);
  } finally {
    await ext.context.close();
  }
}

ensureBuild();
// `npm run bench -- --only dashboard` (or `exports`) runs one group (the others take minutes).
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
if (only === null) {
  contentScriptSize();
  parseSpeed();
  draftCheckSpeed();
  await panelSwitchTime();
  await pageLoadWithAndWithout();
  await hugeTicketMemory();
}
if (only === null || only === 'dashboard') await dashboardSpeed();
if (only === null || only === 'exports') await exportSpeed();
