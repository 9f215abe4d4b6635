// The review queue in the panel: the newest weekly sample of the helpdesk in the bound tab, how
// much of it is reviewed, and "Next", which opens the next open ticket in that tab. An item ticks
// off when a review of its ticket is submitted (the background says `reviews:changed`).
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useProtocolQuery } from '@/components/query';
import type { Ticket } from '@/lib/helpdesk/types';
import { request } from '@/lib/messaging/client';
import { useBoundTab } from './hooks/use-bound-tab';
import type { PanelTabState } from './hooks/use-tab-state';

function openSamplingPage() {
  void browser.tabs.create({ url: browser.runtime.getURL('/sampling.html') });
}

/** Where the bound tab is: its helpdesk instance and ticket, as far as they are known yet. */
function locate(state: PanelTabState): { instance: string | null; ticketId: string | null } {
  if (state.status === 'ready') return { instance: state.ticket.instance, ticketId: state.ticket.id };
  if (state.status === 'loading' || state.status === 'waiting' || state.status === 'error') return { instance: state.instance, ticketId: state.ticketId };
  return { instance: null, ticketId: null };
}

function useQueue(instance: string | null, ticketId: string | null) {
  return useProtocolQuery('sampling:queue', { instance, ticketId });
}

function useOpenNext(tabId: number | null, instance: string | null, ticketId: string | null) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = () => {
    if (tabId === null) return;
    setBusy(true);
    setError(null);
    request('sampling:next', { tabId, instance, ticketId })
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return { open, busy, error };
}

export function QueueBar({ tabId, state }: { tabId: number | null; state: PanelTabState }) {
  const { instance, ticketId } = locate(state);
  const queue = useQueue(instance, ticketId);
  const next = useOpenNext(tabId, instance, ticketId);
  const q = queue.data;
  if (!q?.sample) {
    return (
      <p className="queue-bar muted">
        <button type="button" className="link-button" data-testid="open-sampling" onClick={openSamplingPage}>
          Plan a weekly sample
        </button>{' '}
        to get a review queue here.
      </p>
    );
  }
  return (
    <div className="queue-bar" data-testid="queue-bar">
      <span data-testid="queue-status" data-done={q.done} data-total={q.total} data-week={q.sample.weekId}>
        Sample {q.sample.weekId}: {q.done} of {q.total} done
      </span>
      <span className="toolbar-actions">
        <button type="button" className="icon-button" data-testid="queue-next" disabled={!q.next || tabId === null || next.busy} title={q.next ? `#${q.next.ticketId} ${q.next.subject}` : 'Nothing left to review'} onClick={next.open}>
          Next ›
        </button>
        <button type="button" className="icon-button" data-testid="open-sampling" onClick={openSamplingPage} title="The Sampling page">
          Sample…
        </button>
      </span>
      {next.error && (
        <span className="form-error" role="alert">
          {next.error}
        </span>
      )}
    </div>
  );
}

/** After Submit: the way on to the next ticket of the queue (or word that the queue is done). */
export function QueueNextAfterSubmit({ ticket }: { ticket: Ticket }) {
  const { tabId } = useBoundTab();
  const queue = useQueue(ticket.instance, ticket.id);
  const next = useOpenNext(tabId, ticket.instance, ticket.id);
  const q = queue.data;
  if (!q?.sample) return null;
  if (!q.next) {
    return (
      <p className="muted" data-testid="queue-finished">
        Every ticket of sample {q.sample.weekId} is reviewed.
      </p>
    );
  }
  return (
    <div className="form-actions">
      <button type="button" className="primary" data-testid="queue-next-after-submit" disabled={tabId === null || next.busy} onClick={next.open}>
        Next ticket in queue ›
      </button>
      {next.error && (
        <span className="form-error" role="alert">
          {next.error}
        </span>
      )}
    </div>
  );
}
