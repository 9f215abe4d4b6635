import { useEffect, useMemo, useReducer, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { protocolKey, useProtocolQuery } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import { weekById, weekOf } from '@/lib/analytics/weeks';
import { SAMPLE_MODES, type SampleMode } from '@/lib/analytics/sample-plan';
import { siteFor } from '@/lib/helpdesk/registry';
import { onEvent, request } from '@/lib/messaging/client';
import type { HelpdeskTabInfo } from '@/lib/messaging/protocol/sampling';
import { describeProgress, IDLE_JOB, jobReducer } from './job-state';
import { weekRangeText } from './format';
import { SampleResult } from './SampleResult';
import { TicketsNeeded } from './TicketsNeeded';

const MODE_LABELS: Record<SampleMode, string> = {
  uniform: 'Uniform: every ticket of an agent equally likely',
  channels: 'By channel: each agent’s share split over the channels they worked',
  risk: 'Risk-weighted: reopened, low-CSAT, slow-first-reply and long tickets more likely',
};

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function useSamplingJob() {
  const [job, dispatch] = useReducer(jobReducer, IDLE_JOB);
  useEffect(() => {
    const offProgress = onEvent('sampling:progress', ({ jobId, progress }) => dispatch({ type: 'progress', jobId, progress }));
    const offFinished = onEvent('sampling:finished', ({ jobId, outcome }) => dispatch({ type: 'finished', jobId, outcome }));
    return () => {
      offProgress();
      offFinished();
    };
  }, []);
  return [job, dispatch] as const;
}

export function SamplingPage() {
  const tabs = useProtocolQuery('sampling:tabs', {});
  const [tabId, setTabId] = useState<number | null>(null);
  const source = tabs.data?.find((t) => t.tabId === tabId) ?? tabs.data?.[0] ?? null;

  return (
    <main className="options-page sampling-page" data-testid="sampling">
      <h1>Weekly sample</h1>
      <p className="muted">
        A fair, reproducible sample of each agent’s solved and closed tickets for one week, read from the helpdesk with your session. The same week, tickets,
        settings and seed always give the same sample; tickets already reviewed are left out. The sample becomes your review queue in the panel.
      </p>
      {tabs.isPending ? (
        <StatusView title="Looking for helpdesk tabs…" tone="busy" />
      ) : !source ? (
        <StatusView title="Open Zendesk or Freshdesk in a tab first" testId="no-helpdesk-tab">
          <p>The week’s tickets are read through an open, signed-in helpdesk tab. Open Zendesk (or Freshdesk) in a tab, then look again.</p>
          <button type="button" data-testid="look-again" onClick={() => void tabs.refetch()}>
            Look again
          </button>
        </StatusView>
      ) : (
        <>
          <section className="card">
            <label className="field">
              Helpdesk
              <select data-testid="sample-source" value={source.tabId} onChange={(e) => setTabId(Number(e.target.value))}>
                {tabs.data!.map((t) => (
                  <option key={t.tabId} value={t.tabId}>
                    {siteFor(t.helpdesk).label} — {t.instance} ({t.title})
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="link-button" onClick={() => void tabs.refetch()}>
              Look for tabs again
            </button>
          </section>
          <SampleForm key={`${source.helpdesk}:${source.instance}`} source={source} />
        </>
      )}
      <TicketsNeeded />
    </main>
  );
}

function SampleForm({ source }: { source: HelpdeskTabInfo }) {
  const label = siteFor(source.helpdesk).label;
  const client = useQueryClient();
  const [weekId, setWeekId] = useState(() => weekOf(Date.now() - 7 * 24 * 3_600_000, timeZone).id);
  const week = useMemo(() => weekById(weekId, timeZone), [weekId]);
  const [seedText, setSeedText] = useState<string | null>(null);
  const seed = seedText ?? weekId;
  const [perAgent, setPerAgent] = useState(5);
  const [mode, setMode] = useState<SampleMode>('uniform');
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(() => new Set());
  const agents = useProtocolQuery('sampling:agents', { tabId: source.tabId, helpdesk: source.helpdesk, instance: source.instance });
  const [job, dispatch] = useSamplingJob();
  const running = job.status === 'running';

  const saved = useProtocolQuery('sampling:get', week ? { instance: source.instance, weekId: week.id } : null);
  // The job's end is also a reason to read the saved sample again, even if the broadcast was missed.
  useEffect(() => {
    if (job.status === 'done') void client.invalidateQueries({ queryKey: protocolKey('sampling:get', { instance: job.instance, weekId: job.weekId }) });
  }, [job, client]);

  const agentIds = agents.data && unchecked.size ? agents.data.filter((a) => !unchecked.has(a.id)).map((a) => a.id) : null;

  const draw = async () => {
    if (!week) return;
    const jobId = crypto.randomUUID();
    dispatch({ type: 'started', jobId });
    try {
      await request('sampling:start', {
        jobId,
        tabId: source.tabId,
        helpdesk: source.helpdesk,
        instance: source.instance,
        week: { id: week.id, start: week.start, end: week.end, timeZone },
        perAgent,
        seed,
        mode,
        agentIds,
      });
    } catch (err) {
      dispatch({ type: 'start-failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  const cancel = () => {
    if (job.status !== 'running') return;
    dispatch({ type: 'cancel-asked', jobId: job.jobId });
    void request('sampling:cancel', { jobId: job.jobId }).catch(() => undefined);
  };

  const progress = job.status === 'running' ? job.progress : null;
  const riskShare = progress?.phase === 'risk' && progress.riskTotal > 0 ? progress.riskDone / progress.riskTotal : undefined;

  return (
    <>
      <section className="card sample-form">
        <h2>Draw</h2>
        <div className="form-grid">
          <label className="field">
            Week (Monday–Sunday, {timeZone})
            <input type="week" data-testid="sample-week" value={weekId} onChange={(e) => e.target.value && (setWeekId(e.target.value), setSeedText((s) => (s === weekId ? null : s)))} />
            <span className="muted" data-testid="sample-week-range">
              {week ? weekRangeText(week.start, week.end, timeZone) : 'Not a week: write it as 2026-W49'}
            </span>
          </label>
          <label className="field">
            Tickets per agent
            <input type="number" min={1} max={500} data-testid="sample-per-agent" value={perAgent} onChange={(e) => setPerAgent(Math.max(1, Math.min(500, Math.floor(Number(e.target.value)) || 1)))} />
          </label>
          <label className="field">
            Seed
            <input type="text" data-testid="sample-seed" value={seed} onChange={(e) => setSeedText(e.target.value)} />
            <span className="muted">Anyone with the same week, settings and seed draws the same tickets.</span>
          </label>
          <label className="field">
            How to draw
            <select data-testid="sample-mode" value={mode} onChange={(e) => setMode(e.target.value as SampleMode)}>
              {SAMPLE_MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="plain-fieldset agents-fieldset">
          <legend>Agents</legend>
          {agents.isPending ? (
            <span className="muted">Reading the agents from {label}…</span>
          ) : agents.error ? (
            <span className="muted" data-testid="agents-error">
              {label} did not list its agents ({agents.error.message}); every assignee will be sampled.
            </span>
          ) : (
            <div className="agent-options">
              {agents.data!.map((a) => (
                <label key={a.id} className="row">
                  <input
                    type="checkbox"
                    data-testid="sample-agent-option"
                    data-agent-id={a.id}
                    checked={!unchecked.has(a.id)}
                    onChange={(e) =>
                      setUnchecked((set) => {
                        const next = new Set(set);
                        if (e.target.checked) next.delete(a.id);
                        else next.add(a.id);
                        return next;
                      })
                    }
                  />
                  {a.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="form-actions">
          {running ? (
            <button type="button" data-testid="sample-cancel" onClick={cancel} disabled={job.cancelling}>
              {job.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : null}
          <button type="button" className="primary" data-testid="sample-draw" onClick={() => void draw()} disabled={running || !week || !seed.trim() || agentIds?.length === 0}>
            {saved.data ? 'Draw again' : 'Draw sample'}
          </button>
        </div>
        {running && (
          <div className="sample-progress" role="status">
            <progress aria-label="Listing progress" data-testid="sample-progress" data-phase={progress?.phase ?? ''} data-pages={progress?.pages ?? 0} data-tickets={progress?.tickets ?? 0} value={riskShare} max={1} />
            <span>{describeProgress(progress, label)}</span>
            {progress?.waitingUntil && <Waiting until={progress.waitingUntil} reason={progress.waitReason} label={label} />}
          </div>
        )}
        {job.status === 'cancelled' && (
          <p className="notice" data-testid="sample-cancelled" role="status">
            Cancelled: nothing was saved{saved.data ? '; the sample below is the one drawn before' : ''}.
          </p>
        )}
        {job.status === 'failed' && (
          <p className="form-error" data-testid="sample-error" role="alert">
            {job.message}
          </p>
        )}
      </section>
      {saved.data && <SampleResult sample={saved.data} />}
    </>
  );
}

function Waiting({ until, reason, label }: { until: number; reason: string | null; label: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [until]);
  const seconds = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <span className="muted" data-testid="sample-waiting" data-reason={reason ?? ''}>
      {' '}
      · {reason === 'rate-limited' ? `${label} asked us to slow down` : `${label} did not answer`}; next try in {seconds} s
    </span>
  );
}
