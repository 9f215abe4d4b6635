import { describe, expect, it } from 'vitest';
import { compileFilter, countedRevisions, matchesFilter, reviewFilterSchema, startOfDayIn, type ReviewFilterInput } from '@/lib/analytics/filter';
import type { ReviewRecord } from '@/lib/review/record';
import { pulledRecord } from '../db/data-fixture';

const compile = (input: Partial<ReviewFilterInput> = {}) => compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC', ...input }));
const at = (submittedAt: string, over: Partial<ReviewRecord> = {}) => pulledRecord({ submittedAt, ...over });

describe('days in the user\'s time zone', () => {
  it('starts a day at local midnight, across daylight-saving changes', () => {
    expect(new Date(startOfDayIn('2026-07-01', 'Europe/London')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(new Date(startOfDayIn('2026-12-01', 'Europe/London')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(startOfDayIn('2026-12-01', 'Pacific/Auckland')).toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(new Date(startOfDayIn('2026-12-01', 'America/New_York')).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    // 29 March 2026: London's clocks go forward, the day is 23 hours long.
    expect(startOfDayIn('2026-03-29', 'Europe/London', 1) - startOfDayIn('2026-03-29', 'Europe/London')).toBe(23 * 3_600_000);
    expect(startOfDayIn('2026-10-25', 'Europe/London', 1) - startOfDayIn('2026-10-25', 'Europe/London')).toBe(25 * 3_600_000);
  });

  it('includes both ends of the range, read in the filter\'s zone', () => {
    const filter = compile({ from: '2026-12-01', to: '2026-12-07', timeZone: 'America/New_York' });
    expect(matchesFilter(at('2026-12-01T05:00:00.000Z'), filter)).toBe(true); // 00:00 on the 1st in New York
    expect(matchesFilter(at('2026-12-01T04:59:59.999Z'), filter)).toBe(false); // still 30 November there
    expect(matchesFilter(at('2026-12-08T04:59:59.999Z'), filter)).toBe(true); // 23:59 on the 7th
    expect(matchesFilter(at('2026-12-08T05:00:00.000Z'), filter)).toBe(false);
    // A time written with an offset by another tool is read as the instant it names.
    expect(matchesFilter(at('2026-12-01T01:00:00-05:00'), filter)).toBe(true);
    expect(matchesFilter(at('not a time'), filter)).toBe(false);
    expect(matchesFilter(at('2026-12-08T05:00:00.000Z'), compile({ from: '2026-12-01', timeZone: 'America/New_York' }))).toBe(true);
  });

  it('refuses a malformed day or an unknown time zone', () => {
    expect(reviewFilterSchema.safeParse({ timeZone: 'UTC', from: '2026-12-1' }).success).toBe(false);
    expect(reviewFilterSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(reviewFilterSchema.parse({ timeZone: 'Europe/Berlin' })).toEqual({
      from: null,
      to: null,
      timeZone: 'Europe/Berlin',
      agentIds: [],
      reviewerIds: [],
      rubricIds: [],
      rubricVersions: [],
      channels: [],
      kinds: [],
      allRevisions: false,
    });
  });
});

describe('which reviews count', () => {
  it('filters by agent, reviewer, rubric, channel and kind; an empty list means everyone', () => {
    const record = at('2026-11-01T10:00:00.000Z', { channel: 'chat', kind: 'review' });
    expect(matchesFilter(record, compile())).toBe(true);
    expect(matchesFilter(record, compile({ agentIds: ['zendesk:8'] }))).toBe(true);
    expect(matchesFilter(record, compile({ agentIds: ['zendesk:1'] }))).toBe(false);
    expect(matchesFilter({ ...record, reviewee: null }, compile({ agentIds: ['zendesk:8'] }))).toBe(false);
    expect(matchesFilter(record, compile({ reviewerIds: ['zendesk:5', 'x'] }))).toBe(true);
    expect(matchesFilter(record, compile({ reviewerIds: ['x'] }))).toBe(false);
    expect(matchesFilter(record, compile({ rubricIds: ['mini'] }))).toBe(true);
    expect(matchesFilter(record, compile({ rubricIds: ['other'] }))).toBe(false);
    // The dashboard's "rubric, version n": the version must match too.
    expect(matchesFilter(record, compile({ rubricIds: ['mini'], rubricVersions: [record.rubric.version] }))).toBe(true);
    expect(matchesFilter(record, compile({ rubricIds: ['mini'], rubricVersions: [record.rubric.version + 1] }))).toBe(false);
    expect(matchesFilter(record, compile({ channels: ['email', 'chat'] }))).toBe(true);
    expect(matchesFilter(record, compile({ channels: ['email'] }))).toBe(false);
    expect(matchesFilter(record, compile({ kinds: ['self'] }))).toBe(false);
    expect(matchesFilter({ ...record, status: 'draft' }, compile())).toBe(false);
  });

  const revisions = [
    at('2026-11-02T10:00:00.000Z', { revision: 1 }),
    at('2026-11-09T10:00:00.000Z', { revision: 2, channel: 'email' }),
    pulledRecord({ revision: 3, status: 'draft', submittedAt: undefined }),
  ];

  it('counts a review once, at its latest submitted revision, and only where that revision falls', () => {
    expect(countedRevisions(revisions, compile()).map((r) => r.revision)).toEqual([2]);
    // Revised in the second week: the review is that week's, not the first's.
    expect(countedRevisions(revisions, compile({ from: '2026-11-02', to: '2026-11-08' }))).toEqual([]);
    expect(countedRevisions(revisions, compile({ from: '2026-11-09', to: '2026-11-15' })).map((r) => r.revision)).toEqual([2]);
    // The latest revision decides the other fields too.
    expect(countedRevisions(revisions, compile({ channels: ['chat'] }))).toEqual([]);
    expect(countedRevisions([revisions[2]!], compile())).toEqual([]);
  });

  it('with allRevisions counts every submitted revision that matches, oldest first', () => {
    expect(countedRevisions([...revisions].reverse(), compile({ allRevisions: true })).map((r) => r.revision)).toEqual([1, 2]);
    expect(countedRevisions(revisions, compile({ allRevisions: true, channels: ['chat'] })).map((r) => r.revision)).toEqual([1]);
  });
});
