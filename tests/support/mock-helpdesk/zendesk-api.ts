// The fake Zendesk REST API: a pure function from a request to a response, so it can be used by
// the Playwright routes and, if ever needed, by unit tests without a browser.
import type { MockRequest, MockResponse } from './types';
import {
  findZendeskTicket,
  logAuthor,
  type ZendeskComment,
  type ZendeskLogEvent,
  type ZendeskDataset,
  type ZendeskMinutes,
  type ZendeskStatus,
  type ZendeskTicket,
  type ZendeskTicketData,
  type ZendeskTicketMetric,
  type ZendeskUser,
} from './zendesk-data';

const MAX_PAGE = 100;

const json = (status: number, body: object, headers?: Record<string, string>): MockResponse => ({ status, body, headers });
const notFound = (): MockResponse => json(404, { error: 'RecordNotFound', description: 'Not found' });
const badPaging = (description: string): MockResponse => json(400, { error: 'InvalidPaginationParameter', description });

export const ZENDESK_UNAUTHORIZED: MockResponse = json(401, { error: "Couldn't authenticate you" });

export function handleZendeskApi(req: MockRequest, data: ZendeskDataset): MockResponse {
  // Zendesk answers with or without the .json suffix.
  const path = req.path.replace(/\.json$/, '');
  const origin = `https://${req.host}`;
  let m: RegExpMatchArray | null;

  if (req.method === 'PUT' && (m = path.match(/^\/api\/v2\/tickets\/(\d+)$/))) return updateTicket(req, data, m[1] as string, origin);
  if (req.method !== 'GET') return json(405, { error: 'MethodNotAllowed', description: `${req.method} is not supported here` });

  if (path === '/api/v2/users/me') return json(200, { user: { ...userJson(data.me, origin), authenticity_token: data.me.authenticity_token } });
  if (path === '/api/v2/users/show_many') {
    const ids = (req.search.get('ids') ?? '').split(',').filter(Boolean);
    return json(200, { users: data.users.filter((u) => ids.includes(String(u.id))).map((u) => userJson(u, origin)), next_page: null, previous_page: null, count: ids.length });
  }
  if ((m = path.match(/^\/api\/v2\/users\/(\d+)$/))) {
    const user = data.users.find((u) => String(u.id) === m![1]);
    return user ? json(200, { user: userJson(user, origin) }) : notFound();
  }
  if (path === '/api/v2/users') return usersList(req, data, origin);
  if (path === '/api/v2/tickets/show_many') return showManyTickets(req, data, origin);
  if (path === '/api/v2/search/export') return searchExport(req, data, origin);
  if (path === '/api/v2/groups') return json(200, { groups: data.groups, next_page: null, previous_page: null, count: data.groups.length });
  if (path === '/api/v2/custom_statuses') return json(200, { custom_statuses: data.customStatuses });

  if (path === '/api/v2/tickets') {
    const sorted = [...data.tickets].sort((a, b) => a.ticket.id - b.ticket.id);
    return offsetList(req, origin, sorted, 'tickets', (t) => ticketJson(t.ticket, origin), usersFor(req, data, sorted.map((t) => t.ticket)));
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)$/))) {
    const t = findZendeskTicket(data, m[1] as string);
    if (!t) return notFound();
    const include = includes(req);
    const body: Record<string, unknown> = { ticket: ticketJson(t.ticket, origin) };
    if (include.has('users')) body.users = ticketUsers(t, data).map((u) => userJson(u, origin));
    if (include.has('groups')) body.groups = data.groups.filter((g) => g.id === t.ticket.group_id);
    return json(200, body);
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/comments$/))) {
    const t = findZendeskTicket(data, m[1] as string);
    return t ? comments(req, data, t, origin) : notFound();
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/conversation_log$/))) {
    const t = findZendeskTicket(data, m[1] as string);
    return t ? conversationLog(req, data, t, origin) : notFound();
  }
  if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)\/metrics$/))) {
    const t = findZendeskTicket(data, m[1] as string);
    if (!t || t.metrics === null) return notFound();
    return json(200, { ticket_metric: { url: `${origin}/api/v2/ticket_metrics/${t.ticket.id + 7000000}.json`, ...computeMetrics(t, data), ...(t.metrics ?? {}) } });
  }

  if (path === '/api/v2/views') {
    return json(200, { views: data.views.map((v, i) => ({ url: `${origin}/api/v2/views/${v.id}.json`, id: v.id, title: v.title, active: true, position: i, restriction: null })), next_page: null, previous_page: null, count: data.views.length });
  }
  if (path === '/api/v2/views/count_many') {
    const ids = (req.search.get('ids') ?? '').split(',').filter(Boolean);
    const counts = data.views.filter((v) => ids.includes(String(v.id))).map((v) => {
      const value = viewTickets(data, v.id)?.length ?? 0;
      return { view_id: v.id, url: `${origin}/api/v2/views/${v.id}/count.json`, value, pretty: String(value), fresh: true };
    });
    return json(200, { view_counts: counts });
  }
  if ((m = path.match(/^\/api\/v2\/views\/(\d+)\/tickets$/))) {
    const list = viewTickets(data, Number(m[1]));
    if (!list) return notFound();
    return offsetList(req, origin, list, 'tickets', (t) => ticketJson(t.ticket, origin), usersFor(req, data, list.map((t) => t.ticket)));
  }
  if (path === '/api/v2/search') return search(req, data, origin);

  return json(404, { error: 'InvalidEndpoint', description: 'Not found' });
}

// ---------------------------------------------------------------------------------------------

function includes(req: MockRequest): Set<string> {
  return new Set((req.search.get('include') ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function userJson(u: ZendeskUser, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/users/${u.id}.json`,
    id: u.id,
    name: u.name,
    email: u.email,
    created_at: u.created_at ?? '2024-03-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    time_zone: u.time_zone ?? 'London',
    iana_time_zone: 'Europe/London',
    phone: u.phone ?? null,
    photo: null,
    locale: u.locale ?? 'en-gb',
    organization_id: u.organization_id ?? null,
    role: u.role,
    verified: true,
    active: true,
    notes: u.notes ?? '',
    tags: u.tags ?? [],
  };
}

function ticketJson(t: ZendeskTicket, origin: string): Record<string, unknown> {
  return { url: `${origin}/api/v2/tickets/${t.id}.json`, ...t };
}

/** Requester, submitter, assignee, followers and every comment author, each once. */
function ticketUsers(t: ZendeskTicketData, data: ZendeskDataset): ZendeskUser[] {
  const ids = [t.ticket.requester_id, t.ticket.submitter_id, t.ticket.assignee_id, ...t.ticket.follower_ids, ...t.comments.map((c) => c.author_id)];
  return usersById(data, ids);
}

function usersById(data: ZendeskDataset, ids: (number | null)[]): ZendeskUser[] {
  const wanted = new Set(ids.filter((x): x is number => x !== null));
  return data.users.filter((u) => wanted.has(u.id));
}

function usersFor(req: MockRequest, data: ZendeskDataset, tickets: ZendeskTicket[]): ZendeskUser[] | undefined {
  if (!includes(req).has('users')) return undefined;
  return usersById(data, tickets.flatMap((t) => [t.requester_id, t.assignee_id, t.submitter_id]));
}

function withParams(origin: string, path: string, base: URLSearchParams, set: Record<string, string>, drop: string[] = []): string {
  const params = new URLSearchParams(base);
  for (const d of drop) params.delete(d);
  for (const [k, v] of Object.entries(set)) params.set(k, v);
  // Zendesk leaves the brackets unencoded in its links.
  return `${origin}${path}?${params.toString().replace(/%5B/g, '[').replace(/%5D/g, ']')}`;
}

function offsetList<T>(req: MockRequest, origin: string, all: T[], key: string, map: (x: T) => unknown, users?: ZendeskUser[]): MockResponse {
  const perPage = Math.min(MAX_PAGE, Math.max(1, Number(req.search.get('per_page') ?? MAX_PAGE) || MAX_PAGE));
  const page = Math.max(1, Number(req.search.get('page') ?? 1) || 1);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const link = (p: number) => withParams(origin, req.path, req.search, { page: String(p) });
  const body: Record<string, unknown> = {
    [key]: slice.map(map),
    next_page: page * perPage < all.length ? link(page + 1) : null,
    previous_page: page > 1 ? link(page - 1) : null,
    count: all.length,
  };
  if (users) body.users = users.map((u) => userJson(u, origin));
  return json(200, body);
}

// ---------------------------------------------------------------------------------------------
// Comments: cursor pagination (page[size], page[after], page[before]) or old offset pages.

function encodeCursor(ticketId: number, index: number): string {
  return Buffer.from(JSON.stringify({ o: 'created_at', v: index, t: ticketId })).toString('base64url');
}

function decodeCursor(ticketId: number, cursor: string): number | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; t?: unknown };
    return c.t === ticketId && typeof c.v === 'number' && Number.isInteger(c.v) ? c.v : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Conversation log: the messaging-only events of the ticket plus its comments — a public comment
// on a messaging channel as the message it copies (a second or so earlier, as Zendesk writes the
// comment after the message arrives), every other comment as a `Comment` event. Cursor paged.

const MESSAGING_VIA = new Set(['native_messaging', 'whatsapp', 'messenger', 'chat']);

function logEvents(t: ZendeskTicketData, data: ZendeskDataset): ZendeskLogEvent[] {
  const authorOf = (c: ZendeskComment) => {
    const user = data.users.find((u) => u.id === c.author_id);
    return user ? logAuthor(user) : { display_name: 'Zendesk', type: 'system', 'zen:support:user_id': c.author_id };
  };
  const fromComments = t.comments.map((c, i): ZendeskLogEvent => {
    if (c.public && MESSAGING_VIA.has(c.via.channel)) {
      const file = c.attachments[0];
      const content: Record<string, unknown> = file
        ? { type: /^image\//.test(file.content_type) ? 'image' : 'file', mediaUrl: file.content_url, mediaType: file.content_type, mediaSize: file.size, altText: file.file_name, ...(c.body ? { text: c.body } : {}) }
        : { type: 'text', text: c.body };
      const at = new Date(Date.parse(c.created_at) - 1000).toISOString().replace('.000Z', 'Z');
      return {
        id: `01JDM${c.id.toString(36).toUpperCase().padStart(21, '0')}`,
        type: 'Messaging::ConversationMessage',
        reference: `zen:sunco:conversation_message:${c.id.toString(16).padStart(24, '0')}`,
        created_at: at,
        received_at: at.replace('Z', '.204Z'),
        attachments: [],
        author: authorOf(c),
        content,
        metadata: { custom: {}, system: {}, ticket_version: i + 1 },
      };
    }
    return {
      id: `01JDC${c.id.toString(36).toUpperCase().padStart(21, '0')}`,
      type: 'Comment',
      reference: `zen:ticket_event:${c.id}`,
      created_at: c.created_at,
      attachments: c.attachments,
      author: authorOf(c),
      content: { type: 'html', body: c.html_body },
      metadata: { custom: c.metadata.custom, public: c.public, system: c.metadata.system, ticket_version: i + 1 },
    };
  });
  return [...(t.messagingLog ?? []), ...fromComments].sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
}

function conversationLog(req: MockRequest, data: ZendeskDataset, t: ZendeskTicketData, origin: string): MockResponse {
  const s = req.search;
  const all = logEvents(t, data);
  const limit = Math.min(MAX_PAGE, t.conversationLogPageSize ?? MAX_PAGE);
  const asked = Number(s.get('page[size]') ?? MAX_PAGE);
  if (!Number.isInteger(asked) || asked < 1 || asked > MAX_PAGE) return badPaging(`page[size] must be between 1 and ${MAX_PAGE}`);
  const size = Math.min(asked, limit);
  let start = 0;
  const after = s.get('page[after]');
  if (after) {
    const idx = decodeCursor(t.ticket.id, after);
    if (idx === null) return badPaging('Invalid cursor');
    start = idx + 1;
  }
  const end = Math.min(all.length, start + size);
  const afterCursor = encodeCursor(t.ticket.id, end - 1);
  const beforeCursor = encodeCursor(t.ticket.id, start);
  // Like comments, links.next is there on the last page too: meta.has_more is the stop signal.
  return json(200, {
    events: all.slice(start, end),
    links: {
      next: withParams(origin, req.path, s, { 'page[after]': afterCursor, 'page[size]': String(size) }, ['page[before]']),
      prev: start > 0 ? withParams(origin, req.path, s, { 'page[before]': beforeCursor, 'page[size]': String(size) }, ['page[after]']) : null,
    },
    meta: { has_more: end < all.length, after_cursor: afterCursor, before_cursor: beforeCursor },
  });
}

function comments(req: MockRequest, data: ZendeskDataset, t: ZendeskTicketData, origin: string): MockResponse {
  const s = req.search;
  const all = t.comments;
  const sideload = (list: ZendeskComment[]) => (includes(req).has('users') ? { users: usersById(data, list.map((c) => c.author_id)).map((u) => userJson(u, origin)) } : {});
  const cursorStyle = s.has('page[size]') || s.has('page[after]') || s.has('page[before]');
  if (req.fromAgentApp && t.agentAppReadsLast !== undefined) {
    const slice = all.slice(-t.agentAppReadsLast);
    return json(200, { comments: slice, ...sideload(slice), meta: { has_more: false, after_cursor: null, before_cursor: null }, links: { next: null, prev: null } });
  }

  if (!cursorStyle || t.offsetPagingOnly) {
    const perPage = Math.min(MAX_PAGE, Math.max(1, Number(s.get('per_page') ?? MAX_PAGE) || MAX_PAGE));
    const page = Math.max(1, Number(s.get('page') ?? 1) || 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => withParams(origin, req.path, s, { page: String(p) }, ['page[size]', 'page[after]', 'page[before]']);
    return json(200, {
      comments: slice,
      ...sideload(slice),
      next_page: page * perPage < all.length ? link(page + 1) : null,
      previous_page: page > 1 ? link(page - 1) : null,
      count: all.length,
    });
  }

  const sizeRaw = s.get('page[size]') ?? String(MAX_PAGE);
  const size = Number(sizeRaw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) return badPaging(`page[size] must be between 1 and ${MAX_PAGE}`);
  let start = 0;
  let end: number;
  const after = s.get('page[after]');
  const before = s.get('page[before]');
  if (after) {
    const idx = decodeCursor(t.ticket.id, after);
    if (idx === null) return badPaging('Invalid cursor');
    start = idx + 1;
    end = Math.min(all.length, start + size);
  } else if (before) {
    const idx = decodeCursor(t.ticket.id, before);
    if (idx === null) return badPaging('Invalid cursor');
    end = Math.max(0, idx);
    start = Math.max(0, end - size);
  } else {
    end = Math.min(all.length, size);
  }
  const slice = all.slice(start, end);
  const afterCursor = slice.length ? encodeCursor(t.ticket.id, end - 1) : null;
  const beforeCursor = slice.length ? encodeCursor(t.ticket.id, start) : null;
  const hasMore = before ? start > 0 : end < all.length;
  const drop = ['page[after]', 'page[before]', 'page', 'per_page'];
  return json(200, {
    comments: slice,
    ...sideload(slice),
    meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: beforeCursor },
    // The trap: on the last page `has_more` is false but `links.next` is still a URL.
    links: {
      next: afterCursor ? withParams(origin, req.path, s, { 'page[size]': String(size), 'page[after]': afterCursor }, drop) : null,
      prev: beforeCursor ? withParams(origin, req.path, s, { 'page[size]': String(size), 'page[before]': beforeCursor }, drop) : null,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Metrics computed from the conversation, so they agree with what a reviewer reads.

const minutesBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 60000);

/** Minutes inside Mon–Fri 09:00–17:30 (UTC = London in winter) between two instants. */
export function businessMinutes(fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  if (!(to > from)) return 0;
  let total = 0;
  const day = new Date(from);
  day.setUTCHours(0, 0, 0, 0);
  for (; day.getTime() < to; day.setUTCDate(day.getUTCDate() + 1)) {
    const dow = day.getUTCDay();
    if (dow === 0 || dow === 6) continue;
    const open = day.getTime() + 9 * 3600000;
    const close = day.getTime() + 17.5 * 3600000;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return Math.round(total / 60000);
}

function both(from: string, to: string): ZendeskMinutes {
  return { calendar: minutesBetween(from, to), business: businessMinutes(from, to) };
}

function computeMetrics(t: ZendeskTicketData, data: ZendeskDataset): ZendeskTicketMetric {
  const roles = new Map(data.users.map((u) => [u.id, u.role]));
  const isAgent = (c: ZendeskComment) => roles.get(c.author_id) === 'agent' || roles.get(c.author_id) === 'admin';
  const created = t.ticket.created_at;
  const publicAgent = t.comments.slice(1).filter((c) => c.public && isAgent(c));
  const firstReply = publicAgent[0];
  const solved = t.ticket.status === 'solved' || t.ticket.status === 'closed';
  const solvedAt = solved ? t.ticket.updated_at : null;

  // Who is waiting on whom: the requester waits from their message until an agent answers publicly.
  const requesterWait: ZendeskMinutes = { calendar: 0, business: 0 };
  const agentWait: ZendeskMinutes = { calendar: 0, business: 0 };
  let waitingSince = created;
  let requesterWaiting = !isAgent(t.comments[0] as ZendeskComment) || t.comments[0]?.public === false;
  const add = (acc: ZendeskMinutes, from: string, to: string) => {
    acc.calendar = (acc.calendar ?? 0) + minutesBetween(from, to);
    acc.business = (acc.business ?? 0) + businessMinutes(from, to);
  };
  for (const c of t.comments.slice(1)) {
    if (!c.public) continue;
    if (isAgent(c) && requesterWaiting) {
      add(requesterWait, waitingSince, c.created_at);
      requesterWaiting = false;
      waitingSince = c.created_at;
    } else if (!isAgent(c) && !requesterWaiting) {
      add(agentWait, waitingSince, c.created_at);
      requesterWaiting = true;
      waitingSince = c.created_at;
    }
  }
  const last = t.comments[t.comments.length - 1];
  return {
    id: t.ticket.id + 7000000,
    ticket_id: t.ticket.id,
    created_at: created,
    updated_at: t.ticket.updated_at,
    group_stations: t.ticket.group_id ? 1 : 0,
    assignee_stations: t.ticket.assignee_id ? 1 : 0,
    reopens: 0,
    replies: publicAgent.length,
    assignee_updated_at: publicAgent[publicAgent.length - 1]?.created_at ?? null,
    requester_updated_at: [...t.comments].reverse().find((c) => c.author_id === t.ticket.requester_id)?.created_at ?? null,
    status_updated_at: t.ticket.updated_at,
    initially_assigned_at: t.ticket.assignee_id ? (t.comments[1]?.created_at ?? created) : null,
    assigned_at: t.ticket.assignee_id ? (t.comments[1]?.created_at ?? created) : null,
    solved_at: solvedAt,
    latest_comment_added_at: last?.created_at ?? null,
    reply_time_in_minutes: firstReply ? both(created, firstReply.created_at) : { calendar: null, business: null },
    first_resolution_time_in_minutes: solvedAt ? both(created, solvedAt) : { calendar: null, business: null },
    full_resolution_time_in_minutes: solvedAt ? both(created, solvedAt) : { calendar: null, business: null },
    agent_wait_time_in_minutes: solved || t.ticket.status === 'pending' ? agentWait : { calendar: null, business: null },
    requester_wait_time_in_minutes: solved ? requesterWait : { calendar: null, business: null },
    on_hold_time_in_minutes: { calendar: 0, business: 0 },
  };
}

// ---------------------------------------------------------------------------------------------

function viewTickets(data: ZendeskDataset, viewId: number): ZendeskTicketData[] | null {
  const view = data.views.find((v) => v.id === viewId);
  if (!view) return null;
  return data.tickets
    .filter((t) => view.statuses.includes(t.ticket.status))
    .filter((t) => view.assignee === 'any' || (view.assignee === 'none' ? t.ticket.assignee_id === null : t.ticket.assignee_id === data.me.id))
    .sort((a, b) => Date.parse(b.ticket.updated_at) - Date.parse(a.ticket.updated_at));
}

const STATUS_ORDER: ZendeskStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

/**
 * A small subset of Zendesk search: `type:ticket`, `status:`/`status<`/`status>`, `assignee:`
 * (id, email, `none`, `me`), `requester:`, `tags:`, `group:`, date terms `created|updated|solved`
 * with `>`/`<`/`:`, and free words matched against the subject.
 */
function search(req: MockRequest, data: ZendeskDataset, origin: string): MockResponse {
  const results = searchTickets(req.search.get('query') ?? '', data).map((t) => ({ ...ticketJson(t.ticket, origin), result_type: 'ticket' }));
  return offsetList(req, origin, results, 'results', (r) => r);
}

/** The tickets a query finds, in id order. */
function searchTickets(query: string, data: ZendeskDataset): ZendeskTicketData[] {
  let list = [...data.tickets].sort((a, b) => a.ticket.id - b.ticket.id);
  const userMatch = (value: string, id: number | null) => {
    if (value === 'none') return id === null;
    if (value === 'me') return id === data.me.id;
    const u = data.users.find((x) => String(x.id) === value || x.email === value || x.name.toLowerCase() === value.toLowerCase());
    return u ? u.id === id : false;
  };
  const compare = (op: string, a: number, b: number) => (op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : op === '<=' ? a <= b : a === b);
  for (const token of query.match(/"[^"]*"|\S+/g) ?? []) {
    const m = token.match(/^(\w+)(>=|<=|[:<>])(.+)$/);
    if (!m) {
      const word = token.replace(/"/g, '').toLowerCase();
      list = list.filter((t) => t.ticket.subject.toLowerCase().includes(word));
      continue;
    }
    const [, key, op, rawValue] = m as unknown as [string, string, string, string];
    const value = rawValue.replace(/"/g, '');
    if (key === 'type') {
      if (value !== 'ticket') list = [];
    } else if (key === 'status') {
      const i = STATUS_ORDER.indexOf(value as ZendeskStatus);
      list = list.filter((t) => compare(op, STATUS_ORDER.indexOf(t.ticket.status), i));
    } else if (key === 'assignee') list = list.filter((t) => userMatch(value, t.ticket.assignee_id));
    else if (key === 'requester') list = list.filter((t) => userMatch(value, t.ticket.requester_id));
    else if (key === 'tags') list = list.filter((t) => t.ticket.tags.includes(value));
    else if (key === 'group') list = list.filter((t) => String(t.ticket.group_id) === value || data.groups.find((g) => g.id === t.ticket.group_id)?.name === value);
    else if (key === 'created' || key === 'updated' || key === 'solved') {
      // A solved or closed ticket was last solved when it was last updated (the demo never
      // touches a ticket after solving it).
      const at = (t: ZendeskTicketData) => (key === 'created' ? t.ticket.created_at : key === 'updated' || ['solved', 'closed'].includes(t.ticket.status) ? t.ticket.updated_at : null);
      // A bare date means midnight UTC; a date-time keeps its own offset.
      const limit = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
      list = list.filter((t) => {
        const v = at(t);
        if (!v) return false;
        return op === ':' ? v.slice(0, 10) === value.slice(0, 10) : compare(op, Date.parse(v), limit);
      });
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Listing for the weekly sample: agents, the search export and tickets with their metric sets.

const encodeIndex = (scope: string, index: number) => Buffer.from(JSON.stringify({ s: scope, i: index })).toString('base64url');
function decodeIndex(scope: string, cursor: string): number | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; i?: unknown };
    return c.s === scope && typeof c.i === 'number' && Number.isInteger(c.i) ? c.i : null;
  } catch {
    return null;
  }
}

/**
 * Cursor pages over `all` (page[size], page[after]); like every cursor endpoint of Zendesk,
 * `links.next` is still a URL on the last page and `meta.has_more` is the stop signal.
 */
function cursorList<T>(req: MockRequest, origin: string, all: T[], key: string, scope: string, maxSize: number, defaultSize: number, extra: Record<string, unknown> = {}): MockResponse {
  const s = req.search;
  const size = Number(s.get('page[size]') ?? defaultSize);
  if (!Number.isInteger(size) || size < 1 || size > maxSize) return badPaging(`page[size] must be between 1 and ${maxSize}`);
  let start = 0;
  const after = s.get('page[after]');
  if (after) {
    const idx = decodeIndex(scope, after);
    if (idx === null) return badPaging('Invalid cursor');
    start = idx + 1;
  }
  const end = Math.min(all.length, start + size);
  const afterCursor = encodeIndex(scope, end - 1);
  const beforeCursor = encodeIndex(scope, start);
  return json(200, {
    [key]: all.slice(start, end),
    ...extra,
    meta: { has_more: end < all.length, after_cursor: afterCursor, before_cursor: beforeCursor },
    links: {
      next: withParams(origin, req.path, s, { 'page[size]': String(size), 'page[after]': afterCursor }, ['page[before]']),
      prev: start > 0 ? withParams(origin, req.path, s, { 'page[size]': String(size), 'page[before]': beforeCursor }, ['page[after]']) : null,
    },
  });
}

/** `GET /api/v2/users?role[]=agent&role[]=admin` (or `role=agent`), cursor or offset paged. */
function usersList(req: MockRequest, data: ZendeskDataset, origin: string): MockResponse {
  const roles = [...req.search.getAll('role[]'), ...req.search.getAll('role')];
  const users = data.users.filter((u) => !roles.length || roles.includes(u.role)).sort((a, b) => a.id - b.id).map((u) => userJson(u, origin));
  if (!req.search.has('page[size]') && !req.search.has('page[after]')) return offsetList(req, origin, users, 'users', (u) => u);
  return cursorList(req, origin, users, 'users', `users:${roles.join(',')}`, MAX_PAGE, MAX_PAGE);
}

/**
 * `GET /api/v2/search/export?query=…&filter[type]=ticket`: cursor pages of up to 1 000, no cap
 * on the total (unlike search.json). Results come newest change first, not in id order.
 */
function searchExport(req: MockRequest, data: ZendeskDataset, origin: string): MockResponse {
  const type = req.search.get('filter[type]');
  if (!type) return json(400, { error: 'InvalidSearchParameters', description: 'filter[type] is required' });
  const query = req.search.get('query') ?? '';
  const found = type === 'ticket' ? searchTickets(query, data) : [];
  found.sort((a, b) => Date.parse(b.ticket.updated_at) - Date.parse(a.ticket.updated_at) || b.ticket.id - a.ticket.id);
  const results = found.map((t) => ({ ...ticketJson(t.ticket, origin), result_type: 'ticket' }));
  return cursorList(req, origin, results, 'results', `export:${type}:${query}`, 1000, 1000, { facets: null });
}

/** `GET /api/v2/tickets/show_many?ids=1,2&include=metric_sets,comment_count` (at most 100 ids). */
function showManyTickets(req: MockRequest, data: ZendeskDataset, origin: string): MockResponse {
  const ids = (req.search.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length > 100) return json(400, { error: 'InvalidValue', description: 'Too many ids (max 100)' });
  const found = ids.map((id) => findZendeskTicket(data, id)).filter((t): t is ZendeskTicketData => t !== undefined);
  const counts = includes(req).has('comment_count');
  const body: Record<string, unknown> = {
    tickets: found.map((t) => ({ ...ticketJson(t.ticket, origin), ...(counts ? { comment_count: t.comments.length } : {}) })),
    next_page: null,
    previous_page: null,
    count: found.length,
  };
  if (includes(req).has('metric_sets')) {
    body.metric_sets = found
      .filter((t) => t.metrics !== null)
      .map((t) => ({ url: `${origin}/api/v2/ticket_metrics/${t.ticket.id + 7000000}.json`, ...computeMetrics(t, data), ...(t.metrics ?? {}) }));
  }
  if (includes(req).has('users')) body.users = usersFor(req, data, found.map((t) => t.ticket))!.map((u) => userJson(u, origin));
  return json(200, body);
}

// ---------------------------------------------------------------------------------------------
// Writes: the fake agent app's Submit button. Needs the CSRF token, like the real API.

function updateTicket(req: MockRequest, data: ZendeskDataset, id: string, origin: string): MockResponse {
  if (req.headers['x-csrf-token'] !== data.me.authenticity_token) return json(403, { error: 'InvalidCSRFToken', description: 'Invalid or missing CSRF token' });
  const t = findZendeskTicket(data, id);
  if (!t) return notFound();
  let payload: { ticket?: { status?: ZendeskStatus; comment?: { body?: string; public?: boolean } } };
  try {
    payload = JSON.parse(req.body ?? '{}');
  } catch {
    return json(400, { error: 'InvalidJSON', description: 'Request body is not valid JSON' });
  }
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const comment = payload.ticket?.comment;
  if (comment?.body) {
    const maxId = Math.max(...t.comments.map((c) => c.id));
    const escaped = comment.body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    t.comments.push({
      id: maxId + 101, type: 'Comment', author_id: data.me.id, body: comment.body,
      html_body: `<div class="zd-comment" dir="auto"><p dir="auto">${escaped.replace(/\n/g, '<br>')}</p></div>`,
      plain_body: comment.body, public: comment.public !== false, created_at: now, attachments: [], audit_id: maxId + 102,
      via: { channel: 'web', source: { from: {}, to: {}, rel: null } }, metadata: { system: { client: 'Zendesk Agent Workspace' }, custom: {} },
    });
  }
  if (payload.ticket?.status && STATUS_ORDER.includes(payload.ticket.status)) {
    const status = payload.ticket.status;
    t.ticket.status = status;
    // As in Zendesk: a new system status brings its category's default custom status.
    if (t.ticket.custom_status_id != null) {
      const category = status === 'closed' ? 'solved' : status;
      t.ticket.custom_status_id = data.customStatuses.find((c) => c.default && c.status_category === category)?.id ?? t.ticket.custom_status_id;
    }
  }
  t.ticket.updated_at = now;
  return json(200, { ticket: ticketJson(t.ticket, origin), audit: { id: Date.now(), ticket_id: t.ticket.id, created_at: now, author_id: data.me.id } });
}
