// Review revisions. A review keeps its id for life; submitting freezes a revision and editing a
// submitted review starts the next one, so history is never overwritten.
import type { QaDatabase, StoredReview } from './schema';
import { buildDraftRecord, type ReviewDraftInput, type ReviewKind, type ReviewRecord } from '../review/record';
import { ticketKey } from '../helpdesk/ticket-schema';
import type { Rubric } from '../rubric/schema';

export interface ReviewSlot {
  helpdesk: ReviewRecord['helpdesk'];
  instance: string;
  ticketId: string;
  reviewerId: string;
  rubricId: string;
  kind: ReviewKind;
}

export interface Clock {
  now: () => string;
  newId: () => string;
}

export class ReviewStateError extends Error {
  constructor(
    readonly code: 'not-found' | 'already-submitted' | 'not-submitted',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewStateError';
  }
}

function toStored(record: ReviewRecord): StoredReview {
  return {
    ...record,
    ticketKey: ticketKey({ helpdesk: record.helpdesk, instance: record.instance, id: record.ticketId }),
    reviewerId: record.reviewer.id,
    rubricId: record.rubric.id,
  };
}

export function toRecord(stored: StoredReview): ReviewRecord {
  const { ticketKey: _k, reviewerId: _r, rubricId: _b, ...record } = stored;
  return record;
}

async function latestRevision(db: QaDatabase, id: string): Promise<StoredReview | undefined> {
  const all = await db.reviews.where('id').equals(id).sortBy('revision');
  return all.at(-1);
}

/** The newest revision for a ticket, reviewer and rubric, and the submitted revisions before it. */
export async function openReview(db: QaDatabase, slot: ReviewSlot): Promise<{ current: ReviewRecord | null; history: ReviewRecord[] }> {
  const key = ticketKey({ helpdesk: slot.helpdesk, instance: slot.instance, id: slot.ticketId });
  const rows = await db.reviews
    .where('[ticketKey+reviewerId+rubricId+kind]')
    .equals([key, slot.reviewerId, slot.rubricId, slot.kind])
    .toArray();
  if (!rows.length) return { current: null, history: [] };
  // One review per slot is the norm; if several exist (e.g. after an import), the newest wins.
  rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.revision - b.revision);
  const current = rows.at(-1)!;
  const history = rows.filter((r) => r.id === current.id && r.revision < current.revision).sort((a, b) => b.revision - a.revision);
  return { current: toRecord(current), history: history.map(toRecord) };
}

async function findEditable(db: QaDatabase, input: ReviewDraftInput): Promise<StoredReview | undefined> {
  if (input.id) return latestRevision(db, input.id);
  const key = ticketKey(input.ticket);
  const rows = await db.reviews
    .where('[ticketKey+reviewerId+rubricId+kind]')
    .equals([key, input.reviewer.id, input.rubric.id, input.kind])
    .toArray();
  rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  return rows.at(-1);
}

/** Stores the draft; refuses to overwrite a submitted revision (the caller must revise first). */
export async function saveDraft(db: QaDatabase, rubric: Rubric, input: ReviewDraftInput, clock: Clock): Promise<ReviewRecord> {
  return db.transaction('rw', db.reviews, async () => {
    const previous = await findEditable(db, input);
    if (previous && previous.status === 'submitted') {
      throw new ReviewStateError('already-submitted', 'This review was submitted. Choose Edit to start a new revision.');
    }
    const record = buildDraftRecord(rubric, input, previous ? toRecord(previous) : undefined, {
      newId: clock.newId,
      now: clock.now(),
    });
    await db.reviews.put(toStored(record));
    return record;
  });
}

export async function submitReview(db: QaDatabase, rubric: Rubric, input: ReviewDraftInput, clock: Clock): Promise<ReviewRecord> {
  return db.transaction('rw', db.reviews, async () => {
    const draft = await saveDraft(db, rubric, input, clock);
    const submitted: ReviewRecord = { ...draft, status: 'submitted', submittedAt: draft.updatedAt };
    await db.reviews.put(toStored(submitted));
    return submitted;
  });
}

/** Opens the next revision of a submitted review as a draft (or returns the open draft). */
export async function reviseReview(db: QaDatabase, id: string, clock: Clock): Promise<ReviewRecord> {
  return db.transaction('rw', db.reviews, async () => {
    const latest = await latestRevision(db, id);
    if (!latest) throw new ReviewStateError('not-found', 'That review no longer exists.');
    if (latest.status === 'draft') return toRecord(latest);
    const { submittedAt: _s, ...rest } = toRecord(latest);
    const next: ReviewRecord = { ...rest, status: 'draft', revision: latest.revision + 1, updatedAt: clock.now() };
    await db.reviews.put(toStored(next));
    return next;
  });
}
