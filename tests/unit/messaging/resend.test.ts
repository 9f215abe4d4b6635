import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sendUntilAnswered } from '@/lib/messaging/resend';

/** A send whose answers the test gives by hand, attempt by attempt. */
function manualSend<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const send = vi.fn(() => new Promise<T>((resolve, reject) => void pending.push({ resolve, reject })));
  return { send, pending };
}

const options = { everyMs: 4_000, attempts: 3, unanswered: () => new Error('no answer') };

describe('sendUntilAnswered', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends once when the answer comes in time', async () => {
    const { send, pending } = manualSend<string>();
    const result = sendUntilAnswered(send, options);
    await vi.advanceTimersByTimeAsync(3_999);
    pending[0]!.resolve('saved');
    await expect(result).resolves.toBe('saved');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends again when an attempt is never answered, and takes the first answer of any attempt', async () => {
    const { send, pending } = manualSend<string>();
    const result = sendUntilAnswered(send, options);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(send).toHaveBeenCalledTimes(2);
    pending[1]!.resolve('second');
    await expect(result).resolves.toBe('second');
    // The lost first attempt answering late changes nothing, and nothing more is sent.
    pending[0]!.resolve('first');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(send).toHaveBeenCalledTimes(2);
    await expect(result).resolves.toBe('second');
  });

  it('an answer that says no settles the request at once', async () => {
    const { send, pending } = manualSend<string>();
    const result = sendUntilAnswered(send, options);
    pending[0]!.reject(new Error('quota'));
    await expect(result).rejects.toThrow('quota');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('fails with the unanswered error after the last attempt waited in vain', async () => {
    const { send } = manualSend<string>();
    const result = sendUntilAnswered(send, options);
    const failed = expect(result).rejects.toThrow('no answer');
    await vi.advanceTimersByTimeAsync(3 * 4_000);
    await failed;
    expect(send).toHaveBeenCalledTimes(3);
  });
});
