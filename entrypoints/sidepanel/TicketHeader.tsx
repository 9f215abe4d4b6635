import type { Ticket } from '@/lib/helpdesk/types';
import { CHANNEL_LABELS, formatMetric } from './format';

export function TicketHeader({ ticket }: { ticket: Ticket }) {
  const metrics = Object.entries(ticket.metrics ?? {});
  return (
    <header className="ticket-header">
      <div className="ticket-title-row">
        <span className="ticket-id">
          #<span data-testid="ticket-id">{ticket.id}</span>
        </span>
        <h1 data-testid="ticket-subject" title={ticket.subject}>
          {ticket.subject}
        </h1>
      </div>
      <dl className="ticket-facts">
        <div>
          <dt>Requester</dt>
          <dd>{ticket.requester.name}</dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd>{ticket.assignee?.name ?? 'Unassigned'}</dd>
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
    </header>
  );
}
