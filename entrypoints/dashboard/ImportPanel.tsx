// Merging reviewers' files (contract §12): a qa-review/1 JSON Lines file is added to this
// browser's reviews as read-only copies. A revision already here is a duplicate and changes
// nothing; a bad line is reported with its number and skipped. The background says
// `reviews:changed` after an import, so the dashboard's figures follow on their own.
import { useRef, useState, type ChangeEvent } from 'react';
import { request } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { importSizeProblem } from '@/lib/review/import';
import { takeChosenFile } from '@/components/file-input';
import { plural } from '@/components/format';

type ImportReport = ResponseOf<'imports:reviews'>;

type ImportState =
  | { step: 'idle' }
  | { step: 'importing'; fileName: string }
  | { step: 'imported'; fileName: string; report: ImportReport }
  | { step: 'failed'; fileName: string; message: string };


export function ImportPanel() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const files = useRef(0);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = takeChosenFile(e);
    if (!file) return;
    const turn = ++files.current;
    const fileName = file.name;
    // Checked before reading, so a huge file is never loaded into the page.
    const tooLarge = importSizeProblem(file.size);
    if (tooLarge) {
      setState({ step: 'failed', fileName, message: `${tooLarge} Nothing was imported.` });
      return;
    }
    setState({ step: 'importing', fileName });
    try {
      const report = await request('imports:reviews', { text: await file.text() });
      if (turn !== files.current) return;
      setState({ step: 'imported', fileName, report });
    } catch (err) {
      if (turn !== files.current) return;
      setState({ step: 'failed', fileName, message: `${err instanceof Error ? err.message : String(err)} Nothing was imported.` });
    }
  };

  return (
    <section className="card import-panel" aria-labelledby="import-heading" data-testid="import-panel">
      <h2 id="import-heading">Merge reviewers' files</h2>
      <p className="muted">
        Add the reviews in a qa-review/1 JSON Lines file (a reviewer's JSON Lines export) to the figures here. They are kept as read-only copies under their
        reviewer. Reviews already here are left as they are; drafts and damaged lines are skipped and listed.
      </p>
      <label className="row">
        JSON Lines file:
        <input
          type="file"
          accept=".jsonl,.ndjson,.json,.txt,application/jsonl,application/x-ndjson,text/plain"
          data-testid="import-reviews"
          disabled={state.step === 'importing'}
          onChange={(e) => void onFile(e)}
        />
      </label>
      {state.step === 'importing' && (
        <p className="muted" role="status">
          Importing {state.fileName}…
        </p>
      )}
      {state.step === 'imported' && (
        <div
          role="status"
          data-testid="import-report"
          data-added={state.report.added}
          data-duplicates={state.report.duplicates}
          data-invalid={state.report.invalid}
        >
          <p className={state.report.invalid > 0 ? undefined : 'ok-text'}>
            {state.fileName}: added {plural(state.report.added, 'review revision', 'review revisions')}; {plural(state.report.duplicates, 'duplicate', 'duplicates')}{' '}
            (already here, unchanged); {plural(state.report.invalid, 'invalid line', 'invalid lines')} skipped.
          </p>
          {state.report.problems.length > 0 && (
            <ul className="plain-list import-error" data-testid="import-invalid-lines">
              {state.report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.step === 'failed' && (
        <p className="import-error" role="alert" data-testid="import-error">
          {state.fileName}: {state.message}
        </p>
      )}
    </section>
  );
}
