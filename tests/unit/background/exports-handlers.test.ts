// Exports and imports through the message protocol: a JSON Lines export read page by page is a
// file another browser imports unchanged; an import dedupes, reports bad lines and changes
// nothing that was already stored.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { TabStates } from '@/lib/background/tab-states';
import { toRecord, toStored } from '@/lib/db/reviews';
import { QaDatabase, type StoredReview } from '@/lib/db/schema';
import { TEXT_FILES, outgoingPage } from '@/lib/export/writers';
import { dispatchMessage, type SenderInfo } from '@/lib/messaging/server';
import { MAX_IMPORT_BYTES } from '@/lib/review/import';
import { dumpTables, fillDatabase, pulledRecord } from '../db/data-fixture';

const page: SenderInfo = { fromExtensionPage: true };
const NOW = Date.parse('2026-12-01T08:30:00.000Z');
const opened: QaDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function setup() {
  const db = new QaDatabase(`exports-${Math.random()}`);
  opened.push(db);
  const changes = { count: 0 };
  const deps: BackgroundDeps = {
    db,
    tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ phase: 'idle' }), now: () => NOW }),
    ready: Promise.resolve(),
    clock: { now: () => new Date(NOW).toISOString(), newId: () => 'id' },
    now: () => NOW,
    reloadTab: async () => undefined,
    registerDomain: async () => undefined,
    unregisterDomain: async () => undefined,
    reviewsChanged: () => void (changes.count += 1),
  };
  const handlers = createHandlers(deps);
  const send = async <T>(type: string, data: unknown): Promise<T> => {
    const reply = (await dispatchMessage(handlers, { type, data }, page)!) as { ok: boolean; data?: T; error?: { code: string; message: string } };
    if (!reply.ok) throw Object.assign(new Error(reply.error!.message), { code: reply.error!.code });
    return reply.data as T;
  };
  return { db, send, changes };
}

const everything = { timeZone: 'Europe/London' };

/** A JSON Lines export as the dashboard makes it: pages with the cursor, unredacted. */
async function exportJsonLines(send: ReturnType<typeof setup>['send'], filter: object, limit: number) {
  let text = '';
  let written = 0;
  for (let after: string | null = null, first = true; first || after !== null; first = false) {
    const page: { records: unknown[]; next: string | null } = await send('exports:page', { filter, after, limit });
    const { records } = outgoingPage(page.records, { redact: false });
    text += TEXT_FILES.jsonl.rows(records);
    written += records.length;
    after = page.next;
  }
  const plan = await send<{ total: number }>('exports:plan', { filter });
  return { text, total: plan.total, written };
}

describe('exports', () => {
  it('a JSON Lines export, imported into another browser, gives the same records', async () => {
    const a = setup();
    await fillDatabase(a.db);
    await a.db.reviews.bulkAdd([2, 3, 4, 5].map((n) => toStored(pulledRecord({ id: `team-${n}`, submittedAt: `2026-11-0${n}T10:00:00.000Z` }), 'pulled')));
    const { text, total, written } = await exportJsonLines(a.send, everything, 2);
    // fillDatabase: one local review (revision 2 counts, not 1), a draft (never), a pulled copy.
    expect(written).toBe(6);
    expect(total).toBe(6);

    const b = setup();
    expect(await b.send('imports:reviews', { text })).toEqual({ added: 6, duplicates: 0, invalid: 0, problems: [] });
    // The dashboard and the queue are told, once.
    expect(b.changes.count).toBe(1);
    const latest = new Map<string, StoredReview>();
    for (const r of await a.db.reviews.toArray()) if (r.status === 'submitted' && (latest.get(r.id)?.revision ?? 0) < r.revision) latest.set(r.id, r);
    const imported = await b.db.reviews.toArray();
    expect(imported.map(toRecord)).toEqual([...latest.values()].map(toRecord));
    expect(new Set(imported.map((r) => r.origin))).toEqual(new Set(['imported']));
    // The same file again: every line a duplicate, nothing changes.
    const before = await dumpTables(b.db);
    expect(await b.send('imports:reviews', { text })).toEqual({ added: 0, duplicates: 6, invalid: 0, problems: [] });
    expect(await dumpTables(b.db)).toEqual(before);
    expect(b.changes.count).toBe(1);
  });

  it('writes a page of a text file where it reads it: the same rows the records make, and their rubrics', async () => {
    const a = setup();
    await fillDatabase(a.db);
    const asRecords = await a.send<{ records: unknown[] }>('exports:page', { filter: everything, after: null, limit: 1000 });
    type TextReply = { records: unknown[]; text: { text: string; written: number; skipped: number; rubrics: { id: string }[] } };
    const asText = await a.send<TextReply>('exports:page', { filter: everything, after: null, limit: 1000, write: { format: 'answers-csv', redact: true } });
    expect(asText.records).toEqual([]);
    const { records } = outgoingPage(asRecords.records, { redact: true });
    expect(asText.text).toMatchObject({ text: TEXT_FILES['answers-csv'].rows(records), written: records.length, skipped: 0 });
    expect(asText.text.text.length).toBeGreaterThan(0);
    expect(asText.text.rubrics.map((r) => r.id)).toEqual([...new Set(records.map((r) => r.rubric.id))]);
  });

  it('exports only what the filter selects, and refuses a malformed filter', async () => {
    const a = setup();
    await a.db.reviews.bulkAdd([
      // Auckland is 13 hours ahead of UTC in December.
      toStored(pulledRecord({ id: 'before', submittedAt: '2026-11-30T10:59:00.000Z' })), // 23:59 on 30 November there
      toStored(pulledRecord({ id: 'first', submittedAt: '2026-11-30T11:00:00.000Z' })), // 00:00 on 1 December
      toStored(pulledRecord({ id: 'last', submittedAt: '2026-12-01T10:59:59.999Z' })), // 23:59 on 1 December
      toStored(pulledRecord({ id: 'after', submittedAt: '2026-12-01T11:00:00.000Z' })),
    ]);
    const { text } = await exportJsonLines(a.send, { timeZone: 'Pacific/Auckland', from: '2026-12-01', to: '2026-12-01' }, 1000);
    expect(text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['first', 'last']);
    await expect(a.send('exports:page', { filter: { timeZone: 'UTC', from: 'yesterday' }, after: null })).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('imports of reviewers\' files', () => {
  it('adds new revisions, counts duplicates, reports bad lines by number, and changes nothing stored', async () => {
    const { db, send } = setup();
    await fillDatabase(db);
    const before = await dumpTables(db);
    const local = before.reviews.find((r) => r.origin === 'local' && r.status === 'submitted')!;
    const text = [
      JSON.stringify(pulledRecord({ id: 'new-1', reviewer: { id: 'zendesk:12', name: 'Sam' } })),
      // A revision already here, with other content: a duplicate, and the stored one stays.
      JSON.stringify({ ...toRecord(local), score: 0, subject: 'Changed by someone else' }),
      'not json',
      '',
      JSON.stringify(pulledRecord({ id: 'draft-1', status: 'draft', submittedAt: undefined })),
      JSON.stringify(pulledRecord({ id: 'new-2', revision: 2 })),
      JSON.stringify(pulledRecord({ id: 'new-1', reviewer: { id: 'zendesk:12', name: 'Sam' } })), // twice in the file
      JSON.stringify({ ...pulledRecord({ id: 'bad' }), answers: 'none' }),
    ].join('\n');
    const report = await send<{ added: number; duplicates: number; invalid: number; problems: string[] }>('imports:reviews', { text });
    expect(report).toMatchObject({ added: 2, duplicates: 2, invalid: 3 });
    expect(report.problems).toEqual([
      expect.stringMatching(/^Line 3: not valid JSON/),
      'Line 5: draft: only submitted reviews are imported',
      expect.stringMatching(/^Line 8: answers: /),
    ]);
    const after = await dumpTables(db);
    // Everything that was here is exactly as it was; the two new revisions are read-only copies.
    expect(after.reviews.filter((r) => before.reviews.some((b) => b.id === r.id && b.revision === r.revision))).toEqual(before.reviews);
    expect(after.reviews.filter((r) => r.origin === 'imported').map((r) => [r.id, r.revision, r.reviewerId])).toEqual([
      ['new-1', 1, 'zendesk:12'],
      ['new-2', 2, 'zendesk:5'],
    ]);
    expect({ ...after, reviews: [] }).toEqual({ ...before, reviews: [] });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const { db, send } = setup();
    await expect(send('imports:reviews', { text: ' '.repeat(MAX_IMPORT_BYTES + 1) })).rejects.toMatchObject({ code: 'import-too-large' });
    expect(await db.reviews.count()).toBe(0);
  });
});
