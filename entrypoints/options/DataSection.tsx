// Options → Your data: download a backup, restore one, how long reviews are kept, delete all.
import { useReducer, useRef, useState, type ChangeEvent } from 'react';
import { backupSizeProblem } from '@/lib/db/backup-file';
import { MessageError, request } from '@/lib/messaging/client';
import { RETENTION_CHOICES, type RetentionDays } from '@/lib/settings/settings';
import { downloadBlob } from '@/components/download';
import { useProtocolQuery, useSetProtocolData } from '@/components/query';
import { initialRestoreState, restoreReducer, type RestoreMode, type RestorePreview, type RestoreResult } from './restore-state';
import { takeChosenFile } from '@/components/file-input';
import { plural } from '@/components/format';

const TABLE_LABELS = {
  reviews: 'Review revisions',
  rubrics: 'Rubric versions',
  settings: 'Settings',
  outbox: 'Team-store queue entries',
} as const;
const TABLES = Object.keys(TABLE_LABELS) as (keyof typeof TABLE_LABELS)[];


/** A failure as the title and problems the page lists. */
function problemsOf(err: unknown): { title: string; problems: string[] } {
  if (err instanceof MessageError && err.problems.length > 0) return { title: err.message, problems: err.problems };
  return { title: 'That did not work. Nothing was changed.', problems: [err instanceof Error ? err.message : String(err)] };
}

function BackupDownload() {
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'saved'; fileName: string } | { kind: 'error'; text: string }>({ kind: 'idle' });
  const download = async () => {
    setState({ kind: 'working' });
    try {
      const { text, fileName } = await request('data:backup', {});
      downloadBlob(fileName, new Blob([text], { type: 'application/json' }));
      setState({ kind: 'saved', fileName });
    } catch (err) {
      setState({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div>
      <h3 id="backup-heading">Backup</h3>
      <p className="muted">
        One file with everything the extension stores in this browser: reviews and drafts with their comments, rubrics, settings and the team-store queue.
        It is <strong>not redacted</strong> — keep it somewhere safe. The team-store sign-in is not in it.
      </p>
      <div className="row">
        <button type="button" data-testid="backup-download" onClick={() => void download()} disabled={state.kind === 'working'}>
          {state.kind === 'working' ? 'Preparing backup…' : 'Download backup'}
        </button>
        {state.kind === 'saved' && (
          <span className="ok-text" role="status">
            Saved {state.fileName}
          </span>
        )}
      </div>
      {state.kind === 'error' && (
        <p className="import-error" role="alert">
          The backup could not be made: {state.text}
        </p>
      )}
    </div>
  );
}

function PreviewTable({ preview }: { preview: RestorePreview }) {
  return (
    <table className="data-counts">
      <thead>
        <tr>
          <th scope="col">Table</th>
          <th scope="col">In the file</th>
          <th scope="col">New here</th>
          <th scope="col">Already here</th>
          <th scope="col">Here now</th>
        </tr>
      </thead>
      <tbody>
        {TABLES.map((t) => (
          <tr key={t} data-table={t} data-in-file={preview.tables[t].inFile} data-new={preview.tables[t].new} data-existing={preview.tables[t].existing}>
            <th scope="row">{TABLE_LABELS[t]}</th>
            <td>{preview.tables[t].inFile}</td>
            <td>{preview.tables[t].new}</td>
            <td>{preview.tables[t].existing}</td>
            <td>{preview.tables[t].here}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describeResult(result: RestoreResult): string {
  const { reviews, rubrics, settings } = result.written;
  const what = `${plural(reviews, 'review revision', 'review revisions')}, ${plural(rubrics, 'rubric version', 'rubric versions')}, ${plural(settings, 'settings record', 'settings records')}`;
  return result.mode === 'merge' ? `Restored: added ${what}. Nothing that was here changed.` : `Restored: everything here was replaced by the backup (${what}).`;
}

function BackupRestore() {
  const [state, dispatch] = useReducer(restoreReducer, initialRestoreState);
  const files = useRef(0);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = takeChosenFile(e);
    if (!file) return;
    const ref = { file: ++files.current, fileName: file.name };
    dispatch({ type: 'file-chosen', ...ref });
    // Checked before reading, so a huge file is never loaded into the page.
    const tooLarge = backupSizeProblem(file.size);
    if (tooLarge) {
      dispatch({ type: 'refused', ...ref, title: `${file.name} is too large to restore. Nothing was changed.`, problems: [tooLarge] });
      return;
    }
    try {
      const text = await file.text();
      const preview = await request('data:restore-preview', { text });
      dispatch({ type: 'previewed', ...ref, text, preview });
    } catch (err) {
      dispatch({ type: 'refused', ...ref, ...problemsOf(err) });
    }
  };

  const confirm = async (text: string, mode: RestoreMode) => {
    dispatch({ type: 'confirm' });
    try {
      dispatch({ type: 'restored', result: await request('data:restore', { text, mode }) });
    } catch (err) {
      const { problems } = problemsOf(err);
      dispatch({ type: 'failed', title: 'The restore failed. Nothing was changed.', problems });
    }
  };

  return (
    <div>
      <h3 id="restore-heading">Restore</h3>
      <label className="row">
        Restore from a backup file:
        <input type="file" accept=".json,application/json" data-testid="backup-restore" onChange={(e) => void onFile(e)} disabled={state.step === 'restoring'} />
      </label>
      {state.step === 'checking' && (
        <p className="muted" role="status">
          Checking {state.fileName}…
        </p>
      )}
      {state.step === 'refused' && (
        <div role="alert">
          <p className="import-error">
            {state.fileName}: {state.title}
          </p>
          <ul className="plain-list import-error" data-testid="restore-error">
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {(state.step === 'preview' || state.step === 'restoring') && (
        <div className="confirm-box" data-testid="restore-preview" aria-labelledby="restore-preview-heading">
          <p id="restore-preview-heading">
            <strong>{state.fileName}</strong>, made {new Date(state.preview.createdAt).toLocaleString()}
            {state.preview.fileSchemaVersion < state.preview.schemaVersion ? ' by an older version of the extension (it is upgraded as it is restored)' : ''}.
          </p>
          <PreviewTable preview={state.preview} />
          <fieldset className="plain-fieldset" disabled={state.step === 'restoring'}>
            <legend>How to restore</legend>
            <label className="row">
              <input type="radio" name="restore-mode" value="merge" data-testid="restore-mode-merge" checked={state.mode === 'merge'} onChange={() => dispatch({ type: 'mode', mode: 'merge' })} />
              Merge: add what is missing here ({plural(state.preview.tables.reviews.new, 'review revision', 'review revisions')}); nothing here changes, and your settings stay.
            </label>
            <label className="row">
              <input type="radio" name="restore-mode" value="replace" data-testid="restore-mode-replace" checked={state.mode === 'replace'} onChange={() => dispatch({ type: 'mode', mode: 'replace' })} />
              Replace: delete everything here ({plural(state.preview.tables.reviews.here, 'review revision', 'review revisions')}) and put the backup in its place.
            </label>
          </fieldset>
          {state.preview.domainsNotRestored.length > 0 && (
            <p className="muted">
              Custom domains are not restored, because the browser must allow each one: add {state.preview.domainsNotRestored.join(', ')} again under Custom helpdesk
              domains.
            </p>
          )}
          <div className="row">
            <button type="button" className="primary" data-testid="restore-confirm" onClick={() => void confirm(state.text, state.mode)} disabled={state.step === 'restoring'}>
              {state.step === 'restoring' ? 'Restoring…' : state.mode === 'merge' ? 'Restore (merge)' : 'Replace everything'}
            </button>
            <button type="button" onClick={() => dispatch({ type: 'cancel' })} disabled={state.step === 'restoring'}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'restored' && (
        <p className="ok-text" role="status" data-testid="restore-done">
          {describeResult(state.result)}
        </p>
      )}
    </div>
  );
}

function Retention() {
  const settingsRead = useProtocolQuery('settings:get', {});
  const statusRead = useProtocolQuery('data:retention-status', {});
  const setProtocolData = useSetProtocolData();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const days = settingsRead.data?.retentionDays;

  const choose = async (value: RetentionDays) => {
    setConfirming(false);
    setMessage(null);
    try {
      setProtocolData('settings:get', {}, await request('settings:update', { retentionDays: value }));
      await statusRead.refetch();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };

  const purgeAll = async () => {
    setConfirming(false);
    try {
      const { purged } = await request('data:purge-expired', { includeUnsynced: true });
      setMessage({ ok: true, text: `Deleted ${plural(purged, 'review', 'reviews')}.` });
      await statusRead.refetch();
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };

  const status = statusRead.data;
  return (
    <div>
      <h3 id="retention-heading">Keep reviews</h3>
      <div className="row">
        <label>
          Delete reviews older than{' '}
          <select
            data-testid="retention-days"
            value={days === undefined || days === null ? '' : String(days)}
            disabled={days === undefined}
            onChange={(e) => void choose(e.target.value === '' ? null : (Number(e.target.value) as RetentionDays))}
          >
            <option value="">Keep until I delete them</option>
            {RETENTION_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      </div>
      {statusRead.isPending && <p className="muted">Checking how old your reviews are…</p>}
      {statusRead.isError && (
        <p className="import-error" role="alert">
          {statusRead.error.message}
        </p>
      )}
      {status && (
        <div data-testid="retention-status" data-days={status.days ?? ''} data-expired={status.expired} data-kept-unsynced={status.keptUnsynced}>
          <p className="muted">
            {status.days === null
              ? 'Reviews are kept until you delete them.'
              : `Once a day, reviews are deleted ${status.days} days after they were submitted (drafts: after their last change), with every revision. Copies from your team and imported reviews too.`}
            {status.expired > 0 && ` ${plural(status.expired, 'review is', 'reviews are')} older than that and will be deleted at the next daily check.`}
          </p>
          {status.keptUnsynced > 0 && !confirming && (
            <p className="notice">
              {plural(status.keptUnsynced, 'review', 'reviews')} older than that {status.keptUnsynced === 1 ? 'is' : 'are'} not yet sent to a team store and{' '}
              {status.keptUnsynced === 1 ? 'is' : 'are'} kept.{' '}
              <button type="button" data-testid="retention-delete-unsynced" onClick={() => setConfirming(true)}>
                Delete them too
              </button>
            </p>
          )}
          {status.keptUnsynced > 0 && confirming && (
            <div className="confirm-box" role="group" aria-label="Confirm deletion">
              <p>
                Delete {plural(status.expired + status.keptUnsynced, 'review', 'reviews')} older than {status.days} days now, including{' '}
                {status.keptUnsynced} not yet sent to the team store? They will be gone from this browser and will never reach the team store. This cannot be undone.
              </p>
              <div className="row">
                <button type="button" className="primary" data-testid="retention-confirm" onClick={() => void purgeAll()}>
                  Delete them
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      {message && (
        <p className={message.ok ? 'ok-text' : 'import-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

const DELETE_WORD = 'DELETE';

function DeleteAll() {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'working' | 'done' } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const deleteAll = async () => {
    setState({ kind: 'working' });
    try {
      await request('data:delete-all', { confirm: DELETE_WORD });
      setTyped('');
      setState({ kind: 'done' });
    } catch (err) {
      setState({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div>
      <h3 id="delete-heading">Delete all data</h3>
      <p className="muted">
        Deletes every review and draft, the rubrics you imported, your settings and custom domains, and the team-store sign-in from this browser. Nothing already
        in a team store or in files you saved is touched. The built-in rubric is put back so the panel keeps working. Download a backup first if you may need
        any of it.
      </p>
      <div className="row">
        <label htmlFor="delete-confirm">Type {DELETE_WORD} to confirm:</label>
        <input
          id="delete-confirm"
          type="text"
          data-testid="delete-confirm"
          autoComplete="off"
          value={typed}
          onChange={(e) => (setTyped(e.target.value), state.kind !== 'working' && setState({ kind: 'idle' }))}
        />
        <button type="button" data-testid="delete-all" disabled={typed !== DELETE_WORD || state.kind === 'working'} onClick={() => void deleteAll()}>
          {state.kind === 'working' ? 'Deleting…' : 'Delete all data'}
        </button>
      </div>
      {state.kind === 'done' && (
        <p className="ok-text" role="status" data-testid="delete-all-done">
          All data was deleted from this browser. Open panels start empty once they reload.
        </p>
      )}
      {state.kind === 'error' && (
        <p className="import-error" role="alert">
          {state.text}
        </p>
      )}
    </div>
  );
}

export function DataSection() {
  return (
    <section className="card data-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <BackupDownload />
      <BackupRestore />
      <Retention />
      <DeleteAll />
    </section>
  );
}
