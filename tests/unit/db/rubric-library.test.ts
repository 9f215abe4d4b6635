// The rubric library as Options and the editor change it: versions from edits, archive, delete,
// and what a review keeps (the version it was made with).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QaDatabase } from '@/lib/db/schema';
import {
  RubricLibraryError,
  deleteRubric,
  getLatestRubric,
  getRubric,
  importRubric,
  listLatestRubrics,
  listLibrary,
  saveEditedRubric,
  seedBuiltInRubrics,
  setRubricArchived,
} from '@/lib/db/rubrics';
import { openReview, saveDraft, submitReview, type Clock } from '@/lib/db/reviews';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';
import { BUILT_IN_RUBRICS, DEFAULT_RUBRIC_ID } from '@/lib/rubric/templates';
import type { ReviewDraftInput } from '@/lib/review/record';

const chat = (title = 'Greets the customer', extra: Record<string, unknown> = {}): Rubric =>
  parseRubric({
    format: 'qa-rubric/1',
    id: 'chat-basics',
    name: 'Chat basics',
    version: 1,
    appliesTo: { channels: ['chat'] },
    criteria: [
      { id: 'greet', title, scale: { type: 'levels', levels: [{ value: 1, label: 'No' }, { value: 2, label: 'Partly' }, { value: 3, label: 'Yes' }] } },
    ],
    ...extra,
  });

let db: QaDatabase;
let tick = 0;
const clock: Clock = { now: () => new Date(Date.UTC(2026, 10, 25, 12, 0, tick++)).toISOString(), newId: () => `review-${tick}` };

function reviewInput(rubric: Pick<Rubric, 'id' | 'version'>, value: number, ticketId = '42'): ReviewDraftInput {
  return {
    kind: 'review',
    ticket: { helpdesk: 'zendesk', instance: 'acme.zendesk.com', id: ticketId, url: `https://acme.zendesk.com/agent/tickets/${ticketId}`, channel: 'chat', subject: 'Chat' },
    reviewee: { id: '7', name: 'Alex Agent' },
    reviewer: { id: 'zendesk:9', name: 'Priya' },
    rubric: { id: rubric.id, version: rubric.version },
    answers: { greet: { value, comment: '' } },
  };
}

beforeEach(() => {
  db = new QaDatabase(`test-${Math.random()}`);
  tick = 0;
});
afterEach(async () => {
  await db.delete();
});

describe('saving from the editor', () => {
  it('stores a new rubric as version 1 from the editor, whatever version it carries', async () => {
    const saved = await saveEditedRubric(db, { ...chat(), version: 7 }, { baseVersion: null }, 'now');
    expect(saved).toMatchObject({ outcome: 'created', rubric: { id: 'chat-basics', version: 1 } });
    expect(await db.rubrics.get(['chat-basics', 1])).toMatchObject({ source: 'edited', savedAt: 'now' });
  });

  it('refuses a new rubric whose id is taken, naming the rubric that has it', async () => {
    await importRubric(db, chat(), 'now');
    const refused = await saveEditedRubric(db, chat('Other'), { baseVersion: null }, 'now').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RubricLibraryError);
    expect(refused).toMatchObject({ code: 'rubric-id-taken', message: 'Another rubric in the library ("Chat basics") already has the id "chat-basics". Choose another id.' });
    // force overrides a version conflict only, never an id clash
    await expect(saveEditedRubric(db, chat('Other'), { baseVersion: null, force: true }, 'now')).rejects.toMatchObject({ code: 'rubric-id-taken' });
    expect(await db.rubrics.count()).toBe(1);
  });

  it('stores every change as the next version and never rewrites a stored one', async () => {
    await saveEditedRubric(db, chat(), { baseVersion: null }, 't1');
    const second = await saveEditedRubric(db, chat('Greets by name'), { baseVersion: 1 }, 't2');
    expect(second).toMatchObject({ outcome: 'new-version', rubric: { version: 2 } });
    const third = await saveEditedRubric(db, chat('Greets warmly'), { baseVersion: 2 }, 't3');
    expect(third.rubric.version).toBe(3);
    expect((await getRubric(db, 'chat-basics', 1))?.criteria[0]?.title).toBe('Greets the customer');
    expect((await getRubric(db, 'chat-basics', 2))?.criteria[0]?.title).toBe('Greets by name');
    expect((await getLatestRubric(db, 'chat-basics'))?.version).toBe(3);
    expect((await db.rubrics.get(['chat-basics', 1]))?.savedAt).toBe('t1');
  });

  it('changes nothing when the content equals the newest version', async () => {
    await saveEditedRubric(db, chat(), { baseVersion: null }, 't1');
    const again = await saveEditedRubric(db, { ...chat(), version: 5 }, { baseVersion: 1 }, 't2');
    expect(again).toMatchObject({ outcome: 'unchanged', rubric: { version: 1 } });
    expect(await db.rubrics.count()).toBe(1);
    expect((await db.rubrics.get(['chat-basics', 1]))?.savedAt).toBe('t1');
  });

  it('refuses a save based on a version that is no longer the newest, unless forced', async () => {
    await saveEditedRubric(db, chat(), { baseVersion: null }, 't1');
    await saveEditedRubric(db, chat('Saved in another window'), { baseVersion: 1 }, 't2');
    const refused = await saveEditedRubric(db, chat('Mine'), { baseVersion: 1 }, 't3').catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'rubric-conflict',
      message: '"Chat basics" was saved as version 2 in another window after you opened version 1. Save yours as version 3 anyway, or open the newest version.',
    });
    expect(await db.rubrics.count()).toBe(2);
    const forced = await saveEditedRubric(db, chat('Mine'), { baseVersion: 1, force: true }, 't4');
    expect(forced.rubric).toMatchObject({ version: 3, criteria: [{ title: 'Mine' }] });
  });

  it('says so when the rubric was deleted while it was being edited, and adds it back when forced', async () => {
    const refused = await saveEditedRubric(db, chat(), { baseVersion: 2 }, 't1').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'rubric-conflict' });
    expect((refused as Error).message).toContain('deleted in another window');
    expect((await saveEditedRubric(db, chat(), { baseVersion: 2, force: true }, 't2')).rubric.version).toBe(1);
  });

  it('edits a built-in rubric as its next version, keeping the shipped one', async () => {
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, 'seed');
    const builtIn = BUILT_IN_RUBRICS.find((r) => r.id === DEFAULT_RUBRIC_ID)!;
    const edited = await saveEditedRubric(db, { ...builtIn, name: 'Our support quality' }, { baseVersion: builtIn.version }, 'now');
    expect(edited.rubric.version).toBe(builtIn.version + 1);
    expect(await getRubric(db, DEFAULT_RUBRIC_ID, builtIn.version)).toEqual(builtIn);
    // seeding again neither duplicates nor overwrites
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, 'seed again');
    expect((await getLatestRubric(db, DEFAULT_RUBRIC_ID))?.name).toBe('Our support quality');
  });
});

describe('reviews keep their version', () => {
  it('opens, scores and revises an old review with the version it was made with', async () => {
    const v1 = (await saveEditedRubric(db, chat(), { baseVersion: null }, 't1')).rubric;
    await submitReview(db, v1, reviewInput(v1, 2), clock);
    // version 2 puts the scale on 0..4: the same value would score differently under it
    const levels = [0, 1, 2, 3, 4].map((value) => ({ value, label: `L${value}` }));
    const v2 = (await saveEditedRubric(db, chat('Greets', { criteria: [{ id: 'greet', title: 'Greets', scale: { type: 'levels', levels } }] }), { baseVersion: 1 }, 't2')).rubric;
    expect(v2.version).toBe(2);

    const { current } = await openReview(db, { helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '42', reviewerId: 'zendesk:9', rubricId: 'chat-basics', kind: 'review' });
    expect(current).toMatchObject({ rubric: { id: 'chat-basics', version: 1 }, score: 50 });
    expect(await getRubric(db, 'chat-basics', current!.rubric.version)).toEqual(v1);
    // a new review of another ticket is made with the newest version
    const fresh = await saveDraft(db, v2, reviewInput(v2, 2, '43'), clock);
    expect(fresh).toMatchObject({ rubric: { version: 2 }, score: 50 });
    const fresh4 = await saveDraft(db, v2, reviewInput(v2, 4, '43'), clock);
    expect(fresh4.score).toBe(100);
  });
});

describe('archive and restore', () => {
  it('hides an archived rubric from the list the panel reads, keeps it readable, and restores it', async () => {
    await importRubric(db, chat(), 'now');
    await importRubric(db, chat('Greets by name'), 'now');
    await setRubricArchived(db, 'chat-basics', true);
    expect((await listLatestRubrics(db)).map((r) => r.id)).not.toContain('chat-basics');
    expect((await listLatestRubrics(db, { includeArchived: true })).map((r) => r.id)).toContain('chat-basics');
    expect((await getLatestRubric(db, 'chat-basics'))?.version).toBe(2);
    expect(await getRubric(db, 'chat-basics', 1)).not.toBeNull();
    expect((await listLibrary(db)).find((e) => e.rubric.id === 'chat-basics')).toMatchObject({ archived: true, versions: [1, 2] });

    // a version added while archived stays archived
    await saveEditedRubric(db, chat('Greets warmly'), { baseVersion: 2 }, 'now');
    expect((await listLatestRubrics(db)).map((r) => r.id)).not.toContain('chat-basics');
    expect((await db.rubrics.get(['chat-basics', 3]))?.archived).toBe(true);

    await setRubricArchived(db, 'chat-basics', false);
    expect((await listLatestRubrics(db)).find((r) => r.id === 'chat-basics')?.version).toBe(3);
    expect((await db.rubrics.where('id').equals('chat-basics').toArray()).every((r) => !('archived' in r))).toBe(true);
  });

  it('archives a built-in rubric, and a newer built-in version seeded later stays archived', async () => {
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, 'seed');
    await setRubricArchived(db, DEFAULT_RUBRIC_ID, true);
    const builtIn = BUILT_IN_RUBRICS.find((r) => r.id === DEFAULT_RUBRIC_ID)!;
    await seedBuiltInRubrics(db, [{ ...builtIn, version: builtIn.version + 1 }], 'release');
    expect((await listLatestRubrics(db)).map((r) => r.id)).not.toContain(DEFAULT_RUBRIC_ID);
  });

  it('refuses to archive a rubric that is not in the library', async () => {
    await expect(setRubricArchived(db, 'nope', true)).rejects.toMatchObject({ code: 'rubric-missing' });
  });
});

describe('delete', () => {
  it('deletes every version of an unused rubric', async () => {
    await importRubric(db, chat(), 'now');
    await importRubric(db, chat('Greets by name'), 'now');
    expect(await deleteRubric(db, 'chat-basics')).toEqual({ versions: 2 });
    expect(await db.rubrics.count()).toBe(0);
    await expect(deleteRubric(db, 'chat-basics')).rejects.toMatchObject({ code: 'rubric-missing' });
  });

  it('refuses while any review, even a draft of an old version, uses it', async () => {
    const v1 = await importRubric(db, chat(), 'now');
    await saveDraft(db, v1, reviewInput(v1, 3), clock);
    await importRubric(db, chat('Greets by name'), 'now');
    const refused = await deleteRubric(db, 'chat-basics').catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'rubric-in-use',
      message: '"Chat basics" cannot be deleted: 1 review uses it (version 1). Archive it to hide it from the panel.',
    });
    expect(await db.rubrics.count()).toBe(2);
    expect((await listLibrary(db))[0]).toMatchObject({ reviews: 1, usedVersions: [1] });
  });

  it('counts reviews by id across revisions, and copies from the team store too', async () => {
    const v1 = await importRubric(db, chat(), 'now');
    const first = await submitReview(db, v1, reviewInput(v1, 3), clock);
    await saveDraft(db, v1, { ...reviewInput(v1, 1), id: first.id, revise: true }, clock);
    expect((await listLibrary(db))[0]).toMatchObject({ reviews: 1 });
    await db.reviews.where('id').equals(first.id).delete();
    const pulled = { ...first, id: 'pulled-1', ticketKey: 'x', reviewerId: 'other', rubricId: 'chat-basics', origin: 'pulled' as const };
    await db.reviews.put(pulled);
    await expect(deleteRubric(db, 'chat-basics')).rejects.toMatchObject({ code: 'rubric-in-use' });
  });

  it('never deletes a built-in rubric, even when unused', async () => {
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, 'seed');
    await expect(deleteRubric(db, DEFAULT_RUBRIC_ID)).rejects.toMatchObject({ code: 'rubric-built-in' });
    // nor after it was edited: the shipped version is still its first
    const builtIn = BUILT_IN_RUBRICS.find((r) => r.id === DEFAULT_RUBRIC_ID)!;
    await saveEditedRubric(db, { ...builtIn, name: 'Edited' }, { baseVersion: builtIn.version }, 'now');
    await expect(deleteRubric(db, DEFAULT_RUBRIC_ID)).rejects.toMatchObject({ code: 'rubric-built-in' });
    expect((await listLibrary(db)).find((e) => e.rubric.id === DEFAULT_RUBRIC_ID)).toMatchObject({ builtIn: true, source: 'edited' });
  });
});

describe('the library list', () => {
  it('lists each rubric once with its newest version, where it came from and its versions, by name', async () => {
    await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, 'seed');
    await importRubric(db, chat(), 'i1');
    await saveEditedRubric(db, chat('Greets by name'), { baseVersion: 1 }, 'e2');
    const library = await listLibrary(db);
    expect(library.map((e) => e.rubric.name)).toEqual([...library.map((e) => e.rubric.name)].sort((a, b) => a.localeCompare(b)));
    expect(library.find((e) => e.rubric.id === 'chat-basics')).toEqual({
      rubric: expect.objectContaining({ version: 2 }),
      source: 'edited',
      builtIn: false,
      archived: false,
      versions: [1, 2],
      savedAt: 'e2',
      reviews: 0,
      usedVersions: [],
    });
    expect(library.filter((e) => e.builtIn).map((e) => e.rubric.id).sort()).toEqual(BUILT_IN_RUBRICS.map((r) => r.id).sort());
  });
});

describe('backups', () => {
  it('keep an archived rubric archived through a restore', async () => {
    const { createBackup, parseBackup, restoreBackup } = await import('@/lib/db/backup');
    await importRubric(db, chat(), 'now');
    await setRubricArchived(db, 'chat-basics', true);
    const text = JSON.stringify(await createBackup(db, 'now'));
    const other = new QaDatabase(`test-${Math.random()}`);
    try {
      await restoreBackup(other, parseBackup(text), 'replace');
      expect((await other.rubrics.get(['chat-basics', 1]))?.archived).toBe(true);
      expect((await listLatestRubrics(other)).map((r) => r.id)).not.toContain('chat-basics');
    } finally {
      await other.delete();
    }
  });
});
