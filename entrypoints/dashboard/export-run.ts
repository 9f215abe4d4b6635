// One export, start to download: the background reads the filter's reviews page by page, the
// page writes each page into the file at once and keeps it as Blob parts (the browser keeps blob
// data outside the page's heap), and the finished Blob is downloaded through an object URL.
// The next page is asked for while the current one is written, so reading and writing overlap.
import { criterionColumns } from '@/lib/export/csv';
import { createExportWriter, EXPORT_FILES, type ExportFormat } from '@/lib/export/writers';
import { request } from '@/lib/messaging/client';
import type { ReviewFilterInput, ResponseOf } from '@/lib/messaging/protocol';

export interface ExportProgress {
  /** reviews written so far */
  done: number;
  /** reviews the export will hold */
  total: number;
}

export interface ExportResult {
  fileName: string;
  blob: Blob;
  written: number;
  skipped: number;
  notes: string[];
}

/** Binary chunks are gathered up to about this many bytes before they become one Blob part. */
const BLOB_PART_BYTES = 1 << 20;

class BlobParts {
  private parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  add(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.flush();
      this.parts.push(new Blob([chunk]));
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= BLOB_PART_BYTES) this.flush();
  }

  finish(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** How the export asks the background (tests hand in their own). */
export interface ExportReader {
  plan: (filter: ReviewFilterInput) => Promise<ResponseOf<'exports:plan'>>;
  page: (filter: ReviewFilterInput, after: string | null) => Promise<ResponseOf<'exports:page'>>;
}

const backgroundReader: ExportReader = {
  plan: (filter) => request('exports:plan', { filter }),
  page: (filter, after) => request('exports:page', { filter, after }),
};

export async function runExport(
  format: ExportFormat,
  filter: ReviewFilterInput,
  redact: boolean,
  { signal, onProgress, read = backgroundReader }: { signal: AbortSignal; onProgress: (progress: ExportProgress) => void; read?: ExportReader },
): Promise<ExportResult> {
  const stopIfCancelled = () => signal.throwIfAborted();
  const plan = await read.plan(filter);
  stopIfCancelled();
  onProgress({ done: 0, total: plan.total });
  const parts = new BlobParts();
  const writer = await createExportWriter(format, {
    criteria: criterionColumns(plan.rubrics.map((r) => ({ ...r, criteria: r.criteria.map((id) => ({ id })) }))),
    // Exports keep agents' names: pseudonyms are for the team store (Options).
    policy: { redact },
    emit: (chunk) => parts.add(chunk),
    now: new Date(),
  });
  let next: Promise<ResponseOf<'exports:page'>> | null = read.page(filter, null);
  while (next) {
    const page: ResponseOf<'exports:page'> = await next;
    stopIfCancelled();
    next = page.next === null ? null : read.page(filter, page.next);
    writer.write(page.records);
    onProgress({ done: writer.written, total: Math.max(plan.total, writer.written) });
  }
  writer.end();
  const file = EXPORT_FILES[format];
  return { fileName: file.fileName, blob: parts.finish(file.type), written: writer.written, skipped: writer.skipped, notes: writer.notes() };
}
