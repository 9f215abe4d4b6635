// The week's listing against the fake helpdesks' APIs (the shapes of tests/support/mock-helpdesk):
// paging to the end, the Freshdesk range split when a listing is full, and 429s along the way.
import { describe, expect, it } from 'vitest';
import { weekById } from '@/lib/analytics/weeks';
import { listFreshdeskAgents, listFreshdeskWeek } from '@/lib/background/sampling/freshdesk';
import { ListingClient } from '@/lib/background/sampling/listing-client';
import type { PageAnswer } from '@/lib/background/sampling/page-fetch';
import { addZendeskRisk, listZendeskAgents, listZendeskWeek } from '@/lib/background/sampling/zendesk';
import { addFreshdeskHistory, addZendeskHistory, createFreshdeskDemoData, createZendeskDemoData, type MockRequest } from '../../support/mock-helpdesk';
import { mockTab, recordingSleep } from './mock-tab';

const W47 = weekById('2026-W47', 'UTC')!;

function clientFor(fetchPage: (path: string) => Promise<PageAnswer>) {
  const { waits, sleep } = recordingSleep();
  const client = new ListingClient({ label: 'Test', signal: new AbortController().signal, sleep, now: () => 0, random: () => 0.5, fetchPage });
  return { client, waits };
}

const inW47 = (iso: string | null) => iso !== null && Date.parse(iso) >= W47.start && Date.parse(iso) < W47.end;

describe('Zendesk: the search export', () => {
  const data = () => addZendeskHistory(createZendeskDemoData());
  const expectedIds = (d: ReturnType<typeof data>) =>
    d.tickets
      .filter((t) => ['solved', 'closed'].includes(t.ticket.status) && inW47(t.ticket.updated_at))
      .map((t) => String(t.ticket.id))
      .sort();

  it('pages with the cursor until has_more is false (links.next is still a URL on the last page)', async () => {
    const d = data();
    const tab = mockTab('zendesk', { data: { zendesk: d } });
    const { client } = clientFor(tab.fetchPage);
    const tickets = await listZendeskWeek(client, W47, 5);
    expect(tickets.map((t) => t.id).sort()).toEqual(expectedIds(d));
    const pages = Math.ceil(expectedIds(d).length / 5);
    expect(tab.mock.requests.filter((r) => r.path === '/api/v2/search/export.json')).toHaveLength(pages);
    expect(client.progress.pages).toBe(pages);
    // The query names the week to the second, solved and closed tickets only.
    const query = tab.mock.requests[0]!.search.get('query');
    expect(query).toBe('type:ticket status>hold solved>2026-11-15T23:59:59Z solved<2026-11-23T00:00:00Z');
    expect(tab.mock.requests[0]!.search.get('filter[type]')).toBe('ticket');
    // Open and unassigned tickets: the open one is not listed, the unassigned one is (the draw skips it).
    expect(tickets.some((t) => t.assigneeId === null)).toBe(true);
    expect(tickets.every((t) => t.status !== 'other')).toBe(true);
  });

  it('the week is Monday 00:00 to the next Monday 00:00: a ticket solved on the first second is in, one on the last is out', async () => {
    const d = data();
    const [first, last] = d.tickets.filter((t) => t.kind === 'history' && t.ticket.status === 'solved' && inW47(t.ticket.updated_at));
    first!.ticket.updated_at = '2026-11-16T00:00:00Z';
    last!.ticket.updated_at = '2026-11-23T00:00:00Z';
    const tab = mockTab('zendesk', { data: { zendesk: d } });
    const ids = (await listZendeskWeek(clientFor(tab.fetchPage).client, W47)).map((t) => t.id);
    expect(ids).toContain(String(first!.ticket.id));
    expect(ids).not.toContain(String(last!.ticket.id));
  });

  it('waits out 429s mid-listing and still lists every ticket once', async () => {
    const d = data();
    let n = 0;
    const tab = mockTab('zendesk', {
      data: { zendesk: d },
      intercept: (req: MockRequest) => (req.path.endsWith('/search/export.json') && ++n % 2 === 0 ? { status: 429, headers: { 'retry-after': '3' }, body: { error: 'APIRateLimitExceeded' } } : undefined),
    });
    const { client, waits } = clientFor(tab.fetchPage);
    const tickets = await listZendeskWeek(client, W47, 7);
    expect(tickets.map((t) => t.id).sort()).toEqual(expectedIds(d));
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((w) => w === 3000)).toBe(true);
    expect(client.progress.rateLimited).toBe(waits.length);
  });

  it('reads the agents (agents and admins, cursor paged) and the risk signals of the tickets', async () => {
    const d = data();
    const tab = mockTab('zendesk', { data: { zendesk: d } });
    const { client } = clientFor(tab.fetchPage);
    const agents = await listZendeskAgents(client);
    expect(agents.map((a) => a.name).sort()).toEqual(d.users.filter((u) => u.role !== 'end-user').map((u) => u.name).sort());
    expect(agents.find((a) => a.name === 'Siobhan Kelly')?.id).toBe('17283746561234');

    const tickets = await listZendeskWeek(client, W47);
    await addZendeskRisk(client, tickets);
    const reopened = d.tickets.find((t) => t.kind === 'history' && inW47(t.ticket.updated_at) && t.metrics?.reopens)!;
    const listed = tickets.find((t) => t.id === String(reopened.ticket.id))!;
    expect(listed.risk).toMatchObject({ reopens: reopened.metrics!.reopens, messageCount: reopened.comments.length });
    expect(typeof listed.risk?.firstReplyMinutes).toBe('number');
    const bad = d.tickets.find((t) => t.ticket.satisfaction_rating?.score === 'bad' && inW47(t.ticket.updated_at))!;
    expect(tickets.find((t) => t.id === String(bad.ticket.id))?.risk?.csat).toBe('bad');
    expect(client.progress.riskDone).toBe(tickets.length);
  });
});

describe('Freshdesk: tickets updated since the week began', () => {
  const data = () => addFreshdeskHistory(createFreshdeskDemoData());
  const expectedIds = (d: ReturnType<typeof data>) =>
    d.tickets
      .filter((t) => [4, 5].includes(t.ticket.status) && inW47(t.stats.resolved_at ?? t.stats.closed_at))
      .map((t) => String(t.ticket.id))
      .sort();

  it('pages until a short page and keeps the tickets solved in the week', async () => {
    const d = data();
    const tab = mockTab('freshdesk', { data: { freshdesk: d } });
    const { client } = clientFor(tab.fetchPage);
    const tickets = await listFreshdeskWeek(client, W47, { perPage: 10 });
    expect(tickets.map((t) => t.id).sort()).toEqual(expectedIds(d));
    const first = tab.mock.requests[0]!.search;
    expect(Object.fromEntries(first)).toMatchObject({ updated_since: '2026-11-16T00:00:00Z', order_by: 'updated_at', order_type: 'asc', include: 'stats', page: '1' });
    const updatedSince = d.tickets.filter((t) => Date.parse(t.ticket.updated_at) >= W47.start).length;
    expect(tab.mock.requests).toHaveLength(Math.floor(updatedSince / 10) + 1);
  });

  it('splits the range when a listing is full (the page cap): a new listing from the last change seen, nothing lost or doubled', async () => {
    const d = data();
    d.listPageCap = 2;
    const tab = mockTab('freshdesk', { data: { freshdesk: d } });
    const { client } = clientFor(tab.fetchPage);
    const tickets = await listFreshdeskWeek(client, W47, { perPage: 5, pageCap: 2 });
    expect(tickets.map((t) => t.id).sort()).toEqual(expectedIds(d));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
    const sinces = [...new Set(tab.mock.requests.map((r) => r.search.get('updated_since')))];
    expect(sinces.length).toBeGreaterThan(2);
    expect(sinces[0]).toBe('2026-11-16T00:00:00Z');
    // Never past the cap: the fake answers 400 beyond it, and the listing would have failed.
    expect(tab.mock.requests.every((r) => Number(r.search.get('page')) <= 2)).toBe(true);
    // Each new listing starts at the last update time the one before it reached.
    expect([...sinces].sort()).toEqual(sinces);
  });

  it('the week is Monday 00:00 to the next Monday 00:00 by the solve time', async () => {
    const d = data();
    const [first, last] = d.tickets.filter((t) => t.kind === 'history' && t.ticket.status === 4 && inW47(t.stats.resolved_at));
    first!.stats.resolved_at = '2026-11-16T00:00:00Z';
    last!.stats.resolved_at = '2026-11-23T00:00:00Z';
    last!.ticket.updated_at = '2026-11-23T00:00:00Z';
    const tab = mockTab('freshdesk', { data: { freshdesk: d } });
    const ids = (await listFreshdeskWeek(clientFor(tab.fetchPage).client, W47)).map((t) => t.id);
    expect(ids).toContain(String(first!.ticket.id));
    expect(ids).not.toContain(String(last!.ticket.id));
  });

  it('a listing whose full range cannot move on (every ticket changed in one second) stops with a reason', async () => {
    const d = data();
    for (const t of d.tickets) t.ticket.updated_at = '2026-11-20T10:00:00Z';
    d.listPageCap = 1;
    const tab = mockTab('freshdesk', { data: { freshdesk: d } });
    const { client } = clientFor(tab.fetchPage);
    await expect(listFreshdeskWeek(client, W47, { perPage: 5, pageCap: 1 })).rejects.toThrow(/changed in the same second/);
  });

  it('reads the agents until a short page, and reopenings and first replies from the stats', async () => {
    const d = data();
    const tab = mockTab('freshdesk', { data: { freshdesk: d } });
    const { client } = clientFor(tab.fetchPage);
    const agents = await listFreshdeskAgents(client, 2);
    expect(agents.map((a) => a.id).sort()).toEqual(d.agents.map((a) => String(a.id)).sort());
    const tickets = await listFreshdeskWeek(client, W47);
    const reopened = d.tickets.find((t) => t.stats.reopened_at && inW47(t.stats.resolved_at ?? t.stats.closed_at))!;
    expect(tickets.find((t) => t.id === String(reopened.ticket.id))?.risk?.reopens).toBe(1);
    expect(tickets.every((t) => typeof t.risk?.firstReplyMinutes === 'number')).toBe(true);
  });
});
