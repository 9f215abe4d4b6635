// Exports read reviews page by page (lib/db/review-pages.ts). Whatever the page size, the pages
// together hold exactly the reviews the filter selects from the whole table, each once.
import 'fake-indexeddb/auto';
import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it } from 'vitest';
import { compileFilter, countedRevisions, reviewFilterSchema, type ReviewFilterInput } from '@/lib/analytics/filter';
import { importRubric } from '@/lib/db/rubrics';
import { planExport, readReviewPage, reviewPages } from '@/lib/db/review-pages';
import { toRecord, toStored } from '@/lib/db/reviews';
import { QaDatabase, type StoredReview } from '@/lib/db/schema';
import type { ReviewRecord } from '@/lib/review/record';
import { parseRubric } from '@/lib/rubric/schema';
import { miniRubric, pulledRecord } from './data-fixture';

const opened: QaDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function openDb() {
  const db = new QaDatabase(`pages-${Math.random()}`);
  opened.push(db);
  return db;
}

/** Reviews with 1–4 revisions each: submitted, some revised, some with a draft on top. */
function randomReviews(seed: string, count: number): StoredReview[] {
  const random = seedrandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const rows: StoredReview[] = [];
  for (let i = 0; i < count; i++) {
    // Ids that sort in no particular relation to their creation.
    const id = `${pick(['a', 'b', 'c', 'x'])}-${Math.floor(random() * 1e6)}-${i}`;
    const revisions = 1 + Math.floor(random() * 4);
    for (let revision = 1; revision <= revisions; revision++) {
      const draft = revision === revisions && random() < 0.3;
      const day = 1 + Math.floor(random() * 28);
      const record: ReviewRecord = pulledRecord({
        id,
        revision,
        status: draft ? 'draft' : 'submitted',
        submittedAt: draft ? undefined : `2026-11-${String(day).padStart(2, '0')}T${pick(['00:30', '12:00', '23:30'])}:00.000Z`,
        channel: pick(['email', 'chat', 'phone'] as const),
        kind: pick(['review', 'self'] as const),
        reviewee: { id: pick(['agent-1', 'agent-2', 'agent-3']), name: 'Agent' },
        reviewer: { id: pick(['lead-1', 'lead-2']), name: 'Lead' },
      });
      rows.push(toStored(record, pick(['local', 'pulled', 'imported'] as const)));
    }
  }
  return rows;
}

/** The filter applied to the whole table at once: what the pages must add up to. */
function expected(rows: StoredReview[], input: ReviewFilterInput): string[] {
  const filter = compileFilter(reviewFilterSchema.parse(input));
  const byId = new Map<string, StoredReview[]>();
  for (const row of rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  return [...byId.values()].flatMap((revisions) => countedRevisions(revisions, filter)).map((r) => `${r.id}#${r.revision}`).sort();
}

async function paged(db: QaDatabase, input: ReviewFilterInput, limit: number) {
  const keys: string[] = [];
  let scanned = 0;
  let pages = 0;
  for await (const page of reviewPages(db, compileFilter(reviewFilterSchema.parse(input)), limit)) {
    pages += 1;
    scanned += page.scanned;
    keys.push(...page.records.map((r) => `${r.id}#${r.revision}`));
  }
  return { keys, scanned, pages };
}

describe('reviews read page by page', () => {
  const filters: ReviewFilterInput[] = [
    { timeZone: 'UTC' },
    { timeZone: 'UTC', allRevisions: true },
    { timeZone: 'Pacific/Auckland', from: '2026-11-05', to: '2026-11-12' },
    { timeZone: 'America/New_York', from: '2026-11-10', agentIds: ['agent-2'], channels: ['email', 'chat'] },
    { timeZone: 'UTC', reviewerIds: ['lead-1'], kinds: ['self'], allRevisions: true },
    { timeZone: 'UTC', rubricIds: ['other'] },
  ];

  for (const seed of ['one', 'two']) {
    it(`covers every review in the filter exactly once, whatever the page size (seed ${seed})`, async () => {
      const db = openDb();
      const rows = randomReviews(seed, 80);
      await db.reviews.bulkAdd(rows);
      for (const input of filters) {
        const want = expected(rows, input);
        for (const limit of [1, 5, 1000]) {
          const got = await paged(db, input, limit);
          expect([...got.keys].sort(), `${JSON.stringify(input)} in pages of ${limit}`).toEqual(want);
          expect(new Set(got.keys).size).toBe(got.keys.length);
          // Every stored revision is read once: none twice, none skipped.
          expect(got.scanned).toBe(rows.length);
        }
      }
      expect(expected(rows, filters[0]!).length).toBeGreaterThan(30);
      // Hundreds of one-row pages under fake-indexeddb take a few seconds on a busy machine.
    }, 30_000);
  }

  it('reads a page again exactly as far as it went, even after reviews were added around it', async () => {
    const db = openDb();
    const rows = randomReviews('again', 30);
    await db.reviews.bulkAdd(rows);
    const filter = compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC', allRevisions: true }));
    const pages: { after: string | null; next: string | null; keys: string[] }[] = [];
    for (let after: string | null = null, first = true; first || after !== null; first = false) {
      const page = await readReviewPage(db, filter, after, { limit: 7 });
      pages.push({ after, next: page.next, keys: page.records.map((r) => `${r.id}#${r.revision}`) });
      after = page.next;
    }
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const again = await readReviewPage(db, filter, page.after, { until: page.next });
      expect(again.records.map((r) => `${r.id}#${r.revision}`)).toEqual(page.keys);
      expect(again.next).toBe(page.next);
    }
    // A review added inside a page's range is read with that page, and only with it.
    const inside = `${pages[1]!.after}~added`;
    await db.reviews.add(toStored(pulledRecord({ id: inside })));
    const counts = await Promise.all(pages.map(async (p) => (await readReviewPage(db, filter, p.after, { until: p.next })).records.filter((r) => r.id === inside).length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('reads the rest of a review whose revisions run past the page, and ends on an empty table', async () => {
    const db = openDb();
    const revisions = [1, 2, 3, 4].map((revision) => toStored(pulledRecord({ id: 'long', revision })));
    await db.reviews.bulkAdd([...revisions, toStored(pulledRecord({ id: 'next' }))]);
    const filter = compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC' }));
    const first = await readReviewPage(db, filter, null, { limit: 2 });
    expect(first).toMatchObject({ scanned: 4, next: 'long' });
    expect(first.records.map((r) => r.revision)).toEqual([4]);
    const second = await readReviewPage(db, filter, first.next, { limit: 2 });
    expect(second).toMatchObject({ scanned: 1, next: null });
    expect(second.records.map((r) => r.id)).toEqual(['next']);
    expect(await readReviewPage(openDb(), filter, null)).toEqual({ records: [], scanned: 0, next: null });
  });

  it('hands out qa-review/1 records, never the stored-only fields', async () => {
    const db = openDb();
    const row = { ...toStored(pulledRecord(), 'local', { id: 'form', seq: 3 }) };
    await db.reviews.add(row);
    const { records } = await readReviewPage(db, compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC' })), null);
    expect(records).toEqual([toRecord(row)]);
    expect(Object.keys(records[0]!)).not.toEqual(expect.arrayContaining(['origin']));
    for (const key of ['ticketKey', 'reviewerId', 'rubricId', 'origin', 'writer']) expect(records[0]).not.toHaveProperty(key);
  });
});

describe('planExport', () => {
  it('counts the reviews and names the rubric versions they use, from the library or from their answers', async () => {
    const db = openDb();
    await importRubric(db, miniRubric, '2026-11-01T00:00:00.000Z');
    const newer = parseRubric({ ...miniRubric, version: 2, criteria: [{ id: 'empathy', title: 'E', scale: { type: 'binary' } }, ...miniRubric.criteria] });
    await importRubric(db, newer, '2026-11-02T00:00:00.000Z');
    await db.reviews.bulkAdd([
      toStored(pulledRecord({ id: 'a' })),
      toStored(pulledRecord({ id: 'b', rubric: { id: 'mini', version: 2 } })),
      // A rubric from another team, not in this library: its criteria come from the answers.
      toStored(pulledRecord({ id: 'c', rubric: { id: 'theirs', version: 4 }, answers: [{ criterionId: 'speed', value: 1, na: false, score: 1 }, { criterionId: 'care', value: null, na: true, score: null }] })),
      toStored(pulledRecord({ id: 'd', status: 'draft', submittedAt: undefined, rubric: { id: 'draft-only', version: 1 } })),
    ]);
    const plan = await planExport(db, compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC' })));
    expect(plan.total).toBe(3);
    expect(plan.stored).toBe(4);
    expect(plan.rubrics).toEqual([
      { id: 'mini', version: 1, criteria: ['tone'] },
      { id: 'mini', version: 2, criteria: ['empathy', 'tone'] },
      { id: 'theirs', version: 4, criteria: ['speed', 'care'] },
    ]);
    const narrowed = await planExport(db, compileFilter(reviewFilterSchema.parse({ timeZone: 'UTC', rubricIds: ['theirs'] })));
    expect(narrowed).toEqual({ total: 1, stored: 4, rubrics: [{ id: 'theirs', version: 4, criteria: ['speed', 'care'] }] });
  });
});
