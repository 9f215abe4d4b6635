import type { SampleViewData } from '@/lib/messaging/protocol/sampling';
import { siteFor } from '@/lib/helpdesk/registry';
import { weekRangeText } from './format';

const MODE_TEXT = { uniform: 'uniform', channels: 'by channel', risk: 'risk-weighted' } as const;

/** The saved sample: per-agent counts, the seed, and each drawn ticket (with its weight and why). */
export function SampleResult({ sample }: { sample: SampleViewData }) {
  const label = siteFor(sample.helpdesk).label;
  const done = new Set(sample.done);
  const names = new Map(sample.agents.map((a) => [a.id, a.name]));
  return (
    <section
      className="card sample-result"
      data-testid="sample-result"
      data-week={sample.weekId}
      data-seed={sample.seed}
      data-mode={sample.mode}
      data-total={sample.items.length}
      data-found={sample.found}
      data-excluded={sample.excluded}
      data-rate-limited={sample.rateLimited}
      data-created-at={sample.createdAt}
    >
      <h2>
        Sample {sample.weekId} · {sample.items.length} tickets
      </h2>
      <p className="muted">
        {weekRangeText(sample.weekStart, sample.weekEnd, sample.timeZone)} ({sample.timeZone}) on {sample.instance} · seed <code data-testid="sample-result-seed">{sample.seed}</code> ·{' '}
        {sample.perAgent} per agent, {MODE_TEXT[sample.mode]} · drawn {new Date(sample.createdAt).toLocaleString()}
      </p>
      <p className="muted">
        {sample.found} solved or closed tickets in the week; {sample.excluded} already reviewed and {sample.unassigned} unassigned were left out.
        {sample.rateLimited > 0 ? ` ${label} asked us to slow down ${sample.rateLimited}× while listing; each wait was honoured.` : ''}
      </p>
      <table className="data-counts sample-agents">
        <thead>
          <tr>
            <th>Agent</th>
            <th>Tickets to draw from</th>
            <th>Drawn</th>
          </tr>
        </thead>
        <tbody>
          {sample.agents.map((a) => (
            <tr key={a.id} data-testid="sample-agent-row" data-agent-id={a.id} data-eligible={a.eligible} data-drawn={a.drawn}>
              <th scope="row">{a.name}</th>
              <td>{a.eligible}</td>
              <td>{a.drawn}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="sample-done">
        {sample.done.length} of {sample.items.length} reviewed.
      </p>
      <ol className="plain-list sample-items">
        {sample.items.map((item) => (
          <li key={item.ticketId} data-testid="sample-item" data-ticket-id={item.ticketId} data-agent-id={item.agentId} data-weight={item.weight ?? ''} data-done={done.has(item.ticketId)}>
            <span>
              {done.has(item.ticketId) ? '✓ ' : ''}
              <a href={item.url} target="_blank" rel="noopener noreferrer">
                #{item.ticketId}
              </a>{' '}
              {item.subject} <span className="muted">· {names.get(item.agentId) ?? item.agentId} · {item.channel}</span>
            </span>
            {item.weight !== undefined && (
              <span className="muted" data-testid="sample-reasons">
                weight {item.weight}
                {item.reasons?.length ? ` — ${item.reasons.join(', ')}` : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
