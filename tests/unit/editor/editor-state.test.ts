// The rubric editor's model: round trips to qa-rubric/1, ids from titles, reordering, undo,
// validation at the field in plain words, the preview, and the kept draft.
import { describe, expect, it } from 'vitest';
import {
  copyOf,
  criterionGroups,
  editorReducer,
  emptyState,
  fieldKey,
  fieldOfPath,
  fromRubric,
  hasChanges,
  plainMessage,
  previewRubric,
  toRubricInput,
  validate,
  type EditorAction,
  type EditorState,
} from '@/entrypoints/editor/editor-state';
import { isEditorState, readDraft, targetFromSearch, targetKey, writeDraft } from '@/entrypoints/editor/draft-store';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';
import { scoreReview } from '@/lib/rubric/scoring';
import { slugify, uniqueSlug } from '@/lib/rubric/slug';
import { BUILT_IN_RUBRICS } from '@/lib/rubric/templates';

const apply = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const titles = (state: EditorState) => state.criteria.map((c) => c.title);

const sectioned: Rubric = parseRubric({
  format: 'qa-rubric/1',
  id: 'later',
  name: 'Complaints',
  version: 3,
  appliesTo: { channels: ['email', 'chat'], tags: ['complaint'] },
  passMark: 75,
  sections: [
    { id: 'listen', title: 'Listen' },
    { id: 'resolve', title: 'Resolve', description: 'Fix it' },
  ],
  criteria: [
    { id: 'a', title: 'A', section: 'listen', scale: { type: 'binary' } },
    { id: 'b', title: 'B', section: 'listen', weight: 2, critical: true, scale: { type: 'binary' } },
    { id: 'c', title: 'C', section: 'resolve', allowNa: false, target: 'message', scale: { type: 'levels', levels: [{ value: 0, label: 'No' }, { value: 5, label: 'Yes', description: 'Fully' }] } },
    { id: 'd', title: 'D', guidance: 'Look for it', scale: { type: 'binary' } },
  ],
});

describe('slugs', () => {
  it('makes ids from titles and keeps them unique', () => {
    expect(slugify('Acknowledged the problem – in the customer’s words')).toBe('acknowledged-the-problem-in-the-customers-words');
    expect(slugify('Crème brûlée & GDPR!')).toBe('creme-brulee-and-gdpr');
    expect(slugify('   ')).toBe('');
    expect(slugify('x'.repeat(80))).toHaveLength(48);
    expect(uniqueSlug('greet', ['greet', 'greet-2'], 'criterion')).toBe('greet-3');
    expect(uniqueSlug('', [], 'criterion')).toBe('criterion');
  });
});

describe('from and to qa-rubric/1', () => {
  it('gives back every built-in rubric unchanged', () => {
    for (const rubric of BUILT_IN_RUBRICS) {
      const state = fromRubric(rubric, { baseVersion: rubric.version });
      expect(parseRubric(toRubricInput(state).input)).toEqual(rubric);
      expect(validate(state)).toEqual({ problems: [], rubric });
    }
  });

  it('keeps requireCommentBelow, on the rubric and on a criterion, though the form has no field for it', () => {
    const base = BUILT_IN_RUBRICS[0]!;
    const rubric = parseRubric({ ...base, requireCommentBelow: 0.5, criteria: base.criteria.map((c, i) => (i === 0 ? { ...c, requireCommentBelow: 0 } : c)) });
    const state = fromRubric(rubric, { baseVersion: rubric.version });
    expect(parseRubric(toRubricInput(state).input)).toEqual(rubric);
    expect(validate(state)).toEqual({ problems: [], rubric });
    expect(isEditorState(JSON.parse(JSON.stringify(state)))).toBe(true);
  });

  it('keeps every field of a rubric with sections, weights, targets and anchored levels', () => {
    const state = fromRubric(sectioned, { baseVersion: 3 });
    expect(parseRubric(toRubricInput(state).input)).toEqual(sectioned);
    expect(state).toMatchObject({ channels: ['email', 'chat'], tags: 'complaint', passMark: '75' });
    expect(hasChanges(state, state)).toBe(false);
    expect(hasChanges(editorReducer(state, { type: 'set', patch: { passMark: '80' } }), state)).toBe(true);
  });

  it('copies a rubric under a new id as a new rubric, with its criteria ids', () => {
    const copy = copyOf(sectioned, ['later', 'complaints-copy']);
    expect(copy).toMatchObject({ baseVersion: null, name: 'Complaints (copy)', id: 'complaints-copy-2', idEdited: false });
    const rubric = parseRubric(toRubricInput(copy).input);
    expect(rubric.version).toBe(1);
    expect(rubric.criteria.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('writes tags as a list without blanks or repeats, and channels in a fixed order', () => {
    const state = apply(emptyState(), { type: 'set', patch: { tags: ' delivery, ,complaint,delivery ', channels: ['chat', 'email'] } });
    expect(toRubricInput(state).input.appliesTo).toEqual({ channels: ['email', 'chat'], tags: ['delivery', 'complaint'] });
  });
});

describe('ids follow titles until typed', () => {
  it('names a new rubric after its name, unique in the library', () => {
    let state = emptyState(['chat-quality']);
    state = editorReducer(state, { type: 'set', patch: { name: 'Chat quality' } });
    expect(state.id).toBe('chat-quality-2');
    state = editorReducer(state, { type: 'set', patch: { id: 'chat-2026' } });
    state = editorReducer(state, { type: 'set', patch: { name: 'Chat quality 2026' } });
    expect(state.id).toBe('chat-2026');
    // clearing the id hands it back to the name
    state = editorReducer(state, { type: 'set', patch: { id: '' } });
    expect(state).toMatchObject({ id: 'chat-quality-2026', idEdited: false });
  });

  it('never renames a rubric that is already in the library', () => {
    const state = editorReducer(fromRubric(sectioned, { baseVersion: 3 }), { type: 'set', patch: { name: 'Renamed' } });
    expect(state.id).toBe('later');
  });

  it('gives criteria and sections unique ids from their titles', () => {
    let state = emptyState();
    const first = state.criteria[0]!.key;
    state = apply(state, { type: 'criterion', key: first, patch: { title: 'Greets the customer' } }, { type: 'add-criterion', sectionKey: null });
    const second = state.criteria[1]!.key;
    state = editorReducer(state, { type: 'criterion', key: second, patch: { title: 'Greets  the customer!' } });
    expect(state.criteria.map((c) => c.id)).toEqual(['greets-the-customer', 'greets-the-customer-2']);
    state = apply(state, { type: 'add-section' }, { type: 'add-section' });
    state = apply(state, { type: 'section', key: state.sections[0]!.key, patch: { title: 'Tone' } }, { type: 'section', key: state.sections[1]!.key, patch: { title: 'Tone' } });
    expect(state.sections.map((s) => s.id)).toEqual(['tone', 'tone-2']);
  });

  it('keeps the ids of criteria loaded from the library when their titles change', () => {
    const state = fromRubric(sectioned, { baseVersion: 3 });
    const next = editorReducer(state, { type: 'criterion', key: state.criteria[0]!.key, patch: { title: 'Listened carefully' } });
    expect(next.criteria[0]!.id).toBe('a');
  });
});

describe('reordering', () => {
  const state = fromRubric(sectioned, { baseVersion: 3 });
  const key = (title: string, s: EditorState = state) => s.criteria.find((c) => c.title === title)!.key;

  it('moves a criterion within its section, and across a section edge into the next one', () => {
    expect(titles(editorReducer(state, { type: 'move-criterion', key: key('A'), by: 1 }))).toEqual(['B', 'A', 'C', 'D']);
    // B is last in "listen": one more step down puts it first in "resolve"
    const down = editorReducer(state, { type: 'move-criterion', key: key('B'), by: 1 });
    expect(titles(down)).toEqual(['A', 'B', 'C', 'D']);
    expect(criterionGroups(down).map((g) => g.criteria.map((c) => c.title))).toEqual([['A'], ['B', 'C'], ['D']]);
    // C is first in "resolve": one step up puts it last in "listen"
    const up = editorReducer(state, { type: 'move-criterion', key: key('C'), by: -1 });
    expect(criterionGroups(up).map((g) => g.criteria.map((c) => c.title))).toEqual([['A', 'B', 'C'], [], ['D']]);
    // the ends do not move
    expect(editorReducer(state, { type: 'move-criterion', key: key('A'), by: -1 })).toEqual(state);
    expect(editorReducer(state, { type: 'move-criterion', key: key('D'), by: 1 })).toEqual(state);
  });

  it('reaches every place by single steps, through an empty section', () => {
    let s = apply(state, { type: 'add-section' });
    // D (no section) climbs: into the new empty section, then into "resolve", past C, into "listen"…
    const path: string[][][] = [];
    for (let i = 0; i < 5; i++) {
      s = editorReducer(s, { type: 'move-criterion', key: key('D', s), by: -1 });
      path.push(criterionGroups(s).map((g) => g.criteria.map((c) => c.title)));
    }
    expect(path).toEqual([
      [['A', 'B'], ['C'], ['D'], []],
      [['A', 'B'], ['C', 'D'], [], []],
      [['A', 'B'], ['D', 'C'], [], []],
      [['A', 'B', 'D'], ['C'], [], []],
      [['A', 'D', 'B'], ['C'], [], []],
    ]);
  });

  it('drops a criterion before another one or at the end of a section, taking that section', () => {
    const resolve = state.sections[1]!.key;
    const before = editorReducer(state, { type: 'drop-criterion', key: key('D'), sectionKey: state.sections[0]!.key, beforeKey: key('A') });
    expect(criterionGroups(before).map((g) => g.criteria.map((c) => c.title))).toEqual([['D', 'A', 'B'], ['C'], []]);
    const end = editorReducer(state, { type: 'drop-criterion', key: key('A'), sectionKey: resolve, beforeKey: null });
    expect(criterionGroups(end).map((g) => g.criteria.map((c) => c.title))).toEqual([['B'], ['C', 'A'], ['D']]);
    expect(parseRubric(toRubricInput(end).input).criteria.find((c) => c.id === 'a')?.section).toBe('resolve');
  });

  it('moves sections with their criteria', () => {
    const moved = editorReducer(state, { type: 'move-section', key: state.sections[1]!.key, by: -1 });
    expect(moved.sections.map((s) => s.title)).toEqual(['Resolve', 'Listen']);
    expect(titles(moved)).toEqual(['C', 'A', 'B', 'D']);
    const dropped = editorReducer(state, { type: 'drop-section', key: state.sections[0]!.key, beforeKey: null });
    expect(titles(dropped)).toEqual(['C', 'A', 'B', 'D']);
  });

  it('puts a criterion given another section at the end of that section', () => {
    const moved = editorReducer(state, { type: 'criterion', key: key('D'), patch: { sectionKey: state.sections[0]!.key } });
    expect(criterionGroups(moved).map((g) => g.criteria.map((c) => c.title))).toEqual([['A', 'B', 'D'], ['C'], []]);
  });
});

describe('remove and undo', () => {
  const state = fromRubric(sectioned, { baseVersion: 3 });

  it('puts a removed criterion back where it was', () => {
    const b = state.criteria[1]!;
    const removed = editorReducer(state, { type: 'remove-criterion', key: b.key });
    expect(titles(removed)).toEqual(['A', 'C', 'D']);
    expect(editorReducer(removed, { type: 'insert-criterion', criterion: b, index: 1 })).toEqual(state);
  });

  it('keeps ids unique when the undone criterion’s id was taken meanwhile', () => {
    const b = state.criteria[1]!;
    const removed = editorReducer(state, { type: 'remove-criterion', key: b.key });
    const taken = editorReducer(removed, { type: 'criterion', key: removed.criteria[0]!.key, patch: { id: 'b' } });
    const back = editorReducer(taken, { type: 'insert-criterion', criterion: b, index: 1 });
    expect(back.criteria.map((c) => c.id)).toEqual(['b', 'b-2', 'c', 'd']);
  });

  it('keeps the criteria of a removed section, and gives them back on undo', () => {
    const listen = state.sections[0]!;
    const removed = editorReducer(state, { type: 'remove-section', key: listen.key });
    expect(criterionGroups(removed).map((g) => g.criteria.map((c) => c.title))).toEqual([['C'], ['A', 'B', 'D']]);
    const back = editorReducer(removed, { type: 'insert-section', section: listen, index: 0, criterionKeys: state.criteria.filter((c) => c.sectionKey === listen.key).map((c) => c.key) });
    expect(parseRubric(toRubricInput(back).input)).toEqual(sectioned);
  });

  it('puts a removed level back', () => {
    const c = state.criteria[2]!;
    const removed = editorReducer(state, { type: 'remove-level', criterionKey: c.key, levelKey: c.levels[0]!.key });
    expect(editorReducer(removed, { type: 'insert-level', criterionKey: c.key, level: c.levels[0]!, index: 0 })).toEqual(state);
  });
});

describe('scales', () => {
  it('adds levels with the next value, up to 11, and keeps them while the scale is yes/no', () => {
    let state = emptyState();
    const key = state.criteria[0]!.key;
    expect(state.criteria[0]!.levels.map((l) => l.value)).toEqual(['1', '2', '3']);
    for (let i = 0; i < 10; i++) state = editorReducer(state, { type: 'add-level', criterionKey: key });
    expect(state.criteria[0]!.levels.map((l) => l.value)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    state = editorReducer(state, { type: 'criterion', key, patch: { scaleType: 'binary' } });
    expect((toRubricInput(state).input.criteria as { scale: unknown }[])[0]!.scale).toEqual({ type: 'binary' });
    state = editorReducer(state, { type: 'criterion', key, patch: { scaleType: 'levels' } });
    expect(state.criteria[0]!.levels).toHaveLength(11);
  });
});

describe('validation at the field, in plain words', () => {
  it('points a blank rubric’s problems at its name and its criterion’s title, with the file path kept aside', () => {
    const state = emptyState();
    const { problems, rubric } = validate(state);
    expect(rubric).toBeNull();
    expect(problems).toEqual([
      { field: 'rubric.name', path: 'name', message: 'The name must not be empty.' },
      { field: fieldKey.criterion(state.criteria[0]!.key, 'title'), path: 'criteria[0].title', message: 'The title must not be empty.' },
    ]);
  });

  it('says what is wrong with numbers, duplicate values and ids, without JSON paths in the words', () => {
    let state = fromRubric(sectioned, { baseVersion: 3 });
    const [a, b, c] = state.criteria;
    state = apply(
      state,
      { type: 'criterion', key: a!.key, patch: { weight: '' } },
      { type: 'criterion', key: b!.key, patch: { id: 'a' } },
      { type: 'level', criterionKey: c!.key, levelKey: c!.levels[1]!.key, patch: { value: '0' } },
      { type: 'set', patch: { passMark: '120' } },
    );
    const { problems } = validate(state);
    expect(problems).toEqual([
      { field: fieldKey.criterion(a!.key, 'weight'), path: 'criteria[0].weight', message: 'The weight needs a number.' },
      { field: 'rubric.passMark', path: 'passMark', message: 'The pass mark must be between 0 and 100 (got 120).' },
      { field: fieldKey.criterion(b!.key, 'id'), path: 'criteria[1].id', message: 'Another criterion already has the id "a". Each criterion needs its own id.' },
      { field: fieldKey.level(c!.key, c!.levels[1]!.key, 'value'), path: 'criteria[2].scale.levels[1].value', message: 'Another level already has the value 0. Each level needs its own value.' },
    ]);
    for (const p of problems) expect(p.message).not.toMatch(/\[\d+\]|criteria\./);
  });

  it('refuses an id another rubric of the library has, for a new rubric only', () => {
    const state = copyOf(sectioned, []);
    const clash = editorReducer({ ...state, otherRubricIds: ['later'] }, { type: 'set', patch: { id: 'later' } });
    expect(validate(clash).problems).toEqual([{ field: 'rubric.id', path: 'id', message: 'Another rubric in the library already has the id "later". Choose another id.' }]);
    expect(validate(fromRubric(sectioned, { baseVersion: 3, otherRubricIds: ['other'] })).problems).toEqual([]);
  });

  it('asks for a slug when an id is typed with other characters', () => {
    const state = emptyState();
    const typed = editorReducer(state, { type: 'set', patch: { name: 'X', id: 'My Rubric' } });
    expect(validate(typed).problems[0]).toMatchObject({ field: 'rubric.id', message: expect.stringMatching(/^The rubric id must be a slug of lowercase letters/) });
  });

  it('maps file paths to fields and rewords the schema’s messages', () => {
    const index = { sectionKeys: ['s1'], criterionKeys: ['c2', 'c3'], levelKeys: [['l4', 'l5'], []] };
    expect(fieldOfPath('criteria[0].scale.levels[1].label', index)).toBe('level.c2.l5.label');
    expect(fieldOfPath('criteria[0].scale.levels', index)).toBe('criterion.c2.scale');
    expect(fieldOfPath('criteria[1].weight', index)).toBe('criterion.c3.weight');
    expect(fieldOfPath('criteria[1]', index)).toBe('criterion.c3.title');
    expect(fieldOfPath('sections[0].id', index)).toBe('section.s1.id');
    expect(fieldOfPath('appliesTo.channels[0]', index)).toBe('rubric.channels');
    expect(fieldOfPath('criteria', index)).toBe('criteria');
    expect(fieldOfPath('(root)', index)).toBe('rubric');
    expect(plainMessage('criterion.c2.scale', 'at least 2 levels')).toBe('A scale needs at least 2 levels.');
    expect(plainMessage('level.c2.l4.label', 'must not be empty')).toBe('The label must not be empty.');
  });
});

describe('the preview', () => {
  it('draws a half-typed rubric with placeholders, and scores it as the panel would', () => {
    let state = emptyState();
    const key = state.criteria[0]!.key;
    state = apply(state, { type: 'criterion', key, patch: { weight: 'x' } }, { type: 'level', criterionKey: key, levelKey: state.criteria[0]!.levels[2]!.key, patch: { value: '', label: '' } });
    const preview = previewRubric(state);
    expect(preview).toMatchObject({ name: 'Untitled rubric', criteria: [{ title: 'Criterion 1 (no title yet)', weight: 1, scale: { type: 'levels', levels: [{ value: 1 }, { value: 2 }] } }] });
    expect(scoreReview(preview, { [key]: 2 }).score).toBe(100);
  });

  it('keeps criteria apart by key while two of them share a typed id', () => {
    let state = apply(emptyState(), { type: 'add-criterion', sectionKey: null });
    state = editorReducer(state, { type: 'criterion', key: state.criteria[1]!.key, patch: { id: state.criteria[0]!.id } });
    const ids = previewRubric(state).criteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('the kept draft', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
  };

  it('keeps one draft per rubric, copy source and new rubric, and reads back what it wrote', () => {
    expect(targetFromSearch('?id=later')).toEqual({ kind: 'edit', id: 'later' });
    expect(targetFromSearch('?from=later')).toEqual({ kind: 'copy', id: 'later' });
    expect(targetFromSearch('')).toEqual({ kind: 'new' });
    expect(new Set([targetKey({ kind: 'new' }), targetKey({ kind: 'edit', id: 'x' }), targetKey({ kind: 'copy', id: 'x' })]).size).toBe(3);
    const storage = memory();
    const state = fromRubric(sectioned, { baseVersion: 3 });
    expect(writeDraft(storage, { kind: 'edit', id: 'later' }, state, 42)).toBe(true);
    expect(readDraft(storage, { kind: 'edit', id: 'later' })).toEqual({ draftVersion: 1, savedAt: 42, state });
    expect(readDraft(storage, { kind: 'new' })).toBeNull();
  });

  it('drops damaged or foreign drafts instead of showing them, and says when it cannot keep one', () => {
    const storage = memory();
    storage.setItem(targetKey({ kind: 'new' }), '{ not json');
    expect(readDraft(storage, { kind: 'new' })).toBeNull();
    storage.setItem(targetKey({ kind: 'new' }), JSON.stringify({ draftVersion: 1, savedAt: 1, state: { ...emptyState(), criteria: [{ key: 'c1' }] } }));
    expect(readDraft(storage, { kind: 'new' })).toBeNull();
    expect(isEditorState(emptyState())).toBe(true);
    const full = { setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(writeDraft(full, { kind: 'new' }, emptyState(), 1)).toBe(false);
  });
});
