// Reads a Freshdesk ticket with the agent's session. The agent app's own private API (/api/_/)
// works with the session cookie; the public /api/v2 is the fallback and returns the same objects
// unwrapped.
import type { FetchContext } from '../../../content/adapter';
import { HelpdeskHttpError } from '../../errors';
import { getJson, getOptionalJson, rawId, type HttpOptions } from '../../../content/http';

export const FRESHDESK_PAGE_SIZE = 100;
const MAX_PAGES = 100;

async function withFallback(primary: string, fallback: string, http: HttpOptions): Promise<unknown> {
  try {
    return await getJson(primary, http);
  } catch (err) {
    const code = err instanceof HelpdeskHttpError ? err.loadError.code : null;
    // The private API can be missing (404), answer with a page, or be limited while /api/v2 is
    // not; a session that has ended is ended on both.
    if (code !== 'bad-response' && code !== 'rate-limited' && code !== 'not-found') throw err;
    try {
      return await getJson(fallback, http);
    } catch (fallbackErr) {
      // The public API may refuse a session outright; the private API's answer is the truer one.
      if (http.signal?.aborted) throw fallbackErr;
      throw err;
    }
  }
}

function conversationsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const list = (body as { conversations?: unknown } | null)?.conversations;
  if (Array.isArray(list)) return list;
  throw new HelpdeskHttpError({ code: 'bad-response', detail: 'conversations page without a list' });
}

function ticketOf(body: unknown): Record<string, unknown> | null {
  const inner = (body as { ticket?: unknown } | null)?.ticket ?? body;
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : null;
}

export async function fetchFreshdeskTicket(ctx: FetchContext): Promise<Record<string, unknown>> {
  const { origin, ticketId, http } = ctx;
  // Who is signed in is asked first, so the answer belongs to the session that reads the ticket.
  const me = await getOptionalJson(`${origin}/api/v2/agents/me`, http);
  const ticket = await withFallback(
    `${origin}/api/_/tickets/${ticketId}?include=requester,stats`,
    `${origin}/api/v2/tickets/${ticketId}?include=requester,stats`,
    http,
  );

  const conversations: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const query = `per_page=${FRESHDESK_PAGE_SIZE}&page=${page}`;
    const body = await withFallback(
      `${origin}/api/_/tickets/${ticketId}/conversations?${query}`,
      `${origin}/api/v2/tickets/${ticketId}/conversations?${query}`,
      http,
    );
    const list = conversationsOf(body);
    for (const c of list) conversations.push(c);
    ctx.onProgress(conversations.length + 1);
    if (list.length < FRESHDESK_PAGE_SIZE) break;
  }

  // Names of the agents who wrote replies and notes; the requester comes with the ticket.
  const t = ticketOf(ticket);
  const requesterId = rawId(t?.requester_id);
  const authorIds = new Set<string>();
  const responder = rawId(t?.responder_id);
  if (responder) authorIds.add(responder);
  for (const c of conversations) {
    const id = rawId((c as { user_id?: unknown } | null)?.user_id);
    if (id) authorIds.add(id);
  }
  if (requesterId) authorIds.delete(requesterId);
  const agents: unknown[] = [];
  for (const id of authorIds) {
    // Not an agent (a CC'd contact) or not visible to this role: the parser names them by id.
    const agent = await getOptionalJson(`${origin}/api/v2/agents/${id}`, http);
    if (agent) agents.push(agent);
  }
  return { ticket, conversations, agents, me };
}
