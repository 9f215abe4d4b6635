// Zendesk: the week's solved and closed tickets through the search export (cursor pages until
// `has_more` is false), the agents, and — for the risk-weighted draw — each ticket's metric set
// and comment count, 100 tickets a request.
import type { ListedAgent, ListedTicket } from '../../helpdesk/listing';
import {
  parseZendeskExportPage,
  parseZendeskRiskPage,
  parseZendeskUsersPage,
  zendeskAgentsPath,
  zendeskExportPath,
  zendeskMetricSetsPath,
  zendeskSolvedQuery,
  ZENDESK_EXPORT_PAGE_SIZE,
  ZENDESK_SHOW_MANY_MAX,
} from '../../helpdesk/zendesk/listing';
import { ListingError, type ListingClient } from './listing-client';

/** A guard against a helpdesk that never says "no more": 10 000 pages of 100 is a million tickets. */
const MAX_PAGES = 10_000;
const MAX_AGENT_PAGES = 50;

export async function listZendeskWeek(client: ListingClient, week: { start: number; end: number }, pageSize = ZENDESK_EXPORT_PAGE_SIZE): Promise<ListedTicket[]> {
  const query = zendeskSolvedQuery(week.start, week.end);
  const found = new Map<string, ListedTicket>();
  const cursors = new Set<string>();
  let after: string | null = null;
  client.report({ phase: 'tickets' });
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw new ListingError('bad-response', `Zendesk kept sending pages (over ${MAX_PAGES}); the listing stopped.`);
    const body = await client.getJson(zendeskExportPath(query, after, pageSize));
    const parsed = client.parse(() => parseZendeskExportPage(body));
    for (const t of parsed.tickets) found.set(t.id, t);
    client.report({ pages: client.progress.pages + 1, tickets: found.size });
    if (!parsed.after) break;
    if (cursors.has(parsed.after)) throw new ListingError('bad-response', 'Zendesk sent the same page twice; the listing stopped.');
    cursors.add(parsed.after);
    after = parsed.after;
  }
  // The search asked for solved and closed tickets; a ticket reopened since is left out.
  return [...found.values()].filter((t) => t.status !== 'other');
}

/** Adds reopens, first reply time and comment count to the tickets the draw will weigh. */
export async function addZendeskRisk(client: ListingClient, tickets: ListedTicket[]): Promise<void> {
  client.report({ phase: 'risk', riskDone: 0, riskTotal: tickets.length });
  for (let i = 0; i < tickets.length; i += ZENDESK_SHOW_MANY_MAX) {
    const chunk = tickets.slice(i, i + ZENDESK_SHOW_MANY_MAX);
    const body = await client.getJson(zendeskMetricSetsPath(chunk.map((t) => t.id)));
    const risks = client.parse(() => parseZendeskRiskPage(body));
    for (const t of chunk) t.risk = { ...t.risk, ...risks.get(t.id) };
    client.report({ pages: client.progress.pages + 1, riskDone: Math.min(tickets.length, i + chunk.length) });
  }
}

export async function listZendeskAgents(client: ListingClient): Promise<ListedAgent[]> {
  const agents = new Map<string, ListedAgent>();
  let after: string | null = null;
  client.report({ phase: 'agents' });
  for (let page = 0; page < MAX_AGENT_PAGES; page++) {
    const body = await client.getJson(zendeskAgentsPath(after));
    const parsed = client.parse(() => parseZendeskUsersPage(body));
    for (const a of parsed.agents) agents.set(a.id, a);
    if (!parsed.after || parsed.after === after) break;
    after = parsed.after;
  }
  return [...agents.values()];
}
