// Serves fixture files as HTTP responses to the real API clients, so tests that need "the whole
// ticket" get it paged exactly as the extension pages it. This module only maps fixture files to
// the URLs they live at; deciding when to stop paging is left entirely to the client under test.
import { readFileSync } from 'node:fs';
import { fetchFreshdeskTicket, FRESHDESK_PAGE_SIZE } from '@/lib/helpdesk/freshdesk/content/api';
import { forgetInstanceCaches } from '@/lib/content/instance-cache';
import { fetchZendeskTicket, ZENDESK_PAGE_SIZE } from '@/lib/helpdesk/zendesk/content/api';

export type Json = Record<string, unknown>;

export function readFixture<T = Json>(helpdesk: 'zendesk' | 'freshdesk', name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${helpdesk}/${name}`, import.meta.url), 'utf8')) as T;
}

/** Decoded path + query of a URL (or of a path): how requests and routes are compared. */
export function requestKey(url: string): string {
  const parsed = new URL(url, 'https://fixture.invalid');
  return decodeURIComponent(parsed.pathname + parsed.search);
}

export interface FixtureFetch {
  fetch: typeof globalThis.fetch;
  /** every request, in order, as `requestKey` */
  asked: string[];
}

/**
 * A fetch answering from `routes` (keys: paths with query, or full URLs). Objects and arrays are
 * served as JSON, strings as an HTML page (what a helpdesk sends when a session or endpoint is
 * gone); anything not routed is a 404.
 */
export function fixtureFetch(routes: Record<string, unknown>): FixtureFetch {
  const table = new Map<string, unknown>();
  for (const [key, body] of Object.entries(routes)) table.set(requestKey(key), body);
  const asked: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const key = requestKey(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    asked.push(key);
    if (!table.has(key)) {
      return new Response('{"error":"RecordNotFound"}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    }
    const body = table.get(key);
    if (typeof body === 'string') return new Response(body, { status: 200, headers: { 'Content-Type': 'text/html' } });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

export interface FixtureFetchResult extends FixtureFetch {
  /** what the client returned: the raw bodies for `parseRawTicket` */
  raw: Record<string, unknown>;
  /** the client's onProgress calls */
  progress: number[];
}

export interface ZendeskFixtures {
  origin?: string;
  ticketId: string;
  /** body of `GET /api/v2/tickets/{id}.json?include=users,groups` */
  ticket: unknown;
  /**
   * Comments pages in API order. The first answers the client's first comments request; each
   * later one is served at the URL its predecessor links to (`links.next` or `next_page`). The
   * last page's link, if any, is deliberately left unserved: following it is a 404.
   */
  commentPages: unknown[];
  /**
   * conversation_log pages (Messaging tickets), chained like the comments pages: the first
   * answers the client's first request, each later one sits at the link of the page before.
   */
  conversationLogPages?: unknown[];
  /** body of `GET /api/v2/custom_statuses` */
  customStatuses?: unknown;
  metrics?: unknown;
  me?: unknown;
}

/** Serves `pages` at `first`, then each at the URL its predecessor links to. */
function chainPages(routes: Record<string, unknown>, first: string, pages: unknown[], what: string): void {
  let url = first;
  pages.forEach((page, i) => {
    if (i > 0) {
      const link = linkToNextPage(pages[i - 1]);
      if (link === null) throw new Error(`fixture setup: ${what} page ${i} does not link to page ${i + 1}`);
      url = link;
    }
    routes[url] = page;
  });
}

function linkToNextPage(page: unknown): string | null {
  const { links, next_page: nextPage } = (page ?? {}) as { links?: { next?: unknown }; next_page?: unknown };
  if (typeof links?.next === 'string' && links.next !== '') return links.next;
  return typeof nextPage === 'string' && nextPage !== '' ? nextPage : null;
}

export async function fetchZendeskFixture(fixtures: ZendeskFixtures): Promise<FixtureFetchResult> {
  const { origin = 'https://acme.zendesk.com', ticketId } = fixtures;
  const api = `/api/v2/tickets/${ticketId}`;
  const routes: Record<string, unknown> = { [`${api}.json?include=users,groups`]: fixtures.ticket };
  chainPages(routes, `${api}/comments.json?include=users&page[size]=${ZENDESK_PAGE_SIZE}`, fixtures.commentPages, 'comments');
  chainPages(routes, `${api}/conversation_log?page[size]=${ZENDESK_PAGE_SIZE}`, fixtures.conversationLogPages ?? [], 'conversation_log');
  if (fixtures.customStatuses !== undefined) routes['/api/v2/custom_statuses'] = fixtures.customStatuses;
  if (fixtures.metrics !== undefined) routes[`${api}/metrics.json`] = fixtures.metrics;
  if (fixtures.me !== undefined) routes['/api/v2/users/me.json'] = fixtures.me;

  const served = fixtureFetch(routes);
  const progress: number[] = [];
  // Each fixture load is a fresh page: nothing remembered from another test's instance.
  forgetInstanceCaches();
  const raw = await fetchZendeskTicket({ origin, ticketId, http: { fetch: served.fetch }, onProgress: (n) => progress.push(n) });
  return { ...served, raw, progress };
}

export interface FreshdeskFixtures {
  origin?: string;
  ticketId: string;
  /** body of the ticket request (`{ ticket }` from `/api/_/`, the bare object from `/api/v2`) */
  ticket: unknown;
  /** conversations pages in order: page n answers `?per_page=<page size>&page=n` */
  conversationPages: unknown[];
  /**
   * `/api/v2/agents/{id}` bodies, served by their id (flat or `{ agent }`-wrapped). Entries without
   * an id cannot be asked for and are not served (pass them to the parser directly to test junk).
   */
  agents?: unknown[];
  /** body of `GET /api/v2/ticket_fields` */
  ticketFields?: unknown;
  me?: unknown;
  /**
   * Which API answers ticket and conversations: the agent app's private `_` (default), or `v2`,
   * in which case the private API answers with a web page, as when it has moved.
   */
  api?: '_' | 'v2';
}

function agentId(agent: unknown): string | null {
  const record = (agent ?? {}) as { id?: unknown; agent?: { id?: unknown } };
  const id = record.id ?? record.agent?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}

export async function fetchFreshdeskFixture(fixtures: FreshdeskFixtures): Promise<FixtureFetchResult> {
  const { origin = 'https://acme.freshdesk.com', ticketId, api = '_' } = fixtures;
  const routes: Record<string, unknown> = {};
  const serve = (path: string, body: unknown) => {
    routes[`/api/${api}${path}`] = body;
    if (api === 'v2') routes[`/api/_${path}`] = '<!doctype html><title>Moved</title>';
  };
  serve(`/tickets/${ticketId}?include=requester,stats`, fixtures.ticket);
  fixtures.conversationPages.forEach((page, i) => {
    serve(`/tickets/${ticketId}/conversations?per_page=${FRESHDESK_PAGE_SIZE}&page=${i + 1}`, page);
  });
  for (const agent of fixtures.agents ?? []) {
    const id = agentId(agent);
    if (id !== null) routes[`/api/v2/agents/${id}`] = agent;
  }
  if (fixtures.ticketFields !== undefined) routes['/api/v2/ticket_fields'] = fixtures.ticketFields;
  if (fixtures.me !== undefined) routes['/api/v2/agents/me'] = fixtures.me;

  const served = fixtureFetch(routes);
  const progress: number[] = [];
  forgetInstanceCaches();
  const raw = await fetchFreshdeskTicket({ origin, ticketId, http: { fetch: served.fetch }, onProgress: (n) => progress.push(n) });
  return { ...served, raw, progress };
}
