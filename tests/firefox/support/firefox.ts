// Runs the Firefox build in a real Firefox (Debian's firefox-esr) with puppeteer-core over WebDriver
// BiDi; Playwright cannot drive a Firefox this old. The add-on is installed as a temporary add-on
// under a fixed internal UUID, so its pages live at a known moz-extension:// origin.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type EvaluateFunc, type Page } from 'puppeteer-core';
import { createMockHelpdesk, httpResponse, mockRequest, type MockHelpdeskHandle, type MockHelpdeskOptions } from '../../support/mock-helpdesk/index';

export const EXTENSION_DIR = path.resolve('.output/firefox-mv2');
/** Any fixed v4 UUID: Firefox gives the add-on this origin instead of a random one. */
export const EXTENSION_UUID = '5c3f9a1e-7b2d-4c6e-9f10-2a8b4d6e8c01';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Conditions are awaited, never slept on; this bounds each wait so a failure names what it waited for. */
const WAIT_MS = 30_000;

export interface FirefoxSession {
  browser: Browser;
  /** the add-on's id from the built manifest */
  addonId: string;
  /** closes Firefox, killing it if it does not close; safe to call twice */
  close(): Promise<void>;
}

function geckoId(): string {
  const manifestPath = path.join(EXTENSION_DIR, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`No Firefox build in ${EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const id = geckoId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    // Without it Firefox refuses to let the driver navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }) },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    const proc = browser.process();
    // A wedged browser must not outlive the test run: close politely, then kill.
    const timer = setTimeout(() => proc?.kill('SIGKILL'), 10_000);
    try {
      await browser.close();
    } catch {
      proc?.kill('SIGKILL');
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const installed = await browser.installExtension(EXTENSION_DIR);
    if (installed !== id) throw new Error(`Firefox installed the add-on as ${installed}, expected ${id}`);
  } catch (err) {
    await close();
    throw err;
  }
  return { browser, addonId: id, close };
}

/**
 * Serves the fake helpdesks to one tab through request interception. It sees the page and the
 * content script's same-origin fetches (all the review flow needs), not the background page's.
 * Other http(s) requests are refused: the run needs no network.
 */
export async function serveMockHelpdesks(page: Page, options: MockHelpdeskOptions = {}): Promise<MockHelpdeskHandle> {
  const mock = createMockHelpdesk(options);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    void (async () => {
      const url = request.url();
      const helpdesk = mock.helpdeskFor(url);
      if (!helpdesk) return /^https?:/.test(url) ? request.abort() : request.continue();
      // postData() throws over BiDi; fetchPostData() asks the browser for the body.
      const body = request.method() === 'GET' || request.method() === 'HEAD' ? undefined : await request.fetchPostData();
      const res = httpResponse(await mock.answer(helpdesk, mockRequest(helpdesk, request.method(), url, request.headers(), body)));
      await request.respond({ status: res.status, headers: res.headers, contentType: res.contentType, body: res.body });
    })().catch((err: unknown) => {
      // The tab may have navigated away or closed while we were answering.
      if (!/closed|detached|Target|already handled|no such/i.test(String(err))) throw err;
    });
  });
  return { requests: mock.requests, data: mock.data, waitForRequest: mock.waitForRequest };
}

interface BidiFrame {
  browsingContext: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/**
 * Opens an extension page (e.g. `sidepanel.html?tabId=3`) in `page`. `page.goto` never settles on
 * moz-extension:// documents (Firefox sends no load events for them), so this uses the BiDi
 * navigate command, a puppeteer internal: puppeteer-core is pinned to an exact version for it.
 */
export async function openExtensionPage(page: Page, pathAndQuery: string): Promise<void> {
  const frame = page.mainFrame() as unknown as Partial<BidiFrame>;
  if (typeof frame.browsingContext?.navigate !== 'function') {
    throw new Error('puppeteer-core no longer exposes frame.browsingContext.navigate: check the pinned version');
  }
  await frame.browsingContext.navigate(`${EXTENSION_ORIGIN}/${pathAndQuery}`, 'interactive');
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/**
 * Evaluates `expression` in the privileged (chrome) scope of the one browser window: the browser's
 * own UI, which `--remote-allow-system-access` opens to the driver. Uses puppeteer's internal BiDi
 * connection (pinned version) because puppeteer has no API for chrome scope.
 */
async function evaluateInBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (typeof connection?.send !== 'function') throw new Error('puppeteer-core no longer exposes browser.connection: check the pinned version');
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const windows = (tree.result.contexts as { context: string; url: string }[]).filter((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (windows.length !== 1) throw new Error(`Expected one browser window, found ${windows.length}`);
  const { result } = await connection.send('script.evaluate', { expression, target: { context: windows[0]!.context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`Browser-window script failed: ${JSON.stringify(result.exceptionDetails ?? result)}`);
  return (result.result as { value?: unknown }).value;
}

/**
 * Clicks the add-on's toolbar button as a person would (pinned to the toolbar first: Firefox puts
 * new add-ons in the extensions menu). The click goes through Firefox's own browser-action code, so
 * the add-on's onClicked listener runs as a user action, which sidebarAction.toggle() requires.
 */
export async function clickToolbarButton(firefox: FirefoxSession): Promise<void> {
  // Firefox's widget id for a browser action: the add-on id, lower case, other characters as "_".
  const widgetId = `${firefox.addonId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
  await evaluateInBrowserWindow(
    firefox.browser,
    `(() => {
      const widget = CustomizableUI.getWidget(${JSON.stringify(widgetId)});
      if (!widget || widget.provider !== CustomizableUI.PROVIDER_API) throw new Error('the add-on has no toolbar button');
      CustomizableUI.addWidgetToArea(widget.id, CustomizableUI.AREA_NAVBAR);
      const node = widget.forWindow(window).node;
      (node.querySelector('.toolbarbutton-1') ?? node).click();
    })()`,
  );
}

/** The browser's id of the tab showing `url`, asked through the extension API of an open extension page. */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  const tabs = await extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return (await api.tabs.query({})).map((t) => ({ id: t.id ?? null, url: t.url ?? null }));
  });
  const id = tabs.find((t) => t.url === url)?.id;
  if (id === undefined || id === null) throw new Error(`No tab shows ${url}; tabs: ${JSON.stringify(tabs)}`);
  return id;
}

async function waitFor<A extends unknown[]>(page: Page, polling: 'mutation' | number, what: string, condition: EvaluateFunc<A>, args: A): Promise<void> {
  try {
    await page.waitForFunction(condition, { timeout: WAIT_MS, polling }, ...args);
  } catch (err) {
    const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '(page unreadable)');
    throw new Error(`Timed out waiting until ${what}. ${String(err)}\nPage text:\n${text.slice(0, 1500)}`);
  }
}

/**
 * Waits until `condition` holds in the page, re-checked on each change of the page's DOM; on
 * timeout, fails with `what` and the page's text.
 */
export function waitUntil<A extends unknown[]>(page: Page, what: string, condition: EvaluateFunc<A>, ...args: A): Promise<void> {
  return waitFor(page, 'mutation', what, condition, args);
}

/**
 * The same for a condition on another document reached from this page (the sidebar, through
 * extension.getViews): its changes fire no mutation here, so the condition is polled.
 */
export function waitUntilElsewhere<A extends unknown[]>(page: Page, what: string, condition: EvaluateFunc<A>, ...args: A): Promise<void> {
  return waitFor(page, 100, what, condition, args);
}

/** The first or last rating option of the nth criterion (the same pick as the Playwright flow). */
export async function ratingOption(page: Page, criterionIndex: number, which: 'first' | 'last'): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (i, last) => {
      const options = document.querySelectorAll('[data-testid="criterion"]')[i]?.querySelectorAll('[data-testid="rating-option"]');
      return (options && (last ? options[options.length - 1] : options[0])) ?? null;
    },
    criterionIndex,
    which === 'last',
  );
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`No rating option ${which} in criterion ${criterionIndex}`);
  return element;
}
