// Sending side of the protocol. Free of zod so content scripts can use it.
import { browser } from 'wxt/browser';
import { AppError, isErrorCode } from './errors';
import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';

/** A reply that says no: the same error the handler threw, with its code, on this side. */
export { AppError as MessageError };

export async function sendMessage<K extends MessageName>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<ResponseOf<K>> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new AppError('no-reply', 'The extension did not answer. Reload the page and try again.');
  }
  if (!reply.ok) {
    const code = isErrorCode(reply.error.code) ? reply.error.code : 'internal';
    throw new AppError(code, reply.error.message, reply.error.problems);
  }
  return reply.data;
}
