import type { QaDatabase } from '../db/schema';
import { readSettings, updateSettings } from '../db/settings';
import type { TabState } from '../messaging/protocol';

/** A load that failed because nobody (or somebody else) is signed in to the instance. */
function signedOut(state: TabState): state is Extract<TabState, { status: 'error' }> {
  if (state.status !== 'error') return false;
  return state.error.code === 'not-logged-in' || state.error.status === 401 || state.error.status === 403;
}

/**
 * Keeps the reviewer of each instance honest. The helpdesk's answer to "who am I" is remembered,
 * so one person's reviews never split across identities when a later answer fails; a remembered
 * identity is only assumed (`reviewerSource: 'remembered'`), and a sign-out forgets it, so two
 * agents sharing a browser profile never file under each other's name.
 */
export async function completeWithKnownReviewer(db: QaDatabase, state: TabState): Promise<TabState> {
  if (signedOut(state)) {
    const settings = await readSettings(db);
    if (settings.knownReviewers[state.instance]) {
      await updateSettings(db, (s) => {
        const { [state.instance]: _forgotten, ...rest } = s.knownReviewers;
        return { knownReviewers: rest };
      });
    }
    return state;
  }
  if (state.status !== 'ready') return state;
  const instance = state.ticket.instance;
  const settings = await readSettings(db);
  const known = settings.knownReviewers[instance];
  if (!state.reviewer) return known ? { ...state, reviewer: known, reviewerSource: 'remembered' } : state;
  if (!known || known.id !== state.reviewer.id || known.name !== state.reviewer.name) {
    const reviewer = state.reviewer;
    await updateSettings(db, (s) => ({ knownReviewers: { ...s.knownReviewers, [instance]: reviewer } }));
  }
  return { ...state, reviewerSource: 'helpdesk' };
}
