// The team's own store: where submitted reviews go, how they are protected on the way, and how the
// delivery is doing. The auth value is write-only here: once saved it is never shown again.
import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { describePolicy } from '@/lib/export/outgoing';
import { request } from '@/lib/messaging/client';
import type { StoreStatus, StoreView } from '@/lib/messaging/protocol/team-store';
import { checkEndpoint } from '@/lib/team-store/endpoint';
import { useProtocolQuery, useSetProtocolData } from '@/components/query';

interface Form {
  endpoint: string;
  auth: string;
  batchSize: string;
  intervalMinutes: string;
  autoSync: boolean;
  redact: boolean;
  pseudonymizeAgents: boolean;
  pseudonymSecret: string;
  pull: boolean;
}

const formFrom = (view: StoreView): Form => ({
  endpoint: view.settings.endpoint ?? '',
  auth: '',
  batchSize: String(view.settings.batchSize),
  intervalMinutes: String(view.settings.intervalMinutes),
  autoSync: view.settings.autoSync,
  redact: view.settings.redact,
  pseudonymizeAgents: view.settings.pseudonymizeAgents,
  pseudonymSecret: '',
  pull: view.settings.pull,
});

function statusLine(status: StoreStatus): string {
  if (!status.configured) return `No team store set up. ${status.pending} submitted review revision(s) are kept here, ready to send once you add one.`;
  const parts = [`${status.pending} pending`, `${status.synced} synced`, `${status.failed} failed`];
  const when = status.lastSyncedAt ? ` Last delivery ${new Date(status.lastSyncedAt).toLocaleString()}.` : '';
  const running = status.running ? ' Syncing…' : '';
  return `${parts.join(' · ')}.${when}${running}`;
}

function retryLine(status: StoreStatus): string | null {
  if (!status.nextAttemptAt || status.pending === 0) return null;
  return `Next attempt ${new Date(status.nextAttemptAt).toLocaleTimeString()}.`;
}

export function TeamStoreSection() {
  const read = useProtocolQuery('store:get', {});
  const setData = useSetProtocolData();
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'sync' | 'retry' | null>(null);

  if (read.isPending) return <p className="muted">Loading the team store settings…</p>;
  if (read.isError) return <p className="import-error">The team store settings could not be read: {read.error.message}</p>;
  const view = read.data;
  const shown = form ?? formFrom(view);
  const edit = (patch: Partial<Form>) => {
    setForm({ ...shown, ...patch });
    setMessage(null);
  };
  const endpointCheck = shown.endpoint.trim() ? checkEndpoint(shown.endpoint) : null;
  const policy = describePolicy({ redact: shown.redact, pseudonymSecret: shown.pseudonymizeAgents ? 'set' : null });

  const act = async (kind: 'save' | 'sync' | 'retry', work: () => Promise<string>) => {
    setBusy(kind);
    try {
      setMessage({ ok: true, text: await work() });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    if (endpointCheck && !endpointCheck.ok) {
      setMessage({ ok: false, text: endpointCheck.message });
      return;
    }
    void act('save', async () => {
      const next = await request('store:save', {
        endpoint: shown.endpoint.trim() || null,
        ...(shown.auth.trim() ? { auth: shown.auth } : {}),
        ...(shown.pseudonymSecret.trim() ? { pseudonymSecret: shown.pseudonymSecret } : {}),
        batchSize: Math.min(500, Math.max(1, Number.parseInt(shown.batchSize, 10) || 50)),
        intervalMinutes: Math.min(1440, Math.max(1, Number.parseInt(shown.intervalMinutes, 10) || 15)),
        autoSync: shown.autoSync,
        redact: shown.redact,
        pseudonymizeAgents: shown.pseudonymizeAgents,
        pull: shown.pull,
      });
      setData('store:get', {}, next);
      setForm(null);
      return next.settings.endpoint ? 'Saved. Submitted reviews are sent to the team store.' : 'Saved. No team store: reviews stay on this machine.';
    });
  };

  const removeAuth = () =>
    void act('save', async () => {
      const next = await request('store:save', { ...view.settings, auth: null });
      setData('store:get', {}, next);
      return 'The auth header was removed.';
    });

  const syncNow = () =>
    void act('sync', async () => {
      const status = await request('store:sync-now', {});
      setData('store:get', {}, { ...view, status });
      return status.lastError && status.pending + status.failed > 0 ? status.lastError : 'Sync finished.';
    });

  const retryFailed = () =>
    void act('retry', async () => {
      const status = await request('store:retry-failed', {});
      setData('store:get', {}, { ...view, status });
      return status.failed ? (status.lastError ?? 'Some reviews were refused again.') : 'The refused reviews were sent again.';
    });

  // For a store that cannot answer CORS: the browser's permission lets the extension reach it
  // anyway. permissions.request must run inside the click, before any await.
  const allowHost = () => {
    if (!endpointCheck?.ok) return;
    browser.permissions
      .request({ origins: [`${endpointCheck.origin}/*`] })
      .then((granted) => setMessage(granted ? { ok: true, text: `Access to ${endpointCheck.origin} allowed.` } : { ok: false, text: 'Access was declined.' }))
      .catch((err: Error) => setMessage({ ok: false, text: err.message }));
  };

  const status = view.status;
  return (
    <form onSubmit={save} className="team-store">
      <p className="muted">
        Submitted reviews are queued here and sent to your team's own store (a database, a warehouse loader or a webhook) over HTTPS: in batches, retried until
        delivered, never twice. Leave the address empty to keep everything on this machine.
      </p>
      <label className="field">
        Store address
        <input
          type="url"
          data-testid="store-endpoint"
          placeholder="https://qa.acme.com/reviews"
          value={shown.endpoint}
          aria-invalid={endpointCheck ? !endpointCheck.ok : undefined}
          aria-describedby="store-endpoint-help"
          onChange={(e) => edit({ endpoint: e.target.value })}
        />
      </label>
      <p id="store-endpoint-help" className={endpointCheck && !endpointCheck.ok ? 'import-error' : 'muted'}>
        {endpointCheck && !endpointCheck.ok ? endpointCheck.message : 'https:// (or http://localhost for testing). Reviews are sent as JSON: contract §5 in the README.'}
      </p>
      <label className="field">
        Auth header value
        <input
          type="password"
          autoComplete="off"
          data-testid="store-auth"
          placeholder={view.hasAuth ? 'Saved (hidden) — type to replace' : 'e.g. Bearer 3f9c…'}
          value={shown.auth}
          onChange={(e) => edit({ auth: e.target.value })}
        />
      </label>
      <p className="muted">
        Sent as <code>Authorization</code>. Kept in the extension's storage, never shown again, never in backups or exports.{' '}
        {view.hasAuth && (
          <button type="button" className="link-button" onClick={removeAuth}>
            Remove the saved value
          </button>
        )}
      </p>
      <div className="row">
        <label className="field">
          Batch size
          <input type="number" min={1} max={500} value={shown.batchSize} onChange={(e) => edit({ batchSize: e.target.value })} />
        </label>
        <label className="field">
          Sync every (minutes)
          <input type="number" min={1} max={1440} value={shown.intervalMinutes} onChange={(e) => edit({ intervalMinutes: e.target.value })} />
        </label>
      </div>
      <label className="row">
        <input type="checkbox" checked={shown.autoSync} onChange={(e) => edit({ autoSync: e.target.checked })} /> Send each review as soon as it is submitted
      </label>
      <label className="row">
        <input type="checkbox" checked={shown.pull} onChange={(e) => edit({ pull: e.target.checked })} /> Also fetch the team's reviews (for leads: read-only copies for the
        team's figures)
      </label>
      <fieldset className="plain-fieldset">
        <legend>Data protection for this store</legend>
        <label className="row">
          <input type="checkbox" data-testid="store-redact" checked={shown.redact} onChange={(e) => edit({ redact: e.target.checked })} /> Redact e-mail addresses, phone
          numbers and card numbers (recommended)
        </label>
        <label className="row">
          <input type="checkbox" checked={shown.pseudonymizeAgents} onChange={(e) => edit({ pseudonymizeAgents: e.target.checked })} /> Replace agents' names with
          pseudonyms
        </label>
        {shown.pseudonymizeAgents && (
          <label className="field">
            Team pseudonym key {view.hasPseudonymSecret ? '(saved — type to replace)' : '(the same key on every reviewer’s machine gives the same pseudonyms)'}
            <input type="password" autoComplete="off" value={shown.pseudonymSecret} onChange={(e) => edit({ pseudonymSecret: e.target.value })} />
          </label>
        )}
        <p className="muted">What leaves this machine:</p>
        <ul className="muted" data-testid="store-policy">
          {policy.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </fieldset>
      <div className="row">
        <button type="submit" data-testid="store-save" disabled={busy !== null}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" data-testid="store-sync-now" disabled={busy !== null || !view.settings.endpoint} onClick={syncNow}>
          {busy === 'sync' ? 'Syncing…' : 'Sync now'}
        </button>
        {status.failed > 0 && (
          <button type="button" data-testid="store-retry" disabled={busy !== null} onClick={retryFailed}>
            Retry refused reviews
          </button>
        )}
        {endpointCheck?.ok && (
          <button type="button" className="link-button" onClick={allowHost} title="Only needed when the store cannot answer CORS">
            Allow direct access to {endpointCheck.origin}
          </button>
        )}
      </div>
      <p
        data-testid="store-status"
        data-pending={status.pending}
        data-synced={status.synced}
        data-failed={status.failed}
        data-running={String(status.running)}
        role="status"
        aria-live="polite"
      >
        {statusLine(status)} {retryLine(status)}
      </p>
      {status.lastError && status.pending + status.failed > 0 && (
        <p className={status.failed ? 'import-error' : 'muted'} data-testid="store-error">
          {status.lastError}
        </p>
      )}
      {view.settings.pull && (
        <p className="muted" data-testid="store-pull-status">
          {status.pulled} team review revision(s) fetched{status.lastPullAt ? `, last at ${new Date(status.lastPullAt).toLocaleString()}` : ''}.
          {status.lastPullError ? ` ${status.lastPullError}` : ''}
        </p>
      )}
      {message && (
        <p className={message.ok ? 'ok-text' : 'import-error'} role="alert">
          {message.text}
        </p>
      )}
    </form>
  );
}
