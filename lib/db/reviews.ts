// Review revisions. A review keeps its id for life; submitting freezes a revision and editing a
// submitted review starts the next one, so history is never overwritten.
import type { OutboxEntry, QaDatabase, ReviewOrigin, StoredReview } from './schema';
import { buildDraftRecord, type ReviewDraftInput, type ReviewKind, type ReviewRecord } from '../review/record';
import { ticketKey } from '../helpdesk/ticket-schema';
import type { Rubric } from '../rubric/schema';
import { trackRollups } from './rollups';

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
    readonly code: 'not-found' | 'already-submitted' | 'conflict' | 'read-only',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewStateError';
  }
}

export function toStored(record: ReviewRecord, origin: ReviewOrigin = 'local', writer?: StoredReview['writer']): StoredReview {
  return {
    ...record,
    ticketKey: ticketKey({ helpdesk: record.helpdesk, instance: record.instance, id: record.ticketId }),
    reviewerId: record.reviewer.id,
    rubricId: record.rubric.id,
    origin,
    ...(writer ? { writer } : {}),
  };
}

export function toRecord(stored: StoredReview): ReviewRecord {
  const { ticketKey: _k, reviewerId: _r, rubricId: _b, writer: _w, origin: _o, ...record } = stored;
  return record;
}

/** The outbox entry that queues a submitted revision for the team store. */
export function outboxEntryFor(record: Pick<ReviewRecord, 'id' | 'revision'>, createdAt: string): OutboxEntry {
  return { reviewId: record.id, revision: record.revision, state: 'pending', createdAt, attempts: 0, nextAttemptAt: 0 };
}

async function latestRevision(db: QaDatabase, id: string): Promise<StoredReview | undefined> {
  const all = await db.reviews.where('id').equals(id).sortBy('revision');
  return all.at(-1);
}

/** Oldest first by last change (then revision), so the newest is always last. */
function byLastChange(a: StoredReview, b: StoredReview): number {
  return a.updatedAt.localeCompare(b.updatedAt) || a.revision - b.revision;
}

/** Every revision filed for one ticket, reviewer, rubric and kind, newest last. */
async function slotRows(db: QaDatabase, key: string, reviewerId: string, rubricId: string, kind: ReviewKind): Promise<StoredReview[]> {
  // Copies pulled from the team store or imported from a file are read-only: never this form's.
  const rows = await db.reviews
    .where('[ticketKey+reviewerId+rubricId+kind]')
    .equals([key, reviewerId, rubricId, kind])
    .filter((r) => r.origin === 'local')
    .toArray();
  return rows.sort(byLastChange);
}

const slotTicketKey = (slot: Pick<ReviewSlot, 'helpdesk' | 'instance' | 'ticketId'>) =>
  ticketKey({ helpdesk: slot.helpdesk, instance: slot.instance, id: slot.ticketId });

/** The newest revision for a ticket, reviewer and rubric, and the submitted revisions before it. */
export async function openReview(db: QaDatabase, slot: ReviewSlot): Promise<{ current: ReviewRecord | null; history: ReviewRecord[] }> {
  // One review per slot is the norm; if several exist (e.g. after an import), the newest wins.
  const rows = await slotRows(db, slotTicketKey(slot), slot.reviewerId, slot.rubricId, slot.kind);
  const current = rows.at(-1);
  if (!current) return { current: null, history: [] };
  const history = rows.filter((r) => r.id === current.id && r.revision < current.revision).sort((a, b) => b.revision - a.revision);
  return { current: toRecord(current), history: history.map(toRecord) };
}

async function findEditable(db: QaDatabase, input: ReviewDraftInput): Promise<StoredReview | undefined> {
  const key = ticketKey(input.ticket);
  if (input.id) {
    const latest = await latestRevision(db, input.id);
    // An id names one review of one ticket by one reviewer; anything else is a confused caller.
    if (latest && (latest.ticketKey !== key || latest.reviewerId !== input.reviewer.id || latest.kind !== input.kind)) {
      throw new ReviewStateError('not-found', 'That review belongs to another ticket or reviewer.');
    }
    if (latest && latest.origin !== 'local') {
      throw new ReviewStateError('read-only', 'This review is a copy from your team (or an imported file) and cannot be changed here.');
    }
    return latest;
  }
  return (await slotRows(db, key, input.reviewer.id, input.rubric.id, input.kind)).at(-1);
}

/**
 * Stores the draft. A submitted revision is never overwritten: with `revise` the change opens the
 * next revision, without it the save is refused; a save from an outdated copy is refused too.
 */
export async function saveDraft(db: QaDatabase, rubric: Rubric, input: ReviewDraftInput, clock: Clock): Promise<ReviewRecord> {
  return db.transaction('rw', db.reviews, async () => {
    const previous = await findEditable(db, input);
    const ownLatest = !!input.writer && previous?.writer?.id === input.writer.id;
    // This form already stored a later save (it overtook this one): keep that, change nothing.
    if (ownLatest && previous!.writer!.seq >= input.writer!.seq) return toRecord(previous!);
    if (input.basedOn !== undefined && input.basedOn !== (previous?.updatedAt ?? null) && !ownLatest) {
      throw new ReviewStateError('conflict', 'This review was changed in another window. Load the latest version, then make your change again.');
    }
    let base = previous ? toRecord(previous) : undefined;
    if (base?.status === 'submitted') {
      if (!input.revise) {
        throw new ReviewStateError('already-submitted', 'This review was submitted. Choose Edit to start a new revision.');
      }
      // The first change after Edit opens the next revision; the submitted one stays as it was.
      const { submittedAt: _submittedAt, ...submitted } = base;
      base = { ...submitted, status: 'draft', revision: submitted.revision + 1 };
    }
    const record = buildDraftRecord(rubric, input, base, {
      newId: clock.newId,
      now: clock.now(),
    });
    await db.reviews.put(toStored(record, 'local', input.writer));
    return record;
  });
}

/**
 * Freezes the revision and queues it for the team store in the same transaction: a submitted
 * revision is never left unqueued, whatever stops the browser. A revision already submitted and
 * queued (a repeated Submit) stays queued once.
 */
export async function submitReview(db: QaDatabase, rubric: Rubric, input: ReviewDraftInput, clock: Clock): Promise<ReviewRecord> {
  return db.transaction('rw', db.reviews, db.outbox, db.rollups, async () => {
    const draft = await saveDraft(db, rubric, input, clock);
    const submitted: ReviewRecord = { ...draft, status: 'submitted', submittedAt: draft.updatedAt };
    // The dashboard's roll-ups move in the same transaction: this revision replaces the last one.
    await trackRollups(db, [submitted.id], () => db.reviews.put(toStored(submitted, 'local', input.writer)));
    const queued = await db.outbox.where('[reviewId+revision]').equals([submitted.id, submitted.revision]).first();
    if (!queued) await db.outbox.add(outboxEntryFor(submitted, submitted.updatedAt));
    return submitted;
  });
}

/** The rubric of this reviewer's most recent review of the ticket, so a re-read ticket keeps it. */
export async function rubricInUse(db: QaDatabase, slot: Omit<ReviewSlot, 'rubricId'>): Promise<string | null> {
  const rows = await db.reviews
    .where('ticketKey')
    .equals(slotTicketKey(slot))
    .filter((r) => r.reviewerId === slot.reviewerId && r.kind === slot.kind)
    .toArray();
  return rows.sort(byLastChange).at(-1)?.rubricId ?? null;
}
