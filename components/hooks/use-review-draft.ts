// One review being written: the reviewer's answers, autosaved (debounced) through the background,
// submitted, and reopened as a new revision. Saves are chained so they never overtake each other.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MessageError, request } from '@/lib/messaging/client';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { answerOf, answersToInput, type AnswerInput, type ReviewDraftInput, type ReviewKind, type ReviewRecord } from '@/lib/review/record';
import type { Rubric } from '@/lib/rubric/schema';

export const AUTOSAVE_DELAY_MS = 400;
const RETRY_DELAY_MS = 3_000;
/** Answers that mean "no", not "not now": retrying the same save cannot succeed. */
const REFUSALS = new Set(['already-submitted', 'conflict', 'not-found', 'bad-request', 'rubric-missing', 'forbidden', 'ScoringError']);

export type SaveStatus = 'empty' | 'pending' | 'saving' | 'saved' | 'error';

export interface DraftFields {
  answers: Record<string, AnswerInput>;
  strengths: string;
  improvements: string;
}

export interface ReviewDraft extends DraftFields {
  record: ReviewRecord | null;
  status: SaveStatus;
  error: string | null;
  busy: boolean;
  /** another window changed this review; this form's unsaved change is still shown */
  conflict: boolean;
  /** replaces the form with the stored review (after a conflict) */
  loadLatest: () => Promise<void>;
  /** submitted and not being edited: the form is read-only */
  readOnly: boolean;
  /** the revision a submit would store */
  nextRevision: number;
  setAnswer: (criterionId: string, change: Partial<AnswerInput>) => void;
  setText: (field: 'strengths' | 'improvements', text: string) => void;
  submit: () => Promise<void>;
  /** Edit on a submitted review: the next change opens a new revision, nothing is stored before */
  revise: () => void;
}

function fieldsOf(record: ReviewRecord | null): DraftFields {
  return {
    answers: record ? answersToInput(record) : {},
    strengths: record?.strengths ?? '',
    improvements: record?.improvements ?? '',
  };
}

export function useReviewDraft(opts: {
  ticket: Ticket;
  reviewer: Person;
  rubric: Rubric;
  kind: ReviewKind;
  initial: ReviewRecord | null;
}): ReviewDraft {
  const { ticket, reviewer, rubric, kind, initial } = opts;
  const [record, setRecord] = useState<ReviewRecord | null>(initial);
  const [fields, setFields] = useState<DraftFields>(() => fieldsOf(initial));
  const [status, setStatus] = useState<SaveStatus>(initial ? 'saved' : 'empty');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revising, setRevising] = useState(false);
  const [conflict, setConflict] = useState(false);

  const fieldsRef = useRef(fields);
  const recordRef = useRef(record);
  const dirtyRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const busyRef = useRef(false);
  const revisingRef = useRef(false);

  const buildInput = useCallback(
    (): ReviewDraftInput => ({
      ...(recordRef.current ? { id: recordRef.current.id } : {}),
      kind,
      ticket: {
        helpdesk: ticket.helpdesk,
        instance: ticket.instance,
        id: ticket.id,
        url: ticket.url,
        channel: ticket.channel,
        subject: ticket.subject,
      },
      reviewee: ticket.assignee ? { id: ticket.assignee.id, name: ticket.assignee.name } : null,
      reviewer: { id: reviewer.id, name: reviewer.name },
      rubric: { id: rubric.id, version: rubric.version },
      answers: fieldsRef.current.answers,
      strengths: fieldsRef.current.strengths,
      improvements: fieldsRef.current.improvements,
      ...(recordRef.current?.status === 'submitted' && revisingRef.current ? { revise: true } : {}),
      basedOn: recordRef.current?.updatedAt ?? null,
    }),
    [kind, ticket, reviewer, rubric],
  );

  const flush = useCallback((): Promise<unknown> => {
    clearTimeout(timerRef.current);
    if (!dirtyRef.current) return chainRef.current;
    dirtyRef.current = false;
    chainRef.current = chainRef.current.then(async () => {
      setStatus('saving');
      try {
        // Built here, after the previous save, so a first save's new id is reused.
        const saved = await request('reviews:save-draft', buildInput());
        recordRef.current = saved;
        setRecord(saved);
        setError(null);
        if (!dirtyRef.current) setStatus('saved');
      } catch (err) {
        setStatus('error');
        setError(err instanceof Error ? err.message : String(err));
        // A refusal (e.g. the review was submitted elsewhere) will not change by retrying.
        if (err instanceof MessageError && REFUSALS.has(err.code)) {
          if (err.code === 'conflict') setConflict(true);
          return;
        }
        dirtyRef.current = true;
        timerRef.current = setTimeout(() => void flush(), RETRY_DELAY_MS);
      }
    });
    return chainRef.current;
  }, [buildInput]);

  const change = useCallback(
    (update: (f: DraftFields) => DraftFields) => {
      // A submitted revision is read-only, and edits made while submitting would be lost.
      if ((recordRef.current?.status === 'submitted' && !revisingRef.current) || busyRef.current) return;
      fieldsRef.current = update(fieldsRef.current);
      setFields(fieldsRef.current);
      dirtyRef.current = true;
      setStatus('pending');
      clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  const setAnswer = useCallback(
    (criterionId: string, delta: Partial<AnswerInput>) =>
      change((f) => {
        const prev = answerOf(f.answers, criterionId) ?? { value: null, comment: '' };
        return { ...f, answers: { ...f.answers, [criterionId]: { ...prev, ...delta } } };
      }),
    [change],
  );

  const setText = useCallback((field: 'strengths' | 'improvements', text: string) => change((f) => ({ ...f, [field]: text })), [change]);

  /** Makes a stored record what the form shows, dropping whatever autosave was pending. */
  const adopt = useCallback((next: ReviewRecord | null) => {
    clearTimeout(timerRef.current);
    dirtyRef.current = false;
    recordRef.current = next;
    revisingRef.current = false;
    setRevising(false);
    setRecord(next);
    fieldsRef.current = fieldsOf(next);
    setFields(fieldsRef.current);
    setStatus(next ? 'saved' : 'empty');
    setError(null);
    setConflict(false);
  }, []);

  /** Runs a submit: one at a time, edits paused meanwhile, the stored result becomes the record. */
  const transition = useCallback(async (work: () => Promise<ReviewRecord>) => {
    busyRef.current = true;
    setBusy(true);
    try {
      // Whatever autosave was pending or retrying is in the submitted record now.
      adopt(await work());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, [adopt]);

  const submit = useCallback(
    () =>
      transition(async () => {
        await flush();
        return request('reviews:submit', buildInput());
      }),
    [transition, flush, buildInput],
  );

  const loadLatest = useCallback(async () => {
    const opened = await request('reviews:open', {
      helpdesk: ticket.helpdesk,
      instance: ticket.instance,
      ticketId: ticket.id,
      reviewerId: reviewer.id,
      rubricId: rubric.id,
      kind,
    });
    adopt(opened.current);
  }, [adopt, ticket, reviewer, rubric, kind]);

  const revise = useCallback(() => {
    revisingRef.current = true;
    setRevising(true);
  }, []);

  // Leaving the ticket, closing the panel or hiding it must not drop the last keystrokes.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  const readOnly = record?.status === 'submitted' && !revising;
  const nextRevision = record ? (record.status === 'submitted' ? record.revision + 1 : record.revision) : 1;
  return { ...fields, record, status, error, busy, conflict, loadLatest, readOnly, nextRevision, setAnswer, setText, submit, revise };
}
