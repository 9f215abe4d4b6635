import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { completeWithKnownReviewer } from '@/lib/background/known-reviewer';
import { TabStates } from '@/lib/background/tab-states';
import { QaDatabase } from '@/lib/db/schema';
import { createSeeder, seedBuiltInRubrics } from '@/lib/db/rubrics';
import type { TabState } from '@/lib/messaging/protocol';
import { dispatchMessage, type SenderInfo } from '@/lib/messaging/server';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID } from '@/lib/rubric/templates';
import { everyAnswerAtTop } from '../../support/answers';

const page: SenderInfo = { fromExtensionPage: true };
const contentScript = (tabId: number): SenderInfo => ({ fromExtensionPage: false, tabId, url: 'https://acme.zendesk.com/agent/tickets/1' });

const zendeskRaw = {
  ticket: {
    ticket: { id: 1, subject: 'Where is my order?', status: 'open', via: { channel: 'email' }, requester_id: 10, assignee_id: 20, tags: [], created_at: '2026-11-20T09:00:00Z', updated_at: '2026-11-20T10:00:00Z' },
    users: [
      { id: 10, name: 'Casey Customer', role: 'end-user' },
      { id: 20, name: 'Alex Agent', role: 'agent' },
    ],
  },
  comments: [
    { id: 100, author_id: 10, body: 'Still nothing.', public: true, created_at: '2026-11-20T09:00:00Z' },
    { id: 99, author_id: 20, body: 'Chasing the courier.', public: false, created_at: '2026-11-20T09:30:00Z' },
  ],
  users: [],
  metrics: null,
  me: { user: { id: 30, name: 'Priya Raman' } },
};

let db: QaDatabase;
let broadcasts: [number, TabState][];
let tabs: TabStates;
let handlers: ReturnType<typeof createHandlers>;
let seeded: Promise<void>;
const registerDomain = vi.fn(async () => undefined);

beforeEach(async () => {
  db = new QaDatabase(`test-${Math.random()}`);
  broadcasts = [];
  tabs = new TabStates({ broadcast: (id, s) => broadcasts.push([id, s]), askContentScript: async () => ({ phase: 'idle' }), now: () => 5 });
  // Not awaited: handlers must wait for seeding themselves, as on the extension's first start.
  seeded = seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-25T00:00:00.000Z');
  handlers = createHandlers({
    db,
    tabs,
    ready: seeded,
    clock: { now: () => '2026-11-25T12:00:00.000Z', newId: () => 'rev-id' },
    reloadTab: async () => undefined,
    registerDomain,
    unregisterDomain: async () => undefined,
  });
});
afterEach(async () => {
  await seeded;
  await db.delete();
});

describe('dispatchMessage', () => {
  it('ignores messages that are not protocol requests', () => {
    expect(dispatchMessage(handlers, { type: 'tab:state-changed' }, page)).toBeUndefined();
    expect(dispatchMessage(handlers, 'hello', page)).toBeUndefined();
  });

  it('rejects invalid requests with the problems listed', async () => {
    const reply = await dispatchMessage(handlers, { type: 'tab:get-state', data: { tabId: 'one' } }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(reply && !reply.ok && reply.error.problems?.[0]).toMatch(/^tabId:/);
  });

  it('accepts only ticket reports from content scripts', async () => {
    const reply = await dispatchMessage(handlers, { type: 'settings:update', data: { reviewerName: 'Mallory' } }, contentScript(1));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('parses a loaded report into a ready tab state and broadcasts it', async () => {
    const reply = await dispatchMessage(handlers, { type: 'ticket:report', data: { phase: 'loaded', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', raw: zendeskRaw } }, contentScript(4));
    // the page gets back what its draft checks need about this ticket
    // (and what the check before Send may do there: errors only, unless switched off in Options)
    expect(reply).toEqual({ ok: true, data: { ok: true, draftContext: { channel: 'email', customerName: 'Casey Customer', agentName: 'Priya Raman', isComplaint: false }, sendGuard: 'errors' } });
    const state = await dispatchMessage(handlers, { type: 'tab:get-state', data: { tabId: 4 } }, page);
    expect(state).toMatchObject({ ok: true, data: { status: 'ready', reviewer: { id: 'zendesk:30', name: 'Priya Raman' }, ticket: { subject: 'Where is my order?' } } });
    expect(broadcasts.map(([id, s]) => [id, s.status])).toEqual([[4, 'ready']]);
  });

  it('tells the page when the check before Send is switched off in Options', async () => {
    await dispatchMessage(handlers, { type: 'settings:update', data: { sendGuard: 'off' } }, page);
    const reply = await dispatchMessage(handlers, { type: 'ticket:report', data: { phase: 'loaded', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', raw: zendeskRaw } }, contentScript(4));
    expect(reply).toMatchObject({ ok: true, data: { ok: true, sendGuard: 'off', draftContext: { channel: 'email' } } });
  });

  it('refuses a report about another host than the page it came from', async () => {
    const reply = await dispatchMessage(handlers, { type: 'ticket:report', data: { phase: 'loading', helpdesk: 'zendesk', instance: 'other.zendesk.com', ticketId: '1', loaded: 0 } }, contentScript(4));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(broadcasts).toEqual([]);
  });

  it('refuses a draft about another host than the page it came from, with no tab state to lean on', async () => {
    // A fresh TabStates is what a restarted service worker has: the rule must not depend on it.
    const reply = await dispatchMessage(handlers, { type: 'draft:report', data: { helpdesk: 'zendesk', instance: 'other.zendesk.com', ticketId: '1', text: 'Hi' } }, contentScript(4));
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(tabs.getDraft(4)).toBeNull();
    const own = await dispatchMessage(handlers, { type: 'draft:report', data: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', text: 'Hi' } }, contentScript(4));
    expect(own).toEqual({ ok: true, data: { ok: true } });
    expect(tabs.getDraft(4)?.text).toBe('Hi');
  });

  it('turns unparseable ticket data into a parse error state, not a crash', async () => {
    await dispatchMessage(handlers, { type: 'ticket:report', data: { phase: 'loaded', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', raw: { ticket: '<html>' } } }, contentScript(4));
    expect(broadcasts[0]?.[1]).toMatchObject({ status: 'error', error: { code: 'parse' } });
  });

  it('reports handler failures as values with the rubric problems', async () => {
    const reply = await dispatchMessage(handlers, { type: 'rubrics:import', data: { rubric: { format: 'qa-rubric/1', id: 'Bad Id', criteria: [] } } }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'rubric-invalid' } });
    expect(reply && !reply.ok && reply.error.problems?.some((p) => p.startsWith('id'))).toBe(true);
  });

  it('gives every failure a code of the one union: domain codes kept, anything else internal', async () => {
    const empty = await dispatchMessage(handlers, { type: 'reviews:submit', data: { kind: 'review', ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email', subject: 'S' }, reviewee: null, reviewer: { id: 'r', name: 'R' }, rubric: { id: DEFAULT_RUBRIC_ID, version: 1 }, answers: {}, strengths: '', improvements: '', basedOn: null } }, page);
    expect(empty).toMatchObject({ ok: false, error: { code: 'empty-review' } });
    const broken = createHandlers({ db, tabs, ready: seeded, clock: { now: () => 'x', newId: () => 'y' }, reloadTab: async () => { throw Object.assign(new Error('Receiving end does not exist.'), { code: 'ECONN' }); }, registerDomain, unregisterDomain: async () => undefined });
    const reload = await dispatchMessage(broken, { type: 'tab:reload', data: { tabId: 1 } }, page);
    expect(reload).toMatchObject({ ok: false, error: { code: 'internal', message: 'Receiving end does not exist.' } });
  });
});

describe('handlers', () => {
  const draft = (value: number | 'na' | null) => ({
    kind: 'review' as const,
    ticket: { helpdesk: 'zendesk' as const, instance: 'acme.zendesk.com', id: '1', url: 'https://acme.zendesk.com/agent/tickets/1', channel: 'email' as const, subject: 'Where is my order?' },
    reviewee: { id: '20', name: 'Alex Agent' },
    reviewer: { id: 'zendesk:30', name: 'Priya Raman' },
    rubric: { id: DEFAULT_RUBRIC_ID, version: 1 },
    answers: { [BUILT_IN_RUBRICS[0]!.criteria[0]!.id]: { value, comment: '' } },
  });

  const everyAnswer = () => everyAnswerAtTop(BUILT_IN_RUBRICS[0]!);

  it('refuses to submit an empty review', async () => {
    await expect(handlers['reviews:submit'](draft(null), page)).rejects.toThrow(/at least one/);
  });

  it('refuses to submit an incomplete review, naming what is missing, and stores nothing', async () => {
    const critical = BUILT_IN_RUBRICS[0]!.criteria.find((c) => c.critical)!;
    const { [critical.id]: _unanswered, ...allButCritical } = everyAnswer();
    const reply = await dispatchMessage(handlers, { type: 'reviews:submit', data: { ...draft(null), answers: allButCritical } }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'incomplete-review', message: expect.stringContaining('Rate 1 more: Verified identity'), problems: [`${critical.id}: unrated`] } });
    // N/A is no answer where the rubric does not allow it.
    const na = await dispatchMessage(handlers, { type: 'reviews:submit', data: { ...draft(null), answers: { ...allButCritical, [critical.id]: { value: 'na', comment: '' } } } }, page);
    expect(na).toMatchObject({ ok: false, error: { code: 'incomplete-review' } });
    expect(await db.reviews.count()).toBe(0);

    const submitted = await handlers['reviews:submit']({ ...draft(null), answers: everyAnswer() }, page);
    expect(submitted).toMatchObject({ status: 'submitted', score: 100 });
  });

  it('saves against the seeded default rubric, even when called before seeding finished', async () => {
    const first = BUILT_IN_RUBRICS[0]!.criteria[0]!;
    const top = first.scale.type === 'binary' ? 1 : Math.max(...first.scale.levels.map((l) => l.value));
    const saved = await handlers['reviews:save-draft'](draft(top), page);
    expect(saved.score).toBe(100);
  });

  const chatRubric = (title: string) => ({ format: 'qa-rubric/1', id: 'chat-basics', name: 'Chat basics', version: 1, criteria: [{ id: 'greet', title, scale: { type: 'binary' } }] });

  it('refuses a rubric over 1 MB before parsing it', async () => {
    const huge = { ...chatRubric('Greets'), description: 'x'.repeat(1_400_000) };
    const reply = await dispatchMessage(handlers, { type: 'rubrics:import', data: { rubric: huge } }, page);
    expect(reply).toEqual({ ok: false, error: { code: 'rubric-too-large', message: 'This file is 1.4 MB; rubric files can be at most 1 MB.' } });
    expect(await db.rubrics.where('id').equals('chat-basics').count()).toBe(0);
  });

  it('explains an older version, and stores it as the newest on rollback', async () => {
    await handlers['rubrics:import']({ rubric: chatRubric('Greets') }, page);
    await handlers['rubrics:import']({ rubric: chatRubric('Greets by name') }, page);
    const reply = await dispatchMessage(handlers, { type: 'rubrics:import', data: { rubric: chatRubric('Greets') } }, page);
    expect(reply).toMatchObject({ ok: false, error: { code: 'rubric-older-version', message: expect.stringContaining('This is version 1 of "Chat basics"') } });
    const rolledBack = await dispatchMessage(handlers, { type: 'rubrics:import', data: { rubric: chatRubric('Greets'), rollback: true } }, page);
    expect(rolledBack).toMatchObject({ ok: true, data: { id: 'chat-basics', version: 3 } });
  });

  it('reads rubrics once seeding succeeds after a failed first attempt', async () => {
    const fresh = new QaDatabase(`test-${Math.random()}`);
    try {
      vi.spyOn(fresh, 'transaction').mockImplementationOnce((() => Promise.reject(new Error('Database blocked'))) as never);
      const seeder = createSeeder(fresh, BUILT_IN_RUBRICS, () => '2026-11-25T00:00:00.000Z');
      seeder.ready().catch(() => undefined); // as the background starts it
      const retrying = createHandlers({ db: fresh, tabs, ready: seeder.ready, clock: { now: () => 'now', newId: () => 'id' }, reloadTab: async () => undefined, registerDomain, unregisterDomain: async () => undefined });
      await expect(retrying['rubrics:list']({}, page)).rejects.toThrow(/Database blocked/);
      expect((await retrying['rubrics:list']({}, page)).map((r) => r.id)).toContain(DEFAULT_RUBRIC_ID);
    } finally {
      await fresh.delete();
    }
  });

  it('asks for persistent storage once the first review is stored, and only once', async () => {
    const persistStorage = vi.fn(async () => true);
    const persisting = createHandlers({ db, tabs, ready: seeded, clock: { now: () => '2026-11-25T12:00:00.000Z', newId: () => 'rev-id' }, reloadTab: async () => undefined, registerDomain, unregisterDomain: async () => undefined, persistStorage });
    // nothing stored yet: a refused submit asks for nothing
    await expect(persisting['reviews:submit'](draft(null), page)).rejects.toThrow(/at least one/);
    expect(persistStorage).not.toHaveBeenCalled();
    const first = await persisting['reviews:save-draft'](draft(1), page);
    expect(persistStorage).toHaveBeenCalledTimes(1);
    await persisting['reviews:save-draft']({ ...draft(2), basedOn: first.updatedAt }, page);
    await persisting['reviews:submit']({ ...draft(1), answers: everyAnswer() }, page);
    expect(persistStorage).toHaveBeenCalledTimes(1);
  });

  it('reports whether storage is persistent, null when the browser cannot say', async () => {
    expect(await dispatchMessage(handlers, { type: 'storage:status', data: {} }, page)).toEqual({ ok: true, data: { persisted: null } });
    const told = createHandlers({ db, tabs, ready: seeded, clock: { now: () => 'now', newId: () => 'id' }, reloadTab: async () => undefined, registerDomain, unregisterDomain: async () => undefined, storagePersisted: async () => true });
    expect(await dispatchMessage(told, { type: 'storage:status', data: {} }, page)).toEqual({ ok: true, data: { persisted: true } });
    expect(await dispatchMessage(told, { type: 'storage:status', data: {} }, contentScript(4))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('registers a custom domain after normalizing it, and rejects junk', async () => {
    const settings = await handlers['domains:register']({ host: 'https://Support.Acme.com/agent/', helpdesk: 'zendesk' }, page);
    expect(registerDomain).toHaveBeenCalledWith('support.acme.com', 'zendesk');
    expect(settings.customDomains).toEqual([{ host: 'support.acme.com', helpdesk: 'zendesk' }]);
    await expect(handlers['domains:register']({ host: 'not a host', helpdesk: 'zendesk' }, page)).rejects.toThrow(/not a web address/);
  });
});

describe('TabStates', () => {
  it('asks the content script after a service-worker restart forgot the tab', async () => {
    const restarted = new TabStates({
      broadcast: () => undefined,
      askContentScript: async () => ({ phase: 'loading', helpdesk: 'freshdesk', instance: 'acme.freshdesk.com', ticketId: '9', loaded: 3 }),
    });
    const state = await restarted.get(2);
    expect(state).toMatchObject({ status: 'loading', ticketId: '9' });
  });

  it('is idle when no content script answers', async () => {
    const lonely = new TabStates({ broadcast: () => undefined, askContentScript: () => Promise.reject(new Error('no receiver')) });
    expect(await lonely.get(3)).toEqual({ status: 'idle' });
  });

  it('goes idle when the page port closes, but not for a stale port after a reload', () => {
    const oldPort = {};
    const newPort = {};
    tabs.set(1, { status: 'loading', helpdesk: 'zendesk', instance: 'a', ticketId: '1', loaded: 0 });
    tabs.connected(1, oldPort);
    tabs.connected(1, newPort);
    tabs.disconnected(1, oldPort);
    expect(broadcasts.at(-1)?.[1].status).toBe('loading');
    tabs.disconnected(1, newPort);
    expect(broadcasts.at(-1)?.[1].status).toBe('idle');
  });
});

describe('completeWithKnownReviewer', () => {
  const ready = (reviewer: { id: string; name: string } | null): TabState => ({
    status: 'ready',
    reviewer,
    loadedAt: 1,
    ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '1', url: 'u', subject: 's', status: 'open', channel: 'email', tags: [], requester: { id: '10', name: 'C' }, assignee: null, createdAt: 'x', updatedAt: 'x', messages: [] },
  });

  it('remembers the signed-in reviewer per instance and fills them in when the helpdesk cannot say', async () => {
    expect(await completeWithKnownReviewer(db, ready(null))).toMatchObject({ reviewer: null });
    await completeWithKnownReviewer(db, ready({ id: 'zendesk:30', name: 'Priya Raman' }));
    expect(await completeWithKnownReviewer(db, ready(null))).toMatchObject({ reviewer: { id: 'zendesk:30', name: 'Priya Raman' }, reviewerSource: 'remembered' });
  });

  it('marks an identity the helpdesk confirmed in this load as known', async () => {
    expect(await completeWithKnownReviewer(db, ready({ id: 'zendesk:30', name: 'Priya Raman' }))).toMatchObject({ reviewerSource: 'helpdesk' });
  });

  it('forgets the remembered identity when the instance signs out, so the next agent is not filed under it', async () => {
    await completeWithKnownReviewer(db, ready({ id: 'zendesk:30', name: 'Priya Raman' }));
    await completeWithKnownReviewer(db, { status: 'error', helpdesk: 'zendesk', instance: 'other.zendesk.com', ticketId: '1', error: { code: 'not-logged-in', status: 401 } });
    // Another instance signing out changes nothing here.
    expect(await completeWithKnownReviewer(db, ready(null))).toMatchObject({ reviewer: { id: 'zendesk:30' } });
    await completeWithKnownReviewer(db, { status: 'error', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', error: { code: 'not-logged-in', status: 401 } });
    // The next agent signs in; "who am I" fails this time: nobody is assumed.
    expect(await completeWithKnownReviewer(db, ready(null))).toMatchObject({ reviewer: null });
  });

  it('forgets it on a 403 too', async () => {
    await completeWithKnownReviewer(db, ready({ id: 'zendesk:30', name: 'Priya Raman' }));
    await completeWithKnownReviewer(db, { status: 'error', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '1', error: { code: 'not-logged-in', status: 403 } });
    expect(await completeWithKnownReviewer(db, ready(null))).toMatchObject({ reviewer: null });
  });
});
