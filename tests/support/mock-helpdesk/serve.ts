// The fake helpdesks as one function from request to response, with no browser driver in sight:
// routes.ts plugs it into Playwright's routing, tests/firefox into puppeteer's request interception.
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

export interface MockHelpdesk extends MockHelpdeskHandle {
  /** the hosts served for each helpdesk, from the options */
  hosts: Record<HelpdeskName, string[]>;
  /** which fake helpdesk serves this URL, or null for any other URL */
  helpdeskFor(url: string): HelpdeskName | null;
  /** the answer to one request for the given helpdesk (logs `/api/...` requests in `requests`) */
  answer(helpdesk: HelpdeskName, req: MockRequest): Promise<MockResponse>;
}

/** A response ready for a driver's "fulfill": JSON bodies serialized, content type and no-cache set. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: string;
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

export function httpResponse(res: MockResponse): HttpResponse {
  const isObject = res.body !== undefined && typeof res.body !== 'string';
  return {
    status: res.status,
    headers: { 'cache-control': 'no-cache, no-store', ...res.headers },
    contentType: res.contentType ?? (isObject ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8'),
    body: res.body === undefined ? '' : isObject ? JSON.stringify(res.body) : (res.body as string),
  };
}

/** The fake Zendesk and Freshdesk with a fresh copy of the demo data (unless options.data is given). */
export function createMockHelpdesk(options: MockHelpdeskOptions = {}): MockHelpdesk {
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
  const hosts: Record<HelpdeskName, string[]> = {
    zendesk: options.zendeskHosts ?? DEFAULT_ZENDESK_HOSTS,
    freshdesk: options.freshdeskHosts ?? DEFAULT_FRESHDESK_HOSTS,
  };

  async function answer(helpdesk: HelpdeskName, req: MockRequest): Promise<MockResponse> {
    if (req.path.startsWith('/api/')) {
      log(req);
      if (options.latencyMs) await sleep(options.latencyMs);
      const injected = await options.intercept?.(req);
      if (injected) return injected;
      if (!loggedIn) return helpdesk === 'zendesk' ? ZENDESK_UNAUTHORIZED : FRESHDESK_UNAUTHORIZED;
      return helpdesk === 'zendesk' ? handleZendeskApi(req, data.zendesk) : handleFreshdeskApi(req, data.freshdesk);
    }
    if (isSignInPage(helpdesk, req.path)) {
      const page = { accountName: data[helpdesk].accountName, host: req.host };
      return { status: 200, body: helpdesk === 'zendesk' ? renderZendeskSignIn(page) : renderFreshdeskSignIn(page) };
    }
    if (helpdesk === 'zendesk' && isZendeskPage(req.path)) {
      const page = { accountName: data.zendesk.accountName, host: req.host };
      return { status: 200, body: loggedIn ? renderZendeskApp(page) : renderZendeskSignIn(page) };
    }
    if (helpdesk === 'freshdesk' && isFreshdeskPage(req.path)) {
      const page = { accountName: data.freshdesk.accountName, host: req.host };
      return { status: 200, body: loggedIn ? renderFreshdeskApp(page) : renderFreshdeskSignIn(page) };
    }
    return notFoundPage(req.host);
  }

  function helpdeskFor(url: string): HelpdeskName | null {
    const { protocol, host } = new URL(url);
    if (protocol !== 'https:') return null;
    if (hosts.zendesk.includes(host)) return 'zendesk';
    if (hosts.freshdesk.includes(host)) return 'freshdesk';
    return null;
  }

  return { requests, data, waitForRequest, hosts, helpdeskFor, answer };
}

/** The MockRequest for a driver's request: lower-case header names, the body of writes. */
export function mockRequest(helpdesk: HelpdeskName, method: string, rawUrl: string, headers: Record<string, string>, body?: string): MockRequest {
  const url = new URL(rawUrl);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    helpdesk,
    host: url.host,
    method,
    path: url.pathname,
    search: url.searchParams,
    url: rawUrl,
    fromAgentApp: lower['x-agent-app'] === 'mock',
    headers: lower,
    body,
  };
}
