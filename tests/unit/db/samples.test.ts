import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SampleRecord } from '@/lib/analytics/sample-plan';
import { latestSample, readSample, reviewedTicketIds, sampleKey, saveSample } from '@/lib/db/samples';
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
});
