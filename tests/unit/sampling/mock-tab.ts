// A helpdesk "tab" for unit tests: the background's fetchPage answered by the fake helpdesk
// (tests/support/mock-helpdesk) as the page would get it, headers and all, with no browser.
import { createMockHelpdesk, httpResponse, mockRequest, type MockHelpdeskOptions } from '../../support/mock-helpdesk';
import type { HelpdeskName } from '@/lib/helpdesk/types';
import type { PageAnswer } from '@/lib/background/sampling/page-fetch';

export function mockTab(helpdesk: HelpdeskName, options: MockHelpdeskOptions = {}) {
  const mock = createMockHelpdesk(options);
  const host = mock.hosts[helpdesk][0]!;
  const fetchPage = async (path: string): Promise<PageAnswer> => {
    const res = httpResponse(await mock.answer(helpdesk, mockRequest(helpdesk, 'GET', `https://${host}${path}`, { accept: 'application/json' })));
    const header = (name: string) => Object.entries(res.headers).find(([k]) => k.toLowerCase() === name)?.[1] ?? null;
    return { ok: true, status: res.status, retryAfter: header('retry-after'), contentType: res.contentType, text: res.body };
  };
  /** the listing requests the fake answered, as paths with their query */
  const listed = () => mock.requests.map((r) => `${r.path}?${r.search}`);
  return { mock, host, fetchPage, listed };
}

/** A sleep that returns at once and remembers how long it was asked to wait. */
export function recordingSleep() {
  const waits: number[] = [];
  const sleep = (ms: number, signal: AbortSignal) => {
    waits.push(ms);
    return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve();
  };
  return { waits, sleep };
}
