import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import { getRubric, importRubric, listLatestRubrics, seedBuiltInRubrics } from '@/lib/db/rubrics';
import { readSettings, updateSettings } from '@/lib/db/settings';
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

  it('imports a rubric, ignores an identical re-import and versions a changed one', async () => {
    expect((await importRubric(db, custom(1), 'now')).version).toBe(1);
    expect((await importRubric(db, custom(1), 'now')).version).toBe(1);
    const changed = await importRubric(db, custom(1, 'Greets by name'), 'now');
    expect(changed.version).toBe(2);
    expect((await getRubric(db, 'chat-basics', 1))?.criteria[0]?.title).toBe('Greets the customer');
    const latest = await listLatestRubrics(db);
    expect(latest.find((r) => r.id === 'chat-basics')?.version).toBe(2);
  });
});

describe('settings', () => {
  it('reads defaults when nothing is stored and keeps updates', async () => {
    expect(await readSettings(db)).toEqual({ schemaVersion: 1, reviewerName: '', customDomains: [], defaultRubricId: null, knownReviewers: {}, sendGuard: 'errors' });
    await updateSettings(db, { reviewerName: 'Priya' });
    const next = await updateSettings(db, (s) => ({ customDomains: [...s.customDomains, { host: 'support.acme.com', helpdesk: 'zendesk' }] }));
    expect(next).toMatchObject({ reviewerName: 'Priya', customDomains: [{ host: 'support.acme.com', helpdesk: 'zendesk' }] });
    expect(await readSettings(db)).toEqual(next);
  });

  it('migrates a pre-release settings record stored in the database', async () => {
    await db.settings.put({ key: 'app', value: { reviewer: 'Old Name', customHosts: ['help.acme.com'] } });
    expect(await readSettings(db)).toMatchObject({ schemaVersion: 1, reviewerName: 'Old Name', customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk' }] });
  });
});
