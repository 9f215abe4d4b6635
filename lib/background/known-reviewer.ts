import type { QaDatabase } from '../db/schema';
import { readSettings, updateSettings } from '../db/settings';
import type { TabState } from '../messaging/protocol';

/**
 * Fills in the reviewer when the helpdesk could not say who is signed in, and remembers them
 * when it could, so one person's reviews never split across identities.
 */
export async function completeWithKnownReviewer(db: QaDatabase, state: TabState): Promise<TabState> {
  if (state.status !== 'ready') return state;
  const instance = state.ticket.instance;
  const settings = await readSettings(db);
  const known = settings.knownReviewers[instance];
  if (!state.reviewer) return known ? { ...state, reviewer: known } : state;
  if (!known || known.id !== state.reviewer.id || known.name !== state.reviewer.name) {
    const reviewer = state.reviewer;
    await updateSettings(db, (s) => ({ knownReviewers: { ...s.knownReviewers, [instance]: reviewer } }));
  }
  return state;
}
