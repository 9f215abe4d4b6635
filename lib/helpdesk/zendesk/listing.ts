// Zendesk listings for the weekly sample (pure): the requests to make and their pages parsed.
// - the week's solved and closed tickets: `GET /api/v2/search/export` (cursor pages, no 1 000-result
//   cap, unlike search.json), `filter[type]=ticket` required;
// - the agents: `GET /api/v2/users?role[]=agent&role[]=admin` (cursor pages);
// - risk signals for the risk-weighted draw: `GET /api/v2/tickets/show_many?ids=…&include=metric_sets,comment_count`
//   (100 ids a request): reopens, first reply time and the number of comments.
// Ids are JSON numbers, some above 2^53's comfort: all become strings at once.
import { z } from '../../zod';
import type { RiskFactors } from '../../analytics/sampling';
import { idToString } from '../parse-error';
import { isoSecondsUtc, ListingParseError, type ListedAgent, type ListedTicket } from '../listing';
import { zendeskChannel } from './channel';

export const ZENDESK_EXPORT_PAGE_SIZE = 100;
export const ZENDESK_USERS_PAGE_SIZE = 100;
export const ZENDESK_SHOW_MANY_MAX = 100;

const idSchema = z.union([z.number().refine((n) => Number.isInteger(n)), z.string().trim().min(1)]);
const optionalId = idSchema.nullish().catch(null);

const cursorMeta = z
  .object({ has_more: z.boolean().nullish().catch(null), after_cursor: z.string().nullish().catch(null) })
  .nullish()
  .catch(null);

const listedTicketSchema = z.object({
  id: idSchema,
  subject: z.string().nullish().catch(null),
  raw_subject: z.string().nullish().catch(null),
  status: z.string().nullish().catch(null),
  assignee_id: optionalId,
  via: z.object({ channel: z.union([z.string(), z.number()]).nullish().catch(null) }).nullish().catch(null),
  updated_at: z.string().nullish().catch(null),
  satisfaction_rating: z.object({ score: z.string().nullish().catch(null) }).nullish().catch(null),
  result_type: z.string().nullish().catch(null),
});

const exportPageSchema = z.object({ results: z.array(z.unknown()), meta: cursorMeta });

/**
 * The search that finds the week's solved and closed tickets: solved in [start, end). Only the
 * documented `<` and `>` are used: statuses are ordered (new < open < pending < hold < solved <
 * closed), and times have whole seconds, so "after the second before Monday 00:00" is "from it".
 */
export function zendeskSolvedQuery(startMs: number, endMs: number): string {
  return `type:ticket status>hold solved>${isoSecondsUtc(startMs - 1000)} solved<${isoSecondsUtc(endMs)}`;
}

export function zendeskExportPath(query: string, after: string | null, pageSize = ZENDESK_EXPORT_PAGE_SIZE): string {
  const params = new URLSearchParams({ query, 'filter[type]': 'ticket', 'page[size]': String(pageSize) });
  if (after) params.set('page[after]', after);
  return `/api/v2/search/export.json?${params}`;
}

/** The next cursor, or null on the last page. `links.next` is a URL on the last page too: `has_more` decides. */
function nextCursor(meta: z.infer<typeof cursorMeta>, what: string): string | null {
  if (!meta?.has_more) return null;
  if (!meta.after_cursor) throw new ListingParseError('Zendesk', what, 'meta.after_cursor', 'is missing although meta.has_more is true');
  return meta.after_cursor;
}

function shapeError(what: string, error: z.ZodError): ListingParseError {
  const issue = error.issues[0];
  return new ListingParseError('Zendesk', what, issue?.path.join('.') ?? '', issue?.message ?? 'is not the expected shape');
}

/**
 * One page of the search export. A result without an id (or not a ticket) is skipped and
 * counted, not fatal: one odd row must not stop a week's listing.
 */
export function parseZendeskExportPage(body: unknown): { tickets: ListedTicket[]; skipped: number; after: string | null } {
  const page = exportPageSchema.safeParse(body);
  if (!page.success) throw shapeError('search export page', page.error);
  const tickets: ListedTicket[] = [];
  let skipped = 0;
  for (const raw of page.data.results) {
    const row = listedTicketSchema.safeParse(raw);
    if (!row.success || (row.data.result_type && row.data.result_type !== 'ticket')) {
      skipped++;
      continue;
    }
    const t = row.data;
    const status = t.status === 'solved' || t.status === 'closed' ? t.status : 'other';
    const score = t.satisfaction_rating?.score;
    tickets.push({
      id: idToString(t.id),
      assigneeId: t.assignee_id == null ? null : idToString(t.assignee_id),
      channel: zendeskChannel(t.via?.channel),
      subject: t.subject || t.raw_subject || '(no subject)',
      status,
      solvedAt: null,
      updatedAt: t.updated_at ?? null,
      risk: { csat: score === 'good' || score === 'bad' ? score : null },
    });
  }
  return { tickets, skipped, after: nextCursor(page.data.meta, 'search export page') };
}

export function zendeskAgentsPath(after: string | null): string {
  const params = new URLSearchParams([
    ['role[]', 'agent'],
    ['role[]', 'admin'],
    ['page[size]', String(ZENDESK_USERS_PAGE_SIZE)],
  ]);
  if (after) params.set('page[after]', after);
  return `/api/v2/users.json?${params}`;
}

const usersPageSchema = z.object({
  users: z.array(z.unknown()),
  meta: cursorMeta,
});
const userSchema = z.object({
  id: idSchema,
  name: z.string().nullish().catch(null),
  role: z.string().nullish().catch(null),
  active: z.boolean().nullish().catch(null),
});

/** One page of agents and admins (end users and deactivated users left out). */
export function parseZendeskUsersPage(body: unknown): { agents: ListedAgent[]; after: string | null } {
  const page = usersPageSchema.safeParse(body);
  if (!page.success) throw shapeError('users page', page.error);
  const agents: ListedAgent[] = [];
  for (const raw of page.data.users) {
    const u = userSchema.safeParse(raw);
    if (!u.success || u.data.active === false || (u.data.role && u.data.role !== 'agent' && u.data.role !== 'admin')) continue;
    const id = idToString(u.data.id);
    agents.push({ id, name: u.data.name?.trim() || `Agent ${id}` });
  }
  return { agents, after: nextCursor(page.data.meta, 'users page') };
}

export function zendeskMetricSetsPath(ids: readonly string[]): string {
  if (ids.length > ZENDESK_SHOW_MANY_MAX) throw new RangeError(`show_many takes at most ${ZENDESK_SHOW_MANY_MAX} ids`);
  return `/api/v2/tickets/show_many.json?${new URLSearchParams({ ids: ids.join(','), include: 'metric_sets,comment_count' })}`;
}

const minutesSchema = z.object({ calendar: z.number().nullish().catch(null) }).nullish().catch(null);
const metricSetSchema = z.object({
  ticket_id: idSchema,
  reopens: z.number().nullish().catch(null),
  reply_time_in_minutes: minutesSchema,
});
const showManySchema = z.object({
  tickets: z.array(z.unknown()).nullish().catch(null),
  metric_sets: z.array(z.unknown()).nullish().catch(null),
});
const commentCountSchema = z.object({ id: idSchema, comment_count: z.number().nullish().catch(null) });

/** Risk signals by ticket id from a show_many page: reopens, first reply (calendar minutes), comments. */
export function parseZendeskRiskPage(body: unknown): Map<string, RiskFactors> {
  const page = showManySchema.safeParse(body);
  if (!page.success) throw shapeError('tickets page', page.error);
  const out = new Map<string, RiskFactors>();
  const entry = (id: string) => out.get(id) ?? (out.set(id, {}), out.get(id)!);
  for (const raw of page.data.metric_sets ?? []) {
    const m = metricSetSchema.safeParse(raw);
    if (!m.success) continue;
    const risk = entry(idToString(m.data.ticket_id));
    risk.reopens = m.data.reopens ?? null;
    risk.firstReplyMinutes = m.data.reply_time_in_minutes?.calendar ?? null;
  }
  for (const raw of page.data.tickets ?? []) {
    const t = commentCountSchema.safeParse(raw);
    if (t.success && typeof t.data.comment_count === 'number') entry(idToString(t.data.id)).messageCount = t.data.comment_count;
  }
  return out;
}

export function zendeskTicketUrl(instance: string, id: string): string {
  return `https://${instance}/agent/tickets/${encodeURIComponent(id)}`;
}
