// Freshdesk listings for the weekly sample (pure): the requests to make and their pages parsed.
// - the week's tickets: `GET /api/v2/tickets?updated_since=…&order_by=updated_at&order_type=asc
//   &include=stats` (100 a page). A ticket solved in the week was updated in it or later, so
//   everything updated since the week began is listed and the solve time (stats.resolved_at, else
//   stats.closed_at) decides. Freshdesk serves at most 300 pages (30 000 tickets) of one listing:
//   the background then starts a new listing from the last update time it saw (see
//   lib/background/sampling/freshdesk.ts).
// - the agents: `GET /api/v2/agents?per_page=100&page=N` (until a short page).
// The list endpoint has no CSAT and no conversation count: the risk-weighted draw uses reopens
// (stats.reopened_at) and the first reply time (stats.first_responded_at) here.
import { z } from '../../zod';
import type { RiskFactors } from '../../analytics/sampling';
import { idToString } from '../parse-error';
import { isoSecondsUtc, ListingParseError, type ListedAgent, type ListedTicket } from '../listing';
import { freshdeskChannel } from './parse';

export const FRESHDESK_LIST_PAGE_SIZE = 100;
/** The last page Freshdesk serves of one listing. */
export const FRESHDESK_LIST_PAGE_CAP = 300;

const idSchema = z.union([z.number().refine((n) => Number.isInteger(n)), z.string().trim().min(1)]);
const optionalString = z.string().nullish().catch(null);

const statsSchema = z
  .object({
    resolved_at: optionalString,
    closed_at: optionalString,
    first_responded_at: optionalString,
    reopened_at: optionalString,
  })
  .nullish()
  .catch(null);

const ticketSchema = z.object({
  id: idSchema,
  subject: optionalString,
  status: z.union([z.number(), z.string()]).nullish().catch(null),
  source: z.union([z.number(), z.string()]).nullish().catch(null),
  responder_id: idSchema.nullish().catch(null),
  created_at: optionalString,
  updated_at: optionalString,
  stats: statsSchema,
});

export function freshdeskUpdatedSincePath(sinceMs: number, page: number, perPage = FRESHDESK_LIST_PAGE_SIZE): string {
  const params = new URLSearchParams({
    updated_since: isoSecondsUtc(sinceMs),
    order_by: 'updated_at',
    order_type: 'asc',
    include: 'stats',
    per_page: String(perPage),
    page: String(page),
  });
  return `/api/v2/tickets?${params}`;
}

/** The list as an array: /api/v2 answers bare arrays, the agent app's /api/_/ wraps them. */
function listOf(body: unknown, key: string, what: string): unknown[] {
  if (Array.isArray(body)) return body;
  const inner = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (Array.isArray(inner)) return inner;
  throw new ListingParseError('Freshdesk', what, '', 'is not a list');
}

const minutesBetween = (from: string | null | undefined, to: string | null | undefined): number | null => {
  const a = from ? Date.parse(from) : NaN;
  const b = to ? Date.parse(to) : NaN;
  return Number.isFinite(a) && Number.isFinite(b) && b >= a ? Math.round((b - a) / 60000) : null;
};

/**
 * One page of the tickets list. `count` is the page's length as served (skipped rows included),
 * which is what tells a full page from the last one. A row without an id is skipped and counted.
 */
export function parseFreshdeskTicketsPage(body: unknown): { tickets: ListedTicket[]; count: number; skipped: number } {
  const rows = listOf(body, 'tickets', 'tickets page');
  const tickets: ListedTicket[] = [];
  let skipped = 0;
  for (const raw of rows) {
    const inner = raw && typeof raw === 'object' && 'ticket' in raw ? (raw as { ticket: unknown }).ticket : raw;
    const row = ticketSchema.safeParse(inner);
    if (!row.success) {
      skipped++;
      continue;
    }
    const t = row.data;
    const code = Number(t.status);
    const status = code === 4 ? 'solved' : code === 5 ? 'closed' : 'other';
    const stats = t.stats;
    const solvedAt = status === 'other' ? null : (stats?.resolved_at ?? stats?.closed_at ?? t.updated_at ?? null);
    const risk: RiskFactors = {
      // The stats keep only the last reopening: "reopened" here means at least once.
      reopens: stats ? (stats.reopened_at ? 1 : 0) : null,
      firstReplyMinutes: minutesBetween(t.created_at, stats?.first_responded_at),
    };
    tickets.push({
      id: idToString(t.id),
      assigneeId: t.responder_id === null || t.responder_id === undefined ? null : idToString(t.responder_id),
      channel: freshdeskChannel(t.source),
      subject: t.subject?.trim() || '(no subject)',
      status,
      solvedAt,
      updatedAt: t.updated_at ?? null,
      risk,
    });
  }
  return { tickets, count: rows.length, skipped };
}

export function freshdeskAgentsPath(page: number, perPage = FRESHDESK_LIST_PAGE_SIZE): string {
  return `/api/v2/agents?${new URLSearchParams({ per_page: String(perPage), page: String(page) })}`;
}

const agentSchema = z.object({
  id: idSchema,
  contact: z.object({ name: optionalString, active: z.boolean().nullish().catch(null) }).nullish().catch(null),
});

/** One page of agents; `count` is the page's length as served. */
export function parseFreshdeskAgentsPage(body: unknown): { agents: ListedAgent[]; count: number } {
  const rows = listOf(body, 'agents', 'agents page');
  const agents: ListedAgent[] = [];
  for (const raw of rows) {
    const inner = raw && typeof raw === 'object' && 'agent' in raw ? (raw as { agent: unknown }).agent : raw;
    const a = agentSchema.safeParse(inner);
    if (!a.success || a.data.contact?.active === false) continue;
    const id = idToString(a.data.id);
    agents.push({ id, name: a.data.contact?.name?.trim() || `Agent ${id}` });
  }
  return { agents, count: rows.length };
}

export function freshdeskTicketUrl(instance: string, id: string): string {
  return `https://${instance}/a/tickets/${encodeURIComponent(id)}`;
}
