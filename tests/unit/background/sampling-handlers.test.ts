import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import type { SamplingService } from '@/lib/background/sampling/service';
import { TabStates } from '@/lib/background/tab-states';
import { QaDatabase } from '@/lib/db/schema';
import { seedBuiltInRubrics } from '@/lib/db/rubrics';
import { dispatchMessage } from '@/lib/messaging/server';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID } from '@/lib/rubric/templates';
import { everyAnswerAtTop } from '../../support/answers';

const page = { fromExtensionPage: true };
let db: QaDatabase;
let base: BackgroundDeps;

beforeEach(async () => {
  db = new QaDatabase(`sampling-handlers-${Math.random()}`);
  await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-25T00:00:00.000Z');
  base = {
    db,
    tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ phase: 'idle' }) }),
    ready: Promise.resolve(),
    clock: { now: () => '2026-11-25T12:00:00.000Z', newId: () => 'rev-id' },
    reloadTab: async () => undefined,
    registerDomain: async () => undefined,
    unregisterDomain: async () => undefined,
  };
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const draft = {
  kind: 'review' as const,
  ticket: { helpdesk: 'zendesk' as const, instance: 'acme.zendesk.com', id: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email' as const, subject: 'S' },
  reviewee: null,
  reviewer: { id: 'zendesk:30', name: 'Priya' },
  rubric: { id: DEFAULT_RUBRIC_ID, version: 1 },
  answers: everyAnswerAtTop(BUILT_IN_RUBRICS[0]!),
};

describe('sampling and the badge in the handlers', () => {
  it('tells the background of every stored draft and submit (the badge and the queue follow)', async () => {
    const reviewWritten = vi.fn();
    const handlers = createHandlers({ ...base, reviewWritten });
    await handlers['reviews:save-draft'](draft, page);
    expect(reviewWritten).toHaveBeenLastCalledWith(expect.objectContaining({ helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', status: 'draft' }));
    await handlers['reviews:submit'](draft, page);
    expect(reviewWritten).toHaveBeenLastCalledWith(expect.objectContaining({ ticketId: '1', status: 'submitted' }));
    expect(reviewWritten).toHaveBeenCalledTimes(2);
    // A refused submit writes nothing and says nothing.
    await expect(handlers['reviews:submit']({ ...draft, answers: {} }, page)).rejects.toThrow();
    expect(reviewWritten).toHaveBeenCalledTimes(2);
  });

  it('answers the sampling messages through the service, and says so when there is none', async () => {
    const none = await dispatchMessage(createHandlers(base), { type: 'sampling:queue', data: { instance: null, ticketId: null } }, page);
    expect(none).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('not available') } });
    const service = { start: vi.fn(), openNext: vi.fn(async () => '42') } as unknown as SamplingService;
    const handlers = createHandlers({ ...base, sampling: service });
    const week = { id: '2026-W47', start: Date.parse('2026-11-16T00:00:00Z'), end: Date.parse('2026-11-23T00:00:00Z'), timeZone: 'UTC' };
    const start = { jobId: 'j', tabId: 1, helpdesk: 'zendesk', instance: 'acme.zendesk.com', week, perAgent: 5, seed: '2026-W47', mode: 'uniform', agentIds: null };
    expect(await dispatchMessage(handlers, { type: 'sampling:start', data: start }, page)).toEqual({ ok: true, data: { ok: true } });
    expect(service.start).toHaveBeenCalledWith(start);
    // Not a week: Monday to Monday, give or take the hour of a clock change.
    const bad = await dispatchMessage(handlers, { type: 'sampling:start', data: { ...start, week: { ...week, end: week.start + 3 * 86_400_000 } } }, page);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatchMessage(handlers, { type: 'sampling:next', data: { tabId: 3, instance: 'acme.zendesk.com', ticketId: null } }, page)).toEqual({ ok: true, data: { ticketId: '42' } });
    // Content scripts may not start listings or move tabs.
    expect(await dispatchMessage(handlers, { type: 'sampling:next', data: { tabId: 3, instance: null, ticketId: null } }, { fromExtensionPage: false, tabId: 3 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
