import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import { openReview, saveDraft, submitReview, ReviewStateError, type Clock } from '@/lib/db/reviews';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';
import type { ReviewDraftInput } from '@/lib/review/record';

const rubric: Rubric = parseRubric({
  format: 'qa-rubric/1',
  id: 'mini',
  name: 'Mini',
  version: 1,
  criteria: [
    { id: 'tone', title: 'Tone', weight: 2, scale: { type: 'levels', levels: [{ value: 1, label: 'Poor' }, { value: 2, label: 'OK' }, { value: 3, label: 'Good' }] } },
    { id: 'gdpr', title: 'Data protection', critical: true, allowNa: false, scale: { type: 'binary' } },
  ],
});

function input(answers: ReviewDraftInput['answers'], extra: Partial<ReviewDraftInput> = {}): ReviewDraftInput {
  return {
    kind: 'review',
    ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '42', url: 'https://acme.zendesk.com/agent/tickets/42', channel: 'email', subject: 'Late parcel' },
    reviewee: { id: '7', name: 'Alex Agent' },
    reviewer: { id: 'zendesk:9', name: 'Priya' },
    rubric: { id: 'mini', version: 1 },
    answers,
    ...extra,
  };
}

let db: QaDatabase;
let tick = 0;
const clock: Clock = { now: () => new Date(Date.UTC(2026, 10, 25, 12, 0, tick++)).toISOString(), newId: () => `id-${tick}` };
const slot = { helpdesk: 'zendesk' as const, instance: 'acme.zendesk.com', ticketId: '42', reviewerId: 'zendesk:9', rubricId: 'mini', kind: 'review' as const };

beforeEach(() => {
  db = new QaDatabase(`test-${Math.random()}`);
  tick = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('review repository', () => {
  it('stores a draft as qa-review/1 with the score recomputed from the rubric', async () => {
    const saved = await saveDraft(db, rubric, input({ tone: { value: 2, comment: 'warm' }, gdpr: { value: 1, comment: '' } }), clock);
    expect(saved).toMatchObject({ format: 'qa-review/1', revision: 1, status: 'draft', kind: 'review', ticketId: '42', rubric: { id: 'mini', version: 1 }, autoFailed: false });
    // tone 2 of 1..3 → 0.5 × weight 2, gdpr yes → 1 × 1: (1 + 1) / 3
    expect(saved.score).toBeCloseTo((100 * 2) / 3, 10);
    expect(saved.answers).toEqual([
      { criterionId: 'tone', value: 2, na: false, score: 0.5, comment: 'warm' },
      { criterionId: 'gdpr', value: 1, na: false, score: 1 },
    ]);
    const { current } = await openReview(db, slot);
    expect(current).toEqual(saved);
  });

  it('keeps one draft per ticket, reviewer and rubric across saves', async () => {
    const first = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }), clock);
    const second = await saveDraft(db, rubric, input({ tone: { value: 3, comment: '' } }), clock);
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(await db.reviews.count()).toBe(1);
  });

  it('submits, refuses silent edits, and revises into a new revision keeping the old one', async () => {
    const submitted = await submitReview(db, rubric, input({ tone: { value: 3, comment: '' }, gdpr: { value: 1, comment: '' } }), clock);
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).toBe(submitted.updatedAt);

    await expect(saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }), clock)).rejects.toBeInstanceOf(ReviewStateError);

    // The first change after Edit opens revision 2; the submitted revision 1 stays as it was.
    const revision = await saveDraft(db, rubric, input({ tone: { value: 2, comment: '' }, gdpr: { value: 1, comment: '' } }, { id: submitted.id, revise: true }), clock);
    expect(revision).toMatchObject({ id: submitted.id, revision: 2, status: 'draft', createdAt: submitted.createdAt });
    expect(revision.submittedAt).toBeUndefined();
    expect((await db.reviews.get([submitted.id, 1]))?.status).toBe('submitted');

    const edited = await submitReview(db, rubric, input({ tone: { value: 1, comment: '' }, gdpr: { value: 1, comment: '' } }, { id: submitted.id }), clock);
    expect(edited.revision).toBe(2);
    const opened = await openReview(db, slot);
    expect(opened.current?.revision).toBe(2);
    expect(opened.history.map((h) => [h.revision, h.score])).toEqual([[1, 100]]);
  });

  it('queues each submitted revision for the team store in the submit itself, drafts never', async () => {
    const draft = await saveDraft(db, rubric, input({ tone: { value: 3, comment: '' } }), clock);
    expect(await db.outbox.count()).toBe(0);
    await submitReview(db, rubric, input({ tone: { value: 3, comment: '' }, gdpr: { value: 1, comment: '' } }), clock);
    await saveDraft(db, rubric, input({ tone: { value: 2, comment: '' } }, { id: draft.id, revise: true }), clock);
    await submitReview(db, rubric, input({ tone: { value: 2, comment: '' }, gdpr: { value: 1, comment: '' } }, { id: draft.id }), clock);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.reviewId, e.revision, e.state])).toEqual([
      [draft.id, 1, 'pending'],
      [draft.id, 2, 'pending'],
    ]);
  });

  it('stores nothing, not even the queue entry, when the submit fails', async () => {
    await db.outbox.hook('creating', () => {
      throw new Error('disk');
    });
    await expect(submitReview(db, rubric, input({ tone: { value: 3, comment: '' }, gdpr: { value: 1, comment: '' } }), clock)).rejects.toThrow('disk');
    expect(await db.reviews.count()).toBe(0);
  });

  it('refuses a save made from an outdated copy instead of overwriting another window', async () => {
    const first = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }, { basedOn: null }), clock);
    // a second window that opened before the first save also thinks there is no review yet
    await expect(saveDraft(db, rubric, input({ tone: { value: 3, comment: '' } }, { basedOn: null }), clock)).rejects.toMatchObject({ code: 'conflict' });
    // the window that made the first save carries on
    const next = await saveDraft(db, rubric, input({ tone: { value: 2, comment: '' } }, { id: first.id, basedOn: first.updatedAt }), clock);
    expect(next.answers[0]?.value).toBe(2);
    await expect(saveDraft(db, rubric, input({ tone: { value: 3, comment: '' } }, { id: first.id, basedOn: first.updatedAt }), clock)).rejects.toMatchObject({ code: 'conflict' });
    expect((await openReview(db, slot)).current?.answers[0]?.value).toBe(2);
  });

  it('lets a form overwrite its own latest save though its basedOn lags, and ignores its overtaken saves', async () => {
    const writer = (seq: number) => ({ id: 'form-a', seq });
    const first = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }, { basedOn: null, writer: writer(1) }), clock);
    // The final save on close was sent while save 2 was in flight, so both are based on `first`.
    const second = await saveDraft(db, rubric, input({ tone: { value: 2, comment: '' } }, { id: first.id, basedOn: first.updatedAt, writer: writer(2) }), clock);
    const final = await saveDraft(db, rubric, input({ tone: { value: 3, comment: '' } }, { id: first.id, basedOn: first.updatedAt, writer: writer(3) }), clock);
    expect(final.answers[0]?.value).toBe(3);
    expect(final.updatedAt > second.updatedAt).toBe(true);
    // Save 2 arriving again (or late) must not undo save 3.
    const late = await saveDraft(db, rubric, input({ tone: { value: 2, comment: '' } }, { id: first.id, basedOn: first.updatedAt, writer: writer(2) }), clock);
    expect(late.answers[0]?.value).toBe(3);
    expect((await openReview(db, slot)).current?.answers[0]?.value).toBe(3);
    expect(Object.keys((await openReview(db, slot)).current ?? {})).not.toContain('writer');
    // Another form with the same outdated copy is still refused.
    await expect(
      saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }, { id: first.id, basedOn: first.updatedAt, writer: { id: 'form-b', seq: 9 } }), clock),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a save or submit that arrives twice (a request the panel sent again) changes nothing the second time', async () => {
    const writer = (seq: number) => ({ id: 'form-a', seq });
    const first = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }, { basedOn: null, writer: writer(1) }), clock);
    const again = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }, { basedOn: null, writer: writer(1) }), clock);
    expect(again).toEqual(first);
    const complete = input({ tone: { value: 3, comment: '' }, gdpr: { value: 1, comment: '' } }, { id: first.id, basedOn: first.updatedAt, writer: writer(2) });
    const submitted = await submitReview(db, rubric, complete, clock);
    const resent = await submitReview(db, rubric, complete, clock);
    expect(resent).toEqual(submitted);
    expect(await db.reviews.where('id').equals(first.id).count()).toBe(1);
    expect((await db.outbox.toArray()).map((e) => `${e.reviewId}#${e.revision}`)).toEqual([`${first.id}#1`]);
  });

  it('refuses a review id that belongs to another ticket', async () => {
    const saved = await saveDraft(db, rubric, input({ tone: { value: 1, comment: '' } }), clock);
    const other = input({ tone: { value: 2, comment: '' } }, { id: saved.id });
    other.ticket = { ...other.ticket, id: '43' };
    await expect(saveDraft(db, rubric, other, clock)).rejects.toThrow(/another ticket/);
    expect((await openReview(db, slot)).current?.answers[0]?.value).toBe(1);
  });

  it('auto-fails a review whose critical criterion is not met', async () => {
    const saved = await saveDraft(db, rubric, input({ tone: { value: 3, comment: '' }, gdpr: { value: 0, comment: 'shared account data' } }), clock);
    expect(saved).toMatchObject({ score: 0, autoFailed: true });
  });

  it('rejects an answer that is not on the scale and stores nothing', async () => {
    await expect(saveDraft(db, rubric, input({ tone: { value: 7, comment: '' } }), clock)).rejects.toThrow(/tone/);
    await expect(saveDraft(db, rubric, input({ gdpr: { value: 'na', comment: '' } }), clock)).rejects.toThrow();
    expect(await db.reviews.count()).toBe(0);
  });

  it('survives closing and reopening the database', async () => {
    const name = db.name;
    await saveDraft(db, rubric, input({ tone: { value: 2, comment: 'keep me' } }), clock);
    db.close();
    const reopened = new QaDatabase(name);
    const { current } = await openReview(reopened, slot);
    expect(current?.answers[0]?.comment).toBe('keep me');
    reopened.close();
    db = new QaDatabase(name);
  });
});
