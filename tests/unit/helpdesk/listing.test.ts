// The listing parsers on their own: the API shapes and the traps (numeric ids beyond 1e13,
// links.next on the last page, wrapped and bare Freshdesk lists, odd rows skipped, not fatal).
import { describe, expect, it } from 'vitest';
import { ListingParseError } from '@/lib/helpdesk/listing';
import { parseZendeskExportPage, parseZendeskRiskPage, parseZendeskUsersPage, zendeskExportPath, zendeskMetricSetsPath, zendeskSolvedQuery } from '@/lib/helpdesk/zendesk/listing';
import { freshdeskUpdatedSincePath, parseFreshdeskAgentsPage, parseFreshdeskTicketsPage } from '@/lib/helpdesk/freshdesk/listing';

describe('Zendesk listing', () => {
  const page = (results: unknown[], meta: object) => ({ results, facets: null, meta, links: { next: 'https://acme.zendesk.com/api/v2/search/export.json?page[after]=x', prev: null } });

  it('reads tickets: ids as strings, channel, status, CSAT; stops when has_more is false whatever links.next says', () => {
    const parsed = parseZendeskExportPage(
      page(
        [
          { id: 17283746561234, subject: 'Hi', status: 'solved', assignee_id: 361198004733, via: { channel: 'native_messaging' }, updated_at: '2026-11-20T10:00:00Z', satisfaction_rating: { score: 'bad' }, result_type: 'ticket' },
          { id: 5, subject: null, raw_subject: 'Raw', status: 'closed', assignee_id: null, via: null, satisfaction_rating: null },
          { id: 6, subject: 'Reopened', status: 'open', assignee_id: 1 },
          { subject: 'no id' },
          { id: 7, result_type: 'user' },
        ],
        { has_more: false, after_cursor: 'abc' },
      ),
    );
    expect(parsed.after).toBeNull();
    expect(parsed.skipped).toBe(2);
    expect(parsed.tickets).toEqual([
      { id: '17283746561234', assigneeId: '361198004733', channel: 'messaging', subject: 'Hi', status: 'solved', solvedAt: null, updatedAt: '2026-11-20T10:00:00Z', risk: { csat: 'bad' } },
      { id: '5', assigneeId: null, channel: 'other', subject: 'Raw', status: 'closed', solvedAt: null, updatedAt: null, risk: { csat: null } },
      { id: '6', assigneeId: '1', channel: 'other', subject: 'Reopened', status: 'other', solvedAt: null, updatedAt: null, risk: { csat: null } },
    ]);
  });

  it('follows the cursor while has_more is true, and says what is wrong with a broken page', () => {
    expect(parseZendeskExportPage(page([], { has_more: true, after_cursor: 'c2' })).after).toBe('c2');
    expect(() => parseZendeskExportPage(page([], { has_more: true }))).toThrow(/meta.after_cursor is missing/);
    expect(() => parseZendeskExportPage({ error: 'nope' })).toThrow(ListingParseError);
    expect(() => parseZendeskExportPage({ error: 'nope' })).toThrow(/Zendesk search export page: results/);
  });

  it('builds the week query and the export, agents and show_many paths', () => {
    expect(zendeskSolvedQuery(Date.parse('2026-11-16T00:00:00Z'), Date.parse('2026-11-23T00:00:00Z'))).toBe('type:ticket status>hold solved>2026-11-15T23:59:59Z solved<2026-11-23T00:00:00Z');
    const url = new URL(zendeskExportPath('type:ticket x', 'cur', 50), 'https://a.zendesk.com');
    expect(url.pathname).toBe('/api/v2/search/export.json');
    expect(Object.fromEntries(url.searchParams)).toEqual({ query: 'type:ticket x', 'filter[type]': 'ticket', 'page[size]': '50', 'page[after]': 'cur' });
    expect(() => zendeskMetricSetsPath(Array.from({ length: 101 }, (_, i) => String(i)))).toThrow(RangeError);
  });

  it('reads agents and admins only, active ones, with a name', () => {
    const parsed = parseZendeskUsersPage({
      users: [
        { id: 1, name: 'Tom', role: 'agent', active: true },
        { id: 2, name: ' ', role: 'admin' },
        { id: 3, name: 'Customer', role: 'end-user' },
        { id: 4, name: 'Gone', role: 'agent', active: false },
      ],
      meta: { has_more: false },
    });
    expect(parsed).toEqual({ agents: [{ id: '1', name: 'Tom' }, { id: '2', name: 'Agent 2' }], after: null });
  });

  it('reads reopens, first reply and comment count from show_many', () => {
    const risks = parseZendeskRiskPage({
      tickets: [{ id: 10, comment_count: 14 }, { id: 11 }],
      metric_sets: [{ ticket_id: 10, reopens: 2, reply_time_in_minutes: { calendar: 615, business: 200 } }, { ticket_id: 11, reopens: 0, reply_time_in_minutes: { calendar: null } }, { junk: true }],
    });
    expect(Object.fromEntries(risks)).toEqual({ '10': { reopens: 2, firstReplyMinutes: 615, messageCount: 14 }, '11': { reopens: 0, firstReplyMinutes: null } });
  });
});

describe('Freshdesk listing', () => {
  const ticket = (over: object) => ({ id: 1, subject: 'S', status: 4, source: 7, responder_id: 80001204502, created_at: '2026-11-16T09:00:00Z', updated_at: '2026-11-17T09:00:00Z', ...over });

  it('reads bare and wrapped lists: status, solve time from the stats, reopenings and first reply', () => {
    const bare = parseFreshdeskTicketsPage([
      ticket({ stats: { resolved_at: '2026-11-16T12:00:00Z', first_responded_at: '2026-11-16T09:30:00Z', reopened_at: '2026-11-16T11:00:00Z' } }),
      ticket({ id: 2, status: 5, responder_id: null, source: 13, stats: { resolved_at: null, closed_at: '2026-11-18T08:00:00Z' } }),
      ticket({ id: 3, status: 2, stats: {} }),
      ticket({ id: 4, stats: null }),
      { subject: 'no id' },
    ]);
    expect(bare.count).toBe(5);
    expect(bare.skipped).toBe(1);
    expect(bare.tickets.map((t) => [t.id, t.status, t.solvedAt, t.assigneeId, t.channel, t.risk])).toEqual([
      ['1', 'solved', '2026-11-16T12:00:00Z', '80001204502', 'chat', { reopens: 1, firstReplyMinutes: 30 }],
      ['2', 'closed', '2026-11-18T08:00:00Z', null, 'messaging', { reopens: 0, firstReplyMinutes: null }],
      ['3', 'other', null, '80001204502', 'chat', { reopens: 0, firstReplyMinutes: null }],
      // No stats: the last update is the best solve time there is.
      ['4', 'solved', '2026-11-17T09:00:00Z', '80001204502', 'chat', { reopens: null, firstReplyMinutes: null }],
    ]);
    expect(parseFreshdeskTicketsPage({ tickets: [ticket({})] }).tickets).toHaveLength(1);
    expect(() => parseFreshdeskTicketsPage({ description: 'Validation failed' })).toThrow(/Freshdesk tickets page: is not a list/);
  });

  it('reads active agents and builds the listing path', () => {
    expect(parseFreshdeskAgentsPage([{ id: 15000001204901, contact: { name: 'Owen' } }, { id: 2, contact: { name: 'Left', active: false } }, { id: 3 }])).toEqual({
      agents: [{ id: '15000001204901', name: 'Owen' }, { id: '3', name: 'Agent 3' }],
      count: 3,
    });
    const url = new URL(freshdeskUpdatedSincePath(Date.parse('2026-11-16T00:00:00.000Z'), 3, 100), 'https://a.freshdesk.com');
    expect(Object.fromEntries(url.searchParams)).toEqual({ updated_since: '2026-11-16T00:00:00Z', order_by: 'updated_at', order_type: 'asc', include: 'stats', per_page: '100', page: '3' });
  });
});
