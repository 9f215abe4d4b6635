import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { describeLoadError, loadErrorTitle } from '@/lib/helpdesk/errors';
import { signInUrl, siteFor } from '@/lib/helpdesk/registry';
import type { Person } from '@/lib/helpdesk/types';
import type { TabState } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/settings/settings';
import { Scorecard } from './Scorecard';
import { SelfCheck } from './SelfCheck';
import { useProtocolQuery } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import { formatCountdown } from '@/components/format';
import { TicketHeader, TicketTitle } from './TicketHeader';
import { Transcript } from './Transcript';
import { QueueBar } from './QueueBar';
import { useBoundTab } from './hooks/use-bound-tab';
import { useTabState } from './hooks/use-tab-state';

function Countdown({ until }: { until: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return (
    <strong data-testid="retry-countdown" data-retry-at={until}>
      {formatCountdown(until - now)}
    </strong>
  );
}

/** The helpdesk's signed-in agent, else the name from Options, so every review has a reviewer. */
function effectiveReviewer(fromHelpdesk: Person | null, settings: Settings | undefined): Person & { fallback?: boolean } {
  if (fromHelpdesk) return fromHelpdesk;
  const name = settings?.reviewerName.trim();
  return name ? { id: `local:${name.toLowerCase()}`, name } : { id: 'local:reviewer', name: 'Reviewer', fallback: true };
}

function openOptions() {
  void browser.runtime.openOptionsPage();
}

function openDashboard() {
  void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
}

function NotReady({ state, reload }: { state: Exclude<TabState, { status: 'ready' }> | { status: 'connecting' } | { status: 'unreachable'; message: string }; reload: () => void }) {
  switch (state.status) {
    case 'connecting':
      return <StatusView title="Looking for a ticket…" tone="busy" />;
    case 'unreachable':
      return (
        <StatusView title="The extension is restarting" tone="error" testId="load-error">
          <p>{state.message}</p>
          <button type="button" onClick={() => location.reload()}>
            Reload panel
          </button>
        </StatusView>
      );
    case 'idle':
      return (
        <StatusView title="No ticket open" testId="no-ticket">
          <p>Open a ticket in Zendesk or Freshdesk and its scorecard appears here.</p>
          <p className="muted">
            Your helpdesk has its own address (like support.acme.com)?{' '}
            <button type="button" className="link-button" onClick={openOptions}>
              Add it in Options
            </button>{' '}
            so the extension may read it.
          </p>
        </StatusView>
      );
    case 'loading':
      return (
        <StatusView title={`Loading ticket #${state.ticketId}…`} tone="busy" testId="ticket-loading">
          <p className="muted">{state.loaded > 0 ? `${state.loaded} messages read from ${siteFor(state.helpdesk).label}` : `Reading from ${siteFor(state.helpdesk).label}`}</p>
        </StatusView>
      );
    case 'waiting': {
      const label = siteFor(state.helpdesk).label;
      return (
        <StatusView title={state.reason === 'rate-limited' ? `${label} asked us to slow down` : `${label} did not answer`} tone="busy" testId="load-waiting">
          <p>
            {state.reason === 'rate-limited' ? 'Rate limit reached. ' : 'Retrying with backoff. '}
            Next try in <Countdown until={state.retryAt} /> (attempt {state.attempt + 1}).{' '}
            <button type="button" data-testid="retry-now" onClick={reload}>
              Retry now
            </button>
          </p>
        </StatusView>
      );
    }
    case 'error': {
      const label = siteFor(state.helpdesk).label;
      const { error } = state;
      return (
        <StatusView title={loadErrorTitle(error, label)} tone="error" testId="load-error">
          <p>{describeLoadError(error, label, state.ticketId)}</p>
          {error.code === 'not-logged-in' && (
            <p>
              <a href={signInUrl(state.helpdesk, state.instance)} target="_blank" rel="noopener noreferrer" data-testid="sign-in-link">
                Open {label} sign-in
              </a>
            </p>
          )}
          <button type="button" onClick={reload}>
            Try again
          </button>
          {(error.detail || error.status) && (
            <details className="detail" data-testid="load-error-details">
              <summary>Details</summary>
              <p>{[error.status ? `HTTP ${error.status}` : '', error.detail ?? ''].filter(Boolean).join(' · ')}</p>
            </details>
          )}
        </StatusView>
      );
    }
  }
}

export function SidePanel() {
  const { tabId, pinned } = useBoundTab();
  const { state, reload } = useTabState(tabId);
  const [mode, setMode] = useState<PanelMode>('review');
  const ready = state.status === 'ready';
  const rubrics = useProtocolQuery('rubrics:list', ready ? {} : null);
  const settings = useProtocolQuery('settings:get', ready ? {} : null);
  // Names stay hidden until the setting is known, so a blind reviewer never glimpses one.
  const blind = mode === 'review' && (settings.data?.blindScoring ?? true);

  const popOut = () => {
    if (tabId === null) return;
    void browser.windows.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`), type: 'popup', width: 460, height: 820 });
  };

  return (
    <main className="qa-panel" data-testid="qa-panel" data-tab-id={tabId ?? ''}>
      <div className="panel-toolbar">
        <span className="brand">QA Scorecard</span>
        <span className="toolbar-actions">
          {/* Both actions need a ticket: without one there is no reply to check and nothing to read. */}
          {ready && (
            <>
              <button
                type="button"
                className="icon-button mode-toggle"
                data-testid="mode-toggle"
                data-mode={mode}
                aria-pressed={mode === 'self'}
                title={mode === 'review' ? 'Check your own reply before sending it' : 'Back to reviewing the ticket'}
                aria-label={mode === 'review' ? 'Check my reply' : 'Review ticket'}
                onClick={() => setMode((m) => (m === 'review' ? 'self' : 'review'))}
              >
                {mode === 'review' ? '✎ Check my reply' : '☑ Review ticket'}
              </button>
              <button type="button" className="icon-button" onClick={reload} title="Read the ticket again" aria-label="Reload the ticket">
                ↻ Reload
              </button>
            </>
          )}
          {!pinned && (
            <button type="button" className="icon-button" onClick={popOut} title="Open this scorecard in its own window" aria-label="Pop out" disabled={tabId === null}>
              ⧉ Pop out
            </button>
          )}
          <button type="button" className="icon-button" onClick={openDashboard} title="Dashboard: scores by agent and week" data-testid="open-dashboard" aria-label="Dashboard">
            📊
          </button>
          <button type="button" className="icon-button" onClick={openOptions} title="Options" aria-label="Options">
            ⚙
          </button>
        </span>
      </div>
      <QueueBar tabId={tabId} state={state} />
      {state.status !== 'ready' ? (
        <NotReady state={state} reload={reload} />
      ) : (
        <>
          {/* The scorecard comes first: the helpdesk beside the panel already shows the conversation. */}
          <TicketTitle ticket={state.ticket} />
          {rubrics.error || settings.error ? (
            <StatusView title="Rubrics could not be read" tone="error" testId="review-error">
              <p>{(rubrics.error ?? settings.error)?.message}</p>
              <button
                type="button"
                onClick={() => {
                  void rubrics.refetch();
                  void settings.refetch();
                }}
              >
                Try again
              </button>
            </StatusView>
          ) : !rubrics.data || !settings.data ? (
            <StatusView title="Loading rubrics…" tone="busy" />
          ) : (
            <ReviewerScorecard state={state} rubrics={rubrics.data} settings={settings.data} mode={mode} tabId={tabId} blind={blind} />
          )}
          <TicketHeader ticket={state.ticket} blind={blind} />
          <Transcript key={`${state.ticket.instance}:${state.ticket.id}`} ticket={state.ticket} helpdeskLabel={siteFor(state.ticket.helpdesk).label} blind={blind} />
        </>
      )}
    </main>
  );
}

type PanelMode = 'review' | 'self';

function ReviewerScorecard(props: {
  state: Extract<TabState, { status: 'ready' }>;
  rubrics: Parameters<typeof Scorecard>[0]['rubrics'];
  settings: Settings;
  mode: PanelMode;
  tabId: number | null;
  blind: boolean;
}) {
  const { state, rubrics, settings, mode } = props;
  const reviewer = effectiveReviewer(state.reviewer, settings);
  const label = siteFor(state.ticket.helpdesk).label;
  const assumed = state.reviewer !== null && state.reviewerSource === 'remembered';
  // Asked once per identity and instance while the panel is open.
  const [confirmedIds, setConfirmedIds] = useState<ReadonlySet<string>>(() => new Set());
  const identityKey = `${state.ticket.instance}|${reviewer.id}`;
  return (
    <>
      {mode === 'self' && <SelfCheck tabId={props.tabId} ticket={state.ticket} agent={reviewer} />}
      {assumed && (
        <p className="notice" data-testid="reviewer-assumed">
          Reviewing as {reviewer.name} — not confirmed by {label}. Reload the ticket once {label} answers, or check the name before you submit.
        </p>
      )}
      {reviewer.fallback && (
        <p className="notice">
          {label} did not tell us who you are.{' '}
          <button type="button" className="link-button" onClick={openOptions}>
            Set your reviewer name
          </button>{' '}
          so reviews carry it.
        </p>
      )}
      {/* In self-check mode the agent scores their own work: a review of kind "self". */}
      <Scorecard
        key={`${state.ticket.helpdesk}:${state.ticket.instance}:${state.ticket.id}:${mode}`}
        ticket={state.ticket}
        reviewer={reviewer}
        rubrics={rubrics}
        defaultRubricId={settings.defaultRubricId}
        kind={mode === 'self' ? 'self' : 'review'}
        blind={props.blind}
        identityCheck={
          assumed
            ? {
                reason: `${label} did not confirm who is signed in.`,
                confirmed: confirmedIds.has(identityKey),
                confirm: () => setConfirmedIds((ids) => new Set(ids).add(identityKey)),
              }
            : null
        }
      />
    </>
  );
}
