import { describe, expect, it } from 'vitest';
import type { Ticket } from '@/lib/helpdesk/types';
import { draftContextFor } from '@/lib/review/draft-context';
import { checkDraft } from '@/lib/selfcheck/checks';

const ticket = (over: Partial<Ticket>): Ticket => ({
  helpdesk: 'zendesk', instance: 'a.zendesk.com', id: '1', url: 'https://a.zendesk.com/agent/tickets/1', subject: 'Parcel late', status: 'open',
  channel: 'email', tags: [], requester: { id: '1', name: 'Jane Doe' }, assignee: null, createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z', messages: [], ...over,
});

describe('draftContextFor', () => {
  it('treats complaint tags or subjects as complaints and passes the names on', () => {
    expect(draftContextFor(ticket({ tags: ['complaint'] }), { id: 'a', name: 'Priya' })).toEqual({ channel: 'email', customerName: 'Jane Doe', agentName: 'Priya', isComplaint: true });
    expect(draftContextFor(ticket({ subject: 'Formal complaint about my refund' }), null).isComplaint).toBe(true);
    expect(draftContextFor(ticket({}), null)).toEqual({ channel: 'email', customerName: 'Jane Doe', isComplaint: false });
  });

  it('feeds checkDraft so a complaint reply without an apology is flagged', () => {
    const context = draftContextFor(ticket({ tags: ['complaint'] }), null);
    const ids = checkDraft('Hi Jane,\n\nThe refund is on its way and will arrive within 3 days.\n\nKind regards,\nPriya', context).map((f) => f.id);
    expect(ids).toEqual(['apology']);
  });
});
