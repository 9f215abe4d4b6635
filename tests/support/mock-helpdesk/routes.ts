// Serves the fake helpdesks through Playwright route interception: no server and no network.
// Routing on the browser context (not the page) also catches same-origin fetches from content
// scripts and fetches from the extension's service worker.
import type { BrowserContext, Route } from '@playwright/test';
import type { HelpdeskName, MockHelpdeskOptions, MockRequest, MockResponse } from './types';
import { createZendeskDemoData, type ZendeskDataset } from './zendesk-data';
import { createFreshdeskDemoData, type FreshdeskDataset } from './freshdesk-data';
import { handleZendeskApi, ZENDESK_UNAUTHORIZED } from './zendesk-api';
import { handleFreshdeskApi, FRESHDESK_UNAUTHORIZED } from './freshdesk-api';
import { renderZendeskApp, renderZendeskSignIn } from './zendesk-app';
import { renderFreshdeskApp, renderFreshdeskSignIn } from './freshdesk-app';

export const DEFAULT_ZENDESK_HOSTS = ['demo.zendesk.com'];
export const DEFAULT_FRESHDESK_HOSTS = ['demo.freshdesk.com'];

export interface MockHelpdeskHandle {
  /** every /api/... request, in arrival order (the page's own ones have fromAgentApp: true) */
  requests: MockRequest[];
  /** the live datasets: mutate them to change what later requests see */
  data: { zendesk: ZendeskDataset; freshdesk: FreshdeskDataset };
  /**
   * Resolves with the `count`-th logged request that matches (counting those already logged), as
   * soon as it arrives: an explicit signal instead of polling the log.
   */
  waitForRequest(match: (req: MockRequest) => boolean, count?: number): Promise<MockRequest>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isZendeskPage = (path: string) => /^\/agent(\/(dashboard|filters\/\d+|tickets\/\d+))?\/?$/.test(path);
/** The agents' own sign-in pages (the panel links there when the session has ended). */
const isSignInPage = (helpdesk: HelpdeskName, path: string) => path === (helpdesk === 'zendesk' ? '/access/login' : '/login');
const isFreshdeskPage = (path: string) => /^\/a(\/tickets(\/\d+)?)?\/?$/.test(path) || /^\/helpdesk\/tickets\/\d+\/?$/.test(path);

function notFoundPage(host: string): MockResponse {
  return {
    status: 404,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head><body style="font-family:sans-serif;padding:48px;color:#2f3941"><h1>Oops! The page you were looking for doesn't exist.</h1><p>You may have mistyped the address, or the page may have moved. <a href="/">${host}</a></p></body></html>`,
  };
}

async function fulfill(route: Route, res: MockResponse): Promise<void> {
  const isObject = res.body !== undefined && typeof res.body !== 'string';
  const contentType = res.contentType ?? (isObject ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8');
  await route.fulfill({
    status: res.status,
    headers: { 'cache-control': 'no-cache, no-store', ...res.headers },
    contentType,
    body: res.body === undefined ? '' : isObject ? JSON.stringify(res.body) : (res.body as string),
  });
}

/**
 * Routes the fake Zendesk and Freshdesk on the given context. Call it before opening pages.
 * Returns the request log and the live datasets.
 */
export async function routeMockHelpdesks(context: BrowserContext, options: MockHelpdeskOptions = {}): Promise<MockHelpdeskHandle> {
  const requests: MockRequest[] = [];
  const waiters: { match: (req: MockRequest) => boolean; count: number; resolve: (req: MockRequest) => void }[] = [];
  const log = (req: MockRequest) => {
    requests.push(req);
    for (const w of waiters.slice()) {
      if (!w.match(req) || requests.filter(w.match).length !== w.count) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(req);
    }
  };
  const waitForRequest = (match: (req: MockRequest) => boolean, count = 1): Promise<MockRequest> => {
    const logged = requests.filter(match);
    if (logged.length >= count) return Promise.resolve(logged[count - 1]!);
    return new Promise((resolve) => waiters.push({ match, count, resolve }));
  };
  const data = {
    zendesk: options.data?.zendesk ?? createZendeskDemoData(),
    freshdesk: options.data?.freshdesk ?? createFreshdeskDemoData(),
  };
  const loggedIn = options.loggedIn ?? true;

  const handler = (helpdesk: HelpdeskName) => async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const headers = request.headers();
    const req: MockRequest = {
      helpdesk,
      host: url.host,
      method: request.method(),
      path: url.pathname,
      search: url.searchParams,
      url: request.url(),
      fromAgentApp: headers['x-agent-app'] === 'mock',
      headers,
      body: request.postData() ?? undefined,
    };
    let res: MockResponse;
    if (url.pathname.startsWith('/api/')) {
      log(req);
      if (options.latencyMs) await sleep(options.latencyMs);
      const injected = await options.intercept?.(req);
      if (injected) res = injected;
      else if (!loggedIn) res = helpdesk === 'zendesk' ? ZENDESK_UNAUTHORIZED : FRESHDESK_UNAUTHORIZED;
      else res = helpdesk === 'zendesk' ? handleZendeskApi(req, data.zendesk) : handleFreshdeskApi(req, data.freshdesk);
    } else if (isSignInPage(helpdesk, url.pathname)) {
      const page = { accountName: data[helpdesk].accountName, host: url.host };
      res = { status: 200, body: helpdesk === 'zendesk' ? renderZendeskSignIn(page) : renderFreshdeskSignIn(page) };
    } else if (helpdesk === 'zendesk' && isZendeskPage(url.pathname)) {
      const page = { accountName: data.zendesk.accountName, host: url.host };
      res = { status: 200, body: loggedIn ? renderZendeskApp(page) : renderZendeskSignIn(page) };
    } else if (helpdesk === 'freshdesk' && isFreshdeskPage(url.pathname)) {
      const page = { accountName: data.freshdesk.accountName, host: url.host };
      res = { status: 200, body: loggedIn ? renderFreshdeskApp(page) : renderFreshdeskSignIn(page) };
    } else {
      res = notFoundPage(url.host);
    }
    try {
      await fulfill(route, res);
    } catch (err) {
      // The page may have navigated away or the context closed while we were answering.
      if (!/closed|Target|already handled/i.test(String(err))) throw err;
    }
  };

  for (const host of options.zendeskHosts ?? DEFAULT_ZENDESK_HOSTS) await context.route(`https://${host}/**`, handler('zendesk'));
  for (const host of options.freshdeskHosts ?? DEFAULT_FRESHDESK_HOSTS) await context.route(`https://${host}/**`, handler('freshdesk'));
  return { requests, data, waitForRequest };
}
