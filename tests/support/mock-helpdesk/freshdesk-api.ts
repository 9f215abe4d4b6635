// The fake Freshdesk API: the agent app's private session API (/api/_/, wrapped objects) and the
// public /api/v2 (bare objects and arrays), both answering from the same dataset.
import type { MockRequest, MockResponse } from './types';
import {
  findFreshdeskTicket,
  type FreshdeskAgent,
  type FreshdeskContact,
  type FreshdeskConversation,
  type FreshdeskDataset,
  type FreshdeskTicketData,
} from './freshdesk-data';

const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;

const json = (status: number, body: object, headers?: Record<string, string>): MockResponse => ({ status, body, headers });
const notFound = (): MockResponse => json(404, { code: 'not_found', message: 'The requested resource was not found.' });

export const FRESHDESK_UNAUTHORIZED: MockResponse = json(401, { code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });

export function handleFreshdeskApi(req: MockRequest, data: FreshdeskDataset): MockResponse {
  const m = req.path.match(/^\/api\/(_|v2)(\/.*)$/);
  if (!m) return notFound();
  const priv = m[1] === '_';
  const path = (m[2] as string).replace(/\/$/, '');
  const origin = `https://${req.host}`;
  // The private API wraps single objects and lists ({ ticket }, { conversations }); v2 does not.
  const wrap = (key: string, value: unknown): object => (priv ? { [key]: value } : (value as object));
  let p: RegExpMatchArray | null;

  if (req.method === 'POST' && (p = path.match(/^\/tickets\/(\d+)\/(reply|notes)$/))) return addConversation(req, data, p[1] as string, p[2] === 'notes', wrap);
  if (req.method === 'PUT' && (p = path.match(/^\/tickets\/(\d+)$/))) return updateTicket(req, data, p[1] as string, wrap);
  if (req.method !== 'GET') return json(405, { code: 'method_not_allowed', message: `${req.method} is not supported here` });

  if ((p = path.match(/^\/tickets\/(\d+)$/))) {
    const t = findFreshdeskTicket(data, p[1] as string);
    return t ? json(200, wrap('ticket', ticketJson(t, data, includes(req)))) : notFound();
  }
  if ((p = path.match(/^\/tickets\/(\d+)\/conversations$/))) {
    const t = findFreshdeskTicket(data, p[1] as string);
    if (!t) return notFound();
    return paged(req, origin, t.conversations, (list) => wrap('conversations', list));
  }
  if (path === '/tickets') return ticketsList(req, data, origin, wrap);
  if (path === '/ticket_fields') return json(200, wrap('ticket_fields', data.ticketFields));
  if (path === '/groups') return json(200, wrap('groups', data.groups));

  if (!priv && path === '/agents/me') return json(200, agentJson(data.me));
  if (!priv && path === '/agents') return paged(req, origin, data.agents.map(agentJson), (list) => list);
  if (!priv && (p = path.match(/^\/agents\/(\d+)$/))) {
    const a = data.agents.find((x) => String(x.id) === p![1]);
    return a ? json(200, agentJson(a)) : notFound();
  }
  if ((p = path.match(/^\/contacts\/(\d+)$/))) {
    const c = data.contacts.find((x) => String(x.id) === p![1]);
    return c ? json(200, wrap('contact', contactJson(c))) : notFound();
  }
  // Seen in the agent app; the shape here is our best guess, nothing should depend on it.
  if (priv && path === '/bootstrap/agents_groups') {
    return json(200, { data: { agents: data.agents.map((a) => ({ id: a.id, contact: { name: a.contact.name, email: a.contact.email }, group_ids: a.group_ids })), groups: data.groups } });
  }
  if (!priv && path === '/search/tickets') return search(req, data);

  return notFound();
}

// ---------------------------------------------------------------------------------------------

function includes(req: MockRequest): Set<string> {
  return new Set((req.search.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function agentJson(a: FreshdeskAgent): Record<string, unknown> {
  return { ...a, contact: { ...a.contact } };
}

function contactJson(c: FreshdeskContact): Record<string, unknown> {
  return { ...c, address: null, description: null, twitter_id: null, unique_external_id: null, other_emails: [], tags: [], avatar: null, view_all_tickets: false, custom_fields: {} };
}

function ticketJson(t: FreshdeskTicketData, data: FreshdeskDataset, include: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...t.ticket };
  if (include.has('requester')) {
    const r = data.contacts.find((c) => c.id === t.ticket.requester_id);
    out.requester = r ? { id: r.id, name: r.name, email: r.email, mobile: r.mobile, phone: r.phone } : null;
  }
  if (include.has('stats')) out.stats = { ...t.stats };
  if (include.has('conversations')) out.conversations = t.conversations.slice(0, 10);
  return out;
}

/**
 * page / per_page paging; the client stops when a page has fewer than per_page items. v2 also
 * sends a `link: <…>; rel="next"` header when there is more, as the real API does.
 */
function paged<T>(req: MockRequest, origin: string, all: T[], shape: (page: T[]) => object): MockResponse {
  const perPageRaw = req.search.get('per_page');
  const perPage = perPageRaw === null ? DEFAULT_PER_PAGE : Number(perPageRaw);
  const page = req.search.get('page') === null ? 1 : Number(req.search.get('page'));
  const errors = [];
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) errors.push({ field: 'per_page', message: `It should be a Positive Integer less than or equal to ${MAX_PER_PAGE}`, code: 'invalid_value' });
  if (!Number.isInteger(page) || page < 1) errors.push({ field: 'page', message: 'It should be a Positive Integer', code: 'invalid_value' });
  if (errors.length) return json(400, { description: 'Validation failed', errors });
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const headers: Record<string, string> = {};
  if (page * perPage < all.length && req.path.startsWith('/api/v2/')) {
    const next = new URLSearchParams(req.search);
    next.set('page', String(page + 1));
    next.set('per_page', String(perPage));
    headers.link = `<${origin}${req.path}?${next}>; rel="next"`;
  }
  return json(200, shape(slice), headers);
}

const ORDER_FIELDS = ['created_at', 'updated_at', 'due_by', 'status'] as const;
type OrderField = (typeof ORDER_FIELDS)[number];

/**
 * `GET /tickets` with `updated_since` (on or after), `order_by` / `order_type` and `include`.
 * As in Freshdesk, at most 300 pages are served (`data.listPageCap` lowers it for tests): a
 * client listing more must narrow the range and start again. Without `order_by` the fake keeps
 * its old default, most recently updated first (the agent app's list page relies on it).
 */
function ticketsList(req: MockRequest, data: FreshdeskDataset, origin: string, wrap: (k: string, v: unknown) => object): MockResponse {
  const s = req.search;
  const errors: { field: string; message: string; code: string }[] = [];
  const since = s.get('updated_since');
  const sinceMs = since === null ? null : Date.parse(since);
  if (sinceMs !== null && Number.isNaN(sinceMs)) errors.push({ field: 'updated_since', message: 'It should be in the YYYY-MM-DDTHH:MM:SSZ format', code: 'invalid_value' });
  const orderBy = (s.get('order_by') ?? 'updated_at') as OrderField;
  if (!ORDER_FIELDS.includes(orderBy)) errors.push({ field: 'order_by', message: `It should be one of these values: '${ORDER_FIELDS.join(',')}'`, code: 'invalid_value' });
  const orderType = s.get('order_type') ?? 'desc';
  if (orderType !== 'asc' && orderType !== 'desc') errors.push({ field: 'order_type', message: "It should be one of these values: 'asc,desc'", code: 'invalid_value' });
  const cap = data.listPageCap ?? 300;
  if (Number(s.get('page') ?? 1) > cap) errors.push({ field: 'page', message: `You cannot access a page beyond ${cap}`, code: 'invalid_value' });
  if (errors.length) return json(400, { description: 'Validation failed', errors });
  const key = (t: FreshdeskTicketData): number => (orderBy === 'status' ? t.ticket.status : Date.parse(t.ticket[orderBy]));
  const sign = orderType === 'asc' ? 1 : -1;
  const inc = includes(req);
  const list = data.tickets
    .filter((t) => sinceMs === null || Date.parse(t.ticket.updated_at) >= sinceMs)
    .sort((a, b) => sign * (key(a) - key(b)) || sign * (a.ticket.id - b.ticket.id))
    .map((t) => ticketJson(t, data, inc));
  return paged(req, origin, list, (page) => wrap('tickets', page));
}

/**
 * The subset of /api/v2/search/tickets needed for sampling: `query="agent_id:1 AND status:4"`
 * with agent_id, group_id, status, priority, tag, type and created_at/updated_at with :> / :<.
 * 30 results per page, as the real endpoint.
 */
function search(req: MockRequest, data: FreshdeskDataset): MockResponse {
  const query = (req.search.get('query') ?? '').replace(/^"|"$/g, '');
  let list = [...data.tickets];
  for (const clause of query.split(/\s+AND\s+/i)) {
    const m = clause.trim().match(/^\(?(\w+):([<>]?)'?([^')]*)'?\)?$/);
    if (!m) continue;
    const [, key, op, value] = m as unknown as [string, string, string, string];
    const num = (v: unknown) => String(v) === value;
    if (key === 'agent_id') list = list.filter((t) => (value === 'null' ? t.ticket.responder_id === null : num(t.ticket.responder_id)));
    else if (key === 'group_id') list = list.filter((t) => num(t.ticket.group_id));
    else if (key === 'status') list = list.filter((t) => num(t.ticket.status));
    else if (key === 'priority') list = list.filter((t) => num(t.ticket.priority));
    else if (key === 'type') list = list.filter((t) => t.ticket.type === value);
    else if (key === 'tag') list = list.filter((t) => t.ticket.tags.includes(value));
    else if (key === 'created_at' || key === 'updated_at') {
      const limit = Date.parse(`${value}T00:00:00Z`);
      list = list.filter((t) => {
        const at = Date.parse(t.ticket[key]);
        return op === '>' ? at >= limit : op === '<' ? at <= limit : t.ticket[key].slice(0, 10) === value;
      });
    }
  }
  const page = Math.max(1, Number(req.search.get('page') ?? 1) || 1);
  if (page > 10) return json(400, { description: 'Validation failed', errors: [{ field: 'page', message: 'You cannot access a page beyond 10', code: 'invalid_value' }] });
  return json(200, { results: list.slice((page - 1) * 30, page * 30).map((t) => ({ ...t.ticket })), total: list.length });
}

// ---------------------------------------------------------------------------------------------
// Writes from the fake agent app's reply editor.

function addConversation(req: MockRequest, data: FreshdeskDataset, id: string, note: boolean, wrap: (k: string, v: unknown) => object): MockResponse {
  const t = findFreshdeskTicket(data, id);
  if (!t) return notFound();
  let payload: { body?: string; private?: boolean };
  try {
    payload = JSON.parse(req.body ?? '{}');
  } catch {
    return json(400, { description: 'Validation failed', errors: [{ field: 'body', message: 'Invalid JSON', code: 'invalid_value' }] });
  }
  if (!payload.body) return json(400, { description: 'Validation failed', errors: [{ field: 'body', message: 'It should not be blank', code: 'missing_field' }] });
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = payload.body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  const requester = data.contacts.find((c) => c.id === t.ticket.requester_id);
  const conversation: FreshdeskConversation = {
    id: Math.max(0, ...t.conversations.map((c) => c.id)) + 7,
    body: payload.body, body_text: text, incoming: false, private: note ? payload.private !== false : false,
    user_id: data.me.id, support_email: note ? null : 'support@brightfibre.co.uk', source: note ? 2 : 0, category: 3,
    to_emails: note ? null : [requester?.email ?? ''].filter(Boolean), from_email: note ? null : '"Brightfibre Support" <support@brightfibre.co.uk>',
    cc_emails: [], bcc_emails: [], attachments: [], ticket_id: t.ticket.id, source_additional_info: null,
    last_edited_at: null, last_edited_user_id: null, created_at: now, updated_at: now,
  };
  t.conversations.push(conversation);
  t.ticket.updated_at = now;
  if (!note) t.stats.agent_responded_at = now;
  return json(201, wrap('conversation', conversation));
}

function updateTicket(req: MockRequest, data: FreshdeskDataset, id: string, wrap: (k: string, v: unknown) => object): MockResponse {
  const t = findFreshdeskTicket(data, id);
  if (!t) return notFound();
  let payload: { status?: number; priority?: number; responder_id?: number | null; group_id?: number | null; type?: string | null };
  try {
    payload = JSON.parse(req.body ?? '{}');
  } catch {
    return json(400, { description: 'Validation failed', errors: [{ field: 'body', message: 'Invalid JSON', code: 'invalid_value' }] });
  }
  if (payload.status !== undefined) t.ticket.status = payload.status;
  if (payload.priority !== undefined) t.ticket.priority = payload.priority;
  if (payload.responder_id !== undefined) t.ticket.responder_id = payload.responder_id;
  if (payload.group_id !== undefined) t.ticket.group_id = payload.group_id;
  if (payload.type !== undefined) t.ticket.type = payload.type;
  t.ticket.updated_at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return json(200, wrap('ticket', ticketJson(t, data, new Set())));
}
