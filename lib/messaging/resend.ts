// A request that may safely arrive twice is sent again while no answer comes, and fails with an
// error of its own when none ever does: a promise that never settles leaves the page saying
// "Saving…" for ever. The first answer of any attempt settles the request; an answer that says
// no is an answer too. (The one case seen so far was the panel burying the background under a
// storm of saves, fixed in use-review-draft.ts; this guard ends such a wait whatever its cause.)

export interface ResendOptions {
  /** how long an attempt waits for its answer before the next is sent */
  everyMs: number;
  /** attempts in all; after the last one's wait the request fails with `unanswered()` */
  attempts: number;
  /** the error when no attempt was answered */
  unanswered: () => Error;
}

export function sendUntilAnswered<T>(send: () => Promise<T>, { everyMs, attempts, unanswered }: ResendOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
    };
    const attempt = (n: number) => {
      send().then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
      timer = setTimeout(() => {
        if (settled) return;
        if (n < attempts) attempt(n + 1);
        else settle(() => reject(unanswered()));
      }, everyMs);
    };
    attempt(1);
  });
}
