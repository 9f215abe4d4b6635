// A small database with something in every table, for the backup, retention and deletion tests:
// a submitted review with two revisions (the first synced to the team store, the second pending),
// a draft, a copy pulled from the team store, the built-in rubrics plus an imported one, settings.
import { importRubric, seedBuiltInRubrics } from '@/lib/db/rubrics';
import { submitReview, saveDraft, toStored, type Clock } from '@/lib/db/reviews';
import type { QaDatabase } from '@/lib/db/schema';
import { updateSettings } from '@/lib/db/settings';
import type { ReviewDraftInput, ReviewRecord } from '@/lib/review/record';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

export const miniRubric: Rubric = parseRubric({
  format: 'qa-rubric/1',
  id: 'mini',
  name: 'Mini',
  version: 1,
  criteria: [{ id: 'tone', title: 'Tone', scale: { type: 'levels', levels: [{ value: 1, label: 'Poor' }, { value: 2, label: 'OK' }, { value: 3, label: 'Good' }] } }],
});

export function draftInput(ticketId: string, value: number, extra: Partial<ReviewDraftInput> = {}): ReviewDraftInput {
  return {
    kind: 'review',
    ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: ticketId, url: `https://acme.zendesk.com/agent/tickets/${ticketId}`, channel: 'email', subject: `Ticket ${ticketId}` },
    reviewee: { id: 'zendesk:7', name: 'Alex Agent' },
    reviewer: { id: 'zendesk:9', name: 'Priya' },
    rubric: { id: 'mini', version: 1 },
    answers: { tone: { value, comment: 'Kind — wrote to casey@example.com' } },
    ...extra,
  };
}

/** A clock that moves one minute per call from `start`, with ids counted up. */
export function steppingClock(start: string): Clock {
  let tick = 0;
  const base = Date.parse(start);
  return { now: () => new Date(base + 60_000 * tick++).toISOString(), newId: () => `review-${tick}` };
}

export const pulledRecord = (over: Partial<ReviewRecord> = {}): ReviewRecord => ({
  format: 'qa-review/1',
  id: 'pulled-1',
  revision: 1,
  kind: 'review',
  status: 'submitted',
  helpdesk: 'zendesk',
  instance: 'acme.zendesk.com',
  ticketId: '77',
  ticketUrl: 'https://acme.zendesk.com/agent/tickets/77',
  channel: 'chat',
  reviewee: { id: 'zendesk:8', name: 'Bo' },
  reviewer: { id: 'zendesk:5', name: 'Lead' },
  rubric: { id: 'mini', version: 1 },
  score: 50,
  autoFailed: false,
  answers: [{ criterionId: 'tone', value: 2, na: false, score: 0.5 }],
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  submittedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

/** Fills `db` (see the file comment); returns the ids of the local reviews. */
export async function fillDatabase(db: QaDatabase, clock: Clock = steppingClock('2026-11-20T09:00:00.000Z')) {
  await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-01T00:00:00.000Z');
  await importRubric(db, miniRubric, '2026-11-02T00:00:00.000Z');
  const first = await submitReview(db, miniRubric, draftInput('42', 3), clock);
  await db.outbox.where('[reviewId+revision]').equals([first.id, 1]).modify({ state: 'synced', syncedAt: '2026-11-20T10:00:00.000Z', batchId: 'batch-1' });
  const revised = await submitReview(db, miniRubric, draftInput('42', 2, { id: first.id, revise: true }), clock);
  const draft = await saveDraft(db, miniRubric, draftInput('43', 1), clock);
  await db.reviews.put(toStored(pulledRecord(), 'pulled'));
  await updateSettings(db, { reviewerName: 'Priya', retentionDays: 90 });
  return { submittedId: revised.id, draftId: draft.id };
}

/** Every table's rows, ordered by key, for comparing whole databases. */
export async function dumpTables(db: QaDatabase) {
  return {
    reviews: await db.reviews.toArray(),
    rubrics: await db.rubrics.toArray(),
    settings: await db.settings.toArray(),
    outbox: await db.outbox.toArray(),
  };
}
