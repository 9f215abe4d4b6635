// The library messages as pages send them: validation, refusals with their codes, broadcasts.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { TabStates } from '@/lib/background/tab-states';
import { QaDatabase } from '@/lib/db/schema';
import { seedBuiltInRubrics } from '@/lib/db/rubrics';
import { dispatchMessage, type SenderInfo } from '@/lib/messaging/server';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID } from '@/lib/rubric/templates';

const page: SenderInfo = { fromExtensionPage: true };
const chat = (title: string) => ({
  format: 'qa-rubric/1',
  id: 'chat-basics',
  name: 'Chat basics',
  version: 1,
  appliesTo: { channels: ['chat'] },
  criteria: [{ id: 'greet', title, scale: { type: 'binary' } }],
});

let db: QaDatabase;
let handlers: ReturnType<typeof createHandlers>;
let libraryChanged: ReturnType<typeof vi.fn<() => void>>;
const send = (type: string, data: unknown) => dispatchMessage(handlers, { type, data }, page);

beforeEach(() => {
  db = new QaDatabase(`test-${Math.random()}`);
  libraryChanged = vi.fn<() => void>();
  handlers = createHandlers({
    db,
    tabs: new TabStates({ broadcast: () => undefined, askContentScript: async () => ({ phase: 'idle' }), now: () => 5 }),
    ready: () => seedBuiltInRubrics(db, BUILT_IN_RUBRICS, '2026-11-25T00:00:00.000Z'),
    clock: { now: () => '2026-11-25T12:00:00.000Z', newId: () => 'id' },
    reloadTab: async () => undefined,
    registerDomain: async () => undefined,
    unregisterDomain: async () => undefined,
    libraryChanged,
  });
});
afterEach(async () => {
  await db.delete();
});

describe('rubric library messages', () => {
  it('saves a new rubric, then its next version, and tells open pages each time', async () => {
    expect(await send('rubrics:save', { rubric: chat('Greets'), baseVersion: null })).toMatchObject({ ok: true, data: { outcome: 'created', rubric: { version: 1 } } });
    expect(await send('rubrics:save', { rubric: chat('Greets by name'), baseVersion: 1 })).toMatchObject({ ok: true, data: { outcome: 'new-version', rubric: { version: 2 } } });
    expect(libraryChanged).toHaveBeenCalledTimes(2);
    // an unchanged save is no news
    expect(await send('rubrics:save', { rubric: chat('Greets by name'), baseVersion: 2 })).toMatchObject({ ok: true, data: { outcome: 'unchanged' } });
    expect(libraryChanged).toHaveBeenCalledTimes(2);
  });

  it('refuses an invalid rubric with every problem and its path, storing nothing', async () => {
    const reply = await send('rubrics:save', { rubric: { ...chat(''), criteria: [{ id: 'Greet!', title: '', scale: { type: 'levels', levels: [] } }] }, baseVersion: null });
    expect(reply).toMatchObject({ ok: false, error: { code: 'rubric-invalid' } });
    const problems = (reply as { error: { problems: string[] } }).error.problems;
    expect(problems).toEqual(expect.arrayContaining(['criteria[0].title: must not be empty', 'criteria[0].scale.levels: at least 2 levels']));
    expect(problems.some((p) => p.startsWith('criteria[0].id: must be a slug'))).toBe(true);
    expect(await db.rubrics.where('id').equals('chat-basics').count()).toBe(0);
  });

  it('answers refusals with their codes: id taken, conflict, built-in, in use', async () => {
    await send('rubrics:save', { rubric: chat('Greets'), baseVersion: null });
    expect(await send('rubrics:save', { rubric: chat('Other'), baseVersion: null })).toMatchObject({ ok: false, error: { code: 'rubric-id-taken' } });
    await send('rubrics:save', { rubric: chat('Second'), baseVersion: 1 });
    expect(await send('rubrics:save', { rubric: chat('Stale'), baseVersion: 1 })).toMatchObject({ ok: false, error: { code: 'rubric-conflict' } });
    expect(await send('rubrics:save', { rubric: chat('Stale'), baseVersion: 1, force: true })).toMatchObject({ ok: true, data: { rubric: { version: 3 } } });
    expect(await send('rubrics:delete', { id: DEFAULT_RUBRIC_ID })).toMatchObject({ ok: false, error: { code: 'rubric-built-in' } });
    expect(await send('rubrics:delete', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'rubric-missing' } });
    expect(await send('rubrics:delete', { id: 'chat-basics' })).toEqual({ ok: true, data: { versions: 3 } });
  });

  it('keeps archived rubrics out of the panel list but readable by id, and lists them in the library', async () => {
    await send('rubrics:save', { rubric: chat('Greets'), baseVersion: null });
    expect(await send('rubrics:archive', { id: 'chat-basics', archived: true })).toEqual({ ok: true, data: {} });
    const list = (await send('rubrics:list', {})) as { data: { id: string }[] };
    expect(list.data.map((r) => r.id)).toContain(DEFAULT_RUBRIC_ID);
    expect(list.data.map((r) => r.id)).not.toContain('chat-basics');
    const all = (await send('rubrics:list', { includeArchived: true })) as { data: { id: string }[] };
    expect(all.data.map((r) => r.id).sort()).toEqual(['chat-basics', ...list.data.map((r) => r.id)].sort());
    expect(await send('rubrics:get', { id: 'chat-basics' })).toMatchObject({ ok: true, data: { id: 'chat-basics', version: 1 } });
    const library = (await send('rubrics:library', {})) as { data: { rubric: { id: string }; archived: boolean; builtIn: boolean }[] };
    expect(library.data.map((e) => [e.rubric.id, e.archived, e.builtIn])).toEqual(
      expect.arrayContaining([
        ['chat-basics', true, false],
        [DEFAULT_RUBRIC_ID, false, true],
      ]),
    );
    await send('rubrics:archive', { id: 'chat-basics', archived: false });
    expect(((await send('rubrics:list', {})) as { data: { id: string }[] }).data.map((r) => r.id)).toContain('chat-basics');
    expect(libraryChanged).toHaveBeenCalledTimes(3);
  });
});
