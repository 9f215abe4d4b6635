// What a submitted review came to and where it goes next, with Edit — which takes focus after
// Submit, so keyboard users land on the outcome instead of nowhere.
import type { Ref } from 'react';
import type { ReviewRecord } from '@/lib/review/record';
import type { Rubric } from '@/lib/rubric/schema';
import { formatDateTime } from '@/components/format';
import { verdictOf } from './verdict';
import { SyncStatus } from './SyncStatus';

interface Props {
  record: ReviewRecord;
  rubric: Rubric;
  /** titles of the critical criteria that failed */
  failedCritical: readonly string[];
  editRef: Ref<HTMLButtonElement>;
  busy: boolean;
  onEdit: () => void;
}

export function SubmittedSummary({ record, rubric, failedCritical, editRef, busy, onEdit }: Props) {
  const verdict = verdictOf(record, rubric, failedCritical);
  return (
    <section className="submitted-summary" data-testid="submitted-summary" aria-labelledby="submitted-summary-title">
      <h2 id="submitted-summary-title">
        Submitted
        <span className="summary-when">
          {' '}
          · revision {record.revision} · {formatDateTime(record.submittedAt ?? record.updatedAt)}
        </span>
      </h2>
      <p className={`verdict verdict-${verdict.tone}`} data-testid="submitted-verdict" data-verdict={verdict.tone}>
        {verdict.text}
      </p>
      <div className="summary-next">
        <span className="summary-label">What happens next: </span>
        <SyncStatus
          reviewId={record.id}
          revision={record.revision}
          local={<span data-testid="kept-locally">Kept in this browser only. No team store is set up (Options → Team store); a backup or export takes it elsewhere.</span>}
        />
      </div>
      <button type="button" ref={editRef} data-testid="edit-review" onClick={onEdit} disabled={busy}>
        Edit (new revision)
      </button>
    </section>
  );
}
