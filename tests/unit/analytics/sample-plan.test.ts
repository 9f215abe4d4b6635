import { describe, expect, it } from 'vitest';
import { planSample, sampleRecordSchema, type PlanInput } from '@/lib/analytics/sample-plan';
import { drawSample } from '@/lib/analytics/sampling';
import type { ListedTicket } from '@/lib/helpdesk/listing';

const t = (id: string, assigneeId: string | null, over: Partial<ListedTicket> = {}): ListedTicket => ({
  id, assigneeId, channel: 'email', subject: `Ticket ${id}`, status: 'solved', solvedAt: null, updatedAt: null, ...over,
});

const tickets: ListedTicket[] = [
  ...Array.from({ length: 6 }, (_, i) => t(`a${i}`, 'ann', { channel: i < 4 ? 'email' : 'chat' })),
  ...Array.from({ length: 2 }, (_, i) => t(`b${i}`, 'bob')),
  t('u1', null),
  t('open1', 'ann', { status: 'other' }),
  t('dup', 'bob'),
  t('dup', 'bob'),
];

const input = (over: Partial<PlanInput> = {}): PlanInput => ({
  tickets,
  agents: [{ id: 'ann', name: 'Ann' }, { id: 'bob', name: 'Bob' }, { id: 'cat', name: 'Cat' }],
  agentIds: null,
  perAgent: 3,
  seed: '2026-W47',
  mode: 'uniform',
  exclude: new Set(['a0']),
  ticketUrl: (id) => `https://x/${id}`,
  ...over,
});

describe('planSample', () => {
  it('a ticket listed for two agents is counted and credited once, the same whatever the listing order', () => {
    const moved = [t('m1', 'bob'), t('m1', 'ann')];
    const forward = planSample(input({ tickets: [...tickets, ...moved], perAgent: 10 }));
    const backward = planSample(input({ tickets: [...moved.reverse(), ...[...tickets].reverse()], perAgent: 10 }));
    expect(backward.items).toEqual(forward.items);
    expect(backward.agents).toEqual(forward.agents);
    expect(forward.items.filter((i) => i.ticketId === 'm1')).toEqual([expect.objectContaining({ agentId: 'ann' })]);
    for (const agent of forward.agents) expect(agent.drawn).toBe(forward.items.filter((i) => i.agentId === agent.id).length);
  });

  it('draws with contract §8 and counts per agent: tickets left to draw from, drawn', () => {
    const plan = planSample(input());
    const eligible = tickets.filter((x) => x.status !== 'other').map((x) => ({ id: x.id, assigneeId: x.assigneeId, channel: x.channel }));
    expect(plan.items.map((i) => i.ticketId)).toEqual(drawSample(eligible, { perAgent: 3, seed: '2026-W47', exclude: ['a0'] }));
    expect(plan.agents).toEqual([
      { id: 'ann', name: 'Ann', eligible: 5, drawn: 3 },
      { id: 'bob', name: 'Bob', eligible: 3, drawn: 3 },
    ]);
    expect(plan).toMatchObject({ found: 10, excluded: 1, unassigned: 1 });
    expect(plan.items[0]).toMatchObject({ url: `https://x/${plan.items[0]!.ticketId}`, subject: `Ticket ${plan.items[0]!.ticketId}` });
    expect(plan.items.every((i) => i.weight === undefined)).toBe(true);
  });

  it('keeps to the agents chosen, listing a chosen agent with no tickets as 0 of 0', () => {
    const plan = planSample(input({ agentIds: ['bob', 'cat'] }));
    expect(new Set(plan.items.map((i) => i.agentId))).toEqual(new Set(['bob']));
    expect(plan.agents).toEqual([
      { id: 'bob', name: 'Bob', eligible: 3, drawn: 3 },
      { id: 'cat', name: 'Cat', eligible: 0, drawn: 0 },
    ]);
  });

  it('by channel: the share of chat follows its volume; risk-weighted: weights and reasons', () => {
    const channels = planSample(input({ mode: 'channels', perAgent: 3, exclude: new Set() }));
    expect(channels.items.filter((i) => i.agentId === 'ann').map((i) => i.channel).sort()).toEqual(['chat', 'email', 'email']);
    const risky = planSample(input({ mode: 'risk', tickets: [t('r1', 'ann', { risk: { reopens: 2, csat: 'bad' } }), t('r2', 'ann')], perAgent: 2 }));
    expect(risky.items.map((i) => [i.ticketId, i.weight, i.reasons]).sort()).toEqual([
      ['r1', 12, ['reopened 2×', 'low CSAT']],
      ['r2', 1, []],
    ]);
  });

  it('a saved record validates; an unknown mode or a bad week id does not', () => {
    const record = { format: 'qa-sample/1', helpdesk: 'zendesk', instance: 'a', weekId: '2026-W47', weekStart: 0, weekEnd: 1, timeZone: 'UTC', seed: 's', perAgent: 1, mode: 'uniform', agentIds: null, createdAt: 'x', found: 0, excluded: 0, unassigned: 0, rateLimited: 0, agents: [], items: [] };
    expect(sampleRecordSchema.safeParse(record).success).toBe(true);
    expect(sampleRecordSchema.safeParse({ ...record, mode: 'random' }).success).toBe(false);
    expect(sampleRecordSchema.safeParse({ ...record, weekId: '2026-49' }).success).toBe(false);
  });
});
