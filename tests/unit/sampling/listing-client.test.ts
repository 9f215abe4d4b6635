import { describe, expect, it } from 'vitest';
import { ListingClient, ListingError, MAX_ATTEMPTS, RATE_LIMIT_BUDGET_MS, type ListingProgress } from '@/lib/background/sampling/listing-client';
import type { PageAnswer } from '@/lib/background/sampling/page-fetch';
import { recordingSleep } from './mock-tab';

const json = (body: unknown, status = 200): PageAnswer => ({ ok: true, status, retryAfter: null, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body) });
const limited = (retryAfter: string | null): PageAnswer => ({ ok: true, status: 429, retryAfter, contentType: 'application/json', text: '{"error":"TooManyRequests"}' });

/** A client whose pages come from a script of answers, one per request. */
function scripted(answers: (PageAnswer | (() => Promise<PageAnswer>))[], options: { signal?: AbortSignal; random?: number } = {}) {
  const { waits, sleep } = recordingSleep();
  const progress: ListingProgress[] = [];
  const paths: string[] = [];
  const client = new ListingClient({
    label: 'Zendesk',
    signal: options.signal ?? new AbortController().signal,
    sleep,
    now: () => 1_000_000,
    random: () => options.random ?? 0.5,
    onProgress: (p) => progress.push(p),
    fetchPage: async (path) => {
      paths.push(path);
      const next = answers.shift();
      if (!next) throw new Error('no more answers scripted');
      return typeof next === 'function' ? next() : next;
    },
  });
  return { client, waits, progress, paths };
}

const failure = (client: ListingClient, path = '/api/v2/x') => client.getJson(path).then(
  () => {
    throw new Error('expected a failure');
  },
  (err: unknown) => err as ListingError,
);

describe('ListingClient.getJson', () => {
  it('returns the parsed body of a 200', async () => {
    const { client } = scripted([json({ results: [1] })]);
    await expect(client.getJson('/a')).resolves.toEqual({ results: [1] });
  });

  it('honours Retry-After on a 429, reports the wait, and counts it', async () => {
    const { client, waits, progress } = scripted([limited('7'), json({ ok: 1 })]);
    await expect(client.getJson('/a')).resolves.toEqual({ ok: 1 });
    expect(waits).toEqual([7000]);
    expect(progress.find((p) => p.waitReason === 'rate-limited')).toMatchObject({ waitingUntil: 1_000_000 + 7000, rateLimited: 1 });
    expect(progress.at(-1)).toMatchObject({ waitingUntil: null, waitReason: null });
    expect(client.progress.rateLimited).toBe(1);
  });

  it('backs off exponentially when a 429 has no usable Retry-After, or a Retry-After of 1 keeps failing', async () => {
    const { client, waits } = scripted([limited(null), limited('1'), limited('1'), json({})], { random: 1 });
    await client.getJson('/a');
    // attempt 1: backoff 1 s (no header); 2: max(1 s asked, 2 s backoff); 3: max(1 s, 4 s).
    expect(waits).toEqual([1000, 2000, 4000]);
  });

  it('gives up once one page has been rate-limited for longer than the budget', async () => {
    const minutes = Math.ceil(RATE_LIMIT_BUDGET_MS / 60_000) + 1;
    const { client, waits } = scripted(Array.from({ length: minutes }, () => limited('60')));
    const err = await failure(client);
    expect(err).toBeInstanceOf(ListingError);
    expect(err.code).toBe('rate-limited');
    expect(err.message).toContain('kept rate-limiting');
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(RATE_LIMIT_BUDGET_MS);
  });

  it('retries server errors and network failures with backoff, then stops with the reason', async () => {
    const server = scripted([json({}, 502), json({}, 503), json({ fine: true })]);
    await expect(server.client.getJson('/a')).resolves.toEqual({ fine: true });
    expect(server.waits).toHaveLength(2);

    const down = scripted(Array.from({ length: MAX_ATTEMPTS }, () => ({ ok: false as const, error: 'TypeError: Failed to fetch' })));
    const err = await failure(down.client);
    expect(err.code).toBe('network');
    expect(down.paths).toHaveLength(MAX_ATTEMPTS);
  });

  it('turns 401, 403, 404 and an HTML page into sentences without retrying', async () => {
    expect((await failure(scripted([json({ error: "Couldn't authenticate you" }, 401)]).client)).code).toBe('not-logged-in');
    expect((await failure(scripted([json({}, 403)]).client)).code).toBe('no-access');
    expect((await failure(scripted([json({}, 404)]).client)).code).toBe('not-found');
    const html = await failure(scripted([{ ok: true, status: 200, retryAfter: null, contentType: 'text/html', text: '<html>Sign in</html>' }]).client);
    expect(html.code).toBe('bad-response');
    expect(html.message).toContain('a page instead of data');
  });

  it('Cancel during a wait stops at once, without asking again', async () => {
    const controller = new AbortController();
    const { client, paths } = scripted([limited('30'), json({})], { signal: controller.signal });
    // The sleep sees the abort: cancel as the wait begins.
    const original = client.report.bind(client);
    client.report = (change) => {
      original(change);
      if (change?.waitReason) controller.abort();
    };
    const err = await failure(client);
    expect(err.code).toBe('cancelled');
    expect(paths).toHaveLength(1);
  });

  it('Cancel while a page is on its way drops that page', async () => {
    const controller = new AbortController();
    let arrive!: (a: PageAnswer) => void;
    const { client } = scripted([() => new Promise<PageAnswer>((resolve) => (arrive = resolve))], { signal: controller.signal });
    const pending = failure(client);
    await Promise.resolve();
    controller.abort();
    arrive(json({ results: [] }));
    expect((await pending).code).toBe('cancelled');
  });
});
