import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkEndpoint, pullUrl } from '@/lib/team-store/endpoint';
import { QaDatabase } from '@/lib/db/schema';
import { createHandlers } from '@/lib/background/handlers';
import { TabStates } from '@/lib/background/tab-states';
import { memorySecretStore } from '@/lib/background/team-store/sync-runner';
import { createTeamStoreService, RETRY_ALARM, SYNC_ALARM } from '@/lib/background/team-store/service';
import { dispatchMessage, type SenderInfo } from '@/lib/messaging/server';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';
import { seedBuiltInRubrics } from '@/lib/db/rubrics';
import { updateSettings } from '@/lib/db/settings';
import { pulledRecord } from '../db/data-fixture';

describe('team store address', () => {
  it.each([
    ['https://qa.acme.com/reviews', true],
    ['  https://qa.acme.com/reviews#x ', true],
    ['http://localhost:8787/reviews', true],
    ['http://127.0.0.1:9/r', true],
    ['http://qa.acme.com/reviews', false],
    ['ftp://qa.acme.com', false],
    ['https://user:pw@qa.acme.com/', false],
    ['qa.acme.com', false],
    ['', false],
  ])('%s → %s', (input, ok) => {
    const checked = checkEndpoint(input);
    expect(checked.ok).toBe(ok);
    if (checked.ok) expect(checked.url).not.toContain('#');
    else expect(checked.message.length).toBeGreaterThan(10);
  });

  it('builds the pull address from the endpoint and its own query', () => {
    expect(pullUrl('https://qa.acme.com/r?team=a', null, 100)).toBe('https://qa.acme.com/r?team=a&limit=100');
    expect(pullUrl('https://qa.acme.com/r', '42', 100)).toBe('https://qa.acme.com/r?after=42&limit=100');
  });
});

const page: SenderInfo = { fromExtensionPage: true };

describe('team store handlers', () => {
  let db: QaDatabase;
  let handlers: ReturnType<typeof createHandlers>;
  let alarms: [string, number | null][];
  let fetched: RequestInit[];
  const secrets = memorySecretStore();

  beforeEach(async () => {
    db = new QaDatabase(`store-handlers-${Math.random()}`);
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-12-01T00:00:00.000Z');
    await secrets.clear();
    alarms = [];
    fetched = [];
    const teamStore = createTeamStoreService({
      db,
      fetch: (async (_url: RequestInfo | URL, init?: RequestInit) => {
        fetched.push(init ?? {});
        return new Response(JSON.stringify({ records: [], next: null }), { status: 200 });
      }) as typeof fetch,
      now: () => Date.UTC(2026, 11, 1),
      random: () => 0.5,
      newId: () => crypto.randomUUID(),
      secrets,
      alarms: { periodic: async (name, minutes) => void alarms.push([name, minutes]), once: async (name, at) => void alarms.push([name, at]) },
      changed: () => undefined,
    });
    handlers = createHandlers({
      db,
      tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ kind: 'not-ticket' }) as never }),
      clock: { now: () => '2026-12-01T00:00:00.000Z', newId: () => crypto.randomUUID() },
      ready: Promise.resolve(),
      reloadTab: async () => undefined,
      registerDomain: async () => undefined,
      unregisterDomain: async () => undefined,
      teamStore,
    });
  });

  const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, page);

  it('refuses a plain-http address that is not this machine, and changes nothing', async () => {
    const reply = await send('store:save', { endpoint: 'http://qa.acme.com/r', batchSize: 50, autoSync: true, intervalMinutes: 15, redact: true, pseudonymizeAgents: false, pull: false });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-endpoint' } });
    expect(await send('store:get', {})).toMatchObject({ ok: true, data: { settings: { endpoint: null }, hasAuth: false } });
  });

  it('keeps the auth value out of every reply, plans the periodic sync, and sends it only as Authorization', async () => {
    const saved = await send('store:save', {
      endpoint: 'https://qa.acme.test/reviews',
      auth: 'Bearer top-secret',
      batchSize: 10,
      autoSync: true,
      intervalMinutes: 30,
      redact: true,
      pseudonymizeAgents: false,
      pull: true,
    });
    expect(saved).toMatchObject({ ok: true, data: { settings: { endpoint: 'https://qa.acme.test/reviews', batchSize: 10 }, hasAuth: true } });
    expect(JSON.stringify(saved)).not.toContain('top-secret');
    expect(JSON.stringify(await send('store:get', {}))).not.toContain('top-secret');
    expect(JSON.stringify(await db.settings.toArray())).not.toContain('top-secret');
    expect(alarms).toContainEqual([SYNC_ALARM, 30]);

    const status = await send('store:sync-now', {});
    expect(status).toMatchObject({ ok: true, data: { configured: true, pending: 0 } });
    expect(fetched.some((init) => (init.headers as Record<string, string>).Authorization === 'Bearer top-secret')).toBe(true);

    // Saving without an auth value keeps the saved one; null removes it.
    await send('store:save', { endpoint: 'https://qa.acme.test/reviews', batchSize: 10, autoSync: true, intervalMinutes: 30, redact: true, pseudonymizeAgents: false, pull: true });
    expect((await secrets.read()).auth).toBe('Bearer top-secret');
    await send('store:save', { endpoint: null, auth: null, batchSize: 10, autoSync: true, intervalMinutes: 30, redact: true, pseudonymizeAgents: false, pull: true });
    expect((await secrets.read()).auth).toBeNull();
    expect(alarms.at(-1)).toEqual([SYNC_ALARM, null]);
    expect(RETRY_ALARM).not.toBe(SYNC_ALARM);
  });

  it('answers a review’s sync state; nothing is queued for a review not submitted', async () => {
    expect(await send('store:review-state', { reviewId: 'nope', revision: 1 })).toEqual({ ok: true, data: { configured: false, state: null, error: null } });
  });
});

describe('team store service', () => {
  it('retries a short wait with a timer and keeps an alarm as the backstop; a start-up finishes a cut-off batch', async () => {
    const db = new QaDatabase(`service-${Math.random()}`);
    const secrets = memorySecretStore({ auth: 'Bearer x' });
    const now = Date.UTC(2026, 11, 1);
    const timers: number[] = [];
    const onceAlarms: [string, number][] = [];
    const periodic: [string, number | null][] = [];
    let answers = [new Response('', { status: 503, headers: { 'Retry-After': '2' } })];
    let posts = 0;
    const service = createTeamStoreService({
      db,
      fetch: (async () => {
        posts++;
        return answers.shift() ?? new Response('{}', { status: 200 });
      }) as typeof fetch,
      now: () => now,
      random: () => 0.5,
      newId: () => crypto.randomUUID(),
      secrets,
      alarms: { periodic: async (n, m) => void periodic.push([n, m]), once: async (n, at) => void onceAlarms.push([n, at]) },
      changed: () => undefined,
      setTimer: (_fn, ms) => timers.push(ms),
      clearTimer: () => undefined,
    });
    await updateSettings(db, (s) => ({ teamStore: { ...s.teamStore, endpoint: 'https://qa.acme.test/r', intervalMinutes: 20 } }));
    await db.outbox.add({ reviewId: 'r', revision: 1, state: 'pending', createdAt: '2026-12-01T00:00:00.000Z', attempts: 0, nextAttemptAt: 0 });
    await db.reviews.put({ ...pulledRecord({ id: 'r' }), ticketKey: 'k', reviewerId: 'x', rubricId: 'mini', origin: 'local' });

    await service.started();
    expect(periodic).toEqual([[SYNC_ALARM, 20]]);
    expect(posts).toBe(1);
    expect(timers).toEqual([2_000]);
    expect(onceAlarms).toEqual([[RETRY_ALARM, now + 30_000]]);

    answers = [];
    await service.alarm(RETRY_ALARM);
    // Not due yet at `now`: the alarm run waits for the planned time instead of sending early.
    expect(posts).toBe(1);
    db.close();
  });
});
