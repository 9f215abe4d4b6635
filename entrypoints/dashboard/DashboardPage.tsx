// dashboard.html (contract §12): the figures of the submitted reviews in a date range and filter,
// from the roll-ups the background keeps with every review write; the reviews behind them; and
// room for the exports and the import of reviewers' files.
import { useMemo, useReducer, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { defaultRange } from '@/lib/analytics/days';
import { request } from '@/lib/messaging/client';
import type { DashboardQuery, DashboardSummaryResponse } from '@/lib/messaging/protocol/dashboard';
import type { ReviewFilterInput } from '@/lib/analytics/filter';
import { useProtocolQuery } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import { CoverageChart, DistributionChart, HeatMap, TrendChart } from './charts';
import { dashboardReducer, queryOf, rubricKey, type DashboardAction, type DashboardState } from './dashboard-state';
import { ExportPanel } from './ExportPanel';
import { formatScore } from './format';
import { ImportPanel } from './ImportPanel';
import { ReviewTable } from './ReviewTable';

const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function initialState(): DashboardState {
  return { ...defaultRange(Date.now(), TIME_ZONE), filter: {} };
}

/** The target line: the chosen rubric's pass mark, or the one pass mark all rubrics in view share. */
function passMarkOf(summary: DashboardSummaryResponse, query: DashboardQuery): number | null {
  const inView = summary.rubrics.filter((r) => (query.filter.rubricId === undefined || r.id === query.filter.rubricId) && (query.filter.rubricVersion === undefined || r.version === query.filter.rubricVersion));
  const marks = new Set(inView.map((r) => r.passMark));
  return marks.size === 1 ? [...marks][0]! : null;
}

/**
 * The dashboard's query as the export panel takes it. "My reviews" becomes the reviewers it stands
 * for (none: a reviewer id nobody has, so the export is empty like the figures).
 */
function exportFilterOf(query: DashboardQuery, mine: readonly string[] | undefined): ReviewFilterInput {
  const f = query.filter;
  const one = (value: string | undefined) => (value === undefined ? [] : [value]);
  const chosen = one(f.reviewerId);
  const reviewerIds = f.mine ? (f.reviewerId !== undefined ? chosen.filter((id) => mine?.includes(id)) : [...(mine ?? [])]) : chosen;
  return {
    timeZone: query.timeZone,
    from: query.from,
    to: query.to,
    agentIds: one(f.agentId),
    reviewerIds: f.mine && reviewerIds.length === 0 ? [''] : reviewerIds,
    rubricIds: one(f.rubricId),
    rubricVersions: f.rubricVersion === undefined ? [] : [f.rubricVersion],
    channels: one(f.channel) as NonNullable<ReviewFilterInput['channels']>,
    kinds: one(f.kind) as NonNullable<ReviewFilterInput['kinds']>,
  };
}

function Select(props: { label: string; testId: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <label className="filter">
      <span>{props.label}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">All</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Keeps a chosen value in its list even when the range no longer has it, so the choice stays visible. */
const withChosen = (options: { value: string; label: string }[], chosen: string | undefined, label = chosen) =>
  chosen === undefined || options.some((o) => o.value === chosen) ? options : [...options, { value: chosen, label: label ?? chosen }];

function Filters({ state, dispatch, summary }: { state: DashboardState; dispatch: (a: DashboardAction) => void; summary: DashboardSummaryResponse | undefined }) {
  const o = summary?.options;
  const f = state.filter;
  const chosenRubric = f.rubricId !== undefined && f.rubricVersion !== undefined ? rubricKey(f.rubricId, f.rubricVersion) : undefined;
  const rubricName = (id: string, version: number) => `${summary?.rubrics.find((r) => r.id === id && r.version === version)?.name ?? id} v${version}`;
  return (
    <section className="card filters" aria-label="Filters">
      <label className="filter">
        <span>From</span>
        <input type="date" data-testid="filter-from" value={state.from} max={state.to || undefined} onChange={(e) => dispatch({ type: 'from', value: e.target.value })} />
      </label>
      <label className="filter">
        <span>To</span>
        <input type="date" data-testid="filter-to" value={state.to} min={state.from || undefined} onChange={(e) => dispatch({ type: 'to', value: e.target.value })} />
      </label>
      <Select
        label="Agent"
        testId="filter-agent"
        value={f.agentId ?? ''}
        onChange={(value) => dispatch({ type: 'filter', key: 'agentId', value })}
        options={withChosen((o?.agents ?? []).map((a) => ({ value: a.id, label: a.name || 'Unassigned' })), f.agentId)}
      />
      <Select
        label="Reviewer"
        testId="filter-reviewer"
        value={f.reviewerId ?? ''}
        onChange={(value) => dispatch({ type: 'filter', key: 'reviewerId', value })}
        options={withChosen((o?.reviewers ?? []).map((r) => ({ value: r.id, label: r.name })), f.reviewerId)}
      />
      <Select
        label="Rubric"
        testId="filter-rubric"
        value={chosenRubric ?? ''}
        onChange={(value) => dispatch({ type: 'rubric', value })}
        options={withChosen(
          (o?.rubrics ?? []).map((r) => ({ value: rubricKey(r.id, r.version), label: rubricName(r.id, r.version) })),
          chosenRubric,
          f.rubricId !== undefined ? rubricName(f.rubricId, f.rubricVersion ?? 0) : undefined,
        )}
      />
      <Select
        label="Channel"
        testId="filter-channel"
        value={f.channel ?? ''}
        onChange={(value) => dispatch({ type: 'filter', key: 'channel', value })}
        options={withChosen((o?.channels ?? []).map((c) => ({ value: c, label: c })), f.channel)}
      />
      <Select
        label="Kind"
        testId="filter-kind"
        value={f.kind ?? ''}
        onChange={(value) => dispatch({ type: 'filter', key: 'kind', value })}
        options={withChosen((o?.kinds ?? []).map((k) => ({ value: k, label: k })), f.kind)}
      />
      <label className="filter filter-check" title="Reviews by the reviewers who wrote reviews in this browser">
        <input type="checkbox" data-testid="filter-mine" checked={!!f.mine} onChange={(e) => dispatch({ type: 'mine', on: e.target.checked })} />
        <span>My reviews</span>
      </label>
      {Object.keys(f).length > 0 && (
        <button type="button" className="link-button" onClick={() => dispatch({ type: 'clear-filters' })}>
          Clear filters
        </button>
      )}
    </section>
  );
}

function Stat(props: { label: string; testId?: string; value: number | null; shown: string; note?: string }) {
  return (
    <div className="stat" data-testid={props.testId} data-value={props.value ?? ''}>
      <span className="stat-label">{props.label}</span>
      <strong className="stat-value">{props.shown}</strong>
      {props.note && <span className="muted stat-note">{props.note}</span>}
    </div>
  );
}

function AgentTable({ summary, dispatch }: { summary: DashboardSummaryResponse; dispatch: (a: DashboardAction) => void }) {
  return (
    <section className="card" aria-labelledby="agents-heading">
      <h2 id="agents-heading">Agents</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col" className="num">
                Reviews
              </th>
              <th scope="col" className="num">
                Average
              </th>
              <th scope="col" className="num">
                Auto-fails
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.agents.map((a) => (
              <tr key={a.id} data-testid="agent-row" data-agent-id={a.id} data-count={a.reviews} data-average={a.average ?? ''}>
                <th scope="row">
                  <button type="button" className="link-button" title={`Show only ${a.name || 'unassigned'} reviews`} onClick={() => dispatch({ type: 'filter', key: 'agentId', value: a.id })}>
                    {a.name || 'Unassigned'}
                  </button>
                </th>
                <td className="num">{a.reviews}</td>
                <td className="num">{formatScore(a.average)}</td>
                <td className="num">{a.autoFailed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RebuildButton({ timeZone }: { timeZone: string }) {
  const client = useQueryClient();
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const rebuild = async () => {
    setState({ kind: 'working' });
    try {
      const result = await request('dashboard:rebuild', { timeZone });
      setState({ kind: 'done', text: `Rebuilt from ${result.reviews} reviews.` });
      await client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('dashboard:') });
    } catch (err) {
      setState({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <p className="muted footnote">
      Figures come from totals kept with every review write, in your time zone ({timeZone}); the table reads the reviews themselves.{' '}
      <button type="button" className="link-button" data-testid="rollups-rebuild" onClick={() => void rebuild()} disabled={state.kind === 'working'}>
        {state.kind === 'working' ? 'Rebuilding…' : 'Rebuild the totals'}
      </button>{' '}
      {state.kind === 'done' && <span className="ok-text">{state.text}</span>}
      {state.kind === 'error' && <span className="import-error">{state.text}</span>}
    </p>
  );
}

function Figures({ query, summary, dispatch }: { query: DashboardQuery; summary: DashboardSummaryResponse; dispatch: (a: DashboardAction) => void }) {
  const passMark = passMarkOf(summary, query);
  const { totals } = summary;
  return (
    <>
      <section className="stats" aria-label="Totals">
        <Stat label="Reviews" testId="stat-reviews" value={totals.reviews} shown={String(totals.reviews)} note={totals.scored < totals.reviews ? `${totals.scored} with a score` : undefined} />
        <Stat label="Average score" testId="stat-average" value={totals.average} shown={formatScore(totals.average)} note={passMark !== null ? `pass mark ${passMark}%` : undefined} />
        <Stat label="Auto-fails" testId="stat-auto-fails" value={totals.autoFailed} shown={String(totals.autoFailed)} note={totals.reviews > 0 ? `${((100 * totals.autoFailed) / totals.reviews).toFixed(1)}% of reviews` : undefined} />
        <Stat label="Agents" value={summary.agents.length} shown={String(summary.agents.length)} />
      </section>
      {/* The plan of the weeks in range, also before any of it is reviewed. */}
      {summary.coverage && <CoverageChart coverage={summary.coverage} />}
      {totals.reviews === 0 ? (
        <StatusView title="No submitted reviews in this range" testId="dashboard-empty">
          <p className="muted">Pick a longer range or clear the filters. Drafts are not counted until they are submitted.</p>
        </StatusView>
      ) : (
        <>
          <div className="chart-grid">
            <TrendChart summary={summary} passMark={passMark} />
            <DistributionChart distribution={summary.distribution} />
          </div>
          <AgentTable summary={summary} dispatch={dispatch} />
          <HeatMap summary={summary} />
          <ReviewTable key={JSON.stringify(query)} query={query} total={totals.reviews} rubricNames={new Map(summary.rubrics.map((r) => [`${r.id}/${r.version}`, r.name]))} />
        </>
      )}
    </>
  );
}

export function DashboardPage() {
  const [state, dispatch] = useReducer(dashboardReducer, undefined, initialState);
  const asked = useMemo(() => queryOf(state, TIME_ZONE), [state]);
  const query = 'query' in asked ? asked.query : null;
  const read = useProtocolQuery('dashboard:summary', query);
  // The last figures stay on screen while the next ones load, so typing a date does not flash.
  const [shown, setShown] = useState<{ query: DashboardQuery; summary: DashboardSummaryResponse } | null>(null);
  if (query && read.data && shown?.summary !== read.data) setShown({ query, summary: read.data });

  return (
    <main className="dashboard-page" data-testid="dashboard" aria-busy={read.isFetching}>
      <header className="dashboard-header">
        <h1>QA Scorecards — Dashboard</h1>
        <a href="/options.html" className="muted">
          Options
        </a>
      </header>
      <Filters state={state} dispatch={dispatch} summary={shown?.summary} />
      {'problem' in asked ? (
        <StatusView title="Pick a date range" testId="dashboard-range-problem">
          <p>{asked.problem}</p>
        </StatusView>
      ) : read.error ? (
        <StatusView title="The dashboard could not be loaded" tone="error" testId="dashboard-error">
          <p>{read.error.message}</p>
          <button type="button" onClick={() => void read.refetch()}>
            Try again
          </button>
        </StatusView>
      ) : !shown ? (
        <StatusView title="Loading the dashboard…" tone="busy" testId="dashboard-loading" />
      ) : (
        <Figures query={shown.query} summary={shown.summary} dispatch={dispatch} />
      )}
      {/* The export takes what the figures on screen show (their query and its My reviews). */}
      {shown ? <ExportPanel filter={exportFilterOf(shown.query, shown.summary.mine)} /> : null}
      <ImportPanel />
      <RebuildButton timeZone={TIME_ZONE} />
    </main>
  );
}
