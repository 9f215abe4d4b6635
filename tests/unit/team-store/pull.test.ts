import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import { submitReview, saveDraft } from '@/lib/db/reviews';
import { pullTeamReviews, readPullState } from '@/lib/background/team-store/pull';
import { parseRubric } from '@/lib/rubric/schema';
import type { ReviewRecord } from '@/lib/review/record';
import { pulledRecord } from '../db/data-fixture';

const ENDPOINT = 'https://qa.acme.test/reviews?team=support';
const rubric = parseRubric({ format: 'qa-rubric/1', id: 'mini', name: 'Mini', version: 1, criteria: [{ id: 'tone', title: 'Tone', scale: { type: 'binary' } }] });

const record = (id: string, revision = 1, reviewer = 'zendesk:50'): ReviewRecord =>
  pulledRecord({ id, revision, reviewer: { id: reviewer, name: 'Sam Lead' }, answers: [{ criterionId: 'tone', value: 1, na: false, score: 1 }], score: 100 });

let db: QaDatabase;
let urls: string[];

/** A store holding `rows` in insertion order, answering pages of `limit` with a seq cursor. */
function storeWith(rows: unknown[]) {
  urls = [];
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url.search);
    const after = Number(url.searchParams.get('after') ?? 0);
    const limit = Number(url.searchParams.get('limit'));
    const page = rows.slice(after, after + Math.min(limit, 2));
    const next = after + page.length < rows.length ? after + page.length : null;
    return new Response(JSON.stringify({ records: page, next }), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

const deps = (fetch: typeof globalThis.fetch) => ({ db, fetch, now: () => Date.UTC(2026, 11, 1), random: () => 0.5, newId: () => 'x' });
const secrets = { auth: 'Bearer t', pseudonymSecret: null };

beforeEach(() => {
  db = new QaDatabase(`pull-${Math.random()}`);
});

describe('pull for leads', () => {
  it('pages through the store with the cursor and stores read-only copies, skipping what is already here', async () => {
    const mine = await submitReview(
      db,
      rubric,
      {
        kind: 'review',
        ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '5', url: 'https://acme.zendesk.com/agent/tickets/5', channel: 'email', subject: 's' },
        reviewee: null,
        reviewer: { id: 'zendesk:9', name: 'Priya' },
        rubric: { id: 'mini', version: 1 },
        answers: { tone: { value: 1, comment: '' } },
      },
      { now: () => '2026-11-30T09:00:00.000Z', newId: () => 'mine' },
    );
    const rows = [record('a'), record('a', 2), { junk: true }, record('b'), mine, record('c')];
    const outcome = await pullTeamReviews(deps(storeWith(rows)), ENDPOINT, secrets);
    expect(outcome).toEqual({ added: 4, duplicates: 1, invalid: 1, error: null });
    expect(urls[0]).toBe('?team=support&limit=500');
    expect(urls[1]).toBe('?team=support&after=2&limit=500');
    const pulled = await db.reviews.where('origin').equals('pulled').toArray();
    expect(pulled.map((r) => [r.id, r.revision]).sort()).toEqual([['a', 1], ['a', 2], ['b', 1], ['c', 1]]);
    expect((await db.reviews.get(['mine', 1]))?.origin).toBe('local');

    // The next pull starts from the stored cursor and adds nothing twice.
    const again = await pullTeamReviews(deps(storeWith([...rows, record('d')])), ENDPOINT, secrets);
    expect(again.added).toBe(1);
    expect(await db.reviews.where('origin').equals('pulled').count()).toBe(5);
  });

  it('moves the cursor to the last record of the last page when the store names it', async () => {
    const withLast = (async (input: RequestInfo | URL) => {
      const after = new URL(String(input)).searchParams.get('after');
      const body = after === null ? { records: [record('a'), record('b')], next: null, last: '2' } : { records: [], next: null, last: after };
      return new Response(JSON.stringify(body), { status: 200 });
    }) as typeof fetch;
    await pullTeamReviews(deps(withLast), ENDPOINT, secrets);
    expect((await readPullState(db, ENDPOINT)).cursor).toBe('2');
  });

  it('keeps the cursor of one store only: another endpoint starts from the beginning', async () => {
    await pullTeamReviews(deps(storeWith([record('a'), record('b'), record('c')])), ENDPOINT, secrets);
    expect((await readPullState(db, ENDPOINT)).cursor).toBe('2');
    expect((await readPullState(db, 'https://other.test/')).cursor).toBeNull();
  });

  it('reports a refusal or a foreign answer and keeps what it had', async () => {
    const refused = (async () => new Response('no', { status: 401 })) as typeof fetch;
    expect((await pullTeamReviews(deps(refused), ENDPOINT, secrets)).error).toContain('HTTP 401');
    const foreign = (async () => new Response('{"rows":[]}', { status: 200 })) as typeof fetch;
    expect((await pullTeamReviews(deps(foreign), ENDPOINT, secrets)).error).toContain('{ records, next }');
    expect((await readPullState(db, ENDPOINT)).lastError).toContain('{ records, next }');
  });

  it('stores pulled copies that the panel never edits', async () => {
    await pullTeamReviews(deps(storeWith([record('team-1', 1, 'zendesk:9')])), ENDPOINT, secrets);
    await expect(
      saveDraft(
        db,
        rubric,
        {
          id: 'team-1',
          kind: 'review',
          ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '77', url: 'https://acme.zendesk.com/agent/tickets/77', channel: 'chat', subject: 's' },
          reviewee: null,
          reviewer: { id: 'zendesk:9', name: 'Priya' },
          rubric: { id: 'mini', version: 1 },
          answers: {},
          revise: true,
        },
        { now: () => '2026-12-01T00:00:00.000Z', newId: () => 'n' },
      ),
    ).rejects.toMatchObject({ code: 'read-only' });
  });
});
