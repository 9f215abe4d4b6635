// The fake helpdesks' listing endpoints keep the real APIs' traps and limits, so the listing code
// meets them in tests: links.next on the last export page, filter[type] required, 100 ids per
// show_many, Freshdesk's page cap, agents-only user lists, >= and <= in searches.
import { describe, expect, it } from 'vitest';
import { addFreshdeskHistory, addZendeskHistory, createFreshdeskDemoData, createZendeskDemoData } from '../../support/mock-helpdesk';
import { mockTab } from './mock-tab';

const get = async (tab: ReturnType<typeof mockTab>, path: string) => {
  const a = await tab.fetchPage(path);
  if (!a.ok) throw new Error(a.error);
  return { status: a.status, body: JSON.parse(a.text) };
};

describe('fake Zendesk listing endpoints', () => {
  const tab = () => mockTab('zendesk', { data: { zendesk: addZendeskHistory(createZendeskDemoData()) } });

  it('search export: cursor pages, has_more false on the last one while links.next is still a URL; filter[type] required', async () => {
    const z = tab();
    const q = encodeURIComponent('type:ticket status>=solved solved>=2026-11-16T00:00:00Z solved<2026-11-23T00:00:00Z');
    const first = await get(z, `/api/v2/search/export.json?query=${q}&filter[type]=ticket&page[size]=20`);
    expect(first.body.results).toHaveLength(20);
    expect(first.body.meta.has_more).toBe(true);
    const second = await get(z, `/api/v2/search/export.json?query=${q}&filter[type]=ticket&page[size]=20&page[after]=${first.body.meta.after_cursor}`);
    expect(second.body.meta.has_more).toBe(false);
    expect(second.body.links.next).toMatch(/^https:\/\/demo\.zendesk\.com\/api\/v2\/search\/export/);
    expect((await get(z, `/api/v2/search/export.json?query=${q}`)).status).toBe(400);
    // >= and <= are inclusive, > and < are not.
    const at = '2026-11-22T10:02:49Z'; // the demo's solved email complaint
    expect((await get(z, `/api/v2/search.json?query=${encodeURIComponent(`solved>=${at} solved<=${at}`)}`)).body.results.map((r: { id: number }) => r.id)).toEqual([48213]);
    expect((await get(z, `/api/v2/search.json?query=${encodeURIComponent(`solved>${at} solved<=${at}`)}`)).body.results).toEqual([]);
  });

  it('users by role, cursor paged; show_many with metric sets and comment counts, at most 100 ids', async () => {
    const z = tab();
    const page = await get(z, '/api/v2/users.json?role[]=agent&role[]=admin&page[size]=2');
    expect(page.body.users.map((u: { role: string }) => u.role).every((r: string) => r !== 'end-user')).toBe(true);
    expect(page.body.meta.has_more).toBe(true);
    const many = await get(z, '/api/v2/tickets/show_many.json?ids=49001,48250&include=metric_sets,comment_count');
    expect(many.body.tickets.map((t: { comment_count: number }) => t.comment_count).every((n: number) => n > 0)).toBe(true);
    // The imported ticket has no metrics (its metrics endpoint answers 404): no metric set either.
    expect(many.body.metric_sets.map((m: { ticket_id: number }) => m.ticket_id)).toEqual([49001]);
    expect((await get(z, `/api/v2/tickets/show_many.json?ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`)).status).toBe(400);
  });
});

describe('fake Freshdesk tickets list', () => {
  it('updated_since and order_by/order_type; 400 beyond the page cap', async () => {
    const data = addFreshdeskHistory(createFreshdeskDemoData());
    data.listPageCap = 3;
    const f = mockTab('freshdesk', { data: { freshdesk: data } });
    const asc = await get(f, '/api/v2/tickets?updated_since=2026-11-16T00:00:00Z&order_by=updated_at&order_type=asc&include=stats&per_page=100');
    const times = asc.body.map((t: { updated_at: string }) => t.updated_at);
    expect(times.every((x: string) => x >= '2026-11-16T00:00:00Z')).toBe(true);
    expect([...times].sort()).toEqual(times);
    expect(asc.body[0].stats).toHaveProperty('resolved_at');
    expect((await get(f, '/api/v2/tickets?page=4&per_page=10')).status).toBe(400);
    expect((await get(f, '/api/v2/tickets?updated_since=yesterday')).status).toBe(400);
  });
});
