// Playwright fixtures for the end-to-end specs: each test gets its own browser profile, and every
// Chromium it launches (with the built extension, wired to the fake helpdesks) is closed and the
// profile deleted when the test ends, whether it passed or not.
//
//   test('…', async ({ session }) => { const { panel } = await session.openTicket(url); … });
//   test.use({ helpdesk: { loggedIn: false } });                 // options for the whole file/describe
//   test('…', async ({ launch }) => { const s = await launch({ intercept }); … });   // per-test options
import { test as base, chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import { routeMockHelpdesks, type MockHelpdeskHandle, type MockHelpdeskOptions, type MockRequest } from '../../support/mock-helpdesk';
import { CHROMIUM_ARGS, chromiumPath, launchWithExtension, newProfileDir, openPanel, tabIdOf, type LoadedExtension } from './extension';

export interface Session extends LoadedExtension {
  mock: MockHelpdeskHandle;
  /** every /api/... request the fake helpdesks answered (the same array as mock.requests) */
  requests: MockRequest[];
  /** opens the URL in a new tab and the side panel bound to that tab, as a second tab */
  openTicket(url: string): Promise<{ page: Page; panel: Page; tabId: number }>;
  /** another panel (e.g. the pop-out) bound to a tab */
  openPanel(tabId: number): Promise<Page>;
  /**
   * What the content script in a tab last reported (`{ phase: 'idle' }`, …), asked of the script
   * itself; null while none answers. Proves the page has been looked at, so an empty state seen
   * afterwards is the extension's verdict and not just the panel's starting point.
   */
  contentReport(tabId: number): Promise<unknown>;
  /** closes this browser (e.g. to relaunch on the same profile); idempotent */
  close(): Promise<void>;
}

/** The fake helpdesks in a plain Chromium, without the extension (the mock's own self-test). */
export interface HelpdeskBrowser {
  context: BrowserContext;
  page: Page;
  mock: MockHelpdeskHandle;
  /** uncaught errors of `page` */
  pageErrors: Error[];
  close(): Promise<void>;
}

interface Fixtures {
  /** fake-helpdesk options for every launch in the test; set with test.use(…) */
  helpdesk: MockHelpdeskOptions;
  /** the test's browser profile: one per test, shared by its launches, deleted afterwards */
  profileDir: string;
  /** launches Chromium with the extension on the test's profile; `overrides` extend `helpdesk` */
  launch: (overrides?: MockHelpdeskOptions) => Promise<Session>;
  /** the test's browser with the extension, launched when a test asks for it */
  session: Session;
  /** the fake helpdesks in a Chromium without the extension (a fresh profile per call) */
  launchHelpdeskOnly: (options?: MockHelpdeskOptions) => Promise<HelpdeskBrowser>;
}

async function closeQuietly(context: BrowserContext): Promise<void> {
  await context.close().catch(() => undefined);
}

export const test = base.extend<Fixtures>({
  helpdesk: [{}, { option: true }],

  profileDir: async ({}, use) => {
    const dir = newProfileDir();
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  launch: async ({ helpdesk, profileDir }, use) => {
    const open = new Set<BrowserContext>();
    await use(async (overrides = {}) => {
      const ext = await launchWithExtension(profileDir);
      open.add(ext.context);
      const mock = await routeMockHelpdesks(ext.context, { ...helpdesk, ...overrides });
      let closed: Promise<void> | null = null;
      const session: Session = {
        ...ext,
        mock,
        requests: mock.requests,
        openPanel: (tabId) => openPanel(ext, tabId),
        async openTicket(url) {
          const page = await ext.context.newPage();
          await page.goto(url);
          const tabId = await tabIdOf(ext.worker, page);
          const panel = await openPanel(ext, tabId);
          await expect(panel.getByTestId('qa-panel')).toBeVisible();
          return { page, panel, tabId };
        },
        contentReport: (tabId) =>
          ext.worker.evaluate(
            async ({ id, type }) => {
              const api = (globalThis as unknown as { chrome: { tabs: { sendMessage(tab: number, message: object): Promise<unknown> } } }).chrome;
              return api.tabs.sendMessage(id, { type }).catch(() => null);
            },
            { id: tabId, type: 'content:report-again' },
          ),
        close() {
          closed ??= (async () => {
            open.delete(ext.context);
            await closeQuietly(ext.context);
          })();
          return closed;
        },
      };
      return session;
    });
    for (const context of open) await closeQuietly(context);
  },

  session: async ({ launch }, use) => {
    await use(await launch());
  },

  launchHelpdeskOnly: async ({}, use) => {
    const opened: { context: BrowserContext; dir: string }[] = [];
    await use(async (options = {}) => {
      const dir = newProfileDir();
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: chromiumPath(),
        headless: true,
        viewport: { width: 1440, height: 900 },
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        args: CHROMIUM_ARGS,
      });
      opened.push({ context, dir });
      const mock = await routeMockHelpdesks(context, { zendeskHosts: ['demo.zendesk.com', 'acme.zendesk.com'], ...options });
      const page = context.pages()[0] ?? (await context.newPage());
      const pageErrors: Error[] = [];
      page.on('pageerror', (e) => pageErrors.push(e));
      return { context, page, mock, pageErrors, close: () => closeQuietly(context) };
    });
    for (const { context, dir } of opened) {
      await closeQuietly(context);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };
