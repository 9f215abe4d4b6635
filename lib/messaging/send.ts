// Sending side of the protocol. Free of zod so content scripts can use it.
import { browser } from 'wxt/browser';
import { isErrorCode, type ErrorCode } from './errors';
import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';

export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

export async function sendMessage<K extends MessageName>(type: K, data: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<ResponseOf<K>> | undefined;
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    throw new MessageError('no-reply', 'The extension did not answer. Reload the page and try again.');
  }
  if (!reply.ok) {
    const code = isErrorCode(reply.error.code) ? reply.error.code : 'internal';
    throw new MessageError(code, reply.error.message, reply.error.problems);
  }
  return reply.data;
}
