import { beforeEach, describe, expect, it } from 'vitest';
import { httpFailure } from './expect-failure';
import { fetchFreshdeskTicket } from '@/lib/helpdesk/freshdesk/api';
import { forgetInstanceCaches } from '@/lib/helpdesk/instance-cache';
import { fetchZendeskTicket } from '@/lib/helpdesk/zendesk/api';

// Every test is a fresh page: account-level reads cached for one test's instance must not answer another's.
beforeEach(() => forgetInstanceCaches());

type Routes = Record<string, { status?: number; body: unknown } | ((url: URL) => { status?: number; body: unknown })>;

/** A fetch that answers from a table of path+query → body, and records what was asked. */
function fakeFetch(routes: Routes) {
  const asked: string[] = [];
  const fetch = (async (input: string) => {
    const url = new URL(input);
    const key = decodeURIComponent(url.pathname + url.search);
    asked.push(key);
    const route = routes[key] ?? routes[url.pathname];
    if (!route) return new Response('{"error":"RecordNotFound"}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    const { status = 200, body } = typeof route === 'function' ? route(url) : route;
    if (typeof body === 'string') return new Response(body, { status, headers: { 'Content-Type': 'text/html' } });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, asked };
}

const origin = 'https://acme.zendesk.com';
const comment = (id: number) => ({ id, author_id: 1, body: `c${id}`, public: true, created_at: '2026-11-01T10:00:00Z' });

describe('fetchZendeskTicket', () => {
  it('follows cursor pages until has_more is false, even when links.next is still set', async () => {
    const { fetch, asked } = fakeFetch({
      '/api/v2/tickets/7.json?include=users,groups': { body: { ticket: { id: 7 }, users: [] } },
      '/api/v2/tickets/7/comments.json?include=users&page[size]=100': {
        body: { comments: [comment(3), comment(1)], users: [{ id: 1 }], meta: { has_more: true, after_cursor: 'c2' }, links: { next: `${origin}/api/v2/tickets/7/comments.json?page[after]=c2&page[size]=100` } },
      },
      '/api/v2/tickets/7/comments.json?page[after]=c2&page[size]=100': {
        body: { comments: [comment(2)], meta: { has_more: false, after_cursor: 'c3' }, links: { next: `${origin}/api/v2/tickets/7/comments.json?page[after]=c3&page[size]=100` } },
      },
      '/api/v2/tickets/7/metrics.json': { body: { ticket_metric: { replies: 2 } } },
      '/api/v2/users/me.json': { body: { user: { id: 9, name: 'Priya' } } },
    });
    const progress: number[] = [];
    const raw = await fetchZendeskTicket({ origin, ticketId: '7', http: { fetch }, onProgress: (n) => progress.push(n) });
    expect((raw.comments as { id: number }[]).map((c) => c.id)).toEqual([3, 1, 2]);
    expect(raw.users).toEqual([{ id: 1 }]);
    expect(raw.metrics).toEqual({ ticket_metric: { replies: 2 } });
    expect(raw.me).toEqual({ user: { id: 9, name: 'Priya' } });
    expect(progress).toEqual([2, 3]);
    expect(asked.some((a) => a.includes('page[after]=c3'))).toBe(false);
  });

  it('supports old offset paging (next_page)', async () => {
    const { fetch } = fakeFetch({
      '/api/v2/tickets/8.json?include=users,groups': { body: { ticket: { id: 8 } } },
      '/api/v2/tickets/8/comments.json?include=users&page[size]=100': { body: { comments: [comment(1)], next_page: `${origin}/api/v2/tickets/8/comments.json?page=2`, count: 2 } },
      '/api/v2/tickets/8/comments.json?page=2': { body: { comments: [comment(2)], next_page: null, count: 2 } },
    });
    const raw = await fetchZendeskTicket({ origin, ticketId: '8', http: { fetch }, onProgress: () => undefined });
    expect((raw.comments as unknown[]).length).toBe(2);
    // metrics and me are optional: a 404 leaves them null instead of failing the ticket
    expect(raw.metrics).toBeNull();
    expect(raw.me).toBeNull();
  });

  it('asks for the names no sideload gave, and survives failing extras', async () => {
    const { fetch, asked } = fakeFetch({
      '/api/v2/tickets/6.json?include=users,groups': { body: { ticket: { id: 6, requester_id: 1, assignee_id: 2 }, users: [{ id: 1 }] } },
      '/api/v2/tickets/6/comments.json?include=users&page[size]=100': { body: { comments: [comment(1), { ...comment(2), author_id: 3 }, { ...comment(3), author_id: -1 }], meta: { has_more: false } } },
      '/api/v2/users/show_many.json?ids=2,3': { body: { users: [{ id: 2 }, { id: 3 }] } },
      '/api/v2/tickets/6/metrics.json': { status: 500, body: { error: 'boom' } },
    });
    const raw = await fetchZendeskTicket({ origin, ticketId: '6', http: { fetch, sleep: async () => undefined }, onProgress: () => undefined });
    expect(raw.users).toEqual([{ id: 2 }, { id: 3 }]);
    expect(raw.metrics).toBeNull();
    // an optional read is retried once, not with the full backoff schedule
    expect(asked.filter((a) => a.includes('metrics')).length).toBe(2);
  });

  it('never follows a next link to another origin', async () => {
    const { fetch, asked } = fakeFetch({
      '/api/v2/tickets/9.json?include=users,groups': { body: { ticket: { id: 9 } } },
      '/api/v2/tickets/9/comments.json?include=users&page[size]=100': { body: { comments: [comment(1)], next_page: 'https://evil.example/api?page=2' } },
    });
    await fetchZendeskTicket({ origin, ticketId: '9', http: { fetch }, onProgress: () => undefined });
    expect(asked.every((a) => a.startsWith('/api/v2/'))).toBe(true);
  });

  it('fails with a clear error when the ticket is missing', async () => {
    const { fetch } = fakeFetch({});
    const err = await httpFailure(fetchZendeskTicket({ origin, ticketId: '404', http: { fetch }, onProgress: () => undefined }));
    expect(err.loadError).toMatchObject({ code: 'not-found', status: 404 });
  });

  it('stops on a cursor that repeats instead of looping forever', async () => {
    const { fetch, asked } = fakeFetch({
      '/api/v2/tickets/5.json?include=users,groups': { body: { ticket: { id: 5 } } },
      '/api/v2/tickets/5/comments.json?include=users&page[size]=100': {
        body: { comments: [comment(1)], meta: { has_more: true, after_cursor: 'same' }, links: { next: `${origin}/api/v2/tickets/5/comments.json?include=users&page[size]=100` } },
      },
    });
    const raw = await fetchZendeskTicket({ origin, ticketId: '5', http: { fetch }, onProgress: () => undefined });
    expect((raw.comments as unknown[]).length).toBe(1);
    expect(asked.filter((a) => a.includes('comments')).length).toBe(1);
  });
});

describe('fetchFreshdeskTicket', () => {
  const fdOrigin = 'https://acme.freshdesk.com';
  const conv = (id: number, user: number) => ({ id, user_id: user, body_text: `m${id}`, private: false, incoming: false, created_at: '2026-11-01T10:00:00Z' });

  it('pages conversations until a short page and looks up the agents who wrote them', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => conv(i + 1, i % 2 ? 50 : 60));
    const { fetch, asked } = fakeFetch({
      '/api/_/tickets/3?include=requester,stats': { body: { ticket: { id: 3, requester_id: 60, responder_id: 50 } } },
      '/api/_/tickets/3/conversations?per_page=100&page=1': { body: { conversations: page1 } },
      '/api/_/tickets/3/conversations?per_page=100&page=2': { body: { conversations: [conv(101, 70)] } },
      '/api/v2/agents/50': { body: { id: 50, contact: { name: 'Sam' } } },
      '/api/v2/agents/me': { body: { id: 50, contact: { name: 'Sam' } } },
    });
    const raw = await fetchFreshdeskTicket({ origin: fdOrigin, ticketId: '3', http: { fetch }, onProgress: () => undefined });
    expect((raw.conversations as unknown[]).length).toBe(101);
    expect(raw.agents).toEqual([{ id: 50, contact: { name: 'Sam' } }]);
    expect(asked).toContain('/api/v2/agents/70'); // asked, 404 → left for the parser to name
    expect(asked).not.toContain('/api/v2/agents/60'); // the requester is not an agent
    expect(raw.me).toEqual({ id: 50, contact: { name: 'Sam' } });
  });

  it('falls back to the public API when the private one answers with a page', async () => {
    const { fetch } = fakeFetch({
      '/api/_/tickets/4?include=requester,stats': (u) => ({ status: 200, body: `<!doctype html><p>${u.pathname} moved</p>` }),
      '/api/v2/tickets/4?include=requester,stats': { body: { id: 4, requester_id: 1 } },
      '/api/_/tickets/4/conversations?per_page=100&page=1': { body: { conversations: [] } },
    });
    const raw = await fetchFreshdeskTicket({ origin: fdOrigin, ticketId: '4', http: { fetch }, onProgress: () => undefined });
    expect(raw.ticket).toEqual({ id: 4, requester_id: 1 });
  });

  it('falls back to the public API when the private one does not exist', async () => {
    const { fetch } = fakeFetch({
      '/api/v2/tickets/6?include=requester,stats': { body: { id: 6, requester_id: 1 } },
      '/api/v2/tickets/6/conversations?per_page=100&page=1': { body: [] },
    });
    const raw = await fetchFreshdeskTicket({ origin: fdOrigin, ticketId: '6', http: { fetch }, onProgress: () => undefined });
    expect(raw.ticket).toEqual({ id: 6, requester_id: 1 });
    expect(raw.conversations).toEqual([]);
  });

  it('reports sign-in problems without trying other endpoints', async () => {
    const { fetch, asked } = fakeFetch({ '/api/_/tickets/5': { status: 401, body: { code: 'invalid_credentials' } } });
    const err = await httpFailure(fetchFreshdeskTicket({ origin: fdOrigin, ticketId: '5', http: { fetch }, onProgress: () => undefined }));
    expect(err.loadError.code).toBe('not-logged-in');
    expect(asked).toHaveLength(1);
  });
});

describe('fetchFreshdeskTicket errors', () => {
  it('reports a missing ticket as missing even when the public API refuses the session', async () => {
    const { fetch } = fakeFetch({ '/api/v2/tickets/7': { status: 401, body: { code: 'invalid_credentials' } } });
    const err = await httpFailure(fetchFreshdeskTicket({ origin: 'https://acme.freshdesk.com', ticketId: '7', http: { fetch }, onProgress: () => undefined }));
    expect(err.loadError.code).toBe('not-found');
  });
});
