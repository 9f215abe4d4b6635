// Unsaved editor work, kept in the page's localStorage on every change so that a closed tab, a
// crash or a reload never loses it. localStorage (not IndexedDB through the background) because
// it is written synchronously: the last keystroke before the tab closes is kept too.
import type { EditorState } from './editor-state';

const PREFIX = 'qa-rubric-editor-draft:';
const DRAFT_VERSION = 1;

export interface EditorDraft {
  draftVersion: typeof DRAFT_VERSION;
  /** epoch ms of the last change */
  savedAt: number;
  state: EditorState;
}

/** Which rubric the editor works on: one draft per rubric, per copy source, and one for a new rubric. */
export type EditorTarget = { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'copy'; id: string };

export function targetFromSearch(search: string): EditorTarget {
  const params = new URLSearchParams(search);
  const id = params.get('id');
  if (id) return { kind: 'edit', id };
  const from = params.get('from');
  if (from) return { kind: 'copy', id: from };
  return { kind: 'new' };
}

export function targetKey(target: EditorTarget): string {
  return PREFIX + (target.kind === 'new' ? 'new' : `${target.kind}:${target.id}`);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isListOf = (value: unknown, item: (v: Record<string, unknown>) => boolean) => Array.isArray(value) && value.every((v) => isObject(v) && item(v));

const isOptionalNumber = (v: unknown) => v === undefined || typeof v === 'number';
const isLevel = (l: Record<string, unknown>) => isString(l.key) && isString(l.value) && isString(l.label) && isString(l.description);
const isSection = (s: Record<string, unknown>) => isString(s.key) && isString(s.id) && typeof s.idEdited === 'boolean' && isString(s.title) && isString(s.description);
const isCriterion = (c: Record<string, unknown>) =>
  isString(c.key) &&
  isString(c.id) &&
  typeof c.idEdited === 'boolean' &&
  isString(c.title) &&
  (c.sectionKey === null || isString(c.sectionKey)) &&
  isString(c.guidance) &&
  isString(c.weight) &&
  typeof c.critical === 'boolean' &&
  typeof c.allowNa === 'boolean' &&
  (c.target === 'conversation' || c.target === 'message') &&
  (c.scaleType === 'binary' || c.scaleType === 'levels') &&
  isListOf(c.levels, isLevel) &&
  isOptionalNumber(c.requireCommentBelow);

/** Whether a stored value is an editor state this release can show (an older or damaged one is dropped). */
export function isEditorState(value: unknown): value is EditorState {
  if (!isObject(value)) return false;
  return (
    (value.baseVersion === null || (typeof value.baseVersion === 'number' && Number.isInteger(value.baseVersion))) &&
    isString(value.id) &&
    typeof value.idEdited === 'boolean' &&
    isString(value.name) &&
    isString(value.description) &&
    isString(value.passMark) &&
    isOptionalNumber(value.requireCommentBelow) &&
    Array.isArray(value.channels) &&
    value.channels.every(isString) &&
    isString(value.tags) &&
    isListOf(value.sections, isSection) &&
    isListOf(value.criteria, isCriterion) &&
    Array.isArray(value.otherRubricIds) &&
    value.otherRubricIds.every(isString) &&
    typeof value.nextKey === 'number'
  );
}

export function readDraft(storage: Pick<Storage, 'getItem'>, target: EditorTarget): EditorDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(storage.getItem(targetKey(target)) ?? 'null');
  } catch {
    return null;
  }
  if (!isObject(value) || value.draftVersion !== DRAFT_VERSION || typeof value.savedAt !== 'number' || !isEditorState(value.state)) return null;
  return value as unknown as EditorDraft;
}

/** Keeps the draft; false when the browser refused (storage full or disabled). */
export function writeDraft(storage: Pick<Storage, 'setItem'>, target: EditorTarget, state: EditorState, savedAt: number): boolean {
  const draft: EditorDraft = { draftVersion: DRAFT_VERSION, savedAt, state };
  try {
    storage.setItem(targetKey(target), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: Pick<Storage, 'removeItem'>, target: EditorTarget): void {
  try {
    storage.removeItem(targetKey(target));
  } catch {
    // nothing kept, nothing to clear
  }
}
