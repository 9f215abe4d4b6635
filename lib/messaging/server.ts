// Receiving side of the protocol, used by the background: validates every request before a
// handler sees it and wraps results and failures in a Reply.
import type { z } from '../zod';
import { RubricError } from '../rubric/schema';
import { ScoringError } from '../rubric/scoring';
import { isErrorCode, type ErrorCode } from './errors';
import { protocol, type MessageName, type Protocol, type Reply, type ResponseOf } from './protocol';

export interface SenderInfo {
  tabId?: number;
  url?: string;
  /** true when the sender is one of our own extension pages, not a content script */
  fromExtensionPage: boolean;
}

export type Handler<K extends MessageName> = (
  data: z.output<Protocol[K]['request']>,
  sender: SenderInfo,
) => Promise<ResponseOf<K>> | ResponseOf<K>;

export type Handlers = { [K in MessageName]: Handler<K> };

/** Messages content scripts may send; everything else is for our own pages only. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(['ticket:report', 'draft:report']);

function isMessageName(type: unknown): type is MessageName {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(protocol, type);
}

/** A thrown error as a reply: known domain errors keep their meaning, the rest is 'internal'. */
function errorReply(err: unknown): Reply<never> {
  const message = err instanceof Error ? err.message : String(err);
  let code: ErrorCode = 'internal';
  let problems: string[] | undefined;
  if (err instanceof RubricError) {
    code = 'rubric-invalid';
    problems = err.problems.map((p) => `${p.path}: ${p.message}`);
  } else if (err instanceof ScoringError) {
    code = 'invalid-answer';
  } else if (isErrorCode((err as { code?: unknown } | null)?.code)) {
    code = (err as { code: ErrorCode }).code;
    const listed = (err as { problems?: unknown }).problems;
    if (Array.isArray(listed) && listed.every((p) => typeof p === 'string')) problems = listed;
  }
  return { ok: false, error: { code, message, ...(problems?.length ? { problems } : {}) } };
}

/** Returns undefined for messages that are not requests of this protocol (e.g. broadcasts). */
export function dispatchMessage(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
): Promise<Reply<unknown>> | undefined {
  if (!message || typeof message !== 'object') return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (!isMessageName(type)) return undefined;
  return (async (): Promise<Reply<unknown>> => {
    if (!sender.fromExtensionPage && !CONTENT_SCRIPT_MESSAGES.has(type)) {
      return { ok: false, error: { code: 'forbidden', message: `"${type}" is not accepted from web pages.` } };
    }
    const parsed = protocol[type].request.safeParse(data);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      return { ok: false, error: { code: 'bad-request', message: `Invalid "${type}" message.`, problems } };
    }
    try {
      const handler = handlers[type] as (d: unknown, s: SenderInfo) => unknown;
      return { ok: true, data: await handler(parsed.data, sender) };
    } catch (err) {
      return errorReply(err);
    }
  })();
}
