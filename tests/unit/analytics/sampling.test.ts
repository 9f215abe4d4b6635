import { describe, expect, it } from 'vitest';
import { drawSample, drawStratifiedSample, drawWeightedSample, riskWeight, ticketsNeeded, type SampleCandidate } from '@/lib/analytics/sampling';
import { inWeek, weekById, weekOf } from '@/lib/analytics/weeks';

const tickets: SampleCandidate[] = [
  ...Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, assigneeId: 'alex', channel: i % 4 === 0 ? 'chat' : 'email' })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: `b${i}`, assigneeId: 'bo', channel: 'email' })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `c${i}`, assigneeId: 'cy' })),
  { id: 'u1', assigneeId: null },
  { id: 'u2', assigneeId: null },
];

/** A deterministic reshuffle (no global randomness in tests either). */
const reversedAndRotated = (list: SampleCandidate[]) => [...list].reverse().map((_, i, arr) => arr[(i + 7) % arr.length]!);

describe('drawSample (contract §8)', () => {
  it('draws up to perAgent per assignee, never unassigned or excluded tickets', () => {
    const drawn = drawSample(tickets, { perAgent: 5, seed: '2026-W49', exclude: ['a1', 'a2', 'b3'] });
    const per = (prefix: string) => drawn.filter((id) => id.startsWith(prefix));
    expect(per('a')).toHaveLength(5);
    expect(per('b')).toHaveLength(5);
    expect(per('c')).toHaveLength(3);
    expect(drawn).not.toContain('u1');
    expect(drawn).not.toContain('u2');
    for (const id of ['a1', 'a2', 'b3']) expect(drawn).not.toContain(id);
    expect(new Set(drawn).size).toBe(drawn.length);
  });

  it('depends only on the set of tickets, the options and the seed — not on their order', () => {
    const options = { perAgent: 4, seed: '2026-W49' };
    const first = drawSample(tickets, options);
    expect(drawSample(reversedAndRotated(tickets), options)).toEqual(first);
    expect(drawSample([...tickets, ...tickets.slice(0, 5)], options)).toEqual(first);
    expect(drawSample(tickets, { ...options, seed: '2026-W50' })).not.toEqual(first);
  });

  it('counts a ticket listed twice with two assignees once, the same way whatever the order', () => {
    const moved = { id: 'c0', assigneeId: 'alex' };
    const options = { perAgent: 50, seed: '2026-W49' };
    const before = drawSample([...tickets, moved], options);
    expect(drawSample([moved, ...tickets], options)).toEqual(before);
    expect(drawSample(reversedAndRotated([...tickets, moved]), options)).toEqual(before);
    expect(before.filter((id) => id === 'c0')).toHaveLength(1);
  });

  it("leaves one agent's draw unchanged when another agent's tickets change", () => {
    const options = { perAgent: 4, seed: 's' };
    const alex = (ids: string[]) => ids.filter((id) => id.startsWith('a'));
    const without = tickets.filter((t) => t.assigneeId !== 'bo');
    expect(alex(drawSample(without, options))).toEqual(alex(drawSample(tickets, options)));
  });

  it('is uniform: over many seeds each ticket is drawn about perAgent/n of the time', () => {
    const pool = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, assigneeId: 'x' }));
    const counts = new Map<string, number>();
    const runs = 4000;
    for (let s = 0; s < runs; s++) for (const id of drawSample(pool, { perAgent: 3, seed: `seed-${s}` })) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const t of pool) {
      const share = (counts.get(t.id) ?? 0) / runs;
      expect(share).toBeGreaterThan(0.26);
      expect(share).toBeLessThan(0.34);
    }
  });

  it('draws nothing for perAgent 0 and everything when an agent has fewer tickets', () => {
    expect(drawSample(tickets, { perAgent: 0, seed: 'x' })).toEqual([]);
    expect(drawSample(tickets, { perAgent: 100, seed: 'x' }).filter((id) => id.startsWith('c')).sort()).toEqual(['c0', 'c1', 'c2']);
  });
});

describe('channel strata', () => {
  it('shares each agent’s quota over the channels by volume, reproducibly', () => {
    const drawn = drawStratifiedSample(tickets, { perAgent: 8, seed: 'w' });
    const alex = tickets.filter((t) => drawn.includes(t.id) && t.assigneeId === 'alex');
    expect(alex.filter((t) => t.channel === 'chat')).toHaveLength(2);
    expect(alex.filter((t) => t.channel === 'email')).toHaveLength(6);
    expect(drawStratifiedSample(reversedAndRotated(tickets), { perAgent: 8, seed: 'w' })).toEqual(drawn);
  });
});

describe('risk-weighted draw', () => {
  const risky = Array.from({ length: 20 }, (_, i) => ({
    id: `r${i}`,
    assigneeId: 'x',
    risk: i < 2 ? { reopens: 1, csat: 'bad' as const } : { reopens: 0, messageCount: 3 },
  }));

  it('oversamples risky tickets, explains the weight, and stays reproducible', () => {
    let riskyDrawn = 0;
    const runs = 1000;
    for (let s = 0; s < runs; s++) riskyDrawn += drawWeightedSample(risky, { perAgent: 2, seed: `s${s}` }).filter((d) => d.id === 'r0' || d.id === 'r1').length;
    // Uniformly the two risky tickets would fill 2 × 2/20 = 0.2 places per draw; weight 12 makes it far more.
    expect(riskyDrawn / runs).toBeGreaterThan(1);
    const once = drawWeightedSample(risky, { perAgent: 3, seed: '2026-W49' });
    expect(drawWeightedSample([...risky].reverse(), { perAgent: 3, seed: '2026-W49' })).toEqual(once);
    expect(riskWeight({ reopens: 2, csat: 'bad', firstReplyMinutes: 600, messageCount: 30 })).toEqual({
      weight: 3 * 4 * 2 * 2,
      reasons: ['reopened 2×', 'low CSAT', 'first reply after 10 h', '30 messages'],
    });
    expect(riskWeight(undefined)).toEqual({ weight: 1, reasons: [] });
  });
});

describe('how many tickets a sample needs', () => {
  it('cannot tell 84 % from 92 % with five tickets', () => {
    // σ = 15 points, δ = 8 points: about 28 tickets against a target, 56 to compare two agents.
    expect(ticketsNeeded({ sd: 15, gap: 8 })).toBe(28);
    expect(ticketsNeeded({ sd: 15, gap: 8, twoAgents: true })).toBe(56);
    expect(ticketsNeeded({ sd: 15, gap: 0 })).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('weeks in the lead’s time zone', () => {
  it('runs Monday to Monday at local midnight and is named by ISO week', () => {
    const week = weekOf(Date.parse('2026-12-02T15:00:00Z'), 'Europe/London');
    expect(week.id).toBe('2026-W49');
    expect(new Date(week.start).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(weekById('2026-W49', 'Europe/London')).toEqual(week);
  });

  it('follows daylight saving: the week of the change is an hour shorter or longer', () => {
    const spring = weekById('2026-W13', 'Europe/London')!; // clocks go forward on Sunday 29 March
    expect(spring.end - spring.start).toBe(167 * 3_600_000);
    const ordinary = weekById('2026-W43', 'America/New_York')!;
    expect(ordinary.end - ordinary.start).toBe(168 * 3_600_000);
    const ny = weekById('2026-W44', 'America/New_York')!; // clocks go back on Sunday 1 November
    expect(ny.end - ny.start).toBe(169 * 3_600_000);
    expect(new Date(ny.start).toISOString()).toBe('2026-10-26T04:00:00.000Z');
  });

  it('puts the same instant in different weeks in different time zones', () => {
    const sundayNightUtc = Date.parse('2026-12-06T23:30:00Z');
    expect(weekOf(sundayNightUtc, 'Europe/London').id).toBe('2026-W49');
    expect(weekOf(sundayNightUtc, 'Europe/Berlin').id).toBe('2026-W50');
    expect(weekOf(sundayNightUtc, 'America/Los_Angeles').id).toBe('2026-W49');
  });

  it('handles year boundaries and refuses weeks that do not exist', () => {
    expect(weekOf(Date.parse('2027-01-01T12:00:00Z'), 'UTC').id).toBe('2026-W53');
    expect(weekById('2026-W53', 'UTC')).not.toBeNull();
    expect(weekById('2027-W53', 'UTC')).toBeNull();
    expect(weekById('2026-49', 'UTC')).toBeNull();
    const w = weekById('2026-W01', 'UTC')!;
    expect(new Date(w.start).toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(inWeek(w, '2025-12-29T00:00:00.000Z')).toBe(true);
    expect(inWeek(w, '2026-01-05T00:00:00.000Z')).toBe(false);
  });
});
