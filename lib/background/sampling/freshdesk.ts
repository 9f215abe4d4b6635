// Freshdesk: every ticket updated since the week began, oldest change first, 100 a page. One
// listing serves at most 300 pages; when it is full, the range is split — a new listing starts
// at the last update time seen (tickets updated in that same second come again and are merged
// by id). Of what is listed, the solved and closed tickets whose solve time falls in the week
// are the week's.
import { inWeek, type Week } from '../../analytics/weeks';
import type { ListedAgent, ListedTicket } from '../../helpdesk/listing';
import {
  freshdeskAgentsPath,
  freshdeskUpdatedSincePath,
  FRESHDESK_LIST_PAGE_CAP,
  FRESHDESK_LIST_PAGE_SIZE,
  parseFreshdeskAgentsPage,
  parseFreshdeskTicketsPage,
} from '../../helpdesk/freshdesk/listing';
import { ListingError, type ListingClient } from './listing-client';

const MAX_AGENT_PAGES = 50;

export interface FreshdeskListingOptions {
  perPage?: number;
  /** pages one listing serves (Freshdesk: 300) */
  pageCap?: number;
}

export async function listFreshdeskWeek(client: ListingClient, week: Pick<Week, 'start' | 'end'>, options: FreshdeskListingOptions = {}): Promise<ListedTicket[]> {
  const perPage = options.perPage ?? FRESHDESK_LIST_PAGE_SIZE;
  const pageCap = options.pageCap ?? FRESHDESK_LIST_PAGE_CAP;
  const found = new Map<string, ListedTicket>();
  let since = week.start;
  let page = 1;
  let latestChange = since;
  client.report({ phase: 'tickets' });
  for (;;) {
    const body = await client.getJson(freshdeskUpdatedSincePath(since, page, perPage));
    const parsed = client.parse(() => parseFreshdeskTicketsPage(body));
    for (const t of parsed.tickets) {
      // Later pages show later states of a ticket that changed while we listed: the last one wins.
      found.set(t.id, t);
      const changed = t.updatedAt ? Date.parse(t.updatedAt) : NaN;
      if (changed > latestChange) latestChange = changed;
    }
    client.report({ pages: client.progress.pages + 1, tickets: found.size });
    if (parsed.count < perPage) break;
    if (page < pageCap) {
      page += 1;
      continue;
    }
    // The listing is full: the rest starts where this one got to.
    if (!(latestChange > since)) {
      throw new ListingError('bad-response', `More than ${perPage * pageCap} Freshdesk tickets changed in the same second; the listing cannot go past them.`);
    }
    since = latestChange;
    page = 1;
  }
  const range = { id: '', start: week.start, end: week.end };
  return [...found.values()].filter((t) => t.status !== 'other' && t.solvedAt !== null && inWeek(range, t.solvedAt));
}

export async function listFreshdeskAgents(client: ListingClient, perPage = FRESHDESK_LIST_PAGE_SIZE): Promise<ListedAgent[]> {
  const agents = new Map<string, ListedAgent>();
  client.report({ phase: 'agents' });
  for (let page = 1; page <= MAX_AGENT_PAGES; page++) {
    const body = await client.getJson(freshdeskAgentsPath(page, perPage));
    const parsed = client.parse(() => parseFreshdeskAgentsPage(body));
    for (const a of parsed.agents) agents.set(a.id, a);
    if (parsed.count < perPage) break;
  }
  return [...agents.values()];
}
