// What a helpdesk's ticket listing tells the weekly sample, whichever helpdesk listed it. The
// per-helpdesk parsers (lib/helpdesk/<name>/listing.ts) turn raw API pages into these; the
// background pages through the API and the draw (lib/analytics/sampling.ts) takes them.
import type { RiskFactors } from '../analytics/sampling';
import type { Channel } from './types';

export interface ListedTicket {
  id: string;
  assigneeId: string | null;
  channel: Channel;
  subject: string;
  /** solved and closed tickets can be sampled; 'other' is anything still being worked on */
  status: 'solved' | 'closed' | 'other';
  /** when it was solved (ISO-8601 UTC), when the listing says; Zendesk's search asks for the week instead */
  solvedAt: string | null;
  updatedAt: string | null;
  risk?: RiskFactors;
}

export interface ListedAgent {
  id: string;
  name: string;
}

/** A page that is not the shape the listing needs: the message says what was missing where. */
export class ListingParseError extends Error {
  constructor(
    readonly helpdeskLabel: string,
    readonly what: string,
    readonly path: string,
    problem: string,
  ) {
    super(`${helpdeskLabel} ${what}: ${path ? `${path} ` : ''}${problem}`);
    this.name = 'ListingParseError';
  }
}

/** Seconds precision, as both helpdesks write and accept times: 2026-11-16T00:00:00Z. */
export function isoSecondsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
