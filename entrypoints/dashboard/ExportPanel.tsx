// Exports of the dashboard's current filter (contract §11, ids in §12): reviews.csv, answers.csv,
// JSON Lines and XLSX, redacted unless the lead unticks it, with a progress bar and Cancel.
// Self-contained: the dashboard passes its filter in; this panel owns nothing else.
import { useEffect, useRef, useState } from 'react';
import { downloadBlob } from '@/components/download';
import type { ExportFormat } from '@/lib/export/writers';
import type { ReviewFilterInput } from '@/lib/messaging/protocol';
import { runExport, type ExportProgress } from './export-run';
import { plural } from '@/components/format';

const BUTTONS: { format: ExportFormat; testId: string; label: string }[] = [
  { format: 'reviews-csv', testId: 'export-csv', label: 'reviews.csv' },
  { format: 'answers-csv', testId: 'export-answers-csv', label: 'answers.csv' },
  { format: 'jsonl', testId: 'export-jsonl', label: 'JSON Lines' },
  { format: 'xlsx', testId: 'export-xlsx', label: 'Excel (XLSX)' },
];

type ExportState =
  | { step: 'idle' }
  | { step: 'running'; format: ExportFormat; progress: ExportProgress | null }
  | { step: 'done'; fileName: string; written: number; notes: string[] }
  | { step: 'cancelled' }
  | { step: 'failed'; message: string };


function describeProgress(progress: ExportProgress | null): string {
  if (!progress || progress.stored === null) return 'Starting…';
  const share = progress.stored === 0 ? 100 : Math.floor((100 * progress.read) / progress.stored);
  return `${plural(progress.done, 'review', 'reviews')} written · ${share}% of ${progress.stored.toLocaleString('en')} stored revisions read`;
}

export function ExportPanel({ filter }: { filter: ReviewFilterInput }) {
  const [redact, setRedact] = useState(true);
  const [allRevisions, setAllRevisions] = useState(filter.allRevisions ?? false);
  const [state, setState] = useState<ExportState>({ step: 'idle' });
  const running = useRef<AbortController | null>(null);

  // Leaving the page stops a running export.
  useEffect(() => () => running.current?.abort(), []);

  const start = async (format: ExportFormat) => {
    const controller = new AbortController();
    running.current = controller;
    setState({ step: 'running', format, progress: null });
    try {
      const result = await runExport(format, { ...filter, allRevisions }, redact, {
        signal: controller.signal,
        onProgress: (progress) => setState({ step: 'running', format, progress }),
      });
      downloadBlob(result.fileName, result.blob);
      const skipped = result.skipped > 0 ? [`${plural(result.skipped, 'review', 'reviews')} could not be read and were left out.`] : [];
      setState({ step: 'done', fileName: result.fileName, written: result.written, notes: [...skipped, ...result.notes] });
    } catch (err) {
      if (controller.signal.aborted) setState({ step: 'cancelled' });
      else setState({ step: 'failed', message: err instanceof Error ? err.message : String(err) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  const busy = state.step === 'running';
  return (
    <section className="card export-panel" aria-labelledby="export-heading" data-testid="export-panel">
      <h2 id="export-heading">Export</h2>
      <p className="muted">
        The submitted reviews in the filter, each at its latest submitted revision. Files open in Excel and Google Sheets; JSON Lines is the qa-review/1 format
        other tools and reviewers import.
      </p>
      <label className="row">
        <input type="checkbox" data-testid="redact-toggle" checked={redact} disabled={busy} onChange={(e) => setRedact(e.target.checked)} />
        Redact e-mail addresses, phone numbers and card numbers in subjects, comments and coaching notes
      </label>
      <label className="row">
        <input type="checkbox" data-testid="export-all-revisions" checked={allRevisions} disabled={busy} onChange={(e) => setAllRevisions(e.target.checked)} />
        Every submitted revision, not only the latest of each review
      </label>
      <div className="row export-buttons">
        {BUTTONS.map((b) => (
          <button key={b.format} type="button" data-testid={b.testId} disabled={busy} onClick={() => void start(b.format)}>
            {b.label}
          </button>
        ))}
      </div>
      {state.step === 'running' && (
        <div className="row" role="status" data-testid="export-progress" data-done={state.progress?.done ?? 0}>
          <progress max={state.progress?.stored || 1} value={state.progress?.stored ? state.progress.read : undefined} aria-label="Export progress" />
          <span>{describeProgress(state.progress)}</span>
          <button type="button" data-testid="export-cancel" onClick={() => running.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {state.step === 'done' && (
        <div role="status" data-testid="export-status" data-state="done" data-count={state.written}>
          <p className="ok-text">
            Saved {state.fileName}: {plural(state.written, 'review', 'reviews')}.
          </p>
          {state.notes.map((note) => (
            <p key={note} className="notice">
              {note}
            </p>
          ))}
        </div>
      )}
      {state.step === 'cancelled' && (
        <p role="status" data-testid="export-status" data-state="cancelled">
          Export cancelled; nothing was saved.
        </p>
      )}
      {state.step === 'failed' && (
        <p className="import-error" role="alert" data-testid="export-status" data-state="failed">
          The export failed: {state.message}
        </p>
      )}
    </section>
  );
}
