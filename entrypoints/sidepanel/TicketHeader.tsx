import { useMemo } from 'react';
import type { Ticket } from '@/lib/helpdesk/types';
import { blindAliases } from './agents';
import { CHANNEL_LABELS, formatMetric } from '@/components/format';
import { useRememberedOpen } from './hooks/use-remembered-open';

/** The ticket's id and subject: one short line above the scorecard, so the panel says what it scores. */
export function TicketTitle({ ticket }: { ticket: Ticket }) {
  return (
    <header className="ticket-title-row">
      <span className="ticket-id">
        #<span data-testid="ticket-id">{ticket.id}</span>
      </span>
      <h1 data-testid="ticket-subject" title={ticket.subject}>
        {ticket.subject}
      </h1>
    </header>
  );
}

/** The ticket's facts and metrics, folded below the scorecard (the helpdesk beside shows them too). */
export function TicketHeader({ ticket, blind = false }: { ticket: Ticket; blind?: boolean }) {
  const metrics = Object.entries(ticket.metrics ?? {});
  const [open, setOpen] = useRememberedOpen('facts', true);
  const aliases = useMemo(() => (blind ? blindAliases(ticket) : null), [ticket, blind]);
  const assignee = ticket.assignee ? (aliases ? `${aliases.get(ticket.assignee.id) ?? 'Agent'} (hidden)` : ticket.assignee.name) : 'Unassigned';
  return (
    <details className="ticket-header panel-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="ticket-facts-section">
      <summary>Ticket details</summary>
      <dl className="ticket-facts">
        <div>
          <dt>Requester</dt>
          <dd>{ticket.requester.name}</dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{assignee}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{CHANNEL_LABELS[ticket.channel] ?? ticket.channel}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd className="ticket-status">{ticket.status}</dd>
        </div>
        {metrics.map(([key, value]) => {
          const m = formatMetric(key, value);
          return (
            <div key={key}>
              <dt>{m.label}</dt>
              <dd>{m.value}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
