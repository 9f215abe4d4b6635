import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import { OlderRubricVersionError, createSeeder, getRubric, importRubric, listLatestRubrics, seedBuiltInRubrics } from '@/lib/db/rubrics';
import { readSettings, updateSettings } from '@/lib/db/settings';
import { DEFAULT_TEAM_STORE } from '@/lib/settings/settings';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID } from '@/lib/rubric/templates';
import { parseRubric } from '@/lib/rubric/schema';

let db: QaDatabase;
beforeEach(() => {
  db = new QaDatabase(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const custom = (version: number, title = 'Greets the customer') =>
  parseRubric({ format: 'qa-rubric/1', id: 'chat-basics', name: 'Chat basics', version, criteria: [{ id: 'greet', title, scale: { type: 'binary' } }] });

describe('rubric library', () => {
  it('seeds the built-in rubrics once', async () => {
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-25T00:00:00.000Z');
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-26T00:00:00.000Z');
    expect(await db.rubrics.count()).toBe(BUILT_IN_RUBRICS.length);
    expect((await listLatestRubrics(db)).map((r) => r.id)).toContain(DEFAULT_RUBRIC_ID);
  });

  it('adds templates shipped in an update to an existing library, leaving stored rows alone', async () => {
    // An install from before the new templates: only the general rubric, plus a team rubric.
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS.slice(0, 1), '2026-11-01T00:00:00.000Z');
    await importRubric(db, custom(1), '2026-11-02T00:00:00.000Z');
    await createSeeder(db, BUILT_IN_RUBRICS, () => '2026-12-01T00:00:00.000Z').ready();
    const ids = (await listLatestRubrics(db)).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([...BUILT_IN_RUBRICS.map((r) => r.id), 'chat-basics']));
    expect(await db.rubrics.count()).toBe(BUILT_IN_RUBRICS.length + 1);
    expect((await db.rubrics.get([DEFAULT_RUBRIC_ID, 1]))?.savedAt).toBe('2026-11-01T00:00:00.000Z');
    expect((await db.rubrics.get(['phone-call-quality', 1]))).toMatchObject({ source: 'built-in', savedAt: '2026-12-01T00:00:00.000Z' });
  });

  it('retries seeding after a failed attempt instead of failing every later read', async () => {
    const transaction = vi.spyOn(db, 'transaction');
    transaction.mockImplementationOnce((() => Promise.reject(new Error('QuotaExceededError: the disk is full'))) as never);
    const seeder = createSeeder(db, BUILT_IN_RUBRICS, () => '2026-11-25T00:00:00.000Z');
    // callers during the failing attempt share it and see its error
    const failed = [seeder.ready(), seeder.ready()];
    for (const attempt of failed) await expect(attempt).rejects.toThrow(/disk is full/);
    await seeder.ready();
    expect(await db.rubrics.count()).toBe(BUILT_IN_RUBRICS.length);
    // once seeded, it stays seeded: no further attempts
    await seeder.ready();
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it('imports a rubric, ignores an identical re-import and versions a changed one', async () => {
    expect((await importRubric(db, custom(1), 'now')).version).toBe(1);
    expect((await importRubric(db, custom(1), 'now')).version).toBe(1);
    const changed = await importRubric(db, custom(1, 'Greets by name'), 'now');
    expect(changed.version).toBe(2);
    expect((await getRubric(db, 'chat-basics', 1))?.criteria[0]?.title).toBe('Greets the customer');
    const latest = await listLatestRubrics(db);
    expect(latest.find((r) => r.id === 'chat-basics')?.version).toBe(2);
  });

  it('refuses the content of an older version and says which one, changing nothing', async () => {
    await importRubric(db, custom(1), 'now');
    await importRubric(db, custom(1, 'Greets by name'), 'now');
    await importRubric(db, custom(1, 'Greets warmly'), 'now');
    // an older file, whatever version number it carries
    for (const file of [custom(2, 'Greets by name'), custom(7, 'Greets by name')]) {
      const refused = await importRubric(db, file, 'later').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OlderRubricVersionError);
      expect((refused as Error).message).toBe('This is version 2 of "Chat basics", which is already in the library; the newest is version 3. Nothing was imported.');
      expect(refused).toMatchObject({ code: 'rubric-older-version', version: 2, latestVersion: 3 });
    }
    expect(await db.rubrics.count()).toBe(3);
    // the newest version itself is still a harmless re-import
    expect((await importRubric(db, custom(3, 'Greets warmly'), 'now')).version).toBe(3);
  });

  it('makes an older version the newest again on an explicit rollback', async () => {
    await importRubric(db, custom(1), 'now');
    await importRubric(db, custom(1, 'Greets by name'), 'now');
    const rolledBack = await importRubric(db, custom(1), 'later', { rollback: true });
    expect(rolledBack).toMatchObject({ version: 3, criteria: [{ title: 'Greets the customer' }] });
    expect((await listLatestRubrics(db)).find((r) => r.id === 'chat-basics')?.version).toBe(3);
    expect((await db.rubrics.get(['chat-basics', 3]))?.savedAt).toBe('later');
    // now the newest: importing it again (rollback or not) changes nothing
    expect((await importRubric(db, custom(1), 'again')).version).toBe(3);
    expect((await importRubric(db, custom(1), 'again', { rollback: true })).version).toBe(3);
    // a rollback flag on new content is an ordinary new version
    expect((await importRubric(db, custom(1, 'Brand new'), 'now', { rollback: true })).version).toBe(4);
    expect(await db.rubrics.count()).toBe(4);
  });
});

describe('settings', () => {
  it('reads defaults when nothing is stored and keeps updates', async () => {
    expect(await readSettings(db)).toEqual({ schemaVersion: 1, reviewerName: '', customDomains: [], defaultRubricId: null, knownReviewers: {}, sendGuard: 'errors', retentionDays: null, teamStore: DEFAULT_TEAM_STORE, blindScoring: false });
    await updateSettings(db, { reviewerName: 'Priya' });
    const next = await updateSettings(db, (s) => ({ customDomains: [...s.customDomains, { host: 'support.acme.com', helpdesk: 'zendesk' }] }));
    expect(next).toMatchObject({ reviewerName: 'Priya', customDomains: [{ host: 'support.acme.com', helpdesk: 'zendesk' }] });
    expect(await readSettings(db)).toEqual(next);
  });

  it('keeps the fields and the version of a record written by a newer release', async () => {
    const newer = { schemaVersion: 2, reviewerName: 'Future', customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk', label: 'Acme' }], sendCheck: 'off' };
    await db.settings.put({ key: 'app', value: newer });
    const next = await updateSettings(db, { reviewerName: 'Present' });
    expect(next).toMatchObject({ schemaVersion: 1, reviewerName: 'Present', customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk' }] });
    expect(next).not.toHaveProperty('sendCheck');
    expect((await db.settings.get('app'))?.value).toEqual({ ...newer, reviewerName: 'Present' });
    expect(await readSettings(db)).toEqual(next);
  });

  it('stores a pre-release record migrated on the next write', async () => {
    await db.settings.put({ key: 'app', value: { reviewer: 'Old Name', customHosts: ['help.acme.com'] } });
    await updateSettings(db, { defaultRubricId: 'support-default' });
    expect((await db.settings.get('app'))?.value).toEqual({
      schemaVersion: 1,
      reviewerName: 'Old Name',
      customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk' }],
      defaultRubricId: 'support-default',
      knownReviewers: {},
      sendGuard: 'errors',
      retentionDays: null,
      teamStore: DEFAULT_TEAM_STORE,
      blindScoring: false,
    });
  });

  it('migrates a pre-release settings record stored in the database', async () => {
    await db.settings.put({ key: 'app', value: { reviewer: 'Old Name', customHosts: ['help.acme.com'] } });
    expect(await readSettings(db)).toMatchObject({ schemaVersion: 1, reviewerName: 'Old Name', customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk' }] });
  });
});
