import { describe, expect, it } from 'vitest';
import { httpFailure } from './expect-failure';
import { HelpdeskHttpError } from '@/lib/helpdesk/errors';
import { backoffMs, getJson, getOptionalJson, LOAD_DEADLINE_MS, parseRetryAfter, rateLimitWaitMs, sameOriginUrl, type WaitNotice } from '@/lib/content/http';

type Reply = { status: number; body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> };

function scripted(replies: (Reply | Error)[]) {
  const calls: string[] = [];
  const fetch = (async (url: string) => {
    calls.push(url);
    const next = replies.shift();
    if (!next) throw new Error('no more scripted replies');
    if (next instanceof Error) throw next;
    return new Response(next.body ?? '', { status: next.status, headers: next.headers ?? { 'Content-Type': 'application/json' } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function harness(replies: (Reply | Error)[]) {
  const { fetch, calls } = scripted(replies);
  const slept: number[] = [];
  const waits: WaitNotice[] = [];
  let clock = 1_000_000;
  return {
    calls,
    slept,
    waits,
    options: {
      fetch,
      now: () => clock,
      sleep: async (ms: number) => {
        slept.push(ms);
        clock += ms;
      },
      random: () => 0.5,
      onWait: (n: WaitNotice) => waits.push(n),
    },
  };
}

describe('getJson', () => {
  it('returns parsed JSON on 200', async () => {
    const h = harness([{ status: 200, body: '{"ticket":{"id":1}}' }]);
    await expect(getJson('https://a.zendesk.com/api/v2/tickets/1.json', h.options)).resolves.toEqual({ ticket: { id: 1 } });
    expect(h.slept).toEqual([]);
  });

  it('waits Retry-After on 429, reports the countdown, then succeeds', async () => {
    const h = harness([{ status: 429, headers: { 'Retry-After': '7' } }, { status: 200, body: '[]' }]);
    await expect(getJson('https://a.zendesk.com/x', h.options)).resolves.toEqual([]);
    expect(h.slept).toEqual([7000]);
    expect(h.waits).toEqual([{ reason: 'rate-limited', retryAt: 1_000_000 + 7000, attempt: 1 }]);
  });

  it('backs off exponentially when 429 keeps coming with Retry-After: 1', async () => {
    const h = harness([
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 200, body: '{}' },
    ]);
    await getJson('https://a.zendesk.com/x', h.options);
    // attempt 1 trusts the header; later attempts grow past it (random 0.5 → 3/4 of the ceiling)
    expect(h.slept).toEqual([1000, 1500, 3000]);
  });

  it('gives up on 429 after the attempt limit with a rate-limited error', async () => {
    const h = harness(Array.from({ length: 3 }, () => ({ status: 429 })));
    const err = await httpFailure(getJson('https://a.zendesk.com/x', { ...h.options, maxAttempts: 3 }));
    expect(err).toBeInstanceOf(HelpdeskHttpError);
    expect(err.loadError.code).toBe('rate-limited');
    expect(h.slept).toHaveLength(2);
  });

  it('retries server errors with backoff and reports the status when it gives up', async () => {
    const h = harness([{ status: 503 }, { status: 502 }]);
    const err = await httpFailure(getJson('https://a.zendesk.com/x', { ...h.options, maxAttempts: 2 }));
    expect(err.loadError).toMatchObject({ code: 'server-error', status: 502 });
    expect(h.waits[0]?.reason).toBe('server-error');
  });

  it('recovers from a network failure', async () => {
    const h = harness([new TypeError('Failed to fetch'), { status: 200, body: '{"ok":1}' }]);
    await expect(getJson('https://a.zendesk.com/x', h.options)).resolves.toEqual({ ok: 1 });
    expect(h.waits[0]?.reason).toBe('network');
  });

  it.each([
    [401, 'not-logged-in'],
    [403, 'no-access'],
    [404, 'not-found'],
    [400, 'bad-response'],
  ])('maps HTTP %i to %s without retrying', async (status, code) => {
    const h = harness([{ status }]);
    const err = await httpFailure(getJson('https://a.zendesk.com/x', h.options));
    expect(err.loadError.code).toBe(code);
    expect(h.calls).toHaveLength(1);
  });

  it('rejects an HTML page where JSON was expected', async () => {
    const h = harness([{ status: 200, body: '<!doctype html><title>Sign in</title>', headers: { 'Content-Type': 'text/html' } }]);
    const err = await httpFailure(getJson('https://a.zendesk.com/api/v2/x.json', h.options));
    expect(err.loadError.code).toBe('bad-response');
    expect(err.loadError.detail).toMatch(/web page/);
  });

  it('rejects malformed JSON', async () => {
    const h = harness([{ status: 200, body: '{"ticket": {' }]);
    const err = await httpFailure(getJson('https://a.zendesk.com/x', h.options));
    expect(err.loadError).toMatchObject({ code: 'bad-response' });
    expect(err.loadError.detail).toMatch(/malformed/);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const { fetch } = scripted([{ status: 429, headers: { 'Retry-After': '30' } }]);
    // Aborted once the 30 s wait has begun (the countdown is announced just before it starts).
    const onWait = () => queueMicrotask(() => controller.abort(new Error('switched ticket')));
    await expect(getJson('https://a.zendesk.com/x', { fetch, signal: controller.signal, onWait })).rejects.toThrow('switched ticket');
  });

  it('reads the body inside the retry handling: a connection dropped mid-body is retried', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"comments": ['));
        controller.error(new TypeError('network error'));
      },
    });
    const h = harness([{ status: 200, body: broken }, { status: 200, body: '{"comments":[]}' }]);
    await expect(getJson('https://a.zendesk.com/api/v2/x.json', h.options)).resolves.toEqual({ comments: [] });
    expect(h.calls).toHaveLength(2);
    expect(h.waits.map((w) => w.reason)).toEqual(['network']);
  });

  it('applies the request timeout to the body as well as the headers', async () => {
    let attempts = 0;
    // Headers arrive at once; the first body never ends unless the request is aborted.
    const fetch = (async (_url: string, init: RequestInit) => {
      attempts++;
      if (attempts > 1) return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
        },
      });
      return new Response(stalled, { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof globalThis.fetch;
    const h = harness([]);
    await expect(getJson('https://a.zendesk.com/x', { ...h.options, fetch, requestTimeoutMs: 1 })).resolves.toEqual({ ok: true });
    expect(attempts).toBe(2);
    expect(h.waits.map((w) => w.reason)).toEqual(['network']);
  });
});

describe('the deadline of one ticket load', () => {
  const limited = (seconds: number, n: number): Reply[] => Array.from({ length: n }, () => ({ status: 429, headers: { 'Retry-After': String(seconds) } }));

  it('waits out rate limits until the next retry would start past the deadline, then gives up', async () => {
    const h = harness(limited(120, 20));
    const deadline = 1_000_000 + LOAD_DEADLINE_MS;
    const err = await httpFailure(getJson('https://a.zendesk.com/api/v2/tickets/1.json', { ...h.options, maxAttempts: 100, deadline }));
    expect(err.loadError).toMatchObject({ code: 'rate-limited', status: 429 });
    expect(err.loadError.detail).toMatch(/^\/api\/v2\/tickets\/1\.json: gave up after 6 attempts/);
    // 5 waits of 2 minutes fit in 10 minutes; the sixth would end past it and is not started.
    expect(h.slept).toEqual([120_000, 120_000, 120_000, 120_000, 120_000]);
    expect(h.waits.every((w) => w.retryAt <= deadline)).toBe(true);
    expect(h.calls).toHaveLength(6);
  });

  it('is shared by every request of the load: a later page does not start its own 10 minutes', async () => {
    const h = harness([...limited(240, 2), { status: 200, body: '{"page":1}' }, ...limited(240, 1)]);
    const options = { ...h.options, deadline: 1_000_000 + LOAD_DEADLINE_MS };
    await expect(getJson('https://a.zendesk.com/page1', options)).resolves.toEqual({ page: 1 });
    const err = await httpFailure(getJson('https://a.zendesk.com/page2', options));
    expect(err.loadError.code).toBe('rate-limited');
    expect(h.slept).toEqual([240_000, 240_000]);
  });

  it('does not start a wait that the helpdesk already says ends past the deadline', async () => {
    const h = harness(limited(900, 1));
    const err = await httpFailure(getJson('https://a.zendesk.com/x', { ...h.options, deadline: 1_000_000 + LOAD_DEADLINE_MS }));
    expect(err.loadError.code).toBe('rate-limited');
    expect(h.slept).toEqual([]);
    expect(h.waits).toEqual([]);
  });

  it('also bounds waits after server errors and dropped connections', async () => {
    const h = harness([{ status: 503 }, new TypeError('Failed to fetch')]);
    const first = await httpFailure(getJson('https://a.zendesk.com/x', { ...h.options, deadline: 1_000_000 }));
    expect(first.loadError).toMatchObject({ code: 'server-error', status: 503 });
    const second = await httpFailure(getJson('https://a.zendesk.com/x', { ...h.options, deadline: 1_000_000 }));
    expect(second.loadError.code).toBe('network');
    expect(h.slept).toEqual([]);
  });
});

describe('getOptionalJson', () => {
  it('yields null for an extra that fails in any way, without failing the ticket', async () => {
    const dropped = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.error(new TypeError('network error'));
        },
      });
    for (const replies of [
      [{ status: 500 }, { status: 500 }],
      [{ status: 403 }],
      [{ status: 200, body: '<!doctype html><title>Maintenance</title>', headers: { 'Content-Type': 'text/html' } }],
      [{ status: 200, body: dropped() }, { status: 200, body: dropped() }],
    ] satisfies Reply[][]) {
      const h = harness(replies);
      await expect(getOptionalJson('https://a.zendesk.com/api/v2/tickets/1/metrics.json', h.options)).resolves.toBeNull();
    }
  });

  it('gives up on an extra at once when the load has no time left, instead of waiting', async () => {
    const h = harness(limited(60, 1));
    await expect(getOptionalJson('https://a.zendesk.com/api/v2/users/me.json', { ...h.options, deadline: 1_000_000 + 30_000 })).resolves.toBeNull();
    expect(h.slept).toEqual([]);
  });

  it('still stops when the load is aborted', async () => {
    const controller = new AbortController();
    const { fetch } = scripted([{ status: 429, headers: { 'Retry-After': '30' } }]);
    const onWait = () => queueMicrotask(() => controller.abort(new Error('switched ticket')));
    await expect(getOptionalJson('https://a.zendesk.com/x', { fetch, signal: controller.signal, onWait })).rejects.toThrow('switched ticket');
  });

  function limited(seconds: number, n: number): Reply[] {
    return Array.from({ length: n }, () => ({ status: 429, headers: { 'Retry-After': String(seconds) } }));
  }
});

describe('retry timing', () => {
  it('parses Retry-After seconds and HTTP dates', () => {
    expect(parseRetryAfter('12', 0)).toBe(12_000);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60_000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter(null, 0)).toBeNull();
  });

  it('caps backoff at one minute but always honours a longer Retry-After', () => {
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(20, () => 1)).toBe(60_000);
    expect(rateLimitWaitMs(120_000, 1, () => 0)).toBe(120_000);
    expect(rateLimitWaitMs(120_000, 4, () => 1)).toBe(120_000);
    expect(rateLimitWaitMs(10 * 3_600_000, 1, () => 0)).toBe(15 * 60_000);
  });

  it('treats a redirected API call as signed out, without retrying', async () => {
    const h = harness([{ status: 302, headers: { Location: 'https://sso.example/login' } }]);
    const err = await httpFailure(getJson('https://a.zendesk.com/api/v2/x.json', h.options));
    expect(err.loadError.code).toBe('not-logged-in');
    expect(h.calls).toHaveLength(1);
  });
});

describe('sameOriginUrl', () => {
  it('follows only links on the helpdesk origin', () => {
    const origin = 'https://acme.zendesk.com';
    expect(sameOriginUrl('https://acme.zendesk.com/api/v2/x?page=2', origin)).toBe('https://acme.zendesk.com/api/v2/x?page=2');
    expect(sameOriginUrl('/api/v2/x?page=2', origin)).toBe('https://acme.zendesk.com/api/v2/x?page=2');
    expect(sameOriginUrl('https://evil.example/steal', origin)).toBeNull();
    expect(sameOriginUrl(null, origin)).toBeNull();
  });
});
