// Every schema version gets a fixture of a database as that version left it, opened by today's
// code: nothing may be lost on the way up. Add a fixture and a test here with each new version.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { QaDatabase, SCHEMA_VERSION } from '@/lib/db/schema';
import { openReview, saveDraft } from '@/lib/db/reviews';
import { readSettings } from '@/lib/db/settings';
import { getRubric } from '@/lib/db/rubrics';
import { defaultTimeZone, readRollupRange } from '@/lib/db/rollups';
import { summarize } from '@/lib/analytics/rollup';

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixture = (version: number): Fixture => JSON.parse(readFileSync(`tests/fixtures/db/schema-v${version}.json`, 'utf8')) as Fixture;

/** A database exactly as schema version `version` created it, holding the fixture's rows. */
async function databaseAt(version: number): Promise<{ name: string; data: Fixture }> {
  const name = `migration-${version}-${Math.random()}`;
  const data = fixture(version);
  const old = new QaDatabase(name, { upTo: version });
  await old.open();
  expect(old.verno).toBe(version);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(data.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
  return { name, data };
}

describe('schema version 1 → current', () => {
  it('keeps every review, rubric and setting, marks reviews as local and queues the submitted ones', async () => {
    const { name, data } = await databaseAt(1);
    const db = new QaDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    const reviews = await db.reviews.toArray();
    expect(reviews).toHaveLength(data.tables.reviews!.length);
    for (const before of data.tables.reviews!) {
      const after = await db.reviews.get([before.id as string, before.revision as number]);
      expect(after).toEqual({ ...before, origin: 'local' });
    }
    expect(await db.rubrics.toArray()).toEqual(data.tables.rubrics);
    const settings = await readSettings(db);
    expect(settings.customDomains).toEqual([{ host: 'support.acme.com', helpdesk: 'zendesk' }]);
    expect(settings.defaultRubricId).toBe('team-chat');
    expect(await getRubric(db, 'team-chat', 2)).toMatchObject({ name: 'Team chat' });

    const queued = (await db.outbox.toArray()).map((e) => [e.reviewId, e.revision, e.state]);
    expect(queued).toEqual([
      ['0b8e1c52-0000-4000-8000-000000000001', 1, 'pending'],
      ['0b8e1c52-0000-4000-8000-000000000001', 2, 'pending'],
    ]);
    db.close();
  });

  it('leaves migrated reviews usable: the draft opens and saves, the submitted review shows its history', async () => {
    const { name } = await databaseAt(1);
    const db = new QaDatabase(name);
    const slot = { helpdesk: 'zendesk' as const, instance: 'acme.zendesk.com', reviewerId: 'zendesk:9', rubricId: 'support-quality', kind: 'review' as const };
    const submitted = await openReview(db, { ...slot, ticketId: '4821' });
    expect(submitted.current).toMatchObject({ revision: 2, status: 'submitted' });
    expect(submitted.history.map((r) => r.revision)).toEqual([1]);
    expect(submitted.current).not.toHaveProperty('origin');

    const draft = await openReview(db, { ...slot, ticketId: '4822' });
    expect(draft.current).toMatchObject({ status: 'draft', strengths: 'Clear next steps' });
    db.close();
  });
});

describe('schema version 2 → current', () => {
  it('keeps every row as it was and rolls up the submitted reviews: the latest submitted revision of each, drafts left out', async () => {
    const { name, data } = await databaseAt(2);
    const db = new QaDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['reviews', 'rubrics', 'settings', 'outbox'] as const) {
      expect(await db.table(table).toArray(), table).toEqual(data.tables[table]);
    }
    expect((await readSettings(db)).teamStore.endpoint).toBe('https://qa.acme.example/reviews');

    // Built by the upgrade, in the browser's time zone: reading them in that zone builds nothing.
    const range = await readRollupRange(db, '2026-11-01', '2026-11-30', defaultTimeZone());
    expect(range.rebuilt).toBe(false);
    const summary = summarize(range.days, range.dictionary, {}, { from: '2026-11-01', to: '2026-11-30' });
    // Tom: local review 0b8e…01 at revision 2 (83.3; revision 1 replaced, 0b8e…02 a draft).
    // Ana: the pulled auto-failed review (0) and the imported one at revision 2 (no score).
    expect(summary.totals).toEqual({ reviews: 3, scored: 2, average: (83.3 + 0) / 2, autoFailed: 1 });
    expect(summary.agents).toEqual([
      { id: 'zendesk:8', name: 'Ana Ruiz', reviews: 2, scored: 1, average: 0, autoFailed: 1 },
      { id: 'zendesk:7', name: 'Tom Fletcher', reviews: 1, scored: 1, average: 83.3, autoFailed: 0 },
    ]);
    expect(summary.options.reviewers.map((r) => r.name)).toEqual(['Kim Park', 'Lead Lee', 'Priya Shah']);
    expect(summary.mine).toEqual(['zendesk:9']);
    db.close();
  });
});

describe('read-only copies', () => {
  it('refuses to change a review that came from the team store', async () => {
    const { name, data } = await databaseAt(1);
    const db = new QaDatabase(name);
    const draft = data.tables.reviews![2]!;
    await db.reviews.update([draft.id as string, 1], { origin: 'pulled' });
    const rubric = { format: 'qa-rubric/1' as const, id: 'support-quality', name: 'S', version: 1, criteria: [] };
    await expect(
      saveDraft(
        db,
        rubric as never,
        {
          id: draft.id as string,
          kind: 'review',
          ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: '4822', url: 'https://acme.zendesk.com/agent/tickets/4822', channel: 'email', subject: 's' },
          reviewee: null,
          reviewer: { id: 'zendesk:9', name: 'Priya Shah' },
          rubric: { id: 'support-quality', version: 1 },
          answers: {},
        },
        { now: () => '2026-11-30T00:00:00.000Z', newId: () => 'x' },
      ),
    ).rejects.toMatchObject({ code: 'read-only' });
    db.close();
  });
});
