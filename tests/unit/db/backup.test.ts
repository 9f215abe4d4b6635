import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupError, createBackup, MAX_BACKUP_BYTES, MAX_LISTED_PROBLEMS, parseBackup, previewRestore, restoreBackup } from '@/lib/db/backup';
import { backupFileName, backupSizeProblem } from '@/lib/db/backup-file';
import { QaDatabase, SCHEMA_VERSION } from '@/lib/db/schema';
import { readSettings, updateSettings } from '@/lib/db/settings';
import { dumpTables, fillDatabase, miniRubric, pulledRecord } from './data-fixture';
import { toStored } from '@/lib/db/reviews';
import { rubricSchema } from '@/lib/rubric/schema';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

const NOW = '2026-12-01T08:30:00.000Z';
/** The fixture's rubrics: every built-in one plus the imported `mini`. */
const BUILT_INS = BUILT_IN_RUBRICS.length;
const opened: QaDatabase[] = [];
const newDb = () => {
  const db = new QaDatabase(`backup-${Math.random()}`);
  opened.push(db);
  return db;
};
let source: QaDatabase;

beforeEach(async () => {
  source = newDb();
  await fillDatabase(source);
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const backupText = async (db: QaDatabase = source) => JSON.stringify(await createBackup(db, NOW));

/** The problems a refused text is reported with. */
function refusal(text: string): { message: string; problems: string[] } {
  try {
    parseBackup(text);
  } catch (err) {
    if (err instanceof BackupError) return { message: err.message, problems: err.problems };
    throw err;
  }
  throw new Error('the text was accepted');
}

describe('createBackup', () => {
  it('writes every table as stored, with the format, schema version and time', async () => {
    const backup = await createBackup(source, NOW);
    expect(backup).toMatchObject({ format: 'qa-backup/1', schemaVersion: SCHEMA_VERSION, createdAt: NOW });
    expect(Object.keys(backup.tables).sort()).toEqual(['outbox', 'reviews', 'rubrics', 'settings']);
    expect(backup.tables).toEqual(await dumpTables(source));
    // every kind of row is there: local revisions, a draft, a pulled copy, both outbox states
    expect(backup.tables.reviews.map((r) => [r.origin, r.status])).toEqual(
      expect.arrayContaining([['local', 'submitted'], ['local', 'draft'], ['pulled', 'submitted']]),
    );
    expect(backup.tables.outbox.map((e) => e.state).sort()).toEqual(['pending', 'synced']);
    expect(backupFileName(backup.createdAt)).toBe('qa-scorecards-backup-2026-12-01.json');
  });
});

describe('round trip', () => {
  for (const mode of ['merge', 'replace'] as const) {
    it(`create → parse → restore (${mode}) into an empty database gives identical tables`, async () => {
      const target = newDb();
      const parsed = parseBackup(await backupText());
      expect(parsed.fileSchemaVersion).toBe(SCHEMA_VERSION);
      const result = await restoreBackup(target, parsed, mode);
      expect(result.written).toEqual({ reviews: 4, rubrics: BUILT_INS + 1, settings: 1, outbox: 2 });
      const restored = await dumpTables(target);
      const original = await dumpTables(source);
      if (mode === 'replace') expect(restored).toEqual(original);
      // A merge numbers the outbox entries it adds itself.
      const withoutSeq = (rows: typeof original.outbox) => rows.map(({ seq: _s, ...e }) => e);
      expect({ ...restored, outbox: withoutSeq(restored.outbox) }).toEqual({ ...original, outbox: withoutSeq(original.outbox) });
    });
  }
});

describe('merge', () => {
  it('adds only rows whose keys are missing and never changes a row that is here', async () => {
    const text = await backupText();
    const target = newDb();
    await fillDatabase(target);
    // This browser lost the draft, the pulled copy and the imported rubric, and moved on since:
    const draft = (await target.reviews.where('status').equals('draft').first())!;
    await target.reviews.delete([draft.id, draft.revision]);
    await target.reviews.delete(['pulled-1', 1]);
    await target.rubrics.delete(['mini', 1]);
    await updateSettings(target, { reviewerName: 'Sam' });
    await target.outbox.toCollection().modify({ state: 'synced' });
    const before = await dumpTables(target);

    const parsed = parseBackup(text);
    expect(await previewRestore(target, parsed)).toEqual({
      createdAt: NOW,
      fileSchemaVersion: SCHEMA_VERSION,
      schemaVersion: SCHEMA_VERSION,
      tables: {
        reviews: { inFile: 4, new: 2, existing: 2, here: 2 },
        rubrics: { inFile: BUILT_INS + 1, new: 1, existing: BUILT_INS, here: BUILT_INS },
        settings: { inFile: 1, new: 0, existing: 1, here: 1 },
        // the draft and the pulled copy have no outbox entry; the revisions here keep theirs
        outbox: { inFile: 2, new: 0, existing: 2, here: 2 },
      },
      domainsNotRestored: [],
    });
    const result = await restoreBackup(target, parsed, 'merge');
    expect(result).toEqual({ mode: 'merge', written: { reviews: 2, rubrics: 1, settings: 0, outbox: 0 } });

    const after = await dumpTables(target);
    for (const row of before.reviews) expect(after.reviews).toContainEqual(row);
    expect(after.reviews).toContainEqual(draft);
    expect(after.reviews.find((r) => r.id === 'pulled-1')).toMatchObject({ origin: 'pulled' });
    expect(after.outbox).toEqual(before.outbox);
    expect((await readSettings(target)).reviewerName).toBe('Sam');
    expect(after.rubrics.map((r) => r.id).sort()).toEqual([...before.rubrics.map((r) => r.id), 'mini'].sort());
  });

  it('brings a revision missing here together with its outbox entry, numbered by this database', async () => {
    const text = await backupText();
    const target = newDb();
    const parsed = parseBackup(text);
    const pending = parsed.tables.outbox.find((e) => e.state === 'pending')!;
    // Something else took the number the file's entry had.
    await target.outbox.add({ seq: pending.seq, reviewId: 'other', revision: 1, state: 'pending', createdAt: NOW, attempts: 0, nextAttemptAt: 0 });
    await restoreBackup(target, parsed, 'merge');
    const entries = await target.outbox.toArray();
    expect(entries).toHaveLength(3);
    expect(entries.find((e) => e.reviewId === pending.reviewId && e.revision === pending.revision)).toMatchObject({ state: 'pending' });
  });
});

describe('replace', () => {
  it('empties every table and writes the file', async () => {
    const text = await backupText();
    const target = newDb();
    await target.reviews.put(toStored(pulledRecord({ id: 'only-here' }), 'imported'));
    await updateSettings(target, { reviewerName: 'Sam' });
    const parsed = parseBackup(text);
    const preview = await previewRestore(target, parsed);
    expect(preview.tables.reviews).toEqual({ inFile: 4, new: 4, existing: 0, here: 1 });
    await restoreBackup(target, parsed, 'replace');
    expect(await dumpTables(target)).toEqual(await dumpTables(source));
  });

  it('keeps the custom domains set up in this browser and names the file’s others', async () => {
    await updateSettings(source, { customDomains: [{ host: 'support.acme.com', helpdesk: 'zendesk' }] });
    const parsed = parseBackup(await backupText());
    const target = newDb();
    await updateSettings(target, { customDomains: [{ host: 'help.other.org', helpdesk: 'freshdesk' }] });
    expect((await previewRestore(target, parsed)).domainsNotRestored).toEqual(['support.acme.com']);

    await restoreBackup(target, parsed, 'replace');
    const settings = await readSettings(target);
    expect(settings.reviewerName).toBe('Priya');
    expect(settings.customDomains).toEqual([{ host: 'help.other.org', helpdesk: 'freshdesk' }]);

    // Into a browser with none, a merge adds the settings record, still without the file's domains.
    const empty = newDb();
    await restoreBackup(empty, parsed, 'merge');
    expect(await readSettings(empty)).toMatchObject({ reviewerName: 'Priya', customDomains: [] });
  });

  it('changes nothing when a write fails half-way', async () => {
    const parsed = parseBackup(await backupText());
    const target = newDb();
    await target.reviews.put(toStored(pulledRecord({ id: 'only-here' }), 'imported'));
    await updateSettings(target, { reviewerName: 'Sam' });
    const before = await dumpTables(target);
    // The last write of the restore fails, after the tables were emptied and refilled.
    vi.spyOn(target.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(restoreBackup(target, parsed, 'replace')).rejects.toThrow('disk full');
    expect(await dumpTables(target)).toEqual(before);
  });
});

describe('parseBackup refuses what it cannot restore', () => {
  it('text that is not JSON', () => {
    const { message, problems } = refusal('{ "format": "qa-backup/1", "tables": {');
    expect(message).toBe('This file is not valid JSON. Nothing was changed.');
    expect(problems[0]).toMatch(/^The file cannot be read as JSON \(.+\); it may be damaged or cut short\.$/);
  });

  it('a rubric file, a review export (JSON Lines or one record) and other JSON', () => {
    expect(refusal(JSON.stringify(miniRubric)).problems).toEqual(['This is a rubric file (qa-rubric/1), not a backup. Import it under "Rubric library".']);
    const jsonl = [pulledRecord(), pulledRecord({ id: 'pulled-2' })].map((r) => JSON.stringify(r)).join('\n') + '\n';
    expect(refusal(jsonl).problems[0]).toMatch(/^This is an export of reviews \(qa-review\/1 JSON Lines\), not a backup\./);
    expect(refusal(JSON.stringify(pulledRecord())).problems[0]).toMatch(/^This is an export of reviews \(qa-review\/1\), not a backup\./);
    for (const other of ['{"hello":1}', '[1,2]', '"qa-backup/1"', 'null']) {
      expect(refusal(other).problems).toEqual(['This file is not a QA Scorecards backup (it has no "format": "qa-backup/1"). A backup is the file that "Download backup" saves.']);
    }
  });

  it('a backup from a newer version of the extension', async () => {
    const backup = await createBackup(source, NOW);
    const newer = refusal(JSON.stringify({ ...backup, schemaVersion: SCHEMA_VERSION + 1 }));
    expect(newer.message).toBe('This backup was made by a newer version of the extension. Nothing was changed.');
    expect(newer.problems[0]).toContain(`database version ${SCHEMA_VERSION + 1}`);
    expect(refusal(JSON.stringify({ ...backup, format: 'qa-backup/2' })).problems[0]).toMatch(/^This backup was made by a newer version of the extension \(format qa-backup\/2\)/);
  });

  it('damaged rows, saying which table and row, and the listed problems capped', async () => {
    const backup = await createBackup(source, NOW);
    backup.tables.reviews[1] = { ...backup.tables.reviews[1]!, score: 'high' as never };
    backup.tables.outbox[0] = { ...backup.tables.outbox[0]!, state: 'lost' as never };
    backup.tables.rubrics[0] = { ...backup.tables.rubrics[0]!, rubric: { ...backup.tables.rubrics[0]!.rubric, criteria: [] } };
    const { message, problems } = refusal(JSON.stringify(backup));
    expect(message).toBe('Some rows of this backup are damaged. Nothing was changed.');
    const r = backup.tables.reviews[1]!;
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^reviews\\[1\\] \\(review ${r.id}, revision ${r.revision}\\): score: `)),
      expect.stringMatching(/^rubrics\[0\] \(rubric .+, version 1\): rubric\.criteria: /),
      expect.stringMatching(/^outbox\[0\] \(review .+, revision 1\): state: /),
    ]);

    const many = { ...backup, tables: { ...backup.tables, reviews: Array.from({ length: 30 }, (_, i) => ({ id: `r${i}` })) } };
    const capped = refusal(JSON.stringify(many)).problems;
    expect(capped).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(capped.at(-1)).toMatch(/^…and \d+ more problems\.$/);
  });

  it('rows whose keys repeat, a missing table, a rubric row holding another rubric', async () => {
    const backup = await createBackup(source, NOW);
    const dup = { ...backup, tables: { ...backup.tables, reviews: [...backup.tables.reviews, backup.tables.reviews[0]!] } };
    expect(refusal(JSON.stringify(dup)).problems).toEqual([expect.stringMatching(/^reviews\[4\]: Review .+ revision 1 appears more than once\.$/)]);
    const { outbox: _o, ...noOutbox } = backup.tables;
    expect(refusal(JSON.stringify({ ...backup, tables: noOutbox })).problems).toEqual(['tables.outbox: must be a list of rows.']);
    const swapped = { ...backup, tables: { ...backup.tables, rubrics: [{ ...backup.tables.rubrics[0]!, id: 'other' }] } };
    expect(refusal(JSON.stringify(swapped)).problems[0]).toMatch(/^rubrics\[0\] \(rubric other, version 1\): holds rubric .+ version 1 instead\.$/);
  });

  it('a file over the size limit, before reading it', () => {
    expect(backupSizeProblem(MAX_BACKUP_BYTES)).toBeNull();
    expect(backupSizeProblem(62_340_000)).toBe('This file is 62.3 MB; a backup can be at most 50 MB.');
    expect(refusal(' '.repeat(MAX_BACKUP_BYTES + 1)).problems).toEqual(['This file is 50 MB; a backup can be at most 50 MB.']);
  });

  it('derives the keys the panel looks reviews up by from the record, whatever the file says', async () => {
    const backup = await createBackup(source, NOW);
    const row = backup.tables.reviews[0]!;
    backup.tables.reviews[0] = { ...row, ticketKey: 'wrong', reviewerId: 'wrong', rubricId: 'wrong' };
    expect(parseBackup(JSON.stringify(backup)).tables.reviews[0]).toEqual(row);
  });
});

describe('a backup of schema version 1', () => {
  interface Fixture {
    tables: Record<string, Record<string, unknown>[]>;
  }
  const v1 = JSON.parse(readFileSync('tests/fixtures/db/schema-v1.json', 'utf8')) as Fixture;

  it('is upgraded as the database migration upgrades version 1: reviews local, submitted revisions queued', async () => {
    // The same rows, once as a version-1 database opened by today's code…
    const name = `v1-${Math.random()}`;
    const old = new QaDatabase(name, { upTo: 1 });
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(v1.tables)) await old.table(table).bulkAdd(rows);
    });
    old.close();
    const migrated = new QaDatabase(name);
    opened.push(migrated);

    // …and once as a version-1 backup restored into an empty database.
    const parsed = parseBackup(JSON.stringify({ format: 'qa-backup/1', schemaVersion: 1, createdAt: NOW, tables: v1.tables }));
    expect(parsed).toMatchObject({ schemaVersion: SCHEMA_VERSION, fileSchemaVersion: 1 });
    const target = newDb();
    const preview = await previewRestore(target, parsed);
    expect(preview.fileSchemaVersion).toBe(1);
    await restoreBackup(target, parsed, 'replace');

    const restored = await dumpTables(target);
    const expected = await dumpTables(migrated);
    const queue = (rows: typeof restored.outbox) => rows.map(({ seq: _s, ...e }) => e).sort((a, b) => a.revision - b.revision);
    expect(restored.reviews).toEqual(expected.reviews);
    expect(restored.reviews.every((r) => r.origin === 'local')).toBe(true);
    // Rubrics are read with the library's schema, so fields added since get their defaults.
    expect(restored.rubrics).toEqual(expected.rubrics.map((r) => ({ ...r, rubric: rubricSchema.parse(r.rubric) })));
    expect(restored.settings).toEqual([{ key: 'app', value: { ...(expected.settings[0]!.value as object), customDomains: [] } }]);
    expect(queue(restored.outbox)).toEqual(queue(expected.outbox));
    expect(restored.outbox).toHaveLength(2);
  });
});
