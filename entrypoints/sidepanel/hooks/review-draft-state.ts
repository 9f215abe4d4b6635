// The state of one review form as a reducer: every transition (edit, autosave, conflict, refusal,
// submit, revise) is a pure function of the state and an action, tested on its own. The hook
// around it only runs timers and requests.
import { NEEDS_PERSON, REFUSALS, type ErrorCode } from '@/lib/messaging/errors';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { answerOf, answersToInput, type AnswerInput, type ReviewDraftInput, type ReviewKind, type ReviewRecord } from '@/lib/review/record';
import type { Rubric } from '@/lib/rubric/schema';

export type SaveStatus = 'empty' | 'pending' | 'saving' | 'saved' | 'error';

export interface DraftFields {
  answers: Record<string, AnswerInput>;
  strengths: string;
  improvements: string;
  /** the agent this review is about; null until someone is chosen (an unassigned ticket) */
  reviewee: Actor | null;
}

export interface Actor {
  id: string;
  name: string;
}

/** How a failed save may be retried: by itself later, only when the person asks, or not at all. */
export type RetryMode = 'auto' | 'manual' | 'never';

export interface DraftState {
  record: ReviewRecord | null;
  fields: DraftFields;
  /** local edits so far; a save carries the count it was built from */
  edits: number;
  /** the highest edit count a save has stored (or the form was loaded with) */
  storedEdits: number;
  /** saves under way (the last one on close may run beside an earlier one) */
  saving: number;
  /** a submit is under way: edits wait */
  submitting: boolean;
  /** Edit was pressed on a submitted review: the next change opens its next revision */
  revising: boolean;
  /** another window changed this review; this form's unsaved change is still shown */
  conflict: boolean;
  error: { message: string; retry: RetryMode } | null;
  /** who a review is about when its record names nobody: the ticket's assignee, if any */
  defaultReviewee: Actor | null;
}

export type FieldChange =
  | { kind: 'answer'; criterionId: string; change: Partial<AnswerInput> }
  | { kind: 'text'; field: 'strengths' | 'improvements'; text: string }
  | { kind: 'reviewee'; reviewee: Actor | null };

export type DraftAction =
  | { type: 'edit'; change: FieldChange }
  | { type: 'save-started' }
  | { type: 'save-stored'; record: ReviewRecord; carried: number }
  | { type: 'save-failed'; message: string; code: ErrorCode | null }
  | { type: 'submit-started' }
  | { type: 'submit-stored'; record: ReviewRecord }
  | { type: 'submit-failed'; message: string; code: ErrorCode | null }
  | { type: 'retry' }
  | { type: 'adopt'; record: ReviewRecord | null }
  | { type: 'revise' };

/**
 * The form's fields for a stored record. A record that names nobody (an unassigned ticket, or a
 * review stored before the reviewee could be chosen) starts from the default reviewee, the
 * assignee; null when there is none, and the reviewer is asked.
 */
export function fieldsOf(record: ReviewRecord | null, defaultReviewee: Actor | null = null): DraftFields {
  return {
    answers: record ? answersToInput(record) : {},
    strengths: record?.strengths ?? '',
    improvements: record?.improvements ?? '',
    reviewee: record?.reviewee ?? defaultReviewee,
  };
}

export function initialDraftState(record: ReviewRecord | null, defaultReviewee: Actor | null = null): DraftState {
  return {
    record,
    fields: fieldsOf(record, defaultReviewee),
    edits: 0,
    storedEdits: 0,
    saving: 0,
    submitting: false,
    revising: false,
    conflict: false,
    error: null,
    defaultReviewee,
  };
}

export const isReadOnly = (s: DraftState) => s.record?.status === 'submitted' && !s.revising;
export const hasUnsavedEdits = (s: DraftState) => s.edits > s.storedEdits;
/** Whether an autosave may run now: something to store, and nothing said retrying is useless. */
export const canAutosave = (s: DraftState) => hasUnsavedEdits(s) && !s.submitting && (s.error === null || s.error.retry === 'auto');

export function saveStatus(s: DraftState): SaveStatus {
  if (s.error) return 'error';
  if (s.saving > 0) return 'saving';
  if (hasUnsavedEdits(s)) return 'pending';
  return s.record ? 'saved' : 'empty';
}

/** The revision a submit would store. */
export function nextRevision(s: DraftState): number {
  if (!s.record) return 1;
  return s.record.status === 'submitted' ? s.record.revision + 1 : s.record.revision;
}

function applyChange(fields: DraftFields, change: FieldChange): DraftFields {
  if (change.kind === 'text') return { ...fields, [change.field]: change.text };
  if (change.kind === 'reviewee') return { ...fields, reviewee: change.reviewee ? { id: change.reviewee.id, name: change.reviewee.name } : null };
  const prev = answerOf(fields.answers, change.criterionId) ?? { value: null, comment: '' };
  // A copy without a prototype: criterion ids are data ("__proto__" stays an ordinary key).
  const answers = Object.assign(Object.create(null) as Record<string, AnswerInput>, fields.answers);
  answers[change.criterionId] = { ...prev, ...change.change };
  return { ...fields, answers };
}

function retryModeOf(code: ErrorCode | null): RetryMode {
  if (code && NEEDS_PERSON.has(code)) return 'manual';
  if (code && REFUSALS.has(code)) return 'never';
  return 'auto';
}

/** The form shows a stored record: nothing pending, no error, not revising. */
function adopt(s: DraftState, record: ReviewRecord | null): DraftState {
  return { ...s, record, fields: fieldsOf(record, s.defaultReviewee), storedEdits: s.edits, revising: false, conflict: false, error: null };
}

export function draftReducer(s: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'edit':
      // A submitted revision is read-only, and edits made while submitting would be lost.
      if (isReadOnly(s) || s.submitting) return s;
      return {
        ...s,
        fields: applyChange(s.fields, action.change),
        edits: s.edits + 1,
        // New content may well be accepted where the old was refused; a conflict stays until the
        // latest version is loaded.
        error: s.error?.retry === 'never' && !s.conflict ? null : s.error,
      };
    case 'save-started':
      return { ...s, saving: s.saving + 1 };
    case 'save-stored':
      return {
        ...s,
        saving: Math.max(0, s.saving - 1),
        record: action.record,
        storedEdits: Math.max(s.storedEdits, action.carried),
        error: null,
      };
    case 'save-failed': {
      const retry = retryModeOf(action.code);
      return {
        ...s,
        saving: Math.max(0, s.saving - 1),
        conflict: s.conflict || action.code === 'conflict',
        error: { message: action.message, retry },
      };
    }
    case 'submit-started':
      return { ...s, submitting: true };
    case 'submit-stored':
      return { ...adopt(s, action.record), submitting: false };
    case 'submit-failed':
      return { ...s, submitting: false, conflict: s.conflict || action.code === 'conflict', error: { message: action.message, retry: retryModeOf(action.code) } };
    case 'retry':
      // The person says the cause is fixed (disk space freed): autosave may try again.
      return s.error?.retry === 'manual' ? { ...s, error: null } : s;
    case 'adopt':
      return adopt(s, action.record);
    case 'revise':
      return s.record?.status === 'submitted' ? { ...s, revising: true } : s;
  }
}

export interface DraftContext {
  ticket: Ticket;
  reviewer: Person;
  rubric: Rubric;
  kind: ReviewKind;
}

/** What a save or submit sends for the form as it is now. */
export function draftInput(s: DraftState, ctx: DraftContext, writer: { id: string; seq: number }): ReviewDraftInput {
  const { ticket, reviewer, rubric, kind } = ctx;
  return {
    ...(s.record ? { id: s.record.id } : {}),
    kind,
    ticket: { helpdesk: ticket.helpdesk, instance: ticket.instance, id: ticket.id, url: ticket.url, channel: ticket.channel, subject: ticket.subject },
    reviewee: s.fields.reviewee,
    reviewer: { id: reviewer.id, name: reviewer.name },
    rubric: { id: rubric.id, version: rubric.version },
    answers: s.fields.answers,
    strengths: s.fields.strengths,
    improvements: s.fields.improvements,
    ...(s.record?.status === 'submitted' && s.revising ? { revise: true } : {}),
    basedOn: s.record?.updatedAt ?? null,
    writer,
  };
}
