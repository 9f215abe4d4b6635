// Where a submitted revision stands on its way to the team store. Shown only when a store is set
// up: without one, reviews simply stay on this machine.
import { useState, type ReactNode } from 'react';
import { request } from '@/lib/messaging/client';
import { useProtocolQuery } from '@/components/query';

const TEXT = {
  pending: 'Waiting to be sent to the team store',
  synced: 'Sent to the team store',
  failed: 'The team store refused this review',
} as const;

/** `local` is shown instead once it is known that this revision is not on its way to a store. */
export function SyncStatus({ reviewId, revision, local = null }: { reviewId: string; revision: number; local?: ReactNode }) {
  const read = useProtocolQuery('store:review-state', { reviewId, revision });
  const [retrying, setRetrying] = useState(false);
  if (!read.data) return null;
  if (!read.data.configured || !read.data.state) return local;
  const { state, error } = read.data;
  const retry = () => {
    setRetrying(true);
    void request('store:retry-failed', {})
      .catch(() => undefined)
      .finally(() => setRetrying(false));
  };
  return (
    <p className="sync-status muted" data-testid="sync-status" data-state={state} role="status">
      {TEXT[state]}
      {error && state !== 'synced' ? ` — ${error}` : '.'}
      {state === 'failed' && (
        <>
          {' '}
          <button type="button" className="link-button" disabled={retrying} onClick={retry}>
            Retry
          </button>
        </>
      )}
    </p>
  );
}
