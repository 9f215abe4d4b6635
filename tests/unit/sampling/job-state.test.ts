import { describe, expect, it } from 'vitest';
import { describeProgress, IDLE_JOB, jobReducer, type JobState } from '@/entrypoints/sampling/job-state';
import type { ListingProgressView } from '@/lib/messaging/protocol/sampling';

const progress = (over: Partial<ListingProgressView> = {}): ListingProgressView => ({ phase: 'tickets', pages: 2, tickets: 180, riskDone: 0, riskTotal: 0, waitingUntil: null, waitReason: null, rateLimited: 0, ...over });

describe('the Sampling page job reducer', () => {
  it('runs, follows its own progress, and ends as the background says', () => {
    let s: JobState = jobReducer(IDLE_JOB, { type: 'started', jobId: 'j1' });
    s = jobReducer(s, { type: 'progress', jobId: 'j1', progress: progress() });
    expect(s).toEqual({ status: 'running', jobId: 'j1', progress: progress(), cancelling: false });
    s = jobReducer(s, { type: 'progress', jobId: 'other', progress: progress({ pages: 99 }) });
    expect(s.status === 'running' && s.progress?.pages).toBe(2);
    s = jobReducer(s, { type: 'cancel-asked', jobId: 'j1' });
    expect(s.status === 'running' && s.cancelling).toBe(true);
    expect(jobReducer(s, { type: 'finished', jobId: 'j1', outcome: { status: 'cancelled' } })).toEqual({ status: 'cancelled', jobId: 'j1' });
    expect(jobReducer(s, { type: 'finished', jobId: 'j1', outcome: { status: 'done', instance: 'a', weekId: '2026-W47' } })).toEqual({ status: 'done', jobId: 'j1', instance: 'a', weekId: '2026-W47' });
    expect(jobReducer(s, { type: 'finished', jobId: 'j1', outcome: { status: 'failed', code: 'not-logged-in', message: 'Signed out' } })).toEqual({ status: 'failed', jobId: 'j1', message: 'Signed out' });
  });

  it('a late event of an ended or another job changes nothing', () => {
    const done: JobState = { status: 'done', jobId: 'j1', instance: 'a', weekId: 'w' };
    expect(jobReducer(done, { type: 'progress', jobId: 'j1', progress: progress() })).toBe(done);
    expect(jobReducer(done, { type: 'finished', jobId: 'j1', outcome: { status: 'cancelled' } })).toBe(done);
    const running = jobReducer(IDLE_JOB, { type: 'started', jobId: 'j2' });
    expect(jobReducer(running, { type: 'finished', jobId: 'j1', outcome: { status: 'cancelled' } })).toBe(running);
    expect(jobReducer(running, { type: 'start-failed', message: 'No tab' })).toEqual({ status: 'failed', jobId: null, message: 'No tab' });
  });

  it('says where the job is', () => {
    expect(describeProgress(null, 'Zendesk')).toBe('Asking Zendesk…');
    expect(describeProgress(progress(), 'Zendesk')).toBe("Listing the week's tickets: 2 pages, 180 tickets");
    expect(describeProgress(progress({ phase: 'risk', riskDone: 100, riskTotal: 240 }), 'Zendesk')).toBe('Reading risk signals: 100 of 240 tickets');
  });
});
