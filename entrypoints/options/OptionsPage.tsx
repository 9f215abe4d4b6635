import { useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { HELPDESK_NAMES, HELPDESK_SITES, normalizeCustomHost, siteFor } from '@/lib/helpdesk/registry';
import type { HelpdeskName } from '@/lib/helpdesk/types';
import { MessageError, request } from '@/lib/messaging/client';
import { rubricFileSizeProblem } from '@/lib/rubric/file-size';
import { RubricError, parseRubric, type Rubric } from '@/lib/rubric/schema';
import type { SendGuardMode, Settings } from '@/lib/settings/settings';
import { useProtocolQuery, useSetProtocolData } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import { DataSection } from './DataSection';
import { RubricLibrary } from './RubricLibrary';
import { TeamStoreSection } from './TeamStoreSection';
import { takeChosenFile } from '@/components/file-input';

const STORAGE_TEXT = {
  true: 'Storage: persistent — the browser will not evict your reviews.',
  false: 'Storage: not persistent — the browser may delete your reviews when the disk runs low. The extension asks for persistent storage once your first review is saved; the browser decides.',
  null: 'Storage: unknown — this browser does not say whether it keeps your reviews when the disk runs low.',
} as const;

type ImportResult =
  | { kind: 'ok'; text: string }
  | { kind: 'error'; title: string; problems: string[] }
  // the file is an older version already in the library; `json` is kept for a deliberate rollback
  | { kind: 'older-version'; text: string; json: unknown }
  | null;

/**
 * Reads a rubric file and explains every problem with its JSON path; nothing stored changes on
 * error. `json` is the file as read, which is what the background imports (and measures).
 */
export async function readRubricFile(file: File): Promise<{ rubric: Rubric; json: unknown } | { title: string; problems: string[] }> {
  // Checked before reading, so a huge file is never loaded into the page.
  const tooLarge = rubricFileSizeProblem(file.size);
  if (tooLarge) return { title: `${file.name} is too large`, problems: [tooLarge] };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (err) {
    return { title: `${file.name} is not valid JSON`, problems: [err instanceof Error ? err.message : String(err)] };
  }
  try {
    return { rubric: parseRubric(json), json };
  } catch (err) {
    if (err instanceof RubricError) {
      return { title: `${file.name} is not a valid qa-rubric/1 file`, problems: err.problems.map((p) => `${p.path}: ${p.message}`) };
    }
    throw err;
  }
}

export function OptionsPage() {
  const settingsRead = useProtocolQuery('settings:get', {});
  const rubricsRead = useProtocolQuery('rubrics:list', {});
  const settings = settingsRead.data ?? null;
  const rubrics = rubricsRead.data ?? null;
  const loadError = (settingsRead.error ?? rubricsRead.error)?.message ?? null;
  const setProtocolData = useSetProtocolData();
  const setSettings = (next: Settings) => setProtocolData('settings:get', {}, next);
  // What the person typed; until then the stored name shows.
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const nameShown = nameDraft ?? settings?.reviewerName ?? '';
  const [nameSaved, setNameSaved] = useState(false);
  const [host, setHost] = useState('');
  const [hostHelpdesk, setHostHelpdesk] = useState<HelpdeskName>(HELPDESK_NAMES[0]);
  const [domainMessage, setDomainMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [importResult, setImportResult] = useState<ImportResult>(null);
  const storageRead = useProtocolQuery('storage:status', {});
  const persisted = storageRead.isPending ? undefined : storageRead.isError ? null : storageRead.data.persisted;

  const refreshRubrics = () => rubricsRead.refetch();

  const saveName = async () => {
    const next = await request('settings:update', { reviewerName: nameShown.trim() });
    setSettings(next);
    setNameSaved(true);
  };

  const saveSendGuard = async (sendGuard: SendGuardMode) => setSettings(await request('settings:update', { sendGuard }));
  const saveBlindScoring = async (blindScoring: boolean) => setSettings(await request('settings:update', { blindScoring }));

  const addDomain = () => {
    const normalized = normalizeCustomHost(host);
    if (!normalized) {
      setDomainMessage({ ok: false, text: `"${host}" is not a web address such as support.acme.com.` });
      return;
    }
    // permissions.request must run inside the click, before any await, or the browser refuses it.
    browser.permissions
      .request({ origins: [`https://${normalized}/*`] })
      .then(async (granted) => {
        if (!granted) {
          setDomainMessage({ ok: false, text: `Permission for ${normalized} was declined, so the extension cannot read tickets there.` });
          return;
        }
        setSettings(await request('domains:register', { host: normalized, helpdesk: hostHelpdesk }));
        setDomainMessage({ ok: true, text: `${normalized} added. Open a ticket there to score it.` });
        setHost('');
      })
      .catch((err: Error) => setDomainMessage({ ok: false, text: err.message }));
  };

  const removeDomain = async (h: string) => {
    setSettings(await request('domains:remove', { host: h }));
    setDomainMessage({ ok: true, text: `${h} removed.` });
  };

  const importJson = async (json: unknown, rollback: boolean) => {
    const newestBefore = rubrics?.find((r) => r.id === (json as { id?: unknown }).id)?.version;
    try {
      const stored = await request('rubrics:import', { rubric: json, rollback });
      await refreshRubrics();
      const text = rollback
        ? `"${stored.name}" is the newest version again, as version ${stored.version}.`
        : stored.version === newestBefore
          ? `"${stored.name}" version ${stored.version} is already the newest in the library; nothing changed.`
          : `Imported "${stored.name}" as version ${stored.version}.`;
      setImportResult({ kind: 'ok', text });
    } catch (err) {
      if (!(err instanceof MessageError && err.code === 'rubric-older-version')) throw err;
      setImportResult({ kind: 'older-version', text: err.message, json });
    }
  };

  const rollBack = (json: unknown) =>
    importJson(json, true).catch((err: Error) => setImportResult({ kind: 'error', title: 'The older version could not be made the newest', problems: [err.message] }));

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = takeChosenFile(e);
    if (!file) return;
    try {
      const read = await readRubricFile(file);
      if ('rubric' in read) {
        await importJson(read.json, false);
      } else {
        setImportResult({ kind: 'error', ...read });
      }
    } catch (err) {
      setImportResult({ kind: 'error', title: `${file.name} could not be imported`, problems: [err instanceof Error ? err.message : String(err)] });
    }
  };

  if (loadError) {
    return (
      <main className="options-page">
        <StatusView title="Options could not be loaded" tone="error">
          <p>{loadError}</p>
        </StatusView>
      </main>
    );
  }
  if (!settings || !rubrics) {
    return (
      <main className="options-page">
        <StatusView title="Loading options…" tone="busy" />
      </main>
    );
  }

  return (
    <main className="options-page" data-testid="options-page">
      <h1>QA Scorecards — Options</h1>
      <p>
        <a href="/dashboard.html" data-testid="open-dashboard">
          Open the dashboard
        </a>{' '}
        <span className="muted">— scores by agent and week, and the reviews behind them.</span>
      </p>

      <section className="card" aria-labelledby="reviewer-heading">
        <h2 id="reviewer-heading">Reviewer</h2>
        <p className="muted">Used when the helpdesk does not tell us who is signed in.</p>
        <div className="row">
          <input type="text" aria-label="Your name" placeholder="Your name" value={nameShown} onChange={(e) => (setNameDraft(e.target.value), setNameSaved(false))} onBlur={() => void saveName()} />
          <button type="button" onClick={() => void saveName()}>
            Save
          </button>
          {nameSaved && <span className="ok-text">Saved</span>}
        </div>
      </section>

      <section className="card" aria-labelledby="send-guard-heading">
        <h2 id="send-guard-heading">Check before Send</h2>
        <p className="muted">
          When an agent presses Send in the helpdesk, the reply can be checked once more. Advice (greeting, next steps, sign-off) is only ever shown in the
          panel's <em>Check my reply</em>; it never holds a Send.
        </p>
        <fieldset className="plain-fieldset" data-testid="send-guard-mode" aria-labelledby="send-guard-heading">
          {(
            [
              ['errors', 'Stop Send for errors only: unfilled placeholders, card numbers and passwords (recommended)'],
              ['off', 'Off: never stop Send'],
            ] as const
          ).map(([mode, label]) => (
            <label key={mode} className="row">
              <input type="radio" name="send-guard" value={mode} checked={settings.sendGuard === mode} onChange={() => void saveSendGuard(mode)} />
              {label}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="card" aria-labelledby="blind-heading">
        <h2 id="blind-heading">Blind scoring</h2>
        <label className="row">
          <input type="checkbox" data-testid="blind-scoring" checked={settings.blindScoring} onChange={(e) => void saveBlindScoring(e.target.checked)} />
          Hide agents' names in the panel while scoring
        </label>
        <p className="muted">
          Replies, internal notes, the assignee and the reviewed agent show as <em>Agent</em> (or <em>Agent 1</em>, <em>Agent 2</em> when several wrote),
          and full names in the messages are masked, so who wrote a reply does not sway its score. The review still records who was reviewed.
        </p>
      </section>

      <section className="card" aria-labelledby="domains-heading">
        <h2 id="domains-heading">Custom helpdesk domains</h2>
        <p className="muted">Zendesk and Freshdesk on their own addresses work out of the box. Add a custom address and the browser asks you to allow it.</p>
        <div className="row">
          <input type="text" aria-label="Helpdesk address" placeholder="support.acme.com" value={host} onChange={(e) => setHost(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addDomain()} />
          <select aria-label="Helpdesk" value={hostHelpdesk} onChange={(e) => setHostHelpdesk(e.target.value as HelpdeskName)}>
            {HELPDESK_SITES.map((s) => (
              <option key={s.name} value={s.name}>
                {s.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={addDomain}>
            Add domain
          </button>
        </div>
        {domainMessage && (
          <p className={domainMessage.ok ? 'ok-text' : 'import-error'} role="status">
            {domainMessage.text}
          </p>
        )}
        {settings.customDomains.length > 0 && (
          <ul className="plain-list">
            {settings.customDomains.map((d) => (
              <li key={d.host} data-testid="custom-domain">
                <span>
                  {d.host} · {siteFor(d.helpdesk).label}
                </span>
                <button type="button" onClick={() => void removeDomain(d.host)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="rubrics-heading">
        <h2 id="rubrics-heading">Rubric library</h2>
        <div className="row">
          <label>
            Default rubric{' '}
            <select
              value={settings.defaultRubricId ?? ''}
              onChange={async (e) => setSettings(await request('settings:update', { defaultRubricId: e.target.value || null }))}
            >
              <option value="">Automatic</option>
              {rubrics.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
          <label className="row">
            Import a <code>qa-rubric/1</code> file:
            <input type="file" accept=".json,application/json" data-testid="rubric-import" onChange={(e) => void onImport(e)} />
          </label>
        </div>
        {importResult?.kind === 'ok' && (
          <p className="ok-text" role="status">
            {importResult.text}
          </p>
        )}
        {importResult?.kind === 'older-version' && (
          <div role="alert">
            <p className="import-error" data-testid="import-error">
              {importResult.text}
            </p>
            <button type="button" data-testid="rubric-rollback" onClick={() => void rollBack(importResult.json)}>
              Make this the newest version
            </button>
          </div>
        )}
        {importResult?.kind === 'error' && (
          <div role="alert">
            <p className="import-error">{importResult.title}. Nothing was imported:</p>
            <ul className="plain-list import-error" data-testid="import-error">
              {importResult.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <RubricLibrary />
      </section>

      <section className="card" aria-labelledby="sampling-heading">
        <h2 id="sampling-heading">Weekly sample</h2>
        <p className="muted">Draw a fair, reproducible sample of each agent’s tickets for a week; it becomes your review queue in the panel.</p>
        <a href={browser.runtime.getURL('/sampling.html')} target="_blank" rel="noopener noreferrer" data-testid="open-sampling">
          Open the Sampling page
        </a>
      </section>

      <section className="card" aria-labelledby="team-store-heading">
        <h2 id="team-store-heading">Team store</h2>
        <TeamStoreSection />
      </section>

      <section className="card" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        {persisted !== undefined && (
          <p className={persisted ? 'ok-text' : 'muted'} data-testid="storage-status" data-persisted={String(persisted)}>
            {STORAGE_TEXT[String(persisted) as keyof typeof STORAGE_TEXT]}
          </p>
        )}
      </section>
      <DataSection />
    </main>
  );
}
