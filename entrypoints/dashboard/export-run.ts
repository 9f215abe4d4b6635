// One export, start to download: the background reads the filter's reviews page by page and, for
// the text files, writes each page's rows where it reads them; the page keeps each piece as a
// Blob part (the browser keeps blob data outside the page's heap), and the finished Blob is
// downloaded through an object URL. The next page is asked for while the current one is kept.
//
// reviews.csv needs its criterion columns before its first row, and they depend on the rubric
// versions of every review in the file. Rather than read everything twice, the columns grow as
// pages bring new rubric versions, and the pages written before the last change are read again
// at the end with the final columns — usually the first two (asked for before any rubric was
// known), since a team's reviews share a rubric or two. The XLSX file cannot take a page back once zipped, so it asks for the columns first
// (`exports:plan`, one more read of everything).
import { criterionColumns } from '@/lib/export/csv';
import { RubricUsage, rubricRefKey, type RubricColumns, type RubricRef } from '@/lib/export/columns';
import { EXPORT_FILES, TEXT_FILES, createXlsxBook, outgoingPage, type ExportFormat, type TextWrite } from '@/lib/export/writers';
import { request } from '@/lib/messaging/client';
import type { ResponseOf, ReviewFilterInput } from '@/lib/messaging/protocol';

export interface ExportProgress {
  /** reviews written so far */
  done: number;
  /** stored revisions read so far */
  read: number;
  /** every stored revision: what the export reads in all (null until the first page) */
  stored: number | null;
}

export interface ExportResult {
  fileName: string;
  blob: Blob;
  written: number;
  skipped: number;
  notes: string[];
}

type Page = ResponseOf<'exports:page'>;

/** How the export asks the background (tests hand in their own). */
export interface ExportReader {
  plan: (filter: ReviewFilterInput) => Promise<{ rubrics: RubricColumns[] }>;
  /** `write`: the page's rows as text (`Page.text`) instead of its records */
  page: (filter: ReviewFilterInput, after: string | null, until?: string | null, write?: TextWrite) => Promise<Page>;
  /** the criterion ids of a rubric version in the library, null when it is not there */
  rubric: (ref: RubricRef) => Promise<string[] | null>;
}

const backgroundReader: ExportReader = {
  plan: (filter) => request('exports:plan', { filter }),
  page: (filter, after, until, write) =>
    request('exports:page', { filter, after, ...(until === undefined ? {} : { until }), ...(write ? { write: { ...write, criteria: write.criteria && [...write.criteria] }, limit: TEXT_PAGE_ROWS } : {}) }),
  rubric: async (ref) => (await request('rubrics:get', ref))?.criteria.map((c) => c.id) ?? null,
};

/**
 * Stored revisions per page of a text file. Its rows cross as text, about a fifth of the records'
 * bytes, so pages can be larger than the records' (REVIEW_PAGE_ROWS) without slow messages.
 */
const TEXT_PAGE_ROWS = 1_000;

/** Column sets compare as text. */
const columnsKey = (columns: readonly string[]) => columns.join('\n');
/** Rounds of reading pages again before giving up on reviews that keep changing under the export. */
const MAX_REREADS = 3;

/** Binary chunks are gathered up to about this many bytes before they become one Blob part. */
const BLOB_PART_BYTES = 1 << 20;

class BinaryParts {
  readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  add(chunk: Uint8Array): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= BLOB_PART_BYTES) this.flush();
  }

  flush(): Blob[] {
    if (this.pending.length > 0) this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
    return this.parts;
  }
}

/** A page as written, to be read again if the columns changed after it. */
interface WrittenPage {
  after: string | null;
  until: string | null;
  columns: string;
  blob: Blob;
  count: number;
  skipped: number;
}

export async function runExport(
  format: ExportFormat,
  filter: ReviewFilterInput,
  redact: boolean,
  { signal, onProgress, read = backgroundReader }: { signal: AbortSignal; onProgress: (progress: ExportProgress) => void; read?: ExportReader },
): Promise<ExportResult> {
  const policy = { redact };
  const progress: ExportProgress = { done: 0, read: 0, stored: null };
  let skipped = 0;
  const counted = (page: Page, written: number, skippedHere: number) => {
    skipped += skippedHere;
    progress.done += written;
    progress.read += page.scanned;
    progress.stored ??= page.stored;
    onProgress({ ...progress });
  };
  const textOf = (page: Page) => {
    if (!page.text) throw new Error('The background sent records where it was asked for text.');
    return page.text;
  };

  /**
   * Every page of the filter, the next one asked for while the caller keeps the current one.
   * `writeNow` says how to write the next page asked for (undefined: send its records).
   */
  async function* pages(writeNow: () => TextWrite | undefined): AsyncGenerator<Page & { after: string | null; write: TextWrite | undefined }> {
    let after: string | null = null;
    const ask = (cursor: string | null) => {
      const write = writeNow();
      return read.page(filter, cursor, undefined, write).then((page) => ({ page, write }));
    };
    let next: Promise<{ page: Page; write: TextWrite | undefined }> | null = ask(null);
    while (next) {
      const { page, write }: { page: Page; write: TextWrite | undefined } = await next;
      signal.throwIfAborted();
      next = page.next === null ? null : ask(page.next);
      // Cancelled while it is on its way: nobody waits for it, and its failure is no news.
      next?.catch(() => undefined);
      yield { ...page, after, write };
      after = page.next;
    }
  }

  onProgress({ ...progress });
  let parts: Blob[];
  let notes: string[] = [];
  if (format === 'xlsx') {
    const plan = await read.plan(filter);
    signal.throwIfAborted();
    const columns = criterionColumns(plan.rubrics.map((r) => ({ ...r, criteria: r.criteria.map((id) => ({ id })) })));
    const binary = new BinaryParts();
    const book = await createXlsxBook(columns, (chunk) => binary.add(chunk), new Date());
    for await (const page of pages(() => undefined)) {
      const out = outgoingPage(page.records, policy);
      book.write(out.records);
      counted(page, out.records.length, out.skipped);
    }
    book.end();
    parts = binary.flush();
    notes = book.notes();
  } else if (format === 'reviews-csv') {
    const usage = new RubricUsage();
    const library = new Map<string, string[] | null>();
    const learn = async (rubrics: RubricColumns[]) => {
      for (const ref of usage.merge(rubrics)) library.set(rubricRefKey(ref), await read.rubric(ref));
    };
    const columnsNow = () => usage.columns((ref) => library.get(rubricRefKey(ref)));
    const writeWith = (criteria: string[]): TextWrite => ({ format, redact, criteria });
    const written: WrittenPage[] = [];
    for await (const page of pages(() => writeWith(columnsNow()))) {
      const text = textOf(page);
      await learn(text.rubrics);
      written.push({ after: page.after, until: page.next, columns: columnsKey(page.write!.criteria!), blob: new Blob([text.text]), count: text.written, skipped: text.skipped });
      counted(page, text.written, text.skipped);
    }
    for (let round = 0; ; round++) {
      const columns = columnsNow();
      // A page that wrote no row has nothing to write again.
      const stale = written.filter((w) => w.columns !== columnsKey(columns) && (w.count > 0 || w.skipped > 0));
      if (stale.length === 0) {
        parts = [new Blob([TEXT_FILES['reviews-csv'].start(columns)]), ...written.map((w) => w.blob)];
        break;
      }
      if (round === MAX_REREADS) throw new Error('Reviews kept changing while the export ran. Try again.');
      for (const w of stale) {
        const page = await read.page(filter, w.after, w.until, writeWith(columns));
        signal.throwIfAborted();
        const text = textOf(page);
        await learn(text.rubrics);
        // The reviews may have changed since: the counts follow what is written now.
        progress.done += text.written - w.count;
        skipped += text.skipped - w.skipped;
        Object.assign(w, { columns: columnsKey(columns), blob: new Blob([text.text]), count: text.written, skipped: text.skipped });
      }
    }
  } else {
    parts = [new Blob([TEXT_FILES[format].start()])];
    for await (const page of pages(() => ({ format, redact }))) {
      const text = textOf(page);
      parts.push(new Blob([text.text]));
      counted(page, text.written, text.skipped);
    }
  }
  const file = EXPORT_FILES[format];
  return { fileName: file.fileName, blob: new Blob(parts, { type: file.type }), written: progress.done, skipped, notes };
}
