import { describe, expect, it } from 'vitest';
import { dashboardReducer, queryOf, rubricKey, type DashboardState } from '@/entrypoints/dashboard/dashboard-state';
import { safeTicketUrl } from '@/entrypoints/dashboard/format';

const start: DashboardState = { from: '2026-09-09', to: '2026-12-01', filter: {} };

describe('the dashboard state', () => {
  it('sets and clears each filter; an empty choice removes it', () => {
    let s = dashboardReducer(start, { type: 'filter', key: 'agentId', value: 'a1' });
    s = dashboardReducer(s, { type: 'rubric', value: rubricKey('mini', 2) });
    s = dashboardReducer(s, { type: 'mine', on: true });
    expect(s.filter).toEqual({ agentId: 'a1', rubricId: 'mini', rubricVersion: 2, mine: true });
    s = dashboardReducer(s, { type: 'filter', key: 'agentId', value: '' });
    s = dashboardReducer(s, { type: 'rubric', value: '' });
    s = dashboardReducer(s, { type: 'mine', on: false });
    expect(s.filter).toEqual({});
    expect(dashboardReducer({ ...start, filter: { channel: 'chat' } }, { type: 'clear-filters' }).filter).toEqual({});
  });

  it('asks only for a real range', () => {
    expect(queryOf(start, 'UTC')).toEqual({ query: { timeZone: 'UTC', from: '2026-09-09', to: '2026-12-01', filter: {} } });
    expect(queryOf(dashboardReducer(start, { type: 'from', value: '' }), 'UTC')).toEqual({ problem: 'Pick both dates of the range.' });
    expect(queryOf(dashboardReducer(start, { type: 'from', value: '2026-12-02' }), 'UTC')).toMatchObject({ problem: expect.stringContaining('starts after it ends') });
    expect(queryOf(dashboardReducer(start, { type: 'to', value: '2026-12-01' }), 'UTC')).toHaveProperty('query');
  });

  it('opens only web links from a review', () => {
    expect(safeTicketUrl('https://acme.zendesk.com/agent/tickets/1')).toBe('https://acme.zendesk.com/agent/tickets/1');
    expect(safeTicketUrl('javascript:alert(1)')).toBeNull();
    expect(safeTicketUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeTicketUrl('not a url')).toBeNull();
  });
});
