import { useMemo, useState } from 'react';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { ticketKey } from '@/lib/helpdesk/ticket-schema';
import { request } from '@/lib/messaging/client';
import { answerOf, type ReviewKind, type ReviewRecord } from '@/lib/review/record';
import { describeMissing, missingAnswers, needsComment } from '@/lib/review/completeness';
import type { Rubric } from '@/lib/rubric/schema';
import { scoreReview } from '@/lib/rubric/scoring';
import { selectRubric } from '@/lib/rubric/select';
import { BUILT_IN_RUBRIC_IDS } from '@/lib/rubric/templates/ids';
import { CriterionRow } from './CriterionRow';
import { useFreshRead, useProtocolQuery } from '@/components/query';
import { editorUrl } from '@/components/editor-link';
import { StatusView } from '@/components/StatusView';
import { formatDateTime, formatScore } from '@/components/format';
import { RevieweePicker } from './RevieweePicker';
import { useReviewDraft, type SaveStatus } from './hooks/use-review-draft';
import { useScorecardKeyboard } from './hooks/use-scorecard-keys';
import { KeyboardHelp } from './KeyboardHelp';
import { SubmittedSummary } from './SubmittedSummary';
import { QueueNextAfterSubmit } from './QueueBar';
import { CriteriaGroups } from '@/components/CriteriaGroups';

interface Props {
  ticket: Ticket;
  reviewer: Person;
  rubrics: Rubric[];
  defaultRubricId: string | null;
  kind?: ReviewKind;
  /** set while the reviewer's identity is only assumed: Submit asks them to confirm it first */
  identityCheck?: IdentityCheck | null;
  /** blind scoring: agents' names are hidden in the form (the review still records them) */
  blind?: boolean;
}

export interface IdentityCheck {
  /** e.g. "Zendesk did not confirm who is signed in." */
  reason: string;
  confirmed: boolean;
  confirm: () => void;
}

/** Chooses the rubric, loads the stored review for it and hands both to the form. */
export function Scorecard({ ticket, reviewer, rubrics, defaultRubricId, kind = 'review', identityCheck = null, blind = false }: Props) {
  const autoChoice = useMemo(() => selectRubric(rubrics, ticket, defaultRubricId, { builtInIds: BUILT_IN_RUBRIC_IDS }), [rubrics, ticket, defaultRubricId]);
  const autoPicked = autoChoice.rubric;
  const [chosenId, setChosenId] = useState<string | null>(null);
  // A ticket already reviewed keeps that review's rubric, even if tags or settings changed since.
  const inUse = useFreshRead(['reviews:rubric-in-use', ticketKey(ticket), reviewer.id, kind], () =>
    request('reviews:rubric-in-use', { helpdesk: ticket.helpdesk, instance: ticket.instance, ticketId: ticket.id, reviewerId: reviewer.id, kind }),
  );
  const preferredId = chosenId ?? inUse.data?.rubricId ?? null;
  // An archived rubric is out of the list (and never auto-picked), but the review made with it still opens with it.
  const archivedInUse = useProtocolQuery('rubrics:get', preferredId && !rubrics.some((r) => r.id === preferredId) ? { id: preferredId } : null);
  const offered = archivedInUse.data ? [...rubrics, archivedInUse.data] : rubrics;
  const preferred = offered.find((r) => r.id === preferredId);
  const latest = inUse.isPending || archivedInUse.isLoading ? null : (preferred ?? autoPicked);
  const reason = preferred
    ? chosenId
      ? { kind: 'chosen', text: 'chosen by you' }
      : { kind: 'in-use', text: 'used in your review of this ticket' }
    : { kind: autoChoice.reason, text: autoChoice.label };

  const slotKey = latest ? `${ticketKey(ticket)}|${reviewer.id}|${latest.id}|${kind}` : null;
  const session = useFreshRead(slotKey ? ['reviews:open', slotKey] : null, async () => {
    const opened = await request('reviews:open', {
      helpdesk: ticket.helpdesk,
      instance: ticket.instance,
      ticketId: ticket.id,
      reviewerId: reviewer.id,
      rubricId: latest!.id,
      kind,
    });
    // A stored review keeps the rubric version it was started with.
    const version = opened.current?.rubric.version;
    const rubric = version === undefined || version === latest!.version ? latest! : await request('rubrics:get', { id: latest!.id, version });
    return { ...opened, rubric: rubric ?? latest! };
  });

  if (inUse.isPending || archivedInUse.isLoading) return <StatusView title="Opening your review…" tone="busy" />;
  if (!latest && !rubrics.length) {
    return (
      <StatusView title="No rubric yet" tone="info">
        <p>Import a rubric in Options to start scoring.</p>
      </StatusView>
    );
  }

  return (
    <section className="scorecard" aria-label="Scorecard">
      <label className="rubric-picker">
        <span>Rubric</span>
        <select
          data-testid="rubric-select"
          data-rubric-id={session.data?.rubric.id ?? latest?.id ?? ''}
          data-rubric-version={session.data?.rubric.version ?? latest?.version ?? ''}
          value={latest?.id ?? ''}
          onChange={(e) => setChosenId(e.target.value)}
        >
          {!latest && (
            <option value="" disabled>
              Choose a rubric…
            </option>
          )}
          {offered.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} (v{r.id === session.data?.rubric.id ? session.data.rubric.version : r.version})
            </option>
          ))}
        </select>
      </label>
      <p className="rubric-reason muted" data-testid="rubric-reason" data-reason={reason.kind}>
        {reason.text}
      </p>
      {latest && (
        <a className="rubric-edit-link" href={editorUrl({ edit: latest.id })} target="_blank" rel="noopener" data-testid="rubric-edit-link">
          Edit this rubric
        </a>
      )}
      {!latest ? (
        <StatusView title="Choose a rubric for this ticket" testId="rubric-needed">
          <p>
            Every rubric in the library is meant for other tickets than this {ticket.channel} ticket{ticket.tags.length ? ` tagged ${ticket.tags.join(', ')}` : ''}. Choose the one to score it
            with above.
          </p>
        </StatusView>
      ) : session.error ? (
        <StatusView title="This review could not be opened" tone="error" testId="review-error">
          <p>{session.error.message}</p>
        </StatusView>
      ) : !session.data ? (
        <StatusView title="Opening your review…" tone="busy" />
      ) : (
        <ReviewForm
          key={`${slotKey}|${session.data.current?.id ?? 'new'}`}
          ticket={ticket}
          reviewer={reviewer}
          rubric={session.data.rubric}
          kind={kind}
          initial={session.data.current}
          identityCheck={identityCheck}
          history={session.data.history}
          blind={blind}
        />
      )}
    </section>
  );
}

const SAVE_TEXT: Record<SaveStatus, string> = {
  empty: 'Not started',
  pending: 'Editing…',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not stored yet — retrying',
};

function ReviewForm(props: {
  ticket: Ticket;
  reviewer: Person;
  rubric: Rubric;
  kind: ReviewKind;
  initial: ReviewRecord | null;
  history: ReviewRecord[];
  identityCheck: IdentityCheck | null;
  blind: boolean;
}) {
  const { rubric, identityCheck } = props;
  const draft = useReviewDraft(props);
  const [askingIdentity, setAskingIdentity] = useState(false);
  const readOnly = draft.readOnly;
  const keys = useScorecardKeyboard({
    rubric,
    answers: draft.answers,
    readOnly,
    setAnswer: draft.setAnswer,
    submit: () => {
      if (draft.busy || askingIdentity) return;
      if (identityCheck && !identityCheck.confirmed) setAskingIdentity(true);
      else void draft.submit();
    },
  });

  const result = useMemo(() => {
    const values: Record<string, number | 'na' | undefined> = {};
    for (const [id, a] of Object.entries(draft.answers)) if (a.value !== null) values[id] = a.value;
    try {
      return scoreReview(rubric, values);
    } catch {
      return null;
    }
  }, [rubric, draft.answers]);

  const answeredCount = rubric.criteria.filter((c) => (answerOf(draft.answers, c.id)?.value ?? null) !== null).length;
  const failedCritical = rubric.criteria.filter((c) => result?.autoFailedBy.includes(c.id));
  const score = result?.score ?? null;
  const missing = useMemo(() => missingAnswers(rubric, draft.answers), [rubric, draft.answers]);
  // Until every criterion is answered the score is provisional: neutral, not red or green.
  const provisional = missing.length > 0 && !readOnly;
  const scoreTone =
    failedCritical.length > 0 ? 'below-pass' : provisional ? 'provisional' : score === null || rubric.passMark === undefined ? '' : score < rubric.passMark ? 'below-pass' : 'at-pass';
  return (
    <form ref={keys.formRef} className={`review-form${readOnly ? ' read-only' : ''}`} onSubmit={(e) => e.preventDefault()} aria-busy={draft.busy}>
      <div className="score-bar">
        <div className={`score ${scoreTone}`}>
          <span className="score-label">Score</span>
          <output data-testid="review-score" data-score={score === null ? '' : String(score)} aria-live="polite">
            {formatScore(score)}
          </output>
          {rubric.passMark !== undefined && <span className="pass-mark">pass mark {rubric.passMark}%</span>}
        </div>
        <span className={`save-status save-${draft.status}`} data-testid="save-status" role="status">
          {draft.status === 'error' && draft.retry !== 'auto' ? 'Not stored' : SAVE_TEXT[draft.status]}
          {readOnly && draft.record ? ` · submitted ${formatDateTime(draft.record.submittedAt ?? draft.record.updatedAt)} · revision ${draft.record.revision}` : ''}
        </span>
        {provisional && (
          <span className="score-progress" data-testid="score-progress">
            Provisional · {answeredCount < rubric.criteria.length ? `${answeredCount} of ${rubric.criteria.length} rated` : 'a comment is missing'}
          </span>
        )}
        {failedCritical.length > 0 && (
          <p className="auto-fail" data-testid="auto-fail" role="alert" title={`${failedCritical.map((c) => c.title).join('; ')}: critical and not met, so the review scores 0.`}>
            Auto-fail: {failedCritical.map((c) => c.title).join('; ')}
          </p>
        )}
      </div>
      <div className="review-meta">
        <RevieweePicker ticket={props.ticket} blind={props.blind} reviewee={readOnly && draft.record ? draft.record.reviewee : draft.reviewee} readOnly={readOnly} onChange={draft.setReviewee} />
        <span data-testid="review-status" data-status={draft.record?.status === 'submitted' && readOnly ? 'submitted' : 'draft'} data-revision={draft.record?.status === 'submitted' && readOnly ? draft.record.revision : draft.nextRevision}>
          {draft.record?.status === 'submitted' && readOnly ? `Submitted, revision ${draft.record.revision}` : `Draft, revision ${draft.nextRevision}`}
        </span>
      </div>
      {readOnly && draft.record?.status === 'submitted' && (
        <SubmittedSummary record={draft.record} rubric={rubric} failedCritical={failedCritical.map((c) => c.title)} editRef={keys.editRef} busy={draft.busy} onEdit={draft.revise} />
      )}
      {readOnly && draft.record?.status === 'submitted' && props.kind === 'review' && <QueueNextAfterSubmit ticket={props.ticket} />}
      {draft.error && (
        <div className="form-error" role="alert">
          {draft.error}
          {draft.conflict && (
            <button type="button" data-testid="load-latest-review" onClick={() => void draft.loadLatest()}>
              Load the latest version
            </button>
          )}
          {draft.retry === 'manual' && (
            <button type="button" data-testid="retry-save" onClick={draft.retrySave}>
              Retry
            </button>
          )}
        </div>
      )}

      <CriteriaGroups rubric={rubric} sectionScores={result?.sections}>
        {(c) => (
          <CriterionRow
            key={c.id}
            criterion={c}
            answer={answerOf(draft.answers, c.id)}
            readOnly={readOnly}
            commentNeeded={needsComment(rubric, c, answerOf(draft.answers, c.id)?.value)}
            failing={result?.autoFailedBy.includes(c.id) ?? false}
            onChange={(change) => draft.setAnswer(c.id, change)}
          />
        )}
      </CriteriaGroups>

      <fieldset className="coaching">
        <label>
          <span>Strengths</span>
          <textarea value={draft.strengths} readOnly={readOnly} rows={2} onChange={(e) => draft.setText('strengths', e.target.value)} placeholder="What went well, with evidence" />
        </label>
        <label>
          <span>Development points</span>
          <textarea value={draft.improvements} readOnly={readOnly} rows={2} onChange={(e) => draft.setText('improvements', e.target.value)} placeholder="What to do differently next time" />
        </label>
      </fieldset>

      {!readOnly && (
        <div className="form-actions">
          <button type="button" className="link-button keys-hint" data-testid="keyboard-help-open" aria-keyshortcuts="?" onClick={keys.openHelp}>
            Keyboard (?)
          </button>
          {missing.length > 0 && (
            <p className="submit-missing" id="submit-missing" data-testid="submit-missing">
              {describeMissing(missing)}{' '}
              <button type="button" className="link-button" data-testid="jump-to-missing" onClick={keys.jumpToMissing}>
                {missing.length === 1 ? 'Go to it' : 'Go to the first'}
              </button>
            </p>
          )}
          <button
            type="button"
            ref={keys.submitRef}
            className="primary"
            data-testid="submit-review"
            aria-keyshortcuts="Control+Enter Meta+Enter"
            aria-describedby={missing.length > 0 ? 'submit-missing' : undefined}
            onClick={keys.trySubmit}
            disabled={draft.busy || missing.length > 0 || askingIdentity}
          >
            {draft.nextRevision > 1 ? `Submit revision ${draft.nextRevision}` : 'Submit review'}
          </button>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {keys.notice}
      </p>
      {askingIdentity && identityCheck && (
        <div className="confirm-box" data-testid="confirm-reviewer" role="alertdialog" aria-label="Confirm who is submitting">
          <p>
            Submit as <strong>{props.reviewer.name}</strong>? {identityCheck.reason}
          </p>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                setAskingIdentity(false);
                keys.focusSubmitSoon();
              }}
            >
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              data-testid="confirm-reviewer-yes"
              autoFocus
              onClick={() => {
                identityCheck.confirm();
                setAskingIdentity(false);
                void draft.submit();
              }}
            >
              Yes, I am {props.reviewer.name}
            </button>
          </div>
        </div>
      )}
      {props.history.length > 0 && (
        <p className="muted history">
          Earlier revisions:{' '}
          {props.history.map((h) => `rev ${h.revision} (${formatScore(h.score)}, ${formatDateTime(h.submittedAt ?? h.updatedAt)})`).join(' · ')}
        </p>
      )}
      <KeyboardHelp open={keys.helpOpen} onClose={keys.closeHelp} />
    </form>
  );
}
