import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BADGE_DRAFT, BADGE_SUBMITTED, badgeFor, createBadges } from '@/lib/background/badges';
import { QaDatabase } from '@/lib/db/schema';
import { saveDraft, submitReview } from '@/lib/db/reviews';
import { updateSettings } from '@/lib/db/settings';
import type { Ticket } from '@/lib/helpdesk/types';
import type { TabState } from '@/lib/messaging/protocol';
import { draftInput, miniRubric, steppingClock } from '../db/data-fixture';

let db: QaDatabase;
beforeEach(() => {
  db = new QaDatabase(`badges-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const ticket = (id: string): Ticket => ({
  helpdesk: 'zendesk', instance: 'acme.zendesk.com', id, url: '', subject: 's', status: 'solved', channel: 'email', tags: [],
  requester: { id: 'c', name: 'C' }, assignee: null, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', messages: [],
});
const ready = (id: string, reviewer: { id: string; name: string } | null = { id: 'zendesk:9', name: 'Priya' }): TabState => ({ status: 'ready', ticket: ticket(id), reviewer, loadedAt: 0 });

function setup() {
  const set: [number, string, string | null][] = [];
  const badges = createBadges({ db, setBadge: async (tabId, text, color) => void set.push([tabId, text, color]) });
  return { badges, set, last: (tabId: number) => set.filter(([t]) => t === tabId).at(-1)?.[1] };
}

describe('the toolbar badge', () => {
  it('nothing, then • for a draft, then ✓ once submitted — by this reviewer only', async () => {
    const { badges, last } = setup();
    const clock = steppingClock('2026-12-01T09:00:00Z');
    badges.stateChanged(3, ready('5'));
    await badges.idle();
    expect(last(3)).toBe('');
    // Someone else's review of the ticket is not this reviewer's.
    await submitReview(db, miniRubric, draftInput('5', 2, { reviewer: { id: 'zendesk:1', name: 'Other' } }), clock);
    badges.reviewWritten('zendesk:acme.zendesk.com:5');
    await badges.idle();
    expect(last(3)).toBe('');
    await saveDraft(db, miniRubric, draftInput('5', 2), clock);
    badges.reviewWritten('zendesk:acme.zendesk.com:5');
    await badges.idle();
    expect(last(3)).toBe(BADGE_DRAFT);
    await submitReview(db, miniRubric, draftInput('5', 3), clock);
    badges.reviewWritten('zendesk:acme.zendesk.com:5');
    await badges.idle();
    expect(last(3)).toBe(BADGE_SUBMITTED);
  });

  it('follows the tab to another ticket and clears when the tab shows none; a write elsewhere leaves it alone', async () => {
    const { badges, set, last } = setup();
    const clock = steppingClock('2026-12-01T09:00:00Z');
    await submitReview(db, miniRubric, draftInput('5', 3), clock);
    badges.stateChanged(3, ready('5'));
    badges.stateChanged(4, ready('6'));
    await badges.idle();
    expect([last(3), last(4)]).toEqual([BADGE_SUBMITTED, '']);
    const before = set.length;
    badges.reviewWritten('zendesk:acme.zendesk.com:77');
    await badges.idle();
    expect(set).toHaveLength(before);
    badges.stateChanged(3, { status: 'idle' });
    await badges.idle();
    expect(last(3)).toBe('');
    // A second idle report changes nothing that is not there.
    const after = set.length;
    badges.stateChanged(3, { status: 'idle' });
    await badges.idle();
    expect(set).toHaveLength(after);
  });

  it('without the helpdesk saying who is signed in, the reviewer is the name from Options, as in the panel', async () => {
    await updateSettings(db, { reviewerName: 'Priya R' });
    await saveDraft(db, miniRubric, draftInput('8', 2, { reviewer: { id: 'local:priya r', name: 'Priya R' } }), steppingClock('2026-12-01T09:00:00Z'));
    const { badges, last } = setup();
    badges.stateChanged(1, ready('8', null));
    await badges.idle();
    expect(last(1)).toBe(BADGE_DRAFT);
    expect(await badgeFor(db, 'zendesk:acme.zendesk.com:8', 'local:someone')).toBe('');
  });
});
