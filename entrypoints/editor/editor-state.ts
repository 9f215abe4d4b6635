// The rubric editor's model: what the author is typing (numbers as text, ids that follow titles,
// keys that survive reordering), how each edit changes it, how it becomes a `qa-rubric/1` file,
// and which field each problem of that file belongs to. Pure: no DOM, no clock, no randomness
// (keys come from a counter in the state), so it is unit-tested without a browser.
import type { Channel } from '@/lib/helpdesk/types';
import { MAX_LEVELS, MIN_LEVELS, RUBRIC_FORMAT, RubricError, parseRubric, type Criterion, type Rubric } from '@/lib/rubric/schema';
import { slugify, uniqueSlug } from '@/lib/rubric/slug';

export const CHANNEL_OPTIONS = [
  { value: 'email', label: 'Email' },
  { value: 'chat', label: 'Chat' },
  { value: 'messaging', label: 'Messaging' },
  { value: 'phone', label: 'Phone' },
  { value: 'web', label: 'Web form' },
  { value: 'social', label: 'Social' },
  { value: 'other', label: 'Other' },
] as const satisfies readonly { value: Channel; label: string }[];

export type ScaleType = 'binary' | 'levels';
export type Target = Criterion['target'];

export interface EditorLevel {
  key: string;
  /** as typed; a number once valid */
  value: string;
  label: string;
  description: string;
}

export interface EditorCriterion {
  key: string;
  id: string;
  /** false while the id follows the title */
  idEdited: boolean;
  title: string;
  sectionKey: string | null;
  guidance: string;
  weight: string;
  critical: boolean;
  allowNa: boolean;
  target: Target;
  scaleType: ScaleType;
  /** kept while the scale is yes/no, so switching back restores them */
  levels: EditorLevel[];
  /** carried through unchanged: the editor has no field for it yet, and a save must not drop it */
  requireCommentBelow?: number;
}

export interface EditorSection {
  key: string;
  id: string;
  idEdited: boolean;
  title: string;
  description: string;
}

export interface EditorState {
  /** the newest version when the editor opened the rubric; null for a rubric new to the library */
  baseVersion: number | null;
  id: string;
  idEdited: boolean;
  name: string;
  description: string;
  passMark: string;
  /** carried through unchanged, as on a criterion */
  requireCommentBelow?: number;
  channels: Channel[];
  /** as typed: comma-separated */
  tags: string;
  sections: EditorSection[];
  /** always in the panel's order: each section's criteria in section order, then those without one */
  criteria: EditorCriterion[];
  /** ids of the other rubrics in the library (a new rubric's id must differ from all) */
  otherRubricIds: string[];
  nextKey: number;
}

// ---------------------------------------------------------------------------------------------
// Building a state

const DEFAULT_LEVELS: readonly [number, string][] = [
  [1, 'Not met'],
  [2, 'Partly met'],
  [3, 'Met'],
];

function takeKey(state: Pick<EditorState, 'nextKey'>, prefix: string): [string, number] {
  return [`${prefix}${state.nextKey}`, state.nextKey + 1];
}

function newCriterion(state: EditorState, sectionKey: string | null): [EditorCriterion, number] {
  let next = state.nextKey;
  const key = `c${next++}`;
  const levels = DEFAULT_LEVELS.map(([value, label]) => ({ key: `l${next++}`, value: String(value), label, description: '' }));
  const id = uniqueSlug('', state.criteria.map((c) => c.id), 'criterion');
  return [
    { key, id, idEdited: false, title: '', sectionKey, guidance: '', weight: '1', critical: false, allowNa: true, target: 'conversation', scaleType: 'levels', levels },
    next,
  ];
}

/** A blank rubric with one criterion to fill in. */
export function emptyState(otherRubricIds: readonly string[] = []): EditorState {
  const base: EditorState = {
    baseVersion: null,
    id: uniqueSlug('', otherRubricIds, 'rubric'),
    idEdited: false,
    name: '',
    description: '',
    passMark: '',
    channels: [],
    tags: '',
    sections: [],
    criteria: [],
    otherRubricIds: [...otherRubricIds],
    nextKey: 1,
  };
  const [criterion, nextKey] = newCriterion(base, null);
  return { ...base, criteria: [criterion], nextKey };
}

/** The editor state of a stored rubric; `baseVersion` null makes it a new rubric (a copy). */
export function fromRubric(rubric: Rubric, options: { baseVersion: number | null; otherRubricIds?: readonly string[] }): EditorState {
  let next = 1;
  const sectionKeys = new Map<string, string>();
  const sections = (rubric.sections ?? []).map((s): EditorSection => {
    const key = `s${next++}`;
    sectionKeys.set(s.id, key);
    return { key, id: s.id, idEdited: true, title: s.title, description: s.description ?? '' };
  });
  const criteria = rubric.criteria.map((c): EditorCriterion => {
    const key = `c${next++}`;
    const levels =
      c.scale.type === 'levels'
        ? c.scale.levels.map((l) => ({ key: `l${next++}`, value: String(l.value), label: l.label, description: l.description ?? '' }))
        : [
            { key: `l${next++}`, value: '0', label: 'No', description: '' },
            { key: `l${next++}`, value: '1', label: 'Yes', description: '' },
          ];
    return {
      key,
      id: c.id,
      idEdited: true,
      title: c.title,
      sectionKey: c.section ? (sectionKeys.get(c.section) ?? null) : null,
      guidance: c.guidance ?? '',
      weight: String(c.weight),
      critical: c.critical,
      allowNa: c.allowNa,
      target: c.target,
      scaleType: c.scale.type,
      levels,
      ...(c.requireCommentBelow !== undefined ? { requireCommentBelow: c.requireCommentBelow } : {}),
    };
  });
  return {
    baseVersion: options.baseVersion,
    id: rubric.id,
    idEdited: true,
    name: rubric.name,
    description: rubric.description ?? '',
    passMark: rubric.passMark === undefined ? '' : String(rubric.passMark),
    ...(rubric.requireCommentBelow !== undefined ? { requireCommentBelow: rubric.requireCommentBelow } : {}),
    channels: [...(rubric.appliesTo?.channels ?? [])],
    tags: (rubric.appliesTo?.tags ?? []).join(', '),
    sections,
    criteria: ordered(criteria, sections),
    otherRubricIds: [...(options.otherRubricIds ?? [])],
    nextKey: next,
  };
}

/** A copy of a library rubric to save under a new id, as version 1. */
export function copyOf(rubric: Rubric, otherRubricIds: readonly string[]): EditorState {
  const name = `${rubric.name} (copy)`;
  return { ...fromRubric(rubric, { baseVersion: null, otherRubricIds }), name, id: uniqueSlug(slugify(name), otherRubricIds, 'rubric'), idEdited: false };
}

// ---------------------------------------------------------------------------------------------
// Edits

export type EditorAction =
  | { type: 'set'; patch: Partial<Pick<EditorState, 'id' | 'name' | 'description' | 'passMark' | 'channels' | 'tags'>> }
  | { type: 'criterion'; key: string; patch: Partial<Omit<EditorCriterion, 'key' | 'levels' | 'idEdited'>> }
  | { type: 'add-criterion'; sectionKey: string | null }
  | { type: 'remove-criterion'; key: string }
  | { type: 'insert-criterion'; criterion: EditorCriterion; index: number }
  | { type: 'move-criterion'; key: string; by: -1 | 1 }
  | { type: 'drop-criterion'; key: string; sectionKey: string | null; beforeKey: string | null }
  | { type: 'section'; key: string; patch: Partial<Pick<EditorSection, 'id' | 'title' | 'description'>> }
  | { type: 'add-section' }
  | { type: 'remove-section'; key: string }
  | { type: 'insert-section'; section: EditorSection; index: number; criterionKeys: string[] }
  | { type: 'move-section'; key: string; by: -1 | 1 }
  | { type: 'drop-section'; key: string; beforeKey: string | null }
  | { type: 'level'; criterionKey: string; levelKey: string; patch: Partial<Omit<EditorLevel, 'key'>> }
  | { type: 'add-level'; criterionKey: string }
  | { type: 'remove-level'; criterionKey: string; levelKey: string }
  | { type: 'insert-level'; criterionKey: string; level: EditorLevel; index: number }
  | { type: 'other-rubric-ids'; ids: string[] }
  /** stored as `version`: from now on the id is the library's and edits make the next version */
  | { type: 'saved'; version: number }
  | { type: 'replace'; state: EditorState };

/** The key the next added item gets (to move focus to it). */
export function nextKeyOf(state: EditorState, kind: 'criterion' | 'section' | 'level'): string {
  return takeKey(state, { criterion: 'c', section: 's', level: 'l' }[kind])[0];
}

/** Groups in the panel's order: each section, then criteria without a section. */
export function criterionGroups(state: Pick<EditorState, 'sections' | 'criteria'>): { sectionKey: string | null; criteria: EditorCriterion[] }[] {
  return [...state.sections.map((s) => s.key), null].map((sectionKey) => ({ sectionKey, criteria: state.criteria.filter((c) => c.sectionKey === sectionKey) }));
}

function ordered(criteria: EditorCriterion[], sections: readonly EditorSection[]): EditorCriterion[] {
  const rank = new Map(sections.map((s, i) => [s.key, i]));
  const rankOf = (c: EditorCriterion) => (c.sectionKey === null ? sections.length : (rank.get(c.sectionKey) ?? sections.length));
  // Array.prototype.sort is stable: within a group the order stays as it was.
  return [...criteria].sort((a, b) => rankOf(a) - rankOf(b));
}

function replaceAt<T extends { key: string }>(items: readonly T[], key: string, update: (item: T) => T): T[] {
  return items.map((item) => (item.key === key ? update(item) : item));
}

function moveInArray<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const clampIndex = (index: number, length: number) => Math.max(0, Math.min(index, length));

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'set': {
      const { patch } = action;
      let next: EditorState = { ...state, ...patch };
      if (patch.id !== undefined) {
        // Clearing the id hands it back to the name.
        next.idEdited = patch.id !== '';
        if (patch.id === '') next.id = uniqueSlug(slugify(next.name), state.otherRubricIds, 'rubric');
      } else if (patch.name !== undefined && !state.idEdited && state.baseVersion === null) {
        next = { ...next, id: uniqueSlug(slugify(patch.name), state.otherRubricIds, 'rubric') };
      }
      return next;
    }
    case 'saved':
      return { ...state, baseVersion: action.version, idEdited: true };
    case 'replace':
      return action.state;
    case 'other-rubric-ids': {
      const next = { ...state, otherRubricIds: action.ids };
      return !state.idEdited && state.baseVersion === null ? { ...next, id: uniqueSlug(slugify(state.name), action.ids, 'rubric') } : next;
    }
    case 'criterion': {
      const others = (key: string) => state.criteria.filter((c) => c.key !== key).map((c) => c.id);
      let moved = false;
      let nextKey = state.nextKey;
      let criteria = replaceAt(state.criteria, action.key, (c) => {
        const next = { ...c, ...action.patch };
        if (action.patch.id !== undefined) {
          next.idEdited = action.patch.id !== '';
          if (action.patch.id === '') next.id = uniqueSlug(slugify(next.title), others(c.key), 'criterion');
        } else if (action.patch.title !== undefined && !c.idEdited) {
          next.id = uniqueSlug(slugify(action.patch.title), others(c.key), 'criterion');
        }
        if (action.patch.scaleType === 'levels' && next.levels.length < MIN_LEVELS) {
          next.levels = DEFAULT_LEVELS.map(([value, label]) => ({ key: `l${nextKey++}`, value: String(value), label, description: '' }));
        }
        moved = action.patch.sectionKey !== undefined && action.patch.sectionKey !== c.sectionKey;
        return next;
      });
      // A criterion given another section goes to the end of that section.
      if (moved) {
        const index = criteria.findIndex((c) => c.key === action.key);
        criteria = moveInArray(criteria, index, criteria.length - 1);
      }
      return { ...state, criteria: ordered(criteria, state.sections), nextKey };
    }
    case 'add-criterion': {
      const [criterion, nextKey] = newCriterion(state, action.sectionKey);
      return { ...state, criteria: ordered([...state.criteria, criterion], state.sections), nextKey };
    }
    case 'remove-criterion':
      return { ...state, criteria: state.criteria.filter((c) => c.key !== action.key) };
    case 'insert-criterion': {
      if (state.criteria.some((c) => c.key === action.criterion.key)) return state;
      const sectionKey = state.sections.some((s) => s.key === action.criterion.sectionKey) ? action.criterion.sectionKey : null;
      // Its id may have been taken meanwhile; ids must stay unique.
      const id = uniqueSlug(action.criterion.id, state.criteria.map((c) => c.id), 'criterion');
      const criteria = [...state.criteria];
      criteria.splice(clampIndex(action.index, criteria.length), 0, { ...action.criterion, sectionKey, id });
      return { ...state, criteria: ordered(criteria, state.sections) };
    }
    case 'move-criterion':
      return moveCriterion(state, action.key, action.by);
    case 'drop-criterion': {
      if (action.key === action.beforeKey) return state;
      const criterion = state.criteria.find((c) => c.key === action.key);
      if (!criterion) return state;
      const rest = state.criteria.filter((c) => c.key !== action.key);
      const moved = { ...criterion, sectionKey: action.sectionKey };
      const before = action.beforeKey === null ? -1 : rest.findIndex((c) => c.key === action.beforeKey);
      if (before >= 0) rest.splice(before, 0, moved);
      else {
        // the end of its section: after the section's last criterion (ordering places the rest)
        const lastInSection = rest.map((c) => c.sectionKey).lastIndexOf(action.sectionKey);
        rest.splice(lastInSection >= 0 ? lastInSection + 1 : rest.length, 0, moved);
      }
      return { ...state, criteria: ordered(rest, state.sections) };
    }
    case 'section': {
      const others = (key: string) => state.sections.filter((s) => s.key !== key).map((s) => s.id);
      const sections = replaceAt(state.sections, action.key, (s) => {
        const next = { ...s, ...action.patch };
        if (action.patch.id !== undefined) {
          next.idEdited = action.patch.id !== '';
          if (action.patch.id === '') next.id = uniqueSlug(slugify(next.title), others(s.key), 'section');
        } else if (action.patch.title !== undefined && !s.idEdited) {
          next.id = uniqueSlug(slugify(action.patch.title), others(s.key), 'section');
        }
        return next;
      });
      return { ...state, sections };
    }
    case 'add-section': {
      const [key, nextKey] = takeKey(state, 's');
      const id = uniqueSlug('', state.sections.map((s) => s.id), 'section');
      return { ...state, sections: [...state.sections, { key, id, idEdited: false, title: '', description: '' }], nextKey };
    }
    case 'remove-section': {
      // Its criteria stay, without a section.
      const sections = state.sections.filter((s) => s.key !== action.key);
      const criteria = state.criteria.map((c) => (c.sectionKey === action.key ? { ...c, sectionKey: null } : c));
      return { ...state, sections, criteria: ordered(criteria, sections) };
    }
    case 'insert-section': {
      if (state.sections.some((s) => s.key === action.section.key)) return state;
      const id = uniqueSlug(action.section.id, state.sections.map((s) => s.id), 'section');
      const sections = [...state.sections];
      sections.splice(clampIndex(action.index, sections.length), 0, { ...action.section, id });
      const back = new Set(action.criterionKeys);
      const criteria = state.criteria.map((c) => (back.has(c.key) && c.sectionKey === null ? { ...c, sectionKey: action.section.key } : c));
      return { ...state, sections, criteria: ordered(criteria, sections) };
    }
    case 'move-section': {
      const index = state.sections.findIndex((s) => s.key === action.key);
      const to = index + action.by;
      if (index < 0 || to < 0 || to >= state.sections.length) return state;
      const sections = moveInArray(state.sections, index, to);
      return { ...state, sections, criteria: ordered(state.criteria, sections) };
    }
    case 'drop-section': {
      if (action.key === action.beforeKey) return state;
      const section = state.sections.find((s) => s.key === action.key);
      if (!section) return state;
      const rest = state.sections.filter((s) => s.key !== action.key);
      const before = action.beforeKey === null ? -1 : rest.findIndex((s) => s.key === action.beforeKey);
      rest.splice(before >= 0 ? before : rest.length, 0, section);
      return { ...state, sections: rest, criteria: ordered(state.criteria, rest) };
    }
    case 'level':
      return {
        ...state,
        criteria: replaceAt(state.criteria, action.criterionKey, (c) => ({ ...c, levels: replaceAt(c.levels, action.levelKey, (l) => ({ ...l, ...action.patch })) })),
      };
    case 'add-level': {
      const [key, nextKey] = takeKey(state, 'l');
      return {
        ...state,
        nextKey,
        criteria: replaceAt(state.criteria, action.criterionKey, (c) => {
          if (c.levels.length >= MAX_LEVELS) return c;
          const values = c.levels.map((l) => Number(l.value.trim())).filter((v) => Number.isFinite(v));
          const value = values.length ? Math.max(...values) + 1 : c.levels.length + 1;
          return { ...c, levels: [...c.levels, { key, value: String(value), label: '', description: '' }] };
        }),
      };
    }
    case 'remove-level':
      return { ...state, criteria: replaceAt(state.criteria, action.criterionKey, (c) => ({ ...c, levels: c.levels.filter((l) => l.key !== action.levelKey) })) };
    case 'insert-level':
      return {
        ...state,
        criteria: replaceAt(state.criteria, action.criterionKey, (c) => {
          if (c.levels.some((l) => l.key === action.level.key)) return c;
          const levels = [...c.levels];
          levels.splice(clampIndex(action.index, levels.length), 0, action.level);
          return { ...c, levels };
        }),
      };
  }
}


/**
 * One step up or down in the panel's order. At the edge of a section the criterion moves into the
 * neighbouring section (its last place going up, its first going down), so the keyboard reaches
 * every position a drag can.
 */
function moveCriterion(state: EditorState, key: string, by: -1 | 1): EditorState {
  const groups = criterionGroups(state);
  const g = groups.findIndex((group) => group.criteria.some((c) => c.key === key));
  if (g < 0) return state;
  const group = groups[g]!;
  const position = group.criteria.findIndex((c) => c.key === key);
  const neighbour = group.criteria[position + by];
  if (neighbour) {
    const from = state.criteria.findIndex((c) => c.key === key);
    const to = state.criteria.findIndex((c) => c.key === neighbour.key);
    return { ...state, criteria: moveInArray(state.criteria, from, to) };
  }
  const target = groups[g + by];
  if (!target) return state;
  const criterion = state.criteria.find((c) => c.key === key)!;
  const beforeKey = by === 1 ? (target.criteria[0]?.key ?? null) : null;
  return editorReducer(state, { type: 'drop-criterion', key: criterion.key, sectionKey: target.sectionKey, beforeKey });
}

// ---------------------------------------------------------------------------------------------
// To the file format, and the file's problems back to fields

/** Where each part of the file came from, to put a problem next to the field it is about. */
export interface PathIndex {
  sectionKeys: string[];
  criterionKeys: string[];
  levelKeys: string[][];
}

/** A number where the text is one; otherwise the text itself, so validation names the bad value. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : text;
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text.trim());

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** The `qa-rubric/1` document the state describes (not yet validated), and where each part came from. */
export function toRubricInput(state: EditorState): { input: Record<string, unknown>; index: PathIndex } {
  const sectionIds = new Map(state.sections.map((s) => [s.key, s.id]));
  const channels = CHANNEL_OPTIONS.map((o) => o.value).filter((c) => state.channels.includes(c));
  const tags = parseTags(state.tags);
  const appliesTo = channels.length || tags.length ? { ...(channels.length ? { channels } : {}), ...(tags.length ? { tags } : {}) } : undefined;
  const criteria = state.criteria.map((c) => ({
    id: c.id,
    title: c.title.trim(),
    ...(c.sectionKey !== null && sectionIds.has(c.sectionKey) ? { section: sectionIds.get(c.sectionKey) } : {}),
    ...(optionalText(c.guidance) !== undefined ? { guidance: optionalText(c.guidance) } : {}),
    weight: numberOrText(c.weight),
    critical: c.critical,
    allowNa: c.allowNa,
    target: c.target,
    scale:
      c.scaleType === 'binary'
        ? { type: 'binary' }
        : {
            type: 'levels',
            levels: c.levels.map((l) => ({ value: numberOrText(l.value), label: l.label.trim(), ...(optionalText(l.description) !== undefined ? { description: optionalText(l.description) } : {}) })),
          },
    ...(c.requireCommentBelow !== undefined ? { requireCommentBelow: c.requireCommentBelow } : {}),
  }));
  const input: Record<string, unknown> = {
    format: RUBRIC_FORMAT,
    id: state.id,
    name: state.name.trim(),
    version: state.baseVersion ?? 1,
    ...(optionalText(state.description) !== undefined ? { description: optionalText(state.description) } : {}),
    ...(appliesTo ? { appliesTo } : {}),
    ...(state.passMark.trim() !== '' ? { passMark: numberOrText(state.passMark) } : {}),
    ...(state.requireCommentBelow !== undefined ? { requireCommentBelow: state.requireCommentBelow } : {}),
    ...(state.sections.length ? { sections: state.sections.map((s) => ({ id: s.id, title: s.title.trim(), ...(optionalText(s.description) !== undefined ? { description: optionalText(s.description) } : {}) })) } : {}),
    criteria,
  };
  return {
    input,
    index: {
      sectionKeys: state.sections.map((s) => s.key),
      criterionKeys: state.criteria.map((c) => c.key),
      levelKeys: state.criteria.map((c) => (c.scaleType === 'levels' ? c.levels.map((l) => l.key) : [])),
    },
  };
}

/** A problem shown at its field: `field` is a field key (see `fieldKey`), `path` the file's JSON path. */
export interface FieldProblem {
  field: string;
  message: string;
  path: string;
}

/** The key of a field: `rubric.name`, `section.<key>.title`, `criterion.<key>.weight`, `level.<criterion>.<level>.label`, or a list. */
export const fieldKey = {
  rubric: (name: 'id' | 'name' | 'description' | 'passMark' | 'channels' | 'tags') => `rubric.${name}`,
  section: (key: string, name: 'id' | 'title' | 'description') => `section.${key}.${name}`,
  criterion: (key: string, name: 'id' | 'title' | 'section' | 'guidance' | 'weight' | 'critical' | 'allowNa' | 'target' | 'scale') => `criterion.${key}.${name}`,
  level: (criterionKey: string, levelKey: string, name: 'value' | 'label' | 'description') => `level.${criterionKey}.${levelKey}.${name}`,
  criteria: 'criteria',
  sections: 'sections',
  rubric_: 'rubric',
};

const FIELD_LABELS: Record<string, string> = {
  'rubric.id': 'The rubric id',
  'rubric.name': 'The name',
  'rubric.description': 'The description',
  'rubric.passMark': 'The pass mark',
  'rubric.channels': 'Channels',
  'rubric.tags': 'Tags',
  id: 'The id',
  title: 'The title',
  description: 'The description',
  section: 'The section',
  guidance: 'The guidance',
  weight: 'The weight',
  target: 'The target',
  scale: 'The scale',
  value: 'The value',
  label: 'The label',
  critical: 'Critical',
  allowNa: 'Allow N/A',
};

/** The field a JSON path of the file points at. */
export function fieldOfPath(path: string, index: PathIndex): string {
  let m = /^criteria\[(\d+)\]\.scale\.levels\[(\d+)\](?:\.(value|label|description))?/.exec(path);
  if (m) {
    const criterionKey = index.criterionKeys[Number(m[1])];
    const levelKey = index.levelKeys[Number(m[1])]?.[Number(m[2])];
    if (criterionKey && levelKey) return fieldKey.level(criterionKey, levelKey, (m[3] as 'value' | 'label' | 'description' | undefined) ?? 'label');
    if (criterionKey) return fieldKey.criterion(criterionKey, 'scale');
  }
  m = /^criteria\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const key = index.criterionKeys[Number(m[1])];
    const name = m[2] ?? 'title';
    const known = ['id', 'title', 'section', 'guidance', 'weight', 'critical', 'allowNa', 'target', 'scale'];
    if (key) return fieldKey.criterion(key, (known.includes(name) ? name : 'title') as 'title');
  }
  m = /^sections\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (m) {
    const key = index.sectionKeys[Number(m[1])];
    const name = m[2] === 'id' || m[2] === 'description' ? m[2] : 'title';
    if (key) return fieldKey.section(key, name);
  }
  if (path.startsWith('appliesTo.channels')) return fieldKey.rubric('channels');
  if (path.startsWith('appliesTo.tags')) return fieldKey.rubric('tags');
  if (path === 'criteria') return fieldKey.criteria;
  if (path === 'sections') return fieldKey.sections;
  if (path === 'id' || path === 'name' || path === 'description' || path === 'passMark') return fieldKey.rubric(path);
  return fieldKey.rubric_;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The file's wording, said about the field the person is looking at, without JSON paths. */
export function plainMessage(field: string, message: string): string {
  let m = /^duplicate criterion id "(.*)" \(already used by criteria\[\d+\]\)$/.exec(message);
  if (m) return `Another criterion already has the id "${m[1]}". Each criterion needs its own id.`;
  m = /^duplicate section id "(.*)" \(already used by sections\[\d+\]\)$/.exec(message);
  if (m) return `Another section already has the id "${m[1]}". Each section needs its own id.`;
  m = /^duplicate value (.*) \(already used by levels\[\d+\]\).*$/.exec(message);
  if (m) return `Another level already has the value ${m[1]}. Each level needs its own value.`;
  if (message === 'at least 1 criterion') return 'A rubric needs at least one criterion.';
  if (message === `at least ${MIN_LEVELS} levels`) return `A scale needs at least ${MIN_LEVELS} levels.`;
  if (message === `at most ${MAX_LEVELS} levels`) return `A scale can have at most ${MAX_LEVELS} levels.`;
  const name = field.split('.').at(-1)!;
  const label = FIELD_LABELS[field] ?? FIELD_LABELS[name];
  if (label && /^(must|is |at )/.test(message)) return sentence(`${label} ${message}`);
  return sentence(message);
}

function editorChecks(state: EditorState): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const needsNumber = (text: string, field: string, path: string, what: string) => {
    if (text.trim() === '') problems.push({ field, path, message: `${what} needs a number.` });
    else if (!Number.isFinite(Number(text.trim()))) problems.push({ field, path, message: `${what} must be a number.` });
  };
  if (state.baseVersion === null && state.otherRubricIds.includes(state.id)) {
    problems.push({ field: fieldKey.rubric('id'), path: 'id', message: `Another rubric in the library already has the id "${state.id}". Choose another id.` });
  }
  if (state.passMark.trim() !== '' && !Number.isFinite(Number(state.passMark.trim()))) {
    problems.push({ field: fieldKey.rubric('passMark'), path: 'passMark', message: 'The pass mark must be a number from 0 to 100, or empty for none.' });
  }
  state.criteria.forEach((c, i) => {
    needsNumber(c.weight, fieldKey.criterion(c.key, 'weight'), `criteria[${i}].weight`, 'The weight');
    if (c.scaleType === 'levels') {
      c.levels.forEach((l, j) => needsNumber(l.value, fieldKey.level(c.key, l.key, 'value'), `criteria[${i}].scale.levels[${j}].value`, 'Each level'));
    }
  });
  return problems;
}

/**
 * Every problem of the state, one per field (the first found), in the order of the form. The
 * editor's own checks (numbers typed as text, a taken rubric id) come first; the rest is
 * `parseRubric`, the same validation an imported file gets.
 */
export function validate(state: EditorState): { problems: FieldProblem[]; rubric: Rubric | null } {
  const { input, index } = toRubricInput(state);
  const problems = editorChecks(state);
  let rubric: Rubric | null = null;
  try {
    rubric = parseRubric(input);
  } catch (error) {
    if (!(error instanceof RubricError)) throw error;
    for (const p of error.problems) {
      const field = fieldOfPath(p.path, index);
      problems.push({ field, path: p.path, message: plainMessage(field, p.message) });
    }
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => (seen.has(p.field) ? false : (seen.add(p.field), true)));
  return { problems: unique, rubric: unique.length ? null : rubric };
}

/** Whether saving would store something different from `saved` (the state as last loaded or saved). */
export function hasChanges(state: EditorState, saved: EditorState): boolean {
  return JSON.stringify(toRubricInput(state).input) !== JSON.stringify(toRubricInput(saved).input);
}

// ---------------------------------------------------------------------------------------------
// The preview

/**
 * The rubric as the panel would draw it, from whatever is typed so far: blanks get placeholders
 * and unusable numbers fall back, so the preview never disappears while a field is half-typed.
 * Ids are the editor's keys (unique even while two criteria share a typed id).
 */
export function previewRubric(state: EditorState): Rubric {
  const number = (text: string, fallback: number) => {
    const n = Number(text.trim());
    return text.trim() !== '' && Number.isFinite(n) ? n : fallback;
  };
  const criteria = state.criteria.map((c, i): Criterion => {
    const seen = new Set<number>();
    const levels = c.levels
      .map((l, j) => ({ value: number(l.value, Number.NaN), label: l.label.trim() || `Level ${j + 1}`, ...(l.description.trim() ? { description: l.description.trim() } : {}) }))
      .filter((l) => Number.isFinite(l.value) && !seen.has(l.value) && (seen.add(l.value), true));
    return {
      id: c.key,
      title: c.title.trim() || `Criterion ${i + 1} (no title yet)`,
      ...(c.sectionKey !== null ? { section: c.sectionKey } : {}),
      ...(c.guidance.trim() ? { guidance: c.guidance.trim() } : {}),
      weight: Math.max(0, number(c.weight, 1)),
      critical: c.critical,
      allowNa: c.allowNa,
      target: c.target,
      scale: c.scaleType === 'binary' ? { type: 'binary' } : { type: 'levels', levels },
      ...(c.requireCommentBelow !== undefined ? { requireCommentBelow: c.requireCommentBelow } : {}),
    };
  });
  const passMark = number(state.passMark, Number.NaN);
  return {
    format: RUBRIC_FORMAT,
    id: state.id || 'rubric',
    name: state.name.trim() || 'Untitled rubric',
    version: state.baseVersion ?? 1,
    ...(Number.isFinite(passMark) ? { passMark } : {}),
    ...(state.requireCommentBelow !== undefined ? { requireCommentBelow: state.requireCommentBelow } : {}),
    sections: state.sections.map((s, i) => ({ id: s.key, title: s.title.trim() || `Section ${i + 1} (no title yet)`, ...(s.description.trim() ? { description: s.description.trim() } : {}) })),
    criteria,
  };
}
