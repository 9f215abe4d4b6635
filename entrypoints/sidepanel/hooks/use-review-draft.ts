// One review being written: the reviewer's answers, autosaved (debounced) through the background,
// submitted, and reopened as a new revision. The state and its transitions live in
// review-draft-state.ts; this hook runs the timers and the requests.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MessageError, request } from '@/lib/messaging/client';
import { sendUntilAnswered } from '@/lib/messaging/resend';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import type { AnswerInput, ReviewKind, ReviewRecord } from '@/lib/review/record';
import type { Rubric } from '@/lib/rubric/schema';
import {
  canAutosave,
  draftInput,
  draftReducer,
  initialDraftState,
  isReadOnly,
  nextRevision,
  saveStatus,
  type DraftAction,
  type DraftFields,
  type DraftState,
  type RetryMode,
  type SaveStatus,
} from './review-draft-state';

export type { SaveStatus } from './review-draft-state';

export const AUTOSAVE_DELAY_MS = 400;
const RETRY_DELAY_MS = 3_000;

/**
 * Saves and submits carry the form's writer id and sequence number, so the background stores each
 * once however often it arrives: one that is not answered is sent again (see resend.ts). A save
 * answers in milliseconds; one queued behind a long write (a roll-up rebuild) in seconds.
 */
const UNANSWERED = { everyMs: 5_000, attempts: 3, unanswered: () => new MessageError('no-reply', 'The extension did not answer. Nothing is lost: your changes are kept in this panel.') };
const writeOnce: typeof request = (type, data) => sendUntilAnswered(() => request(type, data), UNANSWERED);

export interface ReviewDraft extends DraftFields {
  record: ReviewRecord | null;
  status: SaveStatus;
  error: string | null;
  /** how the failed save may be retried: 'manual' shows a Retry button */
  retry: RetryMode | null;
  busy: boolean;
  conflict: boolean;
  /** replaces the form with the stored review (after a conflict) */
  loadLatest: () => Promise<void>;
  /** submitted and not being edited: the form is read-only */
  readOnly: boolean;
  /** the revision a submit would store */
  nextRevision: number;
  setAnswer: (criterionId: string, change: Partial<AnswerInput>) => void;
  setText: (field: 'strengths' | 'improvements', text: string) => void;
  /** who the review is about; null asks the reviewer to choose */
  setReviewee: (reviewee: Person | null) => void;
  submit: () => Promise<void>;
  /** Edit on a submitted review: the next change opens a new revision, nothing is stored before */
  revise: () => void;
  /** stores the pending change now (after a storage failure the person fixed) */
  retrySave: () => void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The reducer's state, also readable synchronously from callbacks (timers, pagehide). */
function useDraftStore(initial: ReviewRecord | null, defaultReviewee: Person | null) {
  const ref = useRef<DraftState | null>(null);
  if (ref.current === null) ref.current = initialDraftState(initial, defaultReviewee ? { id: defaultReviewee.id, name: defaultReviewee.name } : null);
  const [state, setState] = useState(ref.current);
  const dispatch = useCallback((action: DraftAction) => {
    ref.current = draftReducer(ref.current!, action);
    setState(ref.current);
  }, []);
  // Stable, like `dispatch`: the callbacks built on it (saveNow, and the effect that saves on
  // close) must not change with every render. A new `current` each render re-ran that effect,
  // and its cleanup sent a save on every render while one was in flight: each save's own
  // "saving" render sent the next, a storm that buried the background under load.
  const current = useCallback(() => ref.current!, []);
  return { state, current, dispatch };
}

export function useReviewDraft(opts: { ticket: Ticket; reviewer: Person; rubric: Rubric; kind: ReviewKind; initial: ReviewRecord | null }): ReviewDraft {
  const { ticket, reviewer, rubric, kind, initial } = opts;
  const { state, current, dispatch } = useDraftStore(initial, ticket.assignee);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  // One id per open form: the background lets a form overwrite its own saves (see `writer`).
  const writerRef = useRef({ id: crypto.randomUUID(), seq: 0 });
  const contextRef = useRef({ ticket, reviewer, rubric, kind });
  contextRef.current = { ticket, reviewer, rubric, kind };

  const saveNow = useCallback(async (): Promise<void> => {
    const s = current();
    if (!canAutosave(s)) return;
    const writer = { id: writerRef.current.id, seq: ++writerRef.current.seq };
    const carried = s.edits;
    dispatch({ type: 'save-started' });
    try {
      const saved = await writeOnce('reviews:save-draft', draftInput(s, contextRef.current, writer));
      dispatch({ type: 'save-stored', record: saved, carried });
    } catch (err) {
      dispatch({ type: 'save-failed', message: messageOf(err), code: err instanceof MessageError ? err.code : null });
      if (current().error?.retry === 'auto') {
        clearTimeout(timerRef.current);
        timerRef.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      }
    }
    // `flush` is declared below and stable; the retry timer only needs it by the time it fires.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current, dispatch]);

  /** Saves what is pending after the saves already queued, so they never overtake each other. */
  const flush = useCallback((): Promise<unknown> => {
    clearTimeout(timerRef.current);
    chainRef.current = chainRef.current.then(saveNow);
    return chainRef.current;
  }, [saveNow]);

  const schedule = useCallback(() => {
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  const setAnswer = useCallback(
    (criterionId: string, change: Partial<AnswerInput>) => {
      dispatch({ type: 'edit', change: { kind: 'answer', criterionId, change } });
      schedule();
    },
    [dispatch, schedule],
  );

  const setText = useCallback(
    (field: 'strengths' | 'improvements', text: string) => {
      dispatch({ type: 'edit', change: { kind: 'text', field, text } });
      schedule();
    },
    [dispatch, schedule],
  );

  const setReviewee = useCallback(
    (reviewee: Person | null) => {
      dispatch({ type: 'edit', change: { kind: 'reviewee', reviewee } });
      schedule();
    },
    [dispatch, schedule],
  );

  const submit = useCallback(async () => {
    if (current().submitting) return;
    dispatch({ type: 'submit-started' });
    try {
      // Whatever autosave was pending or retrying goes into the submitted record.
      await flush();
      const writer = { id: writerRef.current.id, seq: ++writerRef.current.seq };
      const record = await writeOnce('reviews:submit', draftInput(current(), contextRef.current, writer));
      clearTimeout(timerRef.current);
      dispatch({ type: 'submit-stored', record });
    } catch (err) {
      dispatch({ type: 'submit-failed', message: messageOf(err), code: err instanceof MessageError ? err.code : null });
    }
  }, [current, dispatch, flush]);

  const loadLatest = useCallback(async () => {
    const { ticket: t, reviewer: r, rubric: b, kind: k } = contextRef.current;
    const opened = await request('reviews:open', { helpdesk: t.helpdesk, instance: t.instance, ticketId: t.id, reviewerId: r.id, rubricId: b.id, kind: k });
    clearTimeout(timerRef.current);
    dispatch({ type: 'adopt', record: opened.current });
  }, [dispatch]);

  const revise = useCallback(() => dispatch({ type: 'revise' }), [dispatch]);

  const retrySave = useCallback(() => {
    dispatch({ type: 'retry' });
    void flush();
  }, [dispatch, flush]);

  // Leaving the ticket, closing the panel or hiding it must not drop the last keystrokes. A page
  // that is going away may never run a queued save, so the last one is sent at once, beside any
  // save still in flight; the background keeps whichever of this form's saves is newest.
  useEffect(() => {
    const saveAtOnce = () => {
      clearTimeout(timerRef.current);
      void saveNow();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && saveAtOnce();
    window.addEventListener('pagehide', saveAtOnce);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', saveAtOnce);
      document.removeEventListener('visibilitychange', onVisibility);
      saveAtOnce();
    };
  }, [saveNow]);

  return {
    ...state.fields,
    record: state.record,
    status: saveStatus(state),
    error: state.error?.message ?? null,
    retry: state.error?.retry ?? null,
    busy: state.submitting,
    conflict: state.conflict,
    loadLatest,
    readOnly: isReadOnly(state),
    nextRevision: nextRevision(state),
    setAnswer,
    setText,
    setReviewee,
    submit,
    revise,
    retrySave,
  };
}
