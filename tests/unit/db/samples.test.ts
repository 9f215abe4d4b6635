import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/analytics/sample-plan';
import { latestSample, readSample, reviewedTicketIds, sampleKey, samplesOverlapping, saveSample } from '@/lib/db/samples';
import { sampleCoverageFrom } from '@/lib/background/sampling/coverage';
import { QaDatabase } from '@/lib/db/schema';
import { readSettings, updateSettings } from '@/lib/db/settings';
import { saveDraft, submitReview } from '@/lib/db/reviews';
import { draftInput, miniRubric, steppingClock } from './data-fixture';

let db: QaDatabase;
beforeEach(() => {
  db = new QaDatabase(`samples-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const sample = (over: Partial<SampleRecord> = {}): SampleRecord => ({
  format: 'qa-sample/1', helpdesk: 'zendesk', instance: 'acme.zendesk.com', weekId: '2026-W47', weekStart: 1, weekEnd: 2, timeZone: 'UTC', seed: '2026-W47', perAgent: 2, mode: 'uniform', agentIds: null,
  createdAt: '2026-12-01T09:00:00.000Z', found: 3, excluded: 0, unassigned: 0, rateLimited: 0,
  agents: [{ id: '7', name: 'Alex', eligible: 3, drawn: 2 }],
  items: [{ ticketId: '1', agentId: '7', channel: 'email', subject: 'One', url: 'https://acme.zendesk.com/agent/tickets/1' }],
  ...over,
});

describe('samples in the settings table', () => {
  it('saves one row per instance and week, reads it back, and leaves the app settings alone', async () => {
    await updateSettings(db, { reviewerName: 'Priya' });
    await saveSample(db, sample());
    expect(await readSample(db, 'acme.zendesk.com', '2026-W47')).toEqual(sample());
    expect(await db.settings.get(sampleKey('acme.zendesk.com', '2026-W47'))).toEqual({ key: 'sample:acme.zendesk.com:2026-W47', value: sample() });
    expect((await readSettings(db)).reviewerName).toBe('Priya');
    await saveSample(db, sample({ seed: 'other' }));
    expect((await readSample(db, 'acme.zendesk.com', '2026-W47'))?.seed).toBe('other');
    expect(await db.settings.where('key').startsWith('sample:').count()).toBe(1);
  });

  it('refuses to save a malformed sample and reads a damaged row as none', async () => {
    await expect(saveSample(db, { ...sample(), perAgent: 0 })).rejects.toThrow();
    await db.settings.put({ key: sampleKey('acme.zendesk.com', '2026-W48'), value: { format: 'qa-sample/1', items: 'broken' } });
    expect(await readSample(db, 'acme.zendesk.com', '2026-W48')).toBeNull();
  });

  it('the latest sample is the one drawn last, per instance or across them', async () => {
    await saveSample(db, sample({ weekId: '2026-W48', createdAt: '2026-12-01T08:00:00.000Z' }));
    await saveSample(db, sample({ weekId: '2026-W46', createdAt: '2026-12-01T10:00:00.000Z' }));
    await saveSample(db, sample({ instance: 'b.freshdesk.com', helpdesk: 'freshdesk', createdAt: '2026-12-01T11:00:00.000Z' }));
    expect((await latestSample(db, 'acme.zendesk.com'))?.weekId).toBe('2026-W46');
    expect((await latestSample(db, null))?.instance).toBe('b.freshdesk.com');
    expect(await latestSample(db, 'none.zendesk.com')).toBeNull();
  });

  it('reviewed tickets: submitted reviews of the instance, not drafts, not self-checks', async () => {
    const clock = steppingClock('2026-12-01T09:00:00Z');
    await submitReview(db, miniRubric, draftInput('1', 3), clock);
    await saveDraft(db, miniRubric, draftInput('2', 3), clock);
    await submitReview(db, miniRubric, draftInput('3', 3, { kind: 'self' }), clock);
    await submitReview(db, miniRubric, draftInput('4', 3, { ticket: { helpdesk: 'zendesk', instance: 'other.zendesk.com', id: '4', url: '', channel: 'email', subject: '' } }), clock);
    expect(await reviewedTicketIds(db, 'zendesk', 'acme.zendesk.com')).toEqual(new Set(['1']));
    expect(await reviewedTicketIds(db, 'zendesk', 'acme.zendesk.com', ['2', '3'])).toEqual(new Set());
  });

  it('the dashboard\'s coverage: the samples of the weeks the range touches, per agent, drawn and reviewed', async () => {
    const W47 = { weekId: '2026-W47', weekStart: Date.parse('2026-11-16T00:00:00Z'), weekEnd: Date.parse('2026-11-23T00:00:00Z') };
    const W48 = { weekId: '2026-W48', weekStart: Date.parse('2026-11-23T00:00:00Z'), weekEnd: Date.parse('2026-11-30T00:00:00Z') };
    const item = (ticketId: string, agentId: string) => ({ ticketId, agentId, channel: 'email', subject: ticketId, url: '' });
    await saveSample(db, sample({ ...W47, items: [item('1', '7'), item('2', '7'), item('5', '8')] }));
    await saveSample(db, sample({ ...W48, items: [item('3', '7')] }));
    expect((await samplesOverlapping(db, W48.weekStart, W48.weekEnd)).map((s) => s.weekId)).toEqual(['2026-W48']);
    expect(await samplesOverlapping(db, W48.weekEnd, W48.weekEnd + 86_400_000)).toEqual([]);

    const clock = steppingClock('2026-11-24T09:00:00Z');
    await submitReview(db, miniRubric, draftInput('1', 3), clock);
    await saveDraft(db, miniRubric, draftInput('2', 3), clock);
    await submitReview(db, miniRubric, draftInput('3', 3), clock);
    const coverage = sampleCoverageFrom(db);
    const query = (from: string, to: string, agentId?: string) => ({ timeZone: 'UTC', from, to, filter: agentId ? { agentId } : {} });
    expect(await coverage(query('2026-11-16', '2026-11-29'))).toEqual([
      { agentId: '7', name: 'Alex', planned: 3, done: 2 },
      { agentId: '8', name: 'Agent 8', planned: 1, done: 0 },
    ]);
    expect(await coverage(query('2026-11-22', '2026-11-22'))).toEqual([
      { agentId: '7', name: 'Alex', planned: 2, done: 1 },
      { agentId: '8', name: 'Agent 8', planned: 1, done: 0 },
    ]);
    expect(await coverage(query('2026-11-16', '2026-11-29', '8'))).toEqual([{ agentId: '8', name: 'Agent 8', planned: 1, done: 0 }]);
    // No sample in the range: no chart.
    expect(await coverage(query('2026-12-01', '2026-12-07'))).toBeNull();
  });
});
