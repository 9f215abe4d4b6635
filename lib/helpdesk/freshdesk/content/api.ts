// Reads a Freshdesk ticket with the agent's session. The agent app's own private API (/api/_/)
// works with the session cookie; the public /api/v2 is the fallback and returns the same objects
// unwrapped.
import type { FetchContext } from '../../../content/adapter';
import { HelpdeskHttpError } from '../../errors';
import { getJson, getOptionalJson, rawId, type HttpOptions } from '../../../content/http';
import { InstanceCache } from '../../../content/instance-cache';
import { slimFreshdeskAgent, slimFreshdeskConversation, slimFreshdeskRaw } from '../slim';

export const FRESHDESK_PAGE_SIZE = 100;
const MAX_PAGES = 100;
/** `/api/v2/agents` pages read per instance: 1 000 agents; a bigger account falls back to look-ups. */
export const MAX_AGENT_PAGES = 10;
/** `/api/v2/agents/{id}` look-ups per ticket load, for authors the agents list could not place. */
export const MAX_AGENT_LOOKUPS = 10;

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

// --- account-level reads, kept per instance (see instance-cache.ts) ---------------------------

interface AgentDirectory {
  byId: Map<string, unknown>;
  /** every page was read: an id missing from it is not an agent (a contact, a CC'd colleague) */
  complete: boolean;
}

const agentDirectories = new InstanceCache<AgentDirectory>();
/** keyed `<origin> <id>`; `{ agent: null }` = the helpdesk says there is no such agent */
const agentLookups = new InstanceCache<{ agent: unknown }>();
const ticketFieldsByOrigin = new InstanceCache<unknown[]>();

function listOf(body: unknown, key: string): unknown[] | null {
  if (Array.isArray(body)) return body;
  const inner = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? inner : null;
}

async function fetchAgentDirectory(origin: string, http: HttpOptions): Promise<AgentDirectory | null> {
  const byId = new Map<string, unknown>();
  for (let page = 1; page <= MAX_AGENT_PAGES; page++) {
    const list = listOf(await getOptionalJson(`${origin}/api/v2/agents?per_page=${FRESHDESK_PAGE_SIZE}&page=${page}`, http), 'agents');
    // Not allowed for this role, or a page failed: what was read still saves look-ups.
    if (!list) return page === 1 ? null : { byId, complete: false };
    for (const agent of list) {
      const inner = (agent as { agent?: unknown } | null)?.agent ?? agent;
      const id = rawId((inner as { id?: unknown } | null)?.id);
      // Kept for the instance: only the fields the parser reads, not signatures and roles.
      if (id) byId.set(id, slimFreshdeskAgent(agent));
    }
    if (list.length < FRESHDESK_PAGE_SIZE) return { byId, complete: true };
  }
  return { byId, complete: false };
}

async function fetchAgent(origin: string, id: string, http: HttpOptions): Promise<{ agent: unknown } | null> {
  try {
    return { agent: await getJson(`${origin}/api/v2/agents/${id}`, { ...http, maxAttempts: 2 }) };
  } catch (err) {
    if (http.signal?.aborted || !(err instanceof HelpdeskHttpError)) throw err;
    // 404: a contact, not an agent — worth remembering. Anything else may pass: retried later.
    return err.loadError.code === 'not-found' ? { agent: null } : null;
  }
}

/**
 * Agent records for the given author ids: from the instance's agents list (read once per
 * instance), then at most MAX_AGENT_LOOKUPS single look-ups per load for ids the list could not
 * settle. Authors left unnamed get their From name or "User <id>" from the parser.
 */
async function agentsFor(ids: Iterable<string>, origin: string, http: HttpOptions): Promise<unknown[]> {
  const now = () => (http.now ?? Date.now)();
  const directory = await agentDirectories.get(origin, now(), () => fetchAgentDirectory(origin, http));
  const agents: unknown[] = [];
  let lookups = 0;
  for (const id of ids) {
    const listed = directory?.byId.get(id);
    if (listed) {
      agents.push(listed);
      continue;
    }
    if (directory?.complete) continue;
    const key = `${origin} ${id}`;
    if (agentLookups.peek(key, now()) === undefined) {
      if (lookups >= MAX_AGENT_LOOKUPS) continue;
      lookups++;
    }
    const found = await agentLookups.get(key, now(), () => fetchAgent(origin, id, http));
    if (found?.agent) agents.push(found.agent);
  }
  return agents;
}

/** Only the status field is sent on: the agent and group fields list the whole account. */
function statusFields(fields: unknown[]): unknown[] {
  return fields.filter((f) => {
    const { name, type } = (f ?? {}) as { name?: unknown; type?: unknown };
    return name === 'status' || type === 'default_status';
  });
}

async function fetchTicketFields(origin: string, http: HttpOptions): Promise<unknown[] | null> {
  // The documented endpoint first; the agent app's private twin when /api/v2 refuses the session.
  for (const url of [`${origin}/api/v2/ticket_fields`, `${origin}/api/_/ticket_fields`]) {
    const list = listOf(await getOptionalJson(url, http), 'ticket_fields');
    if (list) return statusFields(list);
  }
  return null;
}

/** Freshdesk's own statuses; any other code is account-defined and needs ticket_fields for its label. */
const BUILT_IN_STATUSES = new Set(['2', '3', '4', '5']);

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
    for (const c of list) conversations.push(slimFreshdeskConversation(c));
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
  const agents = authorIds.size > 0 ? await agentsFor(authorIds, origin, http) : [];
  const raw: Record<string, unknown> = { ticket, conversations, agents, me };

  const status = rawId(t?.status);
  if (status !== null && !BUILT_IN_STATUSES.has(status.trim())) {
    const fields = await ticketFieldsByOrigin.get(origin, (http.now ?? Date.now)(), () => fetchTicketFields(origin, http));
    if (fields) raw.ticketFields = fields;
  }
  // Only what the parser reads, within the text budget: the message to the background stays small.
  return slimFreshdeskRaw(raw);
}
