// The dashboard's charts. Each canvas has a text twin (a table under "Show as a table"), so the
// figures are there for a screen reader and for copying.
import { useMemo } from 'react';
import uPlot from 'uplot';
import { DISTRIBUTION_BUCKETS } from '@/lib/analytics/rollup';
import type { DashboardSummaryResponse } from '@/lib/messaging/protocol/dashboard';
import { UPlotChart } from './UPlotChart';
import { formatScore } from './format';

const PALETTE = ['#1f6feb', '#d9480f', '#2b8a3e', '#9c36b5', '#e67700', '#0b7285', '#c2255c', '#5c7cfa'];
/** Lines beyond this many agents make the chart unreadable; the table below has everyone. */
const MAX_AGENT_LINES = 6;

const seconds = (day: string) => Date.parse(`${day}T00:00:00Z`) / 1000;

export function TrendChart({ summary, passMark }: { summary: DashboardSummaryResponse; passMark: number | null }) {
  const shown = useMemo(
    () =>
      [...summary.agents]
        .sort((a, b) => b.reviews - a.reviews || a.name.localeCompare(b.name))
        .slice(0, MAX_AGENT_LINES)
        .map((a) => ({ ...a, averages: summary.trend.find((t) => t.agentId === a.id)!.averages })),
    [summary],
  );
  const { options, data } = useMemo(() => {
    const series: uPlot.Series[] = [
      {},
      { label: 'Team', stroke: '#1f2933', width: 3, spanGaps: true, points: { show: true, size: 6 } },
      ...shown.map((a, i) => ({ label: a.name || 'Unassigned', stroke: PALETTE[i % PALETTE.length], width: 1.5, spanGaps: true, points: { show: true, size: 4 } })),
    ];
    const data: (number | null)[][] = [summary.weeks.map(seconds), summary.teamTrend, ...shown.map((a) => a.averages)];
    if (passMark !== null) {
      series.push({ label: `Target ${passMark}%`, stroke: '#c62828', width: 1.5, dash: [6, 4], points: { show: false } });
      data.push(summary.weeks.map(() => passMark));
    }
    const options: Omit<uPlot.Options, 'width'> = {
      height: 260,
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: [{ space: 60 }, { values: (_u, ticks) => ticks.map((t) => `${t}%`) }],
      series,
      legend: { live: false },
    };
    return { options, data: data as uPlot.AlignedData };
  }, [summary, shown, passMark]);

  return (
    <figure className="chart-card">
      <figcaption>
        <h2>Weekly score</h2>
        <span className="muted">
          Team and the {shown.length < summary.agents.length ? `${shown.length} agents with the most reviews` : 'agents'}, week by week (Monday to Sunday)
          {passMark !== null ? `; dashed: the pass mark` : ''}
        </span>
      </figcaption>
      <UPlotChart options={options} data={data} label={`Weekly average score of the team and ${shown.length} agents`} />
      <details>
        <summary>Show as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Team</th>
              {shown.map((a) => (
                <th scope="col" key={a.id}>
                  {a.name || 'Unassigned'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.weeks.map((w, i) => (
              <tr key={w}>
                <th scope="row">{w}</th>
                <td>{formatScore(summary.teamTrend[i] ?? null)}</td>
                {shown.map((a) => (
                  <td key={a.id}>{formatScore(a.averages[i] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const BUCKET_LABELS = Array.from({ length: DISTRIBUTION_BUCKETS }, (_, i) => `${i * 10}–${(i + 1) * 10}`);
/** On the axis only the band's start: the full labels do not fit under narrow bars. */
const AXIS_LABELS = BUCKET_LABELS.map((_, i) => String(i * 10));

export function DistributionChart({ distribution }: { distribution: number[] }) {
  const { options, data } = useMemo(() => {
    const options: Omit<uPlot.Options, 'width'> = {
      height: 200,
      scales: { x: { time: false, range: [-0.6, DISTRIBUTION_BUCKETS - 0.4] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => AXIS_LABELS[t] ?? ''), space: 20, incrs: [1] }, {}],
      series: [{}, { label: 'Reviews', fill: '#1f6feb', stroke: '#1f6feb', paths: uPlot.paths.bars!({ size: [0.8, 60] }), points: { show: false } }],
      legend: { show: false },
    };
    return { options, data: [BUCKET_LABELS.map((_, i) => i), distribution] as uPlot.AlignedData };
  }, [distribution]);
  return (
    <figure className="chart-card">
      <figcaption>
        <h2>Score distribution</h2>
        <span className="muted">Reviews per band of 10 points, by where the band starts (70: 70–80; 100 counts in 90)</span>
      </figcaption>
      <UPlotChart options={options} data={data} label={`Reviews per score band: ${BUCKET_LABELS.map((l, i) => `${l}: ${distribution[i]}`).join(', ')}`} />
    </figure>
  );
}

/** 0 → red, 100 → green, through amber. */
function heatColour(score: number): string {
  return `hsl(${Math.round((Math.max(0, Math.min(100, score)) / 100) * 120)} 70% 85%)`;
}

export function HeatMap({ summary }: { summary: DashboardSummaryResponse }) {
  const title = (rubricId: string, criterionId: string) =>
    summary.rubrics.filter((r) => r.id === rubricId).flatMap((r) => r.criteria).find((c) => c.id === criterionId)?.title ?? criterionId;
  // Rubric order where the library knows the rubric, else by id.
  const order = (rubricId: string, criterionId: string) => {
    const rubric = summary.rubrics.filter((r) => r.id === rubricId).at(-1);
    const i = rubric?.criteria.findIndex((c) => c.id === criterionId) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const columns = [...summary.heat].sort((a, b) => a.rubricId.localeCompare(b.rubricId) || order(a.rubricId, a.criterionId) - order(b.rubricId, b.criterionId));
  const several = new Set(columns.map((c) => c.rubricId)).size > 1;
  if (columns.length === 0) return null;
  return (
    <figure className="chart-card heat-card">
      <figcaption>
        <h2>Criteria by agent</h2>
        <span className="muted">Mean criterion score (0–100); N/A left out. Hover a cell for the number of answers.</span>
      </figcaption>
      <div className="table-scroll" tabIndex={0} aria-label="Criteria by agent, scrollable">
        <table className="heat-map">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              {columns.map((c) => (
                <th scope="col" key={`${c.rubricId}/${c.criterionId}`} title={`${c.rubricId} · ${c.criterionId}`}>
                  {title(c.rubricId, c.criterionId)}
                  {several && <span className="muted"> ({c.rubricId})</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.agents.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name || 'Unassigned'}</th>
                {columns.map((c) => {
                  const cell = c.cells.find((x) => x.agentId === a.id);
                  return cell ? (
                    <td key={c.criterionId + c.rubricId} style={{ background: heatColour(cell.average) }} title={`${cell.n} answers`}>
                      {Math.round(cell.average)}
                    </td>
                  ) : (
                    <td key={c.criterionId + c.rubricId} className="muted">
                      –
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

export function CoverageChart({ coverage }: { coverage: NonNullable<DashboardSummaryResponse['coverage']> }) {
  return (
    <figure className="chart-card" data-testid="sample-coverage">
      <figcaption>
        <h2>Sample plan</h2>
        <span className="muted">Sampled tickets reviewed, per agent</span>
      </figcaption>
      <ul className="coverage">
        {coverage.map((c) => (
          <li key={c.agentId} data-testid="coverage-row" data-agent-id={c.agentId} data-planned={c.planned} data-done={c.done}>
            <span>{c.name}</span>
            <progress max={Math.max(1, c.planned)} value={c.done} />
            <span>
              {c.done} of {c.planned}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
