// Reads a Zendesk ticket through the agent's own session (same-origin API, cookies included).
import type { FetchContext } from '../../../content/adapter';
import { HelpdeskHttpError } from '../../errors';
import { getJson, getOptionalJson, rawId, sameOriginUrl, type HttpOptions } from '../../../content/http';
import { InstanceCache } from '../../../content/instance-cache';
import { zendeskChannel } from '../channel';
import { slimZendeskComment, slimZendeskLogEvent, slimZendeskRaw, slimZendeskUser } from '../slim';

export const ZENDESK_PAGE_SIZE = 100;
/** 5 000 comments is Zendesk's own ceiling; stop well past it rather than loop on a bad cursor */
const MAX_PAGES = 120;

interface CommentsPage {
  comments?: unknown[];
  /** conversation_log pages carry `events` instead, paged the same way */
  events?: unknown[];
  users?: unknown[];
  meta?: { has_more?: boolean; after_cursor?: string | null };
  links?: { next?: string | null };
  next_page?: string | null;
}

function nextCommentsUrl(page: CommentsPage, origin: string, base: string): string | null {
  if (page.meta && typeof page.meta === 'object') {
    // links.next can still hold a URL on the last page: has_more is the only reliable stop.
    if (!page.meta.has_more) return null;
    const fromLink = sameOriginUrl(page.links?.next, origin);
    if (fromLink) return fromLink;
    const cursor = page.meta.after_cursor;
    return cursor ? `${base}&page[after]=${encodeURIComponent(cursor)}` : null;
  }
  // Older accounts answer with offset paging.
  return sameOriginUrl(page.next_page, origin);
}

/**
 * The pages of a Zendesk listing (cursor or offset paging), first to last. A URL seen before ends
 * it rather than looping on a bad cursor, and so does `maxPages`; `read` returning null ends it too.
 */
async function* zendeskPages(
  base: string,
  origin: string,
  maxPages: number,
  read: (url: string) => Promise<CommentsPage | null>,
): AsyncGenerator<CommentsPage> {
  const seen = new Set<string>();
  let url: string | null = base;
  for (let page = 0; url && page < maxPages && !seen.has(url); page++) {
    seen.add(url);
    const body = await read(url);
    if (!body) return;
    yield body;
    url = nextCommentsUrl(body, origin, base);
  }
}

const SHOW_MANY_LIMIT = 100;

/** Authors, requester and assignee that no sideload named, so the transcript can show their names. */
function unnamedUserIds(ticketBody: unknown, comments: unknown[], users: unknown[]): string[] {
  const known = new Set(users.map((u) => rawId((u as { id?: unknown } | null)?.id)));
  const t = ((ticketBody as { ticket?: unknown } | null)?.ticket ?? ticketBody) as Record<string, unknown> | null;
  const wanted = new Set<string>();
  const want = (v: unknown) => {
    const id = rawId(v);
    // -1 is Zendesk's system author; it has no user record.
    if (id && id !== '-1' && !known.has(id)) wanted.add(id);
  };
  want(t?.requester_id);
  want(t?.assignee_id);
  for (const c of comments) want((c as { author_id?: unknown } | null)?.author_id);
  return [...wanted];
}

/** 100 events a page; a Messaging transcript longer than this many pages is cut, not looped on. */
const MAX_LOG_PAGES = 60;

/**
 * The Messaging/chat transcript (bot turns, images, forms…), which the comments API does not
 * hold. An extra: an account without the endpoint (403/404) or a page that fails keeps what was
 * read so far, and the comments still make the transcript. No `sort` parameter: the parser orders
 * events by time, and a value the endpoint rejected would cost the whole transcript.
 */
async function fetchConversationLog(api: string, ticketId: string, origin: string, http: HttpOptions): Promise<unknown[]> {
  const base = `${api}/tickets/${ticketId}/conversation_log?page[size]=${ZENDESK_PAGE_SIZE}`;
  const events: unknown[] = [];
  const readPage = async (url: string) => {
    const body = (await getOptionalJson(url, http)) as CommentsPage | null;
    return body && typeof body === 'object' && Array.isArray(body.events) ? body : null;
  };
  for await (const body of zendeskPages(base, origin, MAX_LOG_PAGES, readPage)) {
    for (const e of body.events!) events.push(slimZendeskLogEvent(e));
  }
  return events;
}

/** `GET /api/v2/custom_statuses` per instance: every ticket of the account shares these labels. */
const customStatusesByOrigin = new InstanceCache<unknown[]>();

async function fetchCustomStatuses(api: string, http: HttpOptions): Promise<unknown[] | null> {
  const body = (await getOptionalJson(`${api}/custom_statuses`, http)) as { custom_statuses?: unknown } | null;
  return Array.isArray(body?.custom_statuses) ? body.custom_statuses : null;
}

export async function fetchZendeskTicket(ctx: FetchContext): Promise<Record<string, unknown>> {
  const { origin, ticketId, http } = ctx;
  const api = `${origin}/api/v2`;
  // Who is signed in is asked first, so the answer belongs to the session that reads the ticket.
  const me = await getOptionalJson(`${api}/users/me.json`, http);
  const ticket = await getJson(`${api}/tickets/${ticketId}.json?include=users,groups`, http);

  const base = `${api}/tickets/${ticketId}/comments.json?include=users&page[size]=${ZENDESK_PAGE_SIZE}`;
  const comments: unknown[] = [];
  const users: unknown[] = [];
  const readPage = async (url: string) => {
    const body = (await getJson(url, http)) as CommentsPage;
    if (!body || typeof body !== 'object' || !Array.isArray(body.comments)) {
      throw new HelpdeskHttpError({ code: 'bad-response', detail: 'comments page without a comments list' });
    }
    return body;
  };
  for await (const body of zendeskPages(base, origin, MAX_PAGES, readPage)) {
    // Slimmed page by page, so three copies of every text are never held at once.
    for (const c of body.comments!) comments.push(slimZendeskComment(c));
    if (Array.isArray(body.users)) for (const u of body.users) users.push(slimZendeskUser(u));
    ctx.onProgress(comments.length);
  }

  const ticketUsers = (ticket as { users?: unknown } | null)?.users;
  const missing = unnamedUserIds(ticket, comments, [...(Array.isArray(ticketUsers) ? ticketUsers : []), ...users]);
  for (let i = 0; i < missing.length; i += SHOW_MANY_LIMIT) {
    const ids = missing.slice(i, i + SHOW_MANY_LIMIT).join(',');
    const body = (await getOptionalJson(`${api}/users/show_many.json?ids=${ids}`, http)) as { users?: unknown } | null;
    if (Array.isArray(body?.users)) for (const u of body.users) users.push(slimZendeskUser(u));
  }

  // Metrics and the reviewer's identity are nice to have: their absence must not block the review.
  const metrics = await getOptionalJson(`${api}/tickets/${ticketId}/metrics.json`, http);
  const raw: Record<string, unknown> = { ticket, comments, users, metrics, me };

  const t = ((ticket as { ticket?: unknown } | null)?.ticket ?? ticket) as { via?: { channel?: unknown } | null; custom_status_id?: unknown } | null;
  const channel = zendeskChannel(t?.via?.channel);
  if (channel === 'messaging' || channel === 'chat') raw.conversationLog = await fetchConversationLog(api, ticketId, origin, http);
  // Only accounts with custom statuses put this id on tickets; the others never pay the request.
  if (rawId(t?.custom_status_id)) {
    const statuses = await customStatusesByOrigin.get(origin, (http.now ?? Date.now)(), () => fetchCustomStatuses(api, http));
    if (statuses) raw.customStatuses = statuses;
  }
  // Only what the parser reads, within the text budget: the message to the background stays small.
  return slimZendeskRaw(raw);
}
