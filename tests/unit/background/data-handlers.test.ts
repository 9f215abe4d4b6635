// Options → Your data, through the message protocol: backup, restore, retention, delete all.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { TabStates } from '@/lib/background/tab-states';
import { DAY_MS } from '@/lib/db/retention';
import { QaDatabase } from '@/lib/db/schema';
import { readSettings, updateSettings } from '@/lib/db/settings';
import { dispatchMessage, type SenderInfo } from '@/lib/messaging/server';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';
import { dumpTables, fillDatabase } from '../db/data-fixture';

const page: SenderInfo = { fromExtensionPage: true };
const NOW = Date.parse('2026-12-01T08:30:00.000Z');
const opened: QaDatabase[] = [];

function setup() {
  const db = new QaDatabase(`data-${Math.random()}`);
  opened.push(db);
  const spies = {
    libraryChanged: vi.fn(),
    clearSecrets: vi.fn(async () => undefined),
    unregisterDomain: vi.fn(async (_host: string) => undefined),
  };
  const deps: BackgroundDeps = {
    db,
    tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ phase: 'idle' }), now: () => NOW }),
    ready: Promise.resolve(),
    clock: { now: () => new Date(NOW).toISOString(), newId: () => 'id' },
    now: () => NOW,
    reloadTab: async () => undefined,
    registerDomain: async () => undefined,
    ...spies,
  };
  const handlers = createHandlers(deps);
  const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, page)!;
  return { db, send, ...spies };
}

let a: ReturnType<typeof setup>;
beforeEach(async () => {
  a = setup();
  await fillDatabase(a.db);
});
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const dataOf = async <T>(reply: Promise<unknown>) => {
  const r = (await reply) as { ok: boolean; data?: T; error?: unknown };
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.data as T;
};

describe('backup and restore', () => {
  it('downloads every table, previews the file elsewhere, restores it, and tells open pages', async () => {
    const backup = await dataOf<{ text: string; fileName: string }>(a.send('data:backup', {}));
    expect(backup.fileName).toBe('qa-scorecards-backup-2026-12-01.json');
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'qa-backup/1', tables: await dumpTables(a.db) });

    const b = setup();
    const preview = await dataOf<{ tables: Record<string, { new: number }> }>(b.send('data:restore-preview', { text: backup.text }));
    expect(preview.tables.reviews).toEqual({ inFile: 4, new: 4, existing: 0, here: 0 });
    expect(b.libraryChanged).not.toHaveBeenCalled();

    expect(await dataOf(b.send('data:restore', { text: backup.text, mode: 'replace' }))).toEqual({
      mode: 'replace',
      written: { reviews: 4, rubrics: BUILT_IN_RUBRICS.length + 1, settings: 1, outbox: 2 },
    });
    expect(await dumpTables(b.db)).toEqual(await dumpTables(a.db));
    expect(b.libraryChanged).toHaveBeenCalledTimes(1);
  });

  it('refuses a damaged file with its problems and changes nothing', async () => {
    const before = await dumpTables(a.db);
    const text = (await dataOf<{ text: string }>(a.send('data:backup', {}))).text.replace('"qa-review/1"', '"qa-review/9"');
    for (const type of ['data:restore-preview', 'data:restore']) {
      const reply = await a.send(type, { text, mode: 'replace' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'backup-invalid', message: 'Some rows of this backup are damaged. Nothing was changed.' } });
      expect(!reply.ok && reply.error.problems).toEqual([expect.stringMatching(/^reviews\[0\] \(review .+, revision 1\): format: /)]);
    }
    expect(await dumpTables(a.db)).toEqual(before);
    expect(a.libraryChanged).not.toHaveBeenCalled();
  });

  it('puts the built-in rubrics back when a replace brings a file without them', async () => {
    const backup = JSON.parse((await dataOf<{ text: string }>(a.send('data:backup', {}))).text) as { tables: { rubrics: { source: string }[] } };
    backup.tables.rubrics = backup.tables.rubrics.filter((r) => r.source !== 'built-in');
    await dataOf(a.send('data:restore', { text: JSON.stringify(backup), mode: 'replace' }));
    const ids = (await dataOf<{ id: string }[]>(a.send('rubrics:list', {}))).map((r) => r.id).sort();
    expect(ids).toEqual([...BUILT_IN_RUBRICS.map((r) => r.id), 'mini'].sort());
  });
});

describe('retention', () => {
  it('says how many reviews are past the period and how many are kept as not yet sent; deletes them on request', async () => {
    // The fixture's reviews are from 2026-11-20 (11 days before NOW); the pulled copy from 2026-11-01.
    expect(await dataOf(a.send('data:retention-status', {}))).toEqual({ days: 90, expired: 0, keptUnsynced: 0 });
    await updateSettings(a.db, { retentionDays: null });
    expect(await dataOf(a.send('data:retention-status', {}))).toEqual({ days: null, expired: 0, keptUnsynced: 0 });
    expect(await dataOf(a.send('data:purge-expired', { includeUnsynced: true }))).toEqual({ purged: 0, keptUnsynced: 0 });

    const later = setup();
    await fillDatabase(later.db);
    await updateSettings(later.db, (s) => ({ retentionDays: 30, teamStore: { ...s.teamStore, endpoint: 'https://qa.acme.test/reviews' } }));
    // 31 days later: the submitted review waits for the team store, the draft and the pulled copy do not.
    const b = setupAt(later, NOW + 31 * DAY_MS);
    expect(await dataOf(b.send('data:retention-status', {}))).toEqual({ days: 30, expired: 2, keptUnsynced: 1 });
    expect(await dataOf(b.send('data:purge-expired', { includeUnsynced: false }))).toEqual({ purged: 2, keptUnsynced: 1 });
    expect(later.libraryChanged).not.toHaveBeenCalled();
    expect(b.libraryChanged).toHaveBeenCalledTimes(1);
    expect(await dataOf(b.send('data:purge-expired', { includeUnsynced: true }))).toEqual({ purged: 1, keptUnsynced: 0 });
    expect(await later.db.reviews.count()).toBe(0);
    expect(await later.db.outbox.count()).toBe(0);
  });
});

/** Handlers over the same database whose clock reads `nowMs`. */
function setupAt(base: ReturnType<typeof setup>, nowMs: number) {
  const libraryChanged = vi.fn();
  const handlers = createHandlers({
    db: base.db,
    tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ phase: 'idle' }), now: () => nowMs }),
    ready: Promise.resolve(),
    clock: { now: () => new Date(nowMs).toISOString(), newId: () => 'id' },
    now: () => nowMs,
    reloadTab: async () => undefined,
    registerDomain: async () => undefined,
    unregisterDomain: async () => undefined,
    libraryChanged,
  });
  return { send: (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, page)!, libraryChanged };
}

describe('delete all data', () => {
  it('needs the typed confirmation', async () => {
    const before = await dumpTables(a.db);
    expect(await a.send('data:delete-all', {})).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await a.send('data:delete-all', { confirm: 'delete' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dumpTables(a.db)).toEqual(before);
    expect(a.clearSecrets).not.toHaveBeenCalled();
  });

  it('empties every table, keeps the built-in rubrics, drops custom domains and the team-store secret, and tells open pages', async () => {
    await updateSettings(a.db, { customDomains: [{ host: 'support.acme.com', helpdesk: 'zendesk' }] });
    expect(await a.send('data:delete-all', { confirm: 'DELETE' })).toEqual({ ok: true, data: { ok: true } });
    const tables = await dumpTables(a.db);
    expect({ reviews: tables.reviews, settings: tables.settings, outbox: tables.outbox }).toEqual({ reviews: [], settings: [], outbox: [] });
    expect(tables.rubrics.map((r) => [r.id, r.source]).sort()).toEqual(BUILT_IN_RUBRICS.map((r) => [r.id, 'built-in']).sort());
    expect((await readSettings(a.db)).reviewerName).toBe('');
    expect(a.unregisterDomain).toHaveBeenCalledWith('support.acme.com');
    expect(a.clearSecrets).toHaveBeenCalledTimes(1);
    expect(a.libraryChanged).toHaveBeenCalledTimes(1);
  });

  it('still deletes the data when the secret cannot be removed, and says so', async () => {
    a.clearSecrets.mockRejectedValueOnce(new Error('storage unavailable'));
    const reply = await a.send('data:delete-all', { confirm: 'DELETE' });
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('Your data was deleted, but not everything: The team-store sign-in could not be removed (storage unavailable)') } });
    expect(await a.db.reviews.count()).toBe(0);
  });
});
