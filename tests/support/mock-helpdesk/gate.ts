// Holds requests in the fake helpdesk until the test lets them through. A state that lasts "until
// the next answer" (a countdown, a spinner, a retry) then lasts exactly as long as the test wants,
// so no test races the extension's timers or the browser's speed.
import type { MockRequest, MockResponse } from './types';

interface Held {
  req: MockRequest;
  answer: (res: MockResponse | undefined) => void;
  response: MockResponse | undefined;
}

export class Gate {
  private readonly held: Held[] = [];
  private readonly seen: MockRequest[] = [];
  private readonly waiters: { n: number; resolve: (req: MockRequest) => void }[] = [];
  private opened = false;

  /**
   * For `intercept`: the request waits at the gate, then gets `response` (undefined = the mock's
   * normal answer). Once the gate is open, requests pass at once.
   */
  hold(req: MockRequest, response?: MockResponse): Promise<MockResponse | undefined> {
    this.seen.push(req);
    for (const w of this.waiters.filter((x) => x.n === this.seen.length)) w.resolve(req);
    if (this.opened) return Promise.resolve(response);
    return new Promise((answer) => this.held.push({ req, answer, response }));
  }

  /** The n-th request (1-based) that reached the gate, once it has. */
  arrival(n = 1): Promise<MockRequest> {
    const already = this.seen[n - 1];
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  /** How many requests have reached the gate so far. */
  get arrivals(): number {
    return this.seen.length;
  }

  /** Lets the requests held so far through; later ones wait again. */
  release(): void {
    for (const h of this.held.splice(0)) h.answer(h.response);
  }

  /** Lets everything through, now and from now on. */
  open(): void {
    this.opened = true;
    this.release();
  }
}
