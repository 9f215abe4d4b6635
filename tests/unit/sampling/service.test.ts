// The sampling service under fake-indexeddb, reading the fake Zendesk through a "tab": the job
// from listing to saved sample, Cancel, failures, exclusion of reviewed tickets, reproducibility,
// and the review queue with Next.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { weekById } from '@/lib/analytics/weeks';
import { createSamplingService, type DrawRequest, type JobOutcome, type SamplingDeps } from '@/lib/background/sampling/service';
import { QaDatabase } from '@/lib/db/schema';
import { readSample } from '@/lib/db/samples';
import { submitReview } from '@/lib/db/reviews';
import { addZendeskHistory, createZendeskDemoData, Gate, type MockHelpdeskOptions } from '../../support/mock-helpdesk';
import { draftInput, miniRubric, steppingClock } from '../db/data-fixture';
import { mockTab, recordingSleep } from './mock-tab';

const HOST = 'demo.zendesk.com';
const W47 = weekById('2026-W47', 'Europe/London')!;
const dbs: QaDatabase[] = [];

afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

function setup(options: MockHelpdeskOptions & { url?: () => string | null; db?: QaDatabase } = {}) {
  const db = options.db ?? new QaDatabase(`sampling-${Math.random()}`);
  dbs.push(db);
  const tab = mockTab('zendesk', { data: { zendesk: addZendeskHistory(createZendeskDemoData()) }, ...options });
  const outcomes = new Map<string, JobOutcome>();
  const waiting = new Map<string, (o: JobOutcome) => void>();
  const navigate = vi.fn(async () => undefined);
  const changed = vi.fn();
  const deps: SamplingDeps = {
    db,
    fetchInTab: (_tabId, path) => tab.fetchPage(path),
    tabUrl: async () => (options.url ? options.url() : `https://${HOST}/agent/tickets/48252`),
    helpdeskTabs: async () => [{ tabId: 7, helpdesk: 'zendesk', instance: HOST, title: 'Zendesk' }],
    navigate,
    sleep: recordingSleep().sleep,
    now: () => Date.parse('2026-12-01T09:00:00Z'),
    random: () => 0.5,
    progress: () => undefined,
    finished: (jobId, outcome) => {
      outcomes.set(jobId, outcome);
      waiting.get(jobId)?.(outcome);
    },
    changed,
  };
  const service = createSamplingService(deps);
  let n = 0;
  /** starts a draw and resolves with its outcome */
  const draw = (over: Partial<DrawRequest> = {}): Promise<JobOutcome> => {
    const jobId = over.jobId ?? `job-${++n}`;
    const done = new Promise<JobOutcome>((resolve) => waiting.set(jobId, resolve));
    service.start({
      jobId,
      tabId: 7,
      helpdesk: 'zendesk',
      instance: HOST,
      week: { id: W47.id, start: W47.start, end: W47.end, timeZone: 'Europe/London' },
      perAgent: 3,
      seed: '2026-W47',
      mode: 'uniform',
      agentIds: null,
      ...over,
    });
    return done;
  };
  return { db, tab, service, draw, navigate, changed };
}

const submitFor = (db: QaDatabase, ticketId: string, clock = steppingClock('2026-12-01T10:00:00Z')) =>
  submitReview(db, miniRubric, draftInput(ticketId, 3, { ticket: { helpdesk: 'zendesk', instance: HOST, id: ticketId, url: `https://${HOST}/agent/tickets/${ticketId}`, channel: 'email', subject: 'x' } }), clock);

describe('drawing a sample', () => {
  it('lists the week through the tab, draws, saves the sample and says so; it reads back the same', async () => {
    const { db, service, draw, changed } = setup();
    expect(await draw()).toEqual({ status: 'done', instance: HOST, weekId: '2026-W47' });
    expect(changed).toHaveBeenCalled();
    const saved = await readSample(db, HOST, '2026-W47');
    expect(saved).not.toBeNull();
    expect(saved).toMatchObject({ format: 'qa-sample/1', helpdesk: 'zendesk', seed: '2026-W47', perAgent: 3, mode: 'uniform', weekStart: W47.start, weekEnd: W47.end, excluded: 0, unassigned: 1 });
    expect(saved!.items.length).toBe(saved!.agents.reduce((n, a) => n + a.drawn, 0));
    for (const a of saved!.agents) expect(a.drawn).toBe(Math.min(3, a.eligible));
    expect(saved!.items[0]!.url).toBe(`https://${HOST}/agent/tickets/${saved!.items[0]!.ticketId}`);
    // The settings row holds it; the app settings are untouched.
    expect((await db.settings.get(`sample:${HOST}:2026-W47`))?.value).toEqual(saved);
    expect(await service.sample(HOST, '2026-W47')).toEqual({ ...saved, done: [] });
  });

  it('same inputs → same sample, in another database too; another seed → another sample', async () => {
    const a = setup();
    await a.draw();
    const first = (await readSample(a.db, HOST, '2026-W47'))!.items;
    await a.draw();
    expect((await readSample(a.db, HOST, '2026-W47'))!.items).toEqual(first);
    const b = setup();
    await b.draw();
    expect((await readSample(b.db, HOST, '2026-W47'))!.items).toEqual(first);
    await b.draw({ seed: 'another seed' });
    expect((await readSample(b.db, HOST, '2026-W47'))!.items.map((i) => i.ticketId)).not.toEqual(first.map((i) => i.ticketId));
  });

  it('leaves out tickets already reviewed — but a redraw keeps its own reviewed items, so it stays the same', async () => {
    const a = setup();
    await a.draw();
    const first = (await readSample(a.db, HOST, '2026-W47'))!.items;
    const reviewed = first[0]!.ticketId;

    // A fresh database where that ticket was reviewed before any sample: it is never drawn.
    const b = setup();
    await submitFor(b.db, reviewed);
    await b.draw();
    const other = (await readSample(b.db, HOST, '2026-W47'))!;
    expect(other.items.map((i) => i.ticketId)).not.toContain(reviewed);
    expect(other.excluded).toBe(1);

    // The sample's own item reviewed, then drawn again: the same sample, the item done.
    await submitFor(a.db, reviewed);
    await a.draw();
    const again = (await a.service.sample(HOST, '2026-W47'))!;
    expect(again.items).toEqual(first);
    expect(again.done).toEqual([reviewed]);
  });

  it('only the agents chosen are sampled', async () => {
    const { db, draw } = setup();
    const tom = '361198004733';
    await draw({ agentIds: [tom, '999'] });
    const saved = (await readSample(db, HOST, '2026-W47'))!;
    expect(new Set(saved.items.map((i) => i.agentId))).toEqual(new Set([tom]));
    expect(saved.agents.map((a) => [a.id, a.drawn])).toEqual(expect.arrayContaining([[tom, 3], ['999', 0]]));
    expect(saved.agents).toHaveLength(2);
  });

  it('risk-weighted: each item carries its weight and reasons, read from the metric sets', async () => {
    const { db, tab, draw } = setup();
    await draw({ mode: 'risk' });
    const saved = (await readSample(db, HOST, '2026-W47'))!;
    expect(saved.items.every((i) => typeof i.weight === 'number' && Array.isArray(i.reasons))).toBe(true);
    expect(saved.items.some((i) => i.weight! > 1 && i.reasons!.length > 0)).toBe(true);
    expect(tab.mock.requests.some((r) => r.path === '/api/v2/tickets/show_many.json' && r.search.get('include') === 'metric_sets,comment_count')).toBe(true);
  });

  it('Cancel mid-listing: the job ends cancelled and nothing is saved', async () => {
    const gate = new Gate();
    const { db, service, draw } = setup({ intercept: (req) => (req.path.endsWith('/search/export.json') ? gate.hold(req) : undefined) });
    const outcome = draw({ jobId: 'to-cancel' });
    await gate.arrival(1);
    expect(service.cancel('to-cancel')).toBe(true);
    gate.open();
    expect(await outcome).toEqual({ status: 'cancelled' });
    expect(await readSample(db, HOST, '2026-W47')).toBeNull();
    expect(service.cancel('to-cancel')).toBe(false);
  });

  it('fails with a sentence when the tab left the helpdesk, or the session ended', async () => {
    const gone = setup({ url: () => 'https://example.com/' });
    expect(await gone.draw()).toMatchObject({ status: 'failed', code: 'no-tab', message: expect.stringContaining('Open Zendesk in a tab') });
    const signedOut = setup({ loggedIn: false });
    expect(await signedOut.draw()).toMatchObject({ status: 'failed', code: 'not-logged-in', message: expect.stringContaining('sign in again') });
    expect(await readSample(signedOut.db, HOST, '2026-W47')).toBeNull();
  });

  it('a helpdesk that will not list its agents still gets a sample, named by id', async () => {
    const { db, draw } = setup({ intercept: (req) => (req.path === '/api/v2/users.json' ? { status: 403, body: { error: 'Forbidden' } } : undefined) });
    expect(await draw()).toMatchObject({ status: 'done' });
    const saved = (await readSample(db, HOST, '2026-W47'))!;
    expect(saved.agents.length).toBeGreaterThan(0);
    expect(saved.agents.every((a) => a.name === `Agent ${a.id}`)).toBe(true);
  });
});

describe('the review queue', () => {
  it('counts what is done, names the next open item after the one on screen, and opens it in the tab', async () => {
    const { db, service, draw, navigate } = setup();
    await draw();
    const items = (await readSample(db, HOST, '2026-W47'))!.items;
    const [a, b, c] = items;
    expect(await service.queue(HOST, null)).toEqual({ sample: { instance: HOST, helpdesk: 'zendesk', weekId: '2026-W47' }, total: items.length, done: 0, next: { ticketId: a!.ticketId, subject: a!.subject } });

    const clock = steppingClock('2026-12-01T10:00:00Z');
    await submitFor(db, a!.ticketId, clock);
    expect(await service.queue(HOST, a!.ticketId)).toMatchObject({ done: 1, next: { ticketId: b!.ticketId } });
    // On b itself, Next skips it.
    expect((await service.queue(HOST, b!.ticketId)).next?.ticketId).toBe(c!.ticketId);
    // A self-check is the agent's own, not a QA review: it ticks nothing off.
    await submitReview(db, miniRubric, draftInput(b!.ticketId, 3, { kind: 'self', ticket: { helpdesk: 'zendesk', instance: HOST, id: b!.ticketId, url: '', channel: 'email', subject: 'x' } }), clock);
    expect((await service.queue(HOST, null)).done).toBe(1);

    expect(await service.openNext(7, HOST, a!.ticketId)).toBe(b!.ticketId);
    expect(navigate).toHaveBeenLastCalledWith(7, `https://${HOST}/agent/tickets/${b!.ticketId}`);
  });

  it('when everything is done there is no next; on another helpdesk the last sample is still the queue', async () => {
    const { db, service, draw, navigate } = setup();
    await draw({ perAgent: 1 });
    const items = (await readSample(db, HOST, '2026-W47'))!.items;
    const clock = steppingClock('2026-12-02T10:00:00Z');
    for (const i of items) await submitFor(db, i.ticketId, clock);
    expect(await service.queue(HOST, null)).toMatchObject({ done: items.length, total: items.length, next: null });
    expect(await service.openNext(7, HOST, null)).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect((await service.queue('other.zendesk.com', items[0]!.ticketId)).sample?.instance).toBe(HOST);
    expect(await setup().service.queue(HOST, null)).toEqual({ sample: null, total: 0, done: 0, next: null });
  });
});
