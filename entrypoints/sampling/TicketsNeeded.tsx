import { useState } from 'react';
import { ticketsNeeded } from '@/lib/analytics/sampling';

/**
 * How many reviews per agent a sample needs before a score gap is more than noise:
 * n = ((z₁₋α/₂ + z₁₋β) · σ / δ)², 95 % confidence and 80 % power (see README → Weekly sample).
 */
export function TicketsNeeded() {
  const [gap, setGap] = useState(8);
  const [spread, setSpread] = useState(15);
  const n = ticketsNeeded({ sd: spread, gap });
  const pair = ticketsNeeded({ sd: spread, gap, twoAgents: true });
  return (
    <section className="card">
      <h2>How many tickets per agent?</h2>
      <p data-testid="tickets-needed" data-n={Number.isFinite(n) ? n : ''} data-pair={Number.isFinite(pair) ? pair : ''}>
        To tell a gap of{' '}
        <input type="number" className="inline-number" aria-label="Score gap in points" data-testid="needed-gap" min={1} max={100} value={gap} onChange={(e) => setGap(Number(e.target.value))} /> points
        apart (say 84 % from 92 %) when review scores spread ±
        <input type="number" className="inline-number" aria-label="Spread of scores in points" data-testid="needed-spread" min={1} max={100} value={spread} onChange={(e) => setSpread(Number(e.target.value))} />{' '}
        points, an agent needs <strong>{Number.isFinite(n) ? n : '—'}</strong> reviewed tickets against a target ({Number.isFinite(pair) ? pair : '—'} each to compare two
        agents), at 95 % confidence and 80 % power.
      </p>
    </section>
  );
}
