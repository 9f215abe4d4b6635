import { describe, expect, it } from 'vitest';
import {
  canAutosave,
  draftInput,
  draftReducer,
  initialDraftState,
  isReadOnly,
  nextRevision,
  saveStatus,
  type DraftAction,
  type DraftState,
} from '@/entrypoints/sidepanel/hooks/review-draft-state';
import type { ReviewRecord } from '@/lib/review/record';
import type { Ticket } from '@/lib/helpdesk/types';
import type { Rubric } from '@/lib/rubric/schema';

const record = (over: Partial<ReviewRecord> = {}): ReviewRecord => ({
  format: 'qa-review/1',
  id: 'r1',
  revision: 1,
  kind: 'review',
  status: 'draft',
  helpdesk: 'zendesk',
  instance: 'acme.zendesk.com',
  ticketId: '42',
  ticketUrl: 'https://acme.zendesk.com/agent/tickets/42',
  channel: 'email',
  subject: 'Late parcel',
  reviewee: null,
  reviewer: { id: 'zendesk:9', name: 'Priya' },
  rubric: { id: 'mini', version: 1 },
  score: 50,
  autoFailed: false,
  answers: [{ criterionId: 'tone', value: 2, na: false, score: 0.5 }],
  createdAt: '2026-11-25T12:00:00.000Z',
  updatedAt: '2026-11-25T12:00:00.000Z',
  ...over,
});

const run = (state: DraftState, ...actions: DraftAction[]) => actions.reduce(draftReducer, state);
const rate = (value: number): DraftAction => ({ type: 'edit', change: { kind: 'answer', criterionId: 'tone', change: { value } } });

describe('review draft state', () => {
  it('autosave: an edit is pending, a save of it is saved, an edit during the save stays pending', () => {
    let s = run(initialDraftState(null), rate(1));
    expect(saveStatus(s)).toBe('pending');
    expect(canAutosave(s)).toBe(true);
    const carried = s.edits;
    s = run(s, { type: 'save-started' }, rate(3));
    expect(saveStatus(s)).toBe('saving');
    s = run(s, { type: 'save-stored', record: record(), carried });
    // The save carried edit 1 only: edit 2 still needs storing.
    expect(saveStatus(s)).toBe('pending');
    expect(s.fields.answers.tone?.value).toBe(3);
    s = run(s, { type: 'save-started' }, { type: 'save-stored', record: record({ updatedAt: '2026-11-25T12:00:01.000Z' }), carried: s.edits });
    expect(saveStatus(s)).toBe('saved');
    expect(canAutosave(s)).toBe(false);
  });

  it('a network failure retries by itself; a full disk waits for Retry; a refusal never retries', () => {
    const edited = run(initialDraftState(null), rate(1), { type: 'save-started' });
    const network = run(edited, { type: 'save-failed', message: 'no answer', code: 'no-reply' });
    expect(saveStatus(network)).toBe('error');
    expect(canAutosave(network)).toBe(true);

    const full = run(edited, { type: 'save-failed', message: 'disk full', code: 'storage-full' });
    expect(full.error?.retry).toBe('manual');
    expect(canAutosave(full)).toBe(false);
    expect(canAutosave(run(full, rate(2)))).toBe(false);
    expect(canAutosave(run(full, { type: 'retry' }))).toBe(true);

    const refused = run(edited, { type: 'save-failed', message: 'bad', code: 'invalid-answer' });
    expect(canAutosave(refused)).toBe(false);
    // Changed content deserves another try.
    expect(canAutosave(run(refused, rate(2)))).toBe(true);
  });

  it('conflict: keeps the change on screen, stops saving until the latest version is loaded', () => {
    let s = run(initialDraftState(record()), rate(4), { type: 'save-started' }, { type: 'save-failed', message: 'changed elsewhere', code: 'conflict' });
    expect(s.conflict).toBe(true);
    expect(s.fields.answers.tone?.value).toBe(4);
    s = run(s, rate(1));
    expect(canAutosave(s)).toBe(false);
    s = run(s, { type: 'adopt', record: record({ answers: [{ criterionId: 'tone', value: 3, na: false, score: 1 }], updatedAt: '2026-11-25T13:00:00.000Z' }) });
    expect(s.conflict).toBe(false);
    expect(s.error).toBeNull();
    expect(s.fields.answers.tone?.value).toBe(3);
    expect(saveStatus(s)).toBe('saved');
  });

  it('submit: edits wait while submitting; the submitted record is read-only; revise opens the next revision', () => {
    let s = run(initialDraftState(null), rate(2), { type: 'submit-started' }, rate(1));
    expect(s.fields.answers.tone?.value).toBe(2);
    s = run(s, { type: 'submit-stored', record: record({ status: 'submitted', submittedAt: '2026-11-25T12:00:00.000Z' }) });
    expect(isReadOnly(s)).toBe(true);
    expect(nextRevision(s)).toBe(2);
    expect(run(s, rate(1)).fields.answers.tone?.value).toBe(2);
    s = run(s, { type: 'revise' }, rate(1));
    expect(isReadOnly(s)).toBe(false);
    expect(s.fields.answers.tone?.value).toBe(1);
    expect(saveStatus(s)).toBe('pending');
  });

  it('a refused submit keeps the form and says so', () => {
    const s = run(initialDraftState(null), rate(2), { type: 'submit-started' }, { type: 'submit-failed', message: 'Rate at least one criterion', code: 'empty-review' });
    expect(s.submitting).toBe(false);
    expect(s.error?.message).toMatch(/Rate at least/);
    expect(s.fields.answers.tone?.value).toBe(2);
  });

  it('revise is only for submitted reviews', () => {
    expect(run(initialDraftState(record()), { type: 'revise' }).revising).toBe(false);
  });

  it('builds the save input: id, basedOn, revise flag and writer', () => {
    const ticket = { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '42', url: 'u', channel: 'email', subject: 'S', assignee: { id: '7', name: 'Alex' } } as unknown as Ticket;
    const rubric = { id: 'mini', version: 1 } as Rubric;
    // the ticket's assignee is the default reviewee
    const submitted = run(initialDraftState(record({ status: 'submitted' }), { id: '7', name: 'Alex' }), { type: 'revise' }, rate(1));
    const input = draftInput(submitted, { ticket, reviewer: { id: 'zendesk:9', name: 'Priya' }, rubric, kind: 'review' }, { id: 'w', seq: 3 });
    expect(input).toMatchObject({ id: 'r1', revise: true, basedOn: '2026-11-25T12:00:00.000Z', writer: { id: 'w', seq: 3 }, reviewee: { id: '7', name: 'Alex' } });
    expect(draftInput(initialDraftState(null), { ticket, reviewer: { id: 'r', name: 'R' }, rubric, kind: 'self' }, { id: 'w', seq: 1 })).toMatchObject({ basedOn: null, kind: 'self' });
  });

  describe('the reviewee', () => {
    const ticket = { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '42', url: 'u', channel: 'email', subject: 'S', assignee: null } as unknown as Ticket;
    const rubric = { id: 'mini', version: 1 } as Rubric;
    const ctx = { ticket, reviewer: { id: 'zendesk:9', name: 'Priya' }, rubric, kind: 'review' as const };
    const tom = { id: '7', name: 'Tom Fletcher' };
    const gareth = { id: '8', name: 'Gareth Evans' };

    it('is the assignee by default, and the chosen agent once changed; the choice is saved', () => {
      let s = initialDraftState(null, tom);
      expect(s.fields.reviewee).toEqual(tom);
      s = run(s, { type: 'edit', change: { kind: 'reviewee', reviewee: gareth } });
      expect(saveStatus(s)).toBe('pending');
      expect(draftInput(s, ctx, { id: 'w', seq: 1 }).reviewee).toEqual(gareth);
    });

    it('is null on an unassigned ticket until someone is chosen', () => {
      const s = initialDraftState(null, null);
      expect(s.fields.reviewee).toBeNull();
      expect(draftInput(s, ctx, { id: 'w', seq: 1 }).reviewee).toBeNull();
      expect(run(s, { type: 'edit', change: { kind: 'reviewee', reviewee: gareth } }).fields.reviewee).toEqual(gareth);
    });

    it('reopens as stored, over the assignee; a stored review naming nobody starts from the assignee', () => {
      expect(initialDraftState(record({ reviewee: gareth }), tom).fields.reviewee).toEqual(gareth);
      expect(initialDraftState(record({ reviewee: null }), tom).fields.reviewee).toEqual(tom);
      // after a submit or a reload of the latest version, too
      const s = run(initialDraftState(null, tom), { type: 'edit', change: { kind: 'reviewee', reviewee: gareth } }, { type: 'submit-started' }, { type: 'submit-stored', record: record({ status: 'submitted', reviewee: gareth }) });
      expect(s.fields.reviewee).toEqual(gareth);
      expect(run(s, { type: 'adopt', record: record({ reviewee: null }) }).fields.reviewee).toEqual(tom);
    });

    it('is not changed on a submitted review until Edit', () => {
      const s = initialDraftState(record({ status: 'submitted', reviewee: tom }), tom);
      expect(run(s, { type: 'edit', change: { kind: 'reviewee', reviewee: gareth } }).fields.reviewee).toEqual(tom);
      expect(run(s, { type: 'revise' }, { type: 'edit', change: { kind: 'reviewee', reviewee: gareth } }).fields.reviewee).toEqual(gareth);
    });
  });

  it('does not mistake a built-in property for an answer ("constructor" is a valid criterion id)', () => {
    const s = run(initialDraftState(null), { type: 'edit', change: { kind: 'answer', criterionId: 'constructor', change: { comment: 'ok' } } });
    expect(s.fields.answers.constructor).toEqual({ value: null, comment: 'ok' });
  });

  it('keeps "__proto__" as an ordinary criterion id', () => {
    const s = run(initialDraftState(null), { type: 'edit', change: { kind: 'answer', criterionId: '__proto__', change: { value: 1 } } });
    expect(Object.keys(s.fields.answers)).toEqual(['__proto__']);
  });
});
