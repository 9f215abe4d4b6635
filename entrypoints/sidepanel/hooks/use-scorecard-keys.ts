// Keyboard-first scoring for one review form: the keys of scorecard-keys.ts (listened for on the
// whole panel, so S, ? and Ctrl+Enter work wherever focus is), where focus goes after each of them,
// after Submit and after Edit, and the `?` overlay's state. The form keeps the rendering.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { missingAnswers, needsComment, type MissingAnswer } from '@/lib/review/completeness';
import { answerOf, type AnswerInput } from '@/lib/review/record';
import { scaleValues, type Rubric } from '@/lib/rubric/schema';
import { commandFor, type KeyPlace, type ScorecardCommand } from '../scorecard-keys';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']);

function isTextField(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

function rowOf(el: Element | null): HTMLElement | null {
  return el?.closest<HTMLElement>('[data-testid="criterion"]') ?? null;
}

function placeOf(el: Element | null, form: HTMLElement): KeyPlace {
  if (!el || el === document.body || el === document.documentElement) return 'other';
  if (!form.contains(el)) return isTextField(el) ? 'text' : 'other';
  const row = rowOf(el);
  if (row && el instanceof HTMLButtonElement && el.closest('.rating-options')) return 'rating';
  if (row && el instanceof HTMLTextAreaElement) return 'comment';
  return isTextField(el) ? 'form-text' : 'other';
}

/** Focus lost, or still on a control of the form that is about to change (Submit, Edit, a level). */
function focusIsAdrift(form: HTMLElement | null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || (form?.contains(active) ?? false);
}

export interface ScorecardKeyboardOptions {
  rubric: Rubric;
  answers: Record<string, AnswerInput>;
  readOnly: boolean;
  setAnswer: (criterionId: string, change: Partial<AnswerInput>) => void;
  /** the form's Submit (asks for identity, etc.); the hook only calls it when the review is complete */
  submit: () => void;
}

export function useScorecardKeyboard({ rubric, answers, readOnly, setAnswer, submit }: ScorecardKeyboardOptions) {
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const helpOpener = useRef<Element | null>(null);
  const afterRender = useRef<(() => void) | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  /** read out (not shown) after a key that could not do what it says */
  const [notice, setNotice] = useState('');

  const rows = useCallback(() => Array.from(formRef.current?.querySelectorAll<HTMLElement>('[data-testid="criterion"]') ?? []), []);
  const rowFor = useCallback((id: string) => rows().find((r) => r.dataset.criterionId === id), [rows]);

  /** Focus a criterion — its Tab stop among the levels, or its comment box — and scroll it into view. */
  const focusRow = useCallback((row: HTMLElement | undefined, part: 'rating' | 'comment' = 'rating') => {
    const target = part === 'comment' ? row?.querySelector<HTMLElement>('[data-testid="criterion-comment"]') : row?.querySelector<HTMLElement>('.rating-options [tabindex="0"]');
    if (!row || !target) return false;
    target.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
    return true;
  }, []);

  const focusMissing = useCallback(
    (missing: readonly MissingAnswer[]) => {
      const first = missing[0];
      if (!first) return focusRow(rows()[0]);
      return focusRow(rowFor(first.criterionId), first.reason === 'comment-required' ? 'comment' : 'rating');
    },
    [focusRow, rowFor, rows],
  );

  /** The first criterion that still needs something (the first of all when none does). */
  const jumpToMissing = useCallback(() => focusMissing(missingAnswers(rubric, answers)), [focusMissing, rubric, answers]);

  /** Submit when complete; otherwise say what is missing and go there. */
  const trySubmit = useCallback(() => {
    const missing = missingAnswers(rubric, answers);
    if (missing.length === 0) return submit();
    setNotice(`Not submitted: ${missing.length} ${missing.length === 1 ? 'criterion needs' : 'criteria need'} an answer or a comment.`);
    focusMissing(missing);
  }, [answers, focusMissing, rubric, submit]);

  const openHelp = useCallback(() => {
    helpOpener.current = document.activeElement;
    setHelpOpen(true);
  }, []);

  const onCommand = (command: ScorecardCommand, row: HTMLElement | null, target: Element | null): boolean => {
    switch (command.type) {
      case 'help':
        openHelp();
        return true;
      case 'jump':
        if (readOnly) editRef.current?.focus();
        else jumpToMissing();
        return true;
      case 'submit':
        if (!readOnly) trySubmit();
        return true;
    }
    const criterion = rubric.criteria.find((c) => c.id === row?.dataset.criterionId);
    if (!row || !criterion || readOnly) return false;
    const all = rows();
    const index = all.indexOf(row);
    switch (command.type) {
      case 'leave-comment':
        return focusRow(row);
      case 'comment':
        return focusRow(row, 'comment');
      case 'move':
        // At the first or last criterion the key does nothing, rather than scroll the page.
        focusRow(all[index + command.by]);
        return true;
      case 'level':
      case 'level-edge': {
        const buttons = Array.from(row.querySelectorAll<HTMLButtonElement>('.rating-options button'));
        const at = buttons.indexOf(target as HTMLButtonElement);
        const to = command.type === 'level' ? Math.min(buttons.length - 1, Math.max(0, at + command.by)) : command.to === 'first' ? 0 : buttons.length - 1;
        buttons[to]?.focus();
        return true;
      }
      case 'choose':
      case 'na': {
        const value = command.type === 'na' ? (criterion.allowNa ? 'na' : undefined) : scaleValues(criterion)[command.index];
        if (value === undefined) {
          setNotice(command.type === 'na' ? `N/A is not allowed for ${criterion.title}: rate it.` : `${criterion.title} has no level ${command.index + 1}.`);
          return false;
        }
        setAnswer(criterion.id, { value });
        const given = answerOf(answers, criterion.id);
        // A rating the rubric wants explained opens its comment box instead of moving on.
        if (needsComment(rubric, criterion, value) && !(given?.comment ?? '').trim()) return focusRow(row, 'comment');
        const next = all[index + 1];
        if (next) return focusRow(next);
        // After the last criterion: Submit once it is enabled, else what is still missing.
        const after = Object.assign(Object.create(null) as Record<string, AnswerInput>, answers, { [criterion.id]: { comment: '', ...given, value } });
        const missing = missingAnswers(rubric, after);
        afterRender.current = () => {
          if (missing.length > 0) focusMissing(missing);
          else submitRef.current?.focus();
        };
        return true;
      }
    }
  };
  // Updated in the commit, so a key pressed right after the last one sees its answer.
  const latest = useRef(onCommand);
  useLayoutEffect(() => {
    latest.current = onCommand;
  });

  useEffect(() => {
    if (helpOpen) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const form = formRef.current;
      if (!form || e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const command = commandFor(e, placeOf(target, form));
      if (command && latest.current(command, rowOf(target), target)) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [helpOpen]);

  // Focus that waits for the next render (Submit is enabled only once the last answer is in).
  useLayoutEffect(() => {
    const run = afterRender.current;
    afterRender.current = null;
    run?.();
  });

  // A new form with nothing focused yet (the panel just opened a ticket): start at the first
  // criterion that needs an answer, so scoring takes no Tab presses. Focus a person put somewhere
  // else (a search box, the rubric picker) stays there.
  useEffect(() => {
    if (!readOnly && focusIsAdrift(null)) jumpToMissing();
    // Only when the form appears; later changes of `readOnly` are handled below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Submit and Edit replace the control that had focus: never leave focus on nothing.
  const wasReadOnly = useRef(readOnly);
  useEffect(() => {
    if (wasReadOnly.current === readOnly) return;
    wasReadOnly.current = readOnly;
    if (!focusIsAdrift(formRef.current)) return;
    if (readOnly) editRef.current?.focus();
    else focusMissing(missingAnswers(rubric, answers));
  }, [readOnly, rubric, answers, focusMissing]);

  /** Called once the overlay has closed (Escape or its Close button): focus goes back. */
  const closeHelp = useCallback(() => {
    setHelpOpen(false);
    const opener = helpOpener.current;
    helpOpener.current = null;
    if (opener === null) return;
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
    else jumpToMissing();
  }, [jumpToMissing]);

  /** Focus Submit once the next render has enabled it again (after a Cancel that disabled it). */
  const focusSubmitSoon = useCallback(() => {
    afterRender.current = () => submitRef.current?.focus();
  }, []);

  return { formRef, submitRef, editRef, helpOpen, openHelp, closeHelp, jumpToMissing, trySubmit, focusSubmitSoon, notice };
}
