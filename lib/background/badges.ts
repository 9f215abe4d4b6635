// "What I already reviewed": the toolbar icon on a helpdesk tab says whether this reviewer has a
// submitted review (✓) or a draft (•) of the ticket in that tab. Set when a tab's ticket is
// ready and again after every save or submit; cleared while a tab shows no ticket.
import type { QaDatabase } from '../db/schema';
import { readSettings } from '../db/settings';
import { ticketKey } from '../helpdesk/ticket-schema';
import type { TabState } from '../messaging/protocol';

export const BADGE_SUBMITTED = '✓';
export const BADGE_DRAFT = '•';
const COLORS = { [BADGE_SUBMITTED]: '#1a7f37', [BADGE_DRAFT]: '#61707f' } as const;

export interface BadgeDeps {
  db: QaDatabase;
  /** sets (or clears, with '') the badge of one tab; a closed tab is not an error */
  setBadge: (tabId: number, text: string, color: string | null) => Promise<void>;
}

export interface Badges {
  stateChanged(tabId: number, state: TabState): void;
  /** a review of this ticket (`ticketKey`) was saved or submitted */
  reviewWritten(key: string): void;
  /** settles when every update asked for so far is done (tests) */
  idle(): Promise<void>;
}

/**
 * The reviewer the panel files reviews under: the helpdesk's signed-in agent, else the name
 * set in Options (the same rule as the panel's, so the badge and the panel agree).
 */
async function reviewerIdFor(db: QaDatabase, state: Extract<TabState, { status: 'ready' }>): Promise<string> {
  if (state.reviewer) return state.reviewer.id;
  const name = (await readSettings(db)).reviewerName.trim();
  return name ? `local:${name.toLowerCase()}` : 'local:reviewer';
}

export async function badgeFor(db: QaDatabase, key: string, reviewerId: string): Promise<string> {
  const rows = await db.reviews.where('ticketKey').equals(key).filter((r) => r.reviewerId === reviewerId).toArray();
  if (rows.some((r) => r.status === 'submitted')) return BADGE_SUBMITTED;
  return rows.length ? BADGE_DRAFT : '';
}

export function createBadges(deps: BadgeDeps): Badges {
  const shown = new Map<number, { key: string; state: Extract<TabState, { status: 'ready' }> }>();
  let queue: Promise<void> = Promise.resolve();
  // One update at a time, in order: a late answer for an old ticket never overwrites a newer badge.
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch(() => undefined);
  };

  const update = (tabId: number) =>
    enqueue(async () => {
      const entry = shown.get(tabId);
      const text = entry ? await badgeFor(deps.db, entry.key, await reviewerIdFor(deps.db, entry.state)) : '';
      if (shown.get(tabId) !== entry) return;
      await deps.setBadge(tabId, text, text ? COLORS[text as keyof typeof COLORS] : null);
    });

  return {
    stateChanged(tabId, state) {
      if (state.status === 'ready') shown.set(tabId, { key: ticketKey(state.ticket), state });
      else if (!shown.delete(tabId)) return;
      update(tabId);
    },
    reviewWritten(key) {
      for (const [tabId, entry] of shown) if (entry.key === key) update(tabId);
    },
    idle: () => queue,
  };
}
