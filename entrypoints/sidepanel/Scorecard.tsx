import { useMemo, useState } from 'react';
import type { Person, Ticket } from '@/lib/helpdesk/types';
import { ticketKey } from '@/lib/helpdesk/ticket-schema';
import { request } from '@/lib/messaging/client';
import { answerOf, type ReviewKind, type ReviewRecord } from '@/lib/review/record';
import type { Rubric } from '@/lib/rubric/schema';
import { scoreReview } from '@/lib/rubric/scoring';
import { pickRubric } from '@/lib/rubric/select';
import { CriterionRow } from './CriterionRow';
import { useFreshRead } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import { formatDateTime, formatScore } from './format';
import { useReviewDraft, type SaveStatus } from './hooks/use-review-draft';
import { SyncStatus } from './SyncStatus';
import { QueueNextAfterSubmit } from './QueueBar';

interface Props {
  ticket: Ticket;
  reviewer: Person;
  rubrics: Rubric[];
  defaultRubricId: string | null;
  kind?: ReviewKind;
  /** set while the reviewer's identity is only assumed: Submit asks them to confirm it first */
  identityCheck?: IdentityCheck | null;
}

export interface IdentityCheck {
  /** e.g. "Zendesk did not confirm who is signed in." */
  reason: string;
  confirmed: boolean;
  confirm: () => void;
}

/** Chooses the rubric, loads the stored review for it and hands both to the form. */
export function Scorecard({ ticket, reviewer, rubrics, defaultRubricId, kind = 'review', identityCheck = null }: Props) {
  const autoPicked = useMemo(() => pickRubric(rubrics, ticket, defaultRubricId), [rubrics, ticket, defaultRubricId]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  // A ticket already reviewed keeps that review's rubric, even if tags or settings changed since.
  const inUse = useFreshRead(['reviews:rubric-in-use', ticketKey(ticket), reviewer.id, kind], () =>
    request('reviews:rubric-in-use', { helpdesk: ticket.helpdesk, instance: ticket.instance, ticketId: ticket.id, reviewerId: reviewer.id, kind }),
  );
  const preferredId = chosenId ?? inUse.data?.rubricId ?? null;
  const latest = inUse.isPending ? null : (rubrics.find((r) => r.id === preferredId) ?? autoPicked);

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

  if (inUse.isPending) return <StatusView title="Opening your review…" tone="busy" />;
  if (!latest) {
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
          data-rubric-id={session.data?.rubric.id ?? latest.id}
          data-rubric-version={session.data?.rubric.version ?? latest.version}
          value={latest.id}
          onChange={(e) => setChosenId(e.target.value)}
        >
          {rubrics.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} (v{r.version})
            </option>
          ))}
        </select>
      </label>
      {session.error ? (
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
}) {
  const { rubric, identityCheck } = props;
  const draft = useReviewDraft(props);
  const [askingIdentity, setAskingIdentity] = useState(false);
  const submit = () => {
    if (identityCheck && !identityCheck.confirmed) setAskingIdentity(true);
    else void draft.submit();
  };
  const readOnly = draft.readOnly;

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
  const sections = rubric.sections ?? [];
  const grouped = sections.length
    ? [
        ...sections.map((s) => ({ section: s, criteria: rubric.criteria.filter((c) => c.section === s.id) })),
        { section: null, criteria: rubric.criteria.filter((c) => !c.section) },
      ].filter((g) => g.criteria.length)
    : [{ section: null, criteria: rubric.criteria }];

  return (
    <form className="review-form" onSubmit={(e) => e.preventDefault()} aria-busy={draft.busy}>
      <div className="score-bar">
        <div className={`score ${score === null ? '' : rubric.passMark !== undefined && score < rubric.passMark ? 'below-pass' : 'at-pass'}`}>
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
      </div>
      <p className="review-meta muted">
        <span data-testid="reviewee" data-agent-id={props.ticket.assignee?.id ?? ''}>
          {props.ticket.assignee ? `Reviewing: ${props.ticket.assignee.name}` : 'Reviewing: unassigned ticket'}
        </span>
        {' · '}
        <span data-testid="review-status" data-status={draft.record?.status === 'submitted' && readOnly ? 'submitted' : 'draft'} data-revision={draft.record?.status === 'submitted' && readOnly ? draft.record.revision : draft.nextRevision}>
          {draft.record?.status === 'submitted' && readOnly ? `Submitted, revision ${draft.record.revision}` : `Draft, revision ${draft.nextRevision}`}
        </span>
      </p>
      {readOnly && draft.record?.status === 'submitted' && <SyncStatus reviewId={draft.record.id} revision={draft.record.revision} />}
      {readOnly && draft.record?.status === 'submitted' && props.kind === 'review' && <QueueNextAfterSubmit ticket={props.ticket} />}
      {failedCritical.length > 0 && (
        <p className="auto-fail" data-testid="auto-fail" role="alert">
          Auto-fail: {failedCritical.map((c) => c.title).join('; ')} {failedCritical.length === 1 ? 'is' : 'are'} critical and not met, so the review scores 0.
        </p>
      )}
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

      {grouped.map((group) => (
        <fieldset key={group.section?.id ?? '_'} className="criteria-group">
          {group.section && (
            <legend>
              {group.section.title}
              <span className="section-score">{formatScore(result?.sections[group.section.id] ?? null)}</span>
            </legend>
          )}
          {group.criteria.map((c) => (
            <CriterionRow key={c.id} criterion={c} answer={answerOf(draft.answers, c.id)} readOnly={readOnly} onChange={(change) => draft.setAnswer(c.id, change)} />
          ))}
        </fieldset>
      ))}

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

      <div className="form-actions">
        {readOnly ? (
          <button type="button" data-testid="edit-review" onClick={draft.revise} disabled={draft.busy}>
            Edit (new revision)
          </button>
        ) : (
          <>
            <span className="muted">
              {answeredCount} of {rubric.criteria.length} rated
            </span>
            <button type="button" className="primary" data-testid="submit-review" onClick={submit} disabled={draft.busy || answeredCount === 0 || askingIdentity}>
              {draft.nextRevision > 1 ? `Submit revision ${draft.nextRevision}` : 'Submit review'}
            </button>
          </>
        )}
      </div>
      {askingIdentity && identityCheck && (
        <div className="confirm-box" data-testid="confirm-reviewer" role="alertdialog" aria-label="Confirm who is submitting">
          <p>
            Submit as <strong>{props.reviewer.name}</strong>? {identityCheck.reason}
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setAskingIdentity(false)}>
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
    </form>
  );
}
