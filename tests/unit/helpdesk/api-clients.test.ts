import { beforeEach, describe, expect, it } from 'vitest';
import { httpFailure } from './expect-failure';
import { fetchFreshdeskTicket } from '@/lib/helpdesk/freshdesk/content/api';
import { forgetInstanceCaches } from '@/lib/content/instance-cache';
import { parseRawTicket } from '@/lib/helpdesk/parsers';
import { fetchZendeskTicket } from '@/lib/helpdesk/zendesk/content/api';

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
    // "Who am I" comes first, so the identity belongs to the session that reads the ticket.
    expect(asked[0]).toBe('/api/v2/users/me.json');
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
    // "Who am I" is asked first; the ticket is then not tried on the public API.
    expect(asked).toEqual(['/api/v2/agents/me', '/api/_/tickets/5?include=requester,stats']);
  });
});

describe('fetchFreshdeskTicket errors', () => {
  it('reports a missing ticket as missing even when the public API refuses the session', async () => {
    const { fetch } = fakeFetch({ '/api/v2/tickets/7': { status: 401, body: { code: 'invalid_credentials' } } });
    const err = await httpFailure(fetchFreshdeskTicket({ origin: 'https://acme.freshdesk.com', ticketId: '7', http: { fetch }, onProgress: () => undefined }));
    expect(err.loadError.code).toBe('not-found');
  });
});

describe('fetchZendeskTicket — Messaging transcripts and custom statuses', () => {
  const logUrl = (id: number) => `/api/v2/tickets/${id}/conversation_log?page[size]=100`;
  const event = (id: string, text: string) => ({ id, type: 'Messaging::ConversationMessage', created_at: '2026-11-01T10:00:00Z', author: { type: 'user' }, content: { type: 'text', text } });
  const messagingTicket = (id: number, extra: Record<string, unknown> = {}) => ({
    [`/api/v2/tickets/${id}.json?include=users,groups`]: { body: { ticket: { id, subject: 'Conversation with Ana', created_at: '2026-11-01T09:00:00Z', updated_at: '2026-11-01T09:30:00Z', via: { channel: 'native_messaging' }, ...extra } } },
    [`/api/v2/tickets/${id}/comments.json?include=users&page[size]=100`]: { body: { comments: [comment(1)], meta: { has_more: false } } },
  });
  const load = (fetch: typeof globalThis.fetch, ticketId: string, now?: () => number) =>
    fetchZendeskTicket({ origin, ticketId, http: { fetch, sleep: async () => undefined, ...(now ? { now } : {}) }, onProgress: () => undefined });

  it('reads every conversation_log page of a messaging ticket, stopping on has_more: false', async () => {
    const { fetch, asked } = fakeFetch({
      ...messagingTicket(21),
      [logUrl(21)]: { body: { events: [event('a', 'hi')], meta: { has_more: true, after_cursor: 'x1' }, links: { next: `${origin}/api/v2/tickets/21/conversation_log?page[after]=x1&page[size]=100` } } },
      '/api/v2/tickets/21/conversation_log?page[after]=x1&page[size]=100': { body: { events: [event('b', 'there')], meta: { has_more: false, after_cursor: 'x2' }, links: { next: `${origin}/api/v2/tickets/21/conversation_log?page[after]=x2&page[size]=100` } } },
    });
    const raw = await load(fetch, '21');
    expect((raw.conversationLog as { id: string }[]).map((e) => e.id)).toEqual(['a', 'b']);
    expect(asked.filter((a) => a.includes('conversation_log'))).toHaveLength(2);
  });

  it('follows the after_cursor when a page has no next link, and never another origin', async () => {
    const { fetch, asked } = fakeFetch({
      ...messagingTicket(22),
      [logUrl(22)]: { body: { events: [event('a', 'hi')], meta: { has_more: true, after_cursor: 'c1' }, links: { next: 'https://evil.example/steal' } } },
      [`${logUrl(22)}&page[after]=c1`]: { body: { events: [event('b', 'there')], meta: { has_more: false } } },
    });
    const raw = await load(fetch, '22');
    expect((raw.conversationLog as unknown[]).length).toBe(2);
    expect(asked.every((a) => a.startsWith('/api/v2/'))).toBe(true);
  });

  it.each([403, 404])('a helpdesk answering %i on conversation_log still shows the comments', async (status) => {
    const { fetch } = fakeFetch({ ...messagingTicket(23), [logUrl(23)]: { status, body: { error: 'Forbidden' } } });
    const raw = await load(fetch, '23');
    expect(raw.conversationLog).toEqual([]);
    const ticket = parseRawTicket('zendesk', 'acme.zendesk.com', raw).ticket;
    expect(ticket.messages.map((m) => m.text)).toEqual(['c1']);
  });

  it('keeps the pages read before a later page fails', async () => {
    const { fetch } = fakeFetch({
      ...messagingTicket(24),
      [logUrl(24)]: { body: { events: [event('a', 'hi')], meta: { has_more: true, after_cursor: 'c1' } } },
      [`${logUrl(24)}&page[after]=c1`]: { status: 500, body: { error: 'boom' } },
    });
    const raw = await load(fetch, '24');
    expect((raw.conversationLog as unknown[]).length).toBe(1);
  });

  it('does not ask for a transcript on e-mail tickets', async () => {
    const { fetch, asked } = fakeFetch(messagingTicket(25, { via: { channel: 'email' } }));
    const raw = await load(fetch, '25');
    expect(raw).not.toHaveProperty('conversationLog');
    expect(asked.some((a) => a.includes('conversation_log'))).toBe(false);
  });

  it('asks for chat and Sunshine Conversations tickets too', async () => {
    for (const [id, channel] of [[26, 'chat'], [27, 'sunshine_conversations_facebook_messenger']] as const) {
      const { fetch, asked } = fakeFetch(messagingTicket(id, { via: { channel } }));
      await load(fetch, String(id));
      expect(asked).toContain(logUrl(id));
    }
  });

  it('reads custom statuses once per instance, only for tickets that have one, and again after ten minutes', async () => {
    let clock = 0;
    const statuses = { custom_statuses: [{ id: 77, agent_label: 'Waiting on courier' }] };
    const { fetch, asked } = fakeFetch({
      ...messagingTicket(31, { custom_status_id: 77, via: { channel: 'email' } }),
      ...messagingTicket(32, { custom_status_id: 77, via: { channel: 'email' } }),
      ...messagingTicket(33, { via: { channel: 'email' } }),
      '/api/v2/custom_statuses': { body: statuses },
    });
    const first = await load(fetch, '31', () => clock);
    expect(first.customStatuses).toEqual(statuses.custom_statuses);
    expect(parseRawTicket('zendesk', 'acme.zendesk.com', first).ticket.status).toBe('Waiting on courier');
    clock += 9 * 60_000;
    expect((await load(fetch, '32', () => clock)).customStatuses).toEqual(statuses.custom_statuses);
    expect(await load(fetch, '33', () => clock)).not.toHaveProperty('customStatuses');
    expect(asked.filter((a) => a === '/api/v2/custom_statuses')).toHaveLength(1);
    clock += 2 * 60_000;
    await load(fetch, '31', () => clock);
    expect(asked.filter((a) => a === '/api/v2/custom_statuses')).toHaveLength(2);
  });

  it('a failed custom statuses read leaves the system status and is retried a minute later, not on every ticket', async () => {
    let clock = 0;
    const { fetch, asked } = fakeFetch({ ...messagingTicket(34, { custom_status_id: 77, status: 'pending', via: { channel: 'email' } }), '/api/v2/custom_statuses': { status: 403, body: { error: 'Forbidden' } } });
    const raw = await load(fetch, '34', () => clock);
    expect(parseRawTicket('zendesk', 'acme.zendesk.com', raw).ticket.status).toBe('pending');
    await load(fetch, '34', () => clock);
    expect(asked.filter((a) => a === '/api/v2/custom_statuses')).toHaveLength(1);
    clock += 61_000;
    await load(fetch, '34', () => clock);
    expect(asked.filter((a) => a === '/api/v2/custom_statuses')).toHaveLength(2);
  });
});

describe('fetchFreshdeskTicket — agents, bounded and cached per instance', () => {
  const fdOrigin = 'https://acme.freshdesk.com';
  const conv = (id: number, user: number) => ({ id, user_id: user, body_text: `m${id}`, private: false, incoming: false, created_at: '2026-11-01T10:00:00Z' });
  const agent = (id: number) => ({ id, contact: { name: `Agent ${id}`, email: `a${id}@acme.example` } });
  /** ticket `id` whose conversations are written by `authors` (requester 1) */
  const ticketRoutes = (id: number, authors: number[], status = 2): Routes => ({
    [`/api/_/tickets/${id}?include=requester,stats`]: { body: { ticket: { id, subject: 'S', requester_id: 1, status, created_at: '2026-11-01T09:00:00Z', updated_at: '2026-11-01T09:30:00Z' } } },
    [`/api/_/tickets/${id}/conversations?per_page=100&page=1`]: { body: { conversations: authors.map((a, i) => conv(i + 1, a)) } },
  });
  const agentRequests = (asked: string[]) => asked.filter((a) => a.startsWith('/api/v2/agents') && a !== '/api/v2/agents/me');
  const load = (fetch: typeof globalThis.fetch, ticketId: string, now?: () => number) =>
    fetchFreshdeskTicket({ origin: fdOrigin, ticketId, http: { fetch, sleep: async () => undefined, ...(now ? { now } : {}) }, onProgress: () => undefined });

  it('reads the agents list once per instance instead of one request per author', async () => {
    const { fetch, asked } = fakeFetch({
      ...ticketRoutes(1, [50, 51, 52, 99]),
      ...ticketRoutes(2, [51, 53]),
      '/api/v2/agents?per_page=100&page=1': { body: [50, 51, 52, 53].map(agent) },
    });
    const first = await load(fetch, '1');
    expect((first.agents as { id: number }[]).map((a) => a.id)).toEqual([50, 51, 52]);
    const second = await load(fetch, '2');
    expect((second.agents as { id: number }[]).map((a) => a.id)).toEqual([51, 53]);
    // One list page (shorter than a full page: complete), and no look-ups: 99 is not an agent.
    expect(agentRequests(asked)).toEqual(['/api/v2/agents?per_page=100&page=1']);
    const ticket = parseRawTicket('freshdesk', 'acme.freshdesk.com', first).ticket;
    expect(ticket.messages.find((m) => m.author.id === '52')?.author.name).toBe('Agent 52');
  });

  it('pages the agents list up to its bound, then looks up only the ids it did not have', async () => {
    const full = (page: number) => Array.from({ length: 100 }, (_, i) => agent(1000 + page * 100 + i));
    const routes: Routes = { ...ticketRoutes(3, [1100, 1950, 5000, 5001]), '/api/v2/agents/5000': { body: agent(5000) } };
    for (let page = 1; page <= 10; page++) routes[`/api/v2/agents?per_page=100&page=${page}`] = { body: full(page) };
    const { fetch, asked } = fakeFetch(routes);
    const raw = await load(fetch, '3');
    expect((raw.agents as { id: number }[]).map((a) => a.id)).toEqual([1100, 1950, 5000]);
    const requests = agentRequests(asked);
    expect(requests.filter((a) => a.includes('per_page'))).toHaveLength(10);
    expect(requests.filter((a) => !a.includes('per_page'))).toEqual(['/api/v2/agents/5000', '/api/v2/agents/5001']);
  });

  it('without the list, looks up at most ten authors per load and remembers the answers', async () => {
    const authors = Array.from({ length: 15 }, (_, i) => 200 + i);
    const routes: Routes = { ...ticketRoutes(4, authors), '/api/v2/agents?per_page=100&page=1': { status: 403, body: { code: 'access_denied' } } };
    for (const id of authors.slice(0, 12)) routes[`/api/v2/agents/${id}`] = { body: agent(id) };
    const { fetch, asked } = fakeFetch(routes);

    const first = await load(fetch, '4');
    const lookups = () => agentRequests(asked).filter((a) => !a.includes('per_page'));
    expect(lookups()).toHaveLength(10);
    expect((first.agents as unknown[]).length).toBe(10);
    // The authors past the bound keep a name the parser can give them, never "undefined".
    const ticket = parseRawTicket('freshdesk', 'acme.freshdesk.com', first).ticket;
    expect(ticket.messages.find((m) => m.author.id === '214')?.author.name).toBe('User 214');

    // The next load reuses every answer (agent or not) and spends its budget on the rest.
    const second = await load(fetch, '4');
    expect(lookups()).toHaveLength(15);
    expect(new Set(lookups()).size).toBe(15);
    expect((second.agents as unknown[]).length).toBe(12);
    // The refused list is not asked for again within a minute.
    expect(agentRequests(asked).filter((a) => a.includes('per_page'))).toHaveLength(1);
  });

  it('asks for the agents list again once its ten minutes are over', async () => {
    let clock = 0;
    const { fetch, asked } = fakeFetch({ ...ticketRoutes(5, [50]), '/api/v2/agents?per_page=100&page=1': { body: [agent(50)] } });
    await load(fetch, '5', () => clock);
    clock += 10 * 60_000 - 1;
    await load(fetch, '5', () => clock);
    expect(agentRequests(asked)).toHaveLength(1);
    clock += 1;
    await load(fetch, '5', () => clock);
    expect(agentRequests(asked)).toHaveLength(2);
  });

  it('reads ticket_fields once per instance, only for account-defined statuses', async () => {
    const fields = [{ name: 'status', type: 'default_status', choices: { 6: ['Waiting on Customer', 'Awaiting your Reply'] } }, { name: 'agent', choices: { Sam: 50 } }];
    const { fetch, asked } = fakeFetch({ ...ticketRoutes(6, [], 6), ...ticketRoutes(7, [], 6), ...ticketRoutes(8, [], 4), '/api/v2/ticket_fields': { body: fields } });
    const first = await load(fetch, '6');
    expect(first.ticketFields).toEqual([fields[0]]);
    expect(parseRawTicket('freshdesk', 'acme.freshdesk.com', first).ticket.status).toBe('Waiting on Customer');
    await load(fetch, '7');
    await load(fetch, '8');
    expect(asked.filter((a) => a.includes('ticket_fields'))).toEqual(['/api/v2/ticket_fields']);
  });

  it('falls back to the agent app\'s private ticket_fields, and to "Status <n>" when neither answers', async () => {
    const { fetch } = fakeFetch({ ...ticketRoutes(9, [], 7), '/api/_/ticket_fields': { body: { ticket_fields: [{ name: 'status', choices: { 7: ['Waiting on Third Party', 'Being Processed'] } }] } } });
    expect(parseRawTicket('freshdesk', 'acme.freshdesk.com', await load(fetch, '9')).ticket.status).toBe('Waiting on Third Party');
    forgetInstanceCaches();
    const none = fakeFetch(ticketRoutes(10, [], 7));
    expect(parseRawTicket('freshdesk', 'acme.freshdesk.com', await load(none.fetch, '10')).ticket.status).toBe('Status 7');
  });
});
