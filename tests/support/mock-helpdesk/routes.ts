// Serves the fake helpdesks through Playwright route interception: no server and no network.
// Routing on the browser context (not the page) also catches same-origin fetches from content
// scripts and fetches from the extension's service worker.
import type { BrowserContext, Route } from '@playwright/test';
import type { HelpdeskName, MockHelpdeskOptions } from './types';
import { createMockHelpdesk, httpResponse, mockRequest, type MockHelpdeskHandle } from './serve';

export { DEFAULT_FRESHDESK_HOSTS, DEFAULT_ZENDESK_HOSTS, type MockHelpdeskHandle } from './serve';

/**
 * Routes the fake Zendesk and Freshdesk on the given context. Call it before opening pages.
 * Returns the request log and the live datasets.
 */
export async function routeMockHelpdesks(context: BrowserContext, options: MockHelpdeskOptions = {}): Promise<MockHelpdeskHandle> {
  const mock = createMockHelpdesk(options);

  const handler = (helpdesk: HelpdeskName) => async (route: Route) => {
    const request = route.request();
    const res = await mock.answer(helpdesk, mockRequest(helpdesk, request.method(), request.url(), request.headers(), request.postData() ?? undefined));
    try {
      await route.fulfill(httpResponse(res));
    } catch (err) {
      // The page may have navigated away or the context closed while we were answering.
      if (!/closed|Target|already handled/i.test(String(err))) throw err;
    }
  };

  for (const host of mock.hosts.zendesk) await context.route(`https://${host}/**`, handler('zendesk'));
  for (const host of mock.hosts.freshdesk) await context.route(`https://${host}/**`, handler('freshdesk'));
  return { requests: mock.requests, data: mock.data, waitForRequest: mock.waitForRequest };
}
