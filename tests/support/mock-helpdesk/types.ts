// Shared types of the mock helpdesk. The dataset types live next to their data
// (zendesk-data.ts, freshdesk-data.ts); this file holds what routes.ts and the tests see.
import type { ZendeskDataset } from './zendesk-data';
import type { FreshdeskDataset } from './freshdesk-data';

export type HelpdeskName = 'zendesk' | 'freshdesk';

export interface MockRequest {
  helpdesk: HelpdeskName;
  host: string;
  method: string;
  path: string;
  search: URLSearchParams;
  url: string;
  /**
   * True when the fake agent app's own page script made the call (it sends `x-agent-app: mock`).
   * Lets a test count only the extension's requests, and inject faults into them alone.
   */
  fromAgentApp: boolean;
  /** request headers, lower-case names (e.g. to check for `x-csrf-token`) */
  headers: Record<string, string>;
  /** request body of writes (PUT/POST), as sent */
  body?: string;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is (text/html unless `contentType` says otherwise). */
  body?: string | object;
  contentType?: string;
}

export interface MockHelpdeskOptions {
  /** default ['demo.zendesk.com']; every host serves the same dataset */
  zendeskHosts?: string[];
  /** default ['demo.freshdesk.com'] */
  freshdeskHosts?: string[];
  /** default: a fresh copy of the bundled demo data (so one test's writes never leak into the next) */
  data?: { zendesk?: ZendeskDataset; freshdesk?: FreshdeskDataset };
  /** default true; false → every API call answers 401 JSON and pages show a sign-in screen */
  loggedIn?: boolean;
  /**
   * Called for every `/api/...` request (pages are never passed here, so "fail the first call"
   * counters are not eaten by the page load). Return a response to short-circuit, undefined for
   * normal handling, or a promise of either to hold the request until the test says so (see
   * Gate in gate.ts): a state that lasts until the next answer then lasts as long as the test needs.
   */
  intercept?: (req: MockRequest) => MockResponse | undefined | Promise<MockResponse | undefined>;
  /** artificial delay for API responses, default 0 */
  latencyMs?: number;
}

export interface DemoTicketInfo {
  id: string;
  subject: string;
  /** 'email-complaint' | 'chat' | 'phone' | 'messaging' | 'long-thread' | 'internal-notes' | 'data-protection' | 'hostile' | 'imported' | 'web-form' | 'third-party' */
  kind: string;
  assigneeName: string | null;
  /** description included, internal notes included */
  messageCount: number;
  /**
   * messages in the extension's transcript: `messageCount` plus the Messaging events that only
   * the conversation log has (the bot's turns before the hand-off)
   */
  transcriptCount: number;
  internalCount: number;
}
