// Launches Chromium with the built extension, as a person would load it unpacked.
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH;
  if (p) return p;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return chromium.executablePath();
}

export function newProfileDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qa-scorecards-profile-'));
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export async function launchWithExtension(userDataDir: string, options: { headless?: boolean } = {}): Promise<LoadedExtension> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...CHROMIUM_ARGS],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // The worker runs its script before anything evaluated here: every page opened after this
  // started loading after the background started, so it gets exactly one copy of the content
  // script (the install-time injection leaves such pages to the browser).
  await worker.evaluate(() => true);
  return { context, worker, extensionId: new URL(worker.url()).host };
}

/** The browser's id for the tab showing `page`, asked of the extension's service worker. */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (u) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No browser tab shows ${url}`);
  return id;
}

export async function openPanel(ext: LoadedExtension, tabId: number): Promise<Page> {
  const panel = await ext.context.newPage();
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}
