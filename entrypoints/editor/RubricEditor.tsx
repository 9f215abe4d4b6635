// The rubric editor: the form, the live preview beside it, Save, undo of removals, and the kept
// draft. Every change is kept in this browser at once (draft-store.ts) and a tab with unsaved
// changes asks before it closes, so unsaved work is never lost.
import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState, type DragEvent } from 'react';
import { browser } from 'wxt/browser';
import { MessageError, request } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';
import {
  CHANNEL_OPTIONS,
  criterionGroups,
  editorReducer,
  fieldKey,
  hasChanges,
  nextKeyOf,
  parseTags,
  previewRubric,
  toRubricInput,
  validate,
  type EditorAction,
  type EditorCriterion,
  type EditorState,
  type FieldProblem,
} from './editor-state';
import { clearDraft, writeDraft, type EditorTarget } from './draft-store';
import { CriterionCard, criterionName, type CardDrag, type CardMoves } from './CriterionCard';
import { SectionCard, sectionName } from './SectionCard';
import { FieldsContext, TextField, domId, useField, type FieldsApi } from './fields';
import { PanelPreview } from './PanelPreview';
import { plural } from '@/components/format';

export interface RestoredDraft {
  savedAt: number;
  /** the draft was made on an older version than the library's newest */
  staleFrom?: number;
}

type LibraryEntry = ResponseOf<'rubrics:library'>[number];

interface Props {
  target: EditorTarget;
  /** the rubric as stored (or the blank/copy start): what "no changes" means */
  base: EditorState;
  /** what the editor opens with: `base`, or a kept draft */
  initial: EditorState;
  restored: RestoredDraft | null;
  library: readonly LibraryEntry[];
}

type Removal = { text: string; undo: EditorAction; focusField: string };

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; text: string }
  | { kind: 'invalid' }
  | { kind: 'conflict'; text: string }
  | { kind: 'error'; text: string; problems: string[] };

const DRAG_TYPE = 'application/x-qa-rubric-editor';


/** Where a field sits, for the list of problems: "Criterion 2, “Greets”, level 3". */
function whereOf(field: string, state: EditorState): string {
  const [kind, key, second] = field.split('.');
  const criterionAt = (k: string | undefined) => {
    const n = state.criteria.findIndex((c) => c.key === k);
    return n < 0 ? 'A criterion' : `Criterion ${n + 1}${state.criteria[n]!.title.trim() ? ` (“${state.criteria[n]!.title.trim()}”)` : ''}`;
  };
  if (kind === 'rubric') return 'About this rubric';
  if (kind === 'criteria') return 'Criteria';
  if (kind === 'sections') return 'Sections';
  if (kind === 'section') return `Section ${state.sections.findIndex((s) => s.key === key) + 1}`;
  if (kind === 'criterion') return criterionAt(key);
  if (kind === 'level') {
    const c = state.criteria.find((x) => x.key === key);
    return `${criterionAt(key)}, level ${(c?.levels.findIndex((l) => l.key === second) ?? -1) + 1}`;
  }
  return 'Rubric';
}

/** The element a problem's link focuses: the field's control, or its part's heading. */
function focusIdOf(field: string): string {
  if (field === 'criteria') return 'criteria-heading';
  if (field === 'sections') return 'sections-heading';
  if (field === 'rubric') return 'about-heading';
  return domId(field);
}

/** The criterion a field belongs to (its own fields and its levels'). */
function criterionKeyOf(field: string): string | null {
  return /^(?:criterion|level)\.([^.]+)\./.exec(field)?.[1] ?? null;
}

function ListProblem({ field }: { field: string }) {
  return useField(field).error;
}

export function RubricEditor({ target: startTarget, base, initial, restored: restoredAtStart, library }: Props) {
  const [state, dispatch] = useReducer(editorReducer, initial);
  const [saved, setSaved] = useState(base);
  const [target, setTarget] = useState(startTarget);
  const [restored, setRestored] = useState(restoredAtStart);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [removals, setRemovals] = useState<Removal[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const [draftKept, setDraftKept] = useState(true);
  const dragRef = useRef<{ kind: 'criterion' | 'section'; key: string } | null>(null);
  const [dropHint, setDropHint] = useState<{ key: string; where: 'before' | 'after' } | null>(null);
  // Criteria from the library start folded; new ones (and all of a new rubric) start open.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => {
    const stored = new Set(startTarget.kind === 'new' ? [] : base.criteria.map((c) => c.key));
    return new Set(initial.criteria.map((c) => c.key).filter((k) => !stored.has(k)));
  });
  const expand = (keys: readonly string[]) =>
    setExpanded((open) => (keys.every((k) => open.has(k)) ? open : new Set([...open, ...keys])));
  const toggle = (key: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const dirty = useMemo(() => hasChanges(state, saved), [state, saved]);
  const validation = useMemo(() => validate(state), [state]);
  const problems = useMemo(() => new Map(validation.problems.map((p): [string, FieldProblem] => [p.field, p])), [validation]);
  const preview = useMemo(() => previewRubric(state), [state]);
  const inLibrary = state.baseVersion !== null;
  const entry = inLibrary ? library.find((e) => e.rubric.id === state.id) : undefined;
  const latestVersion = entry?.rubric.version ?? null;

  // The ids of the other rubrics, as the library changes (a new rubric's id must not clash).
  const otherIds = useMemo(() => library.map((e) => e.rubric.id).filter((id) => !inLibrary || id !== state.id), [library, inLibrary, state.id]);
  useEffect(() => {
    if (otherIds.join('\n') !== state.otherRubricIds.join('\n')) dispatch({ type: 'other-rubric-ids', ids: otherIds });
  }, [otherIds, state.otherRubricIds]);

  // Every change is kept at once; a clean state leaves nothing behind.
  useEffect(() => {
    if (dirty) setDraftKept(writeDraft(localStorage, target, state, Date.now()));
    else clearDraft(localStorage, target);
  }, [dirty, state, target]);

  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      // Older Chromium asks only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  useLayoutEffect(() => {
    if (!focusRequest) return;
    const element = document.getElementById(focusRequest.id);
    if (element && document.activeElement !== element) {
      element.focus();
      element.scrollIntoView?.({ block: 'nearest' });
    }
  }, [focusRequest]);
  const focusOn = (id: string) => setFocusRequest({ id });
  /** Opens the card a field is in, then moves focus to the field. */
  const focusField = (field: string) => {
    const key = criterionKeyOf(field);
    if (key) expand([key]);
    focusOn(focusIdOf(field));
  };

  const fields: FieldsApi = useMemo(
    () => ({
      problems,
      shown: (field: string) => showAll || touched.has(field),
      touch: (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    }),
    [problems, showAll, touched],
  );

  // ---- saving

  const saveRef = useRef<(force?: boolean) => Promise<void>>(async () => undefined);
  const save = async (force = false) => {
    if (saveState.kind === 'saving') return;
    if (validation.problems.length > 0) {
      setShowAll(true);
      expand(validation.problems.map((p) => criterionKeyOf(p.field)).filter((k): k is string => k !== null));
      setSaveState({ kind: 'invalid' });
      focusOn('editor-problems');
      return;
    }
    setSaveState({ kind: 'saving' });
    const snapshot = state;
    try {
      const result = await request('rubrics:save', { rubric: toRubricInput(snapshot).input, baseVersion: snapshot.baseVersion, force });
      const { version, id, name } = result.rubric;
      dispatch({ type: 'saved', version });
      setSaved(editorReducer(snapshot, { type: 'saved', version }));
      setRestored(null);
      if (target.kind !== 'edit') {
        clearDraft(localStorage, target);
        setTarget({ kind: 'edit', id });
        history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
      }
      const text =
        result.outcome === 'created'
          ? `Saved “${name}” as version 1. It is in the library now.`
          : result.outcome === 'new-version'
            ? `Saved as version ${version}. Reviews made with earlier versions keep theirs.`
            : `No changes since version ${version}; nothing was saved.`;
      setSaveState({ kind: 'saved', text });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof MessageError && err.code === 'rubric-conflict') setSaveState({ kind: 'conflict', text: message });
      else setSaveState({ kind: 'error', text: message, problems: err instanceof MessageError ? err.problems : [] });
    }
  };
  saveRef.current = save;

  // Ctrl+S / ⌘S saves, as in any editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const discardDraft = () => {
    dispatch({ type: 'replace', state: { ...base, otherRubricIds: otherIds } });
    setRestored(null);
    setRemovals([]);
    setAnnouncement('Your unsaved changes were discarded.');
  };

  const openNewest = () => {
    clearDraft(localStorage, target);
    dirtyRef.current = false;
    location.reload();
  };

  // ---- removing with undo

  const removed = (removal: Removal) => {
    setRemovals((all) => [...all.slice(-19), removal]);
    setAnnouncement(removal.text);
    focusOn('editor-undo');
  };
  const undo = () => {
    const last = removals.at(-1);
    if (!last) return;
    dispatch(last.undo);
    setRemovals((all) => all.slice(0, -1));
    setAnnouncement('Restored.');
    focusField(last.focusField);
  };

  const removeCriterion = (c: EditorCriterion, number: number) => {
    const index = state.criteria.findIndex((x) => x.key === c.key);
    dispatch({ type: 'remove-criterion', key: c.key });
    removed({ text: `Removed ${criterionName(c, number)}.`, undo: { type: 'insert-criterion', criterion: c, index }, focusField: fieldKey.criterion(c.key, 'title') });
  };

  // ---- moving

  const movesFor = (action: (by: -1 | 1) => EditorAction, describe: (next: EditorState) => string): CardMoves => ({
    canUp: editorReducer(state, action(-1)) !== state,
    canDown: editorReducer(state, action(1)) !== state,
    move: (by) => {
      const active = document.activeElement?.id;
      const next = editorReducer(state, action(by));
      dispatch(action(by));
      setAnnouncement(describe(next));
      if (active) focusOn(active);
    },
  });

  const describeCriterionPlace = (key: string, next: EditorState) => {
    const c = next.criteria.find((x) => x.key === key)!;
    const position = next.criteria.findIndex((x) => x.key === key) + 1;
    const section = next.sections.find((s) => s.key === c.sectionKey);
    return `Moved ${criterionName(c, position)} to position ${position} of ${next.criteria.length}${section ? `, in section “${section.title.trim() || next.sections.indexOf(section) + 1}”` : ', without a section'}.`;
  };

  const dragFor = (kind: 'criterion' | 'section', key: string, drop: (dragged: string, where: 'before' | 'after') => void): CardDrag => {
    const whereIn = (e: DragEvent<HTMLElement>) => {
      const box = e.currentTarget.getBoundingClientRect();
      return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
    };
    const ours = () => dragRef.current?.kind === kind && dragRef.current.key !== key;
    return {
      onDragStart: (e) => {
        dragRef.current = { kind, key };
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, key);
      },
      onDragEnd: () => {
        dragRef.current = null;
        setDropHint(null);
      },
      onDragOver: (e) => {
        if (!ours()) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'move';
        const where = whereIn(e);
        setDropHint((h) => (h?.key === key && h.where === where ? h : { key, where }));
      },
      onDragLeave: () => setDropHint((h) => (h?.key === key ? null : h)),
      onDrop: (e) => {
        if (!ours()) return;
        e.preventDefault();
        e.stopPropagation();
        const dragged = dragRef.current!.key;
        dragRef.current = null;
        setDropHint(null);
        drop(dragged, whereIn(e));
      },
      hint: dropHint?.key === key ? dropHint.where : null,
    };
  };

  const dropCriterionOn = (target: EditorCriterion) => (dragged: string, where: 'before' | 'after') => {
    const group = state.criteria.filter((c) => c.sectionKey === target.sectionKey && c.key !== dragged);
    const after = group[group.findIndex((c) => c.key === target.key) + 1];
    const action: EditorAction = { type: 'drop-criterion', key: dragged, sectionKey: target.sectionKey, beforeKey: where === 'before' ? target.key : (after?.key ?? null) };
    const next = editorReducer(state, action);
    dispatch(action);
    setAnnouncement(describeCriterionPlace(dragged, next));
  };

  const groupDrop = (sectionKey: string | null) => ({
    onDragOver: (e: DragEvent<HTMLElement>) => {
      if (dragRef.current?.kind !== 'criterion') return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent<HTMLElement>) => {
      if (dragRef.current?.kind !== 'criterion') return;
      e.preventDefault();
      const dragged = dragRef.current.key;
      dragRef.current = null;
      setDropHint(null);
      const action: EditorAction = { type: 'drop-criterion', key: dragged, sectionKey, beforeKey: null };
      const next = editorReducer(state, action);
      dispatch(action);
      setAnnouncement(describeCriterionPlace(dragged, next));
    },
  });

  // ---- adding

  const addCriterion = (sectionKey: string | null) => {
    const key = nextKeyOf(state, 'criterion');
    dispatch({ type: 'add-criterion', sectionKey });
    expand([key]);
    focusOn(domId(fieldKey.criterion(key, 'title')));
  };
  const addSection = () => {
    const key = nextKeyOf(state, 'section');
    dispatch({ type: 'add-section' });
    focusOn(domId(fieldKey.section(key, 'title')));
  };

  // ---- status line

  const openProblems = validation.problems.length;
  const status: { state: string; text: string } =
    saveState.kind === 'saving'
      ? { state: 'saving', text: 'Saving…' }
      : saveState.kind === 'saved' && !dirty
        ? { state: 'saved', text: saveState.text }
        : saveState.kind === 'invalid' && openProblems > 0
          ? { state: 'invalid', text: `Not saved: fix ${plural(openProblems, 'problem', 'problems')} first.` }
          : saveState.kind === 'conflict'
            ? { state: 'conflict', text: 'Not saved: a newer version is in the library.' }
            : saveState.kind === 'error'
              ? { state: 'error', text: `Not saved: ${saveState.text}` }
              : dirty
                ? { state: 'unsaved', text: draftKept ? 'Unsaved changes, kept in this browser until you save.' : 'Unsaved changes. This browser refused to keep a copy: save soon.' }
                : { state: 'clean', text: inLibrary ? `Version ${state.baseVersion} is saved.` : 'Not saved yet.' };

  const groups = criterionGroups(state);
  const grouped = state.sections.length > 0;
  const channelsField = useField(fieldKey.rubric('channels'));
  const last = removals.at(-1);
  const numberOf = (key: string) => state.criteria.findIndex((c) => c.key === key) + 1;

  return (
    <FieldsContext.Provider value={fields}>
      <main className="editor-page" data-testid="rubric-editor">
        <header className="editor-header">
          <div>
            <p className="editor-back">
              <a href={browser.runtime.getURL('/options.html')}>← Rubric library in Options</a>
            </p>
            <h1>{inLibrary ? 'Edit rubric' : target.kind === 'copy' ? 'New rubric from a copy' : 'New rubric'}</h1>
            <p className="muted" data-testid="editor-version">
              {inLibrary
                ? `“${saved.name}”, version ${state.baseVersion}. Saving a change stores version ${(latestVersion ?? state.baseVersion!) + 1}; reviews made with earlier versions keep theirs.`
                : 'Saving adds it to the library as version 1.'}
            </p>
          </div>
          <div className="editor-save">
            <button type="button" className="primary" data-testid="editor-save" onClick={() => void save()} disabled={saveState.kind === 'saving'} aria-keyshortcuts="Control+S">
              Save rubric
            </button>
            <p role="status" className={`editor-status status-${status.state}`} data-testid="editor-status" data-state={status.state}>
              {status.text}
            </p>
          </div>
        </header>

        {restored && (
          <div className="notice editor-notice" data-testid="draft-restored">
            <p>
              Your unsaved changes from {new Date(restored.savedAt).toLocaleString()} are back.
              {restored.staleFrom !== undefined && latestVersion !== null && restored.staleFrom !== latestVersion
                ? ` They were made on version ${restored.staleFrom}; the library now has version ${latestVersion}.`
                : ''}
            </p>
            <button type="button" onClick={discardDraft}>
              Discard them
            </button>
          </div>
        )}
        {entry?.archived && (
          <p className="notice editor-notice">This rubric is archived: the panel does not offer it for new reviews. Restore it in Options to use it again.</p>
        )}
        {inLibrary && latestVersion !== null && latestVersion > state.baseVersion! && saveState.kind !== 'conflict' && (
          <div className="notice editor-notice" role="status">
            <p>
              Version {latestVersion} was saved in another window after you opened version {state.baseVersion}. Saving yours stores version {latestVersion + 1}.
            </p>
            <button type="button" onClick={openNewest}>
              Open version {latestVersion} instead (discards your changes)
            </button>
          </div>
        )}
        {saveState.kind === 'conflict' && (
          <div className="form-error editor-conflict" role="alert" data-testid="editor-conflict">
            <p>{saveState.text}</p>
            <button type="button" onClick={() => void save(true)}>
              Save mine as the next version
            </button>
            <button type="button" onClick={openNewest}>
              Open the newest version
            </button>
          </div>
        )}
        {saveState.kind === 'error' && saveState.problems.length > 0 && (
          <ul className="plain-list import-error" role="alert">
            {saveState.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {showAll && openProblems > 0 && (
          <div className="editor-problems" id="editor-problems" tabIndex={-1} role="alert" data-testid="editor-problems">
            <p>
              <strong>{plural(openProblems, 'problem', 'problems')} to fix before saving:</strong>
            </p>
            <ul>
              {validation.problems.map((p) => (
                <li key={p.field}>
                  <button type="button" className="link-button" onClick={() => focusField(p.field)}>
                    {whereOf(p.field, state)}: {p.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}

        <div className="editor-layout">
          <div className="editor-form">
            <section className="card" aria-labelledby="about-heading">
              <h2 id="about-heading" tabIndex={-1}>
                About this rubric
              </h2>
              <div className="field-grid">
                <TextField field={fieldKey.rubric('name')} label="Name" value={state.name} onChange={(name) => dispatch({ type: 'set', patch: { name } })} placeholder="e.g. Live chat quality" testId="editor-name" className="wide" />
                {inLibrary ? (
                  <div className="editor-field">
                    <span className="field-label">Id</span>
                    <code data-testid="editor-rubric-id">{state.id}</code>
                    <span className="field-hint">Fixed: reviews and exported files name the rubric by it.</span>
                  </div>
                ) : (
                  <TextField
                    field={fieldKey.rubric('id')}
                    label="Id"
                    value={state.id}
                    onChange={(id) => dispatch({ type: 'set', patch: { id } })}
                    hint={state.idEdited ? 'Lowercase letters, digits and dashes. It cannot change once saved.' : 'Made from the name; type to choose your own. It cannot change once saved.'}
                    testId="editor-rubric-id"
                  />
                )}
                <TextField
                  field={fieldKey.rubric('passMark')}
                  label="Pass mark (%)"
                  type="number"
                  min={0}
                  max={100}
                  step="any"
                  value={state.passMark}
                  onChange={(passMark) => dispatch({ type: 'set', patch: { passMark } })}
                  hint="Optional, 0 to 100. Reviews below it show as below the pass mark."
                />
                <TextField field={fieldKey.rubric('description')} label="Description (optional)" value={state.description} onChange={(description) => dispatch({ type: 'set', patch: { description } })} multiline className="wide" />
              </div>
              <fieldset className="plain-fieldset applies-to" id={domId(fieldKey.rubric('channels'))} tabIndex={-1} aria-describedby="applies-hint">
                <legend>Picked automatically for</legend>
                <p className="field-hint" id="applies-hint">
                  The panel picks this rubric for tickets on these channels and with one of these tags. Leave both empty for a rubric that applies anywhere.
                </p>
                <div className="row">
                  {CHANNEL_OPTIONS.map((o) => (
                    <label key={o.value} className="row">
                      <input
                        type="checkbox"
                        checked={state.channels.includes(o.value)}
                        onChange={(e) => dispatch({ type: 'set', patch: { channels: e.target.checked ? [...state.channels, o.value] : state.channels.filter((c) => c !== o.value) } })}
                      />
                      {o.label}
                    </label>
                  ))}
                </div>
                {channelsField.error}
                <TextField
                  field={fieldKey.rubric('tags')}
                  label="Tags (comma-separated)"
                  value={state.tags}
                  onChange={(tags) => dispatch({ type: 'set', patch: { tags } })}
                  placeholder="e.g. complaint, refund"
                  hint={parseTags(state.tags).length ? `A ticket with any of: ${parseTags(state.tags).join(', ')}.` : 'As they are in your helpdesk. A ticket with any one of them matches.'}
                />
              </fieldset>
            </section>

            <section className="card" aria-labelledby="sections-heading">
              <h2 id="sections-heading" tabIndex={-1}>
                Sections
              </h2>
              <p className="muted">Optional. A section groups criteria under a heading in the panel and gets its own score.</p>
              <ListProblem field={fieldKey.sections} />
              {state.sections.length > 0 && (
                <ul className="editor-list">
                  {state.sections.map((s, i) => (
                    <SectionCard
                      key={s.key}
                      section={s}
                      number={i + 1}
                      criteriaCount={state.criteria.filter((c) => c.sectionKey === s.key).length}
                      moves={movesFor(
                        (by) => ({ type: 'move-section', key: s.key, by }),
                        (next) => `Moved ${sectionName(s, next.sections.findIndex((x) => x.key === s.key) + 1)} to position ${next.sections.findIndex((x) => x.key === s.key) + 1} of ${next.sections.length}.`,
                      )}
                      drag={dragFor('section', s.key, (dragged, where) => {
                        const rest = state.sections.filter((x) => x.key !== dragged);
                        const after = rest[rest.findIndex((x) => x.key === s.key) + 1];
                        dispatch({ type: 'drop-section', key: dragged, beforeKey: where === 'before' ? s.key : (after?.key ?? null) });
                      })}
                      onChange={(patch) => dispatch({ type: 'section', key: s.key, patch })}
                      onRemove={() => {
                        const criterionKeys = state.criteria.filter((c) => c.sectionKey === s.key).map((c) => c.key);
                        dispatch({ type: 'remove-section', key: s.key });
                        removed({
                          text: `Removed ${sectionName(s, i + 1)}${criterionKeys.length ? `; its ${plural(criterionKeys.length, 'criterion is', 'criteria are')} now without a section` : ''}.`,
                          undo: { type: 'insert-section', section: s, index: i, criterionKeys },
                          focusField: fieldKey.section(s.key, 'title'),
                        });
                      }}
                    />
                  ))}
                </ul>
              )}
              <button type="button" onClick={addSection} data-testid="add-section">
                Add section
              </button>
            </section>

            <section className="card" aria-labelledby="criteria-heading">
              <h2 id="criteria-heading" tabIndex={-1}>
                Criteria
              </h2>
              <p className="muted">Drag a criterion by its handle, use its ↑ ↓ buttons, or press Alt+↑ / Alt+↓ inside it to reorder.</p>
              <p className="row">
                <button type="button" className="icon-button" data-testid="expand-all" onClick={() => expand(state.criteria.map((c) => c.key))}>
                  Open all criteria
                </button>
                <button type="button" className="icon-button" data-testid="collapse-all" onClick={() => setExpanded(new Set())}>
                  Fold all criteria
                </button>
              </p>
              <ListProblem field={fieldKey.criteria} />
              {groups.map((group) => {
                if (grouped && group.sectionKey === null && group.criteria.length === 0) return null;
                const section = state.sections.find((s) => s.key === group.sectionKey);
                const sectionNumber = section ? state.sections.indexOf(section) + 1 : 0;
                const title = section ? section.title.trim() || `Section ${sectionNumber}` : 'Not in a section';
                return (
                  <div key={group.sectionKey ?? '_'} className="criteria-group-editor" data-testid="editor-group" data-section-key={group.sectionKey ?? ''} {...groupDrop(group.sectionKey)}>
                    {grouped && <h3 className="group-heading">{title}</h3>}
                    {group.criteria.length === 0 && <p className="muted drop-zone">No criteria yet. Add one, or drag one here.</p>}
                    <ul className="editor-list">
                      {group.criteria.map((c) => {
                        const number = numberOf(c.key);
                        return (
                          <CriterionCard
                            key={c.key}
                            criterion={c}
                            number={number}
                            headingLevel={grouped ? 4 : 3}
                            sections={state.sections}
                            moves={movesFor((by) => ({ type: 'move-criterion', key: c.key, by }), (next) => describeCriterionPlace(c.key, next))}
                            drag={dragFor('criterion', c.key, dropCriterionOn(c))}
                            expanded={expanded.has(c.key)}
                            onToggle={() => toggle(c.key)}
                            problemCount={validation.problems.filter((p) => criterionKeyOf(p.field) === c.key && fields.shown(p.field)).length}
                            onChange={(patch) => dispatch({ type: 'criterion', key: c.key, patch })}
                            onLevel={(levelKey, patch) => dispatch({ type: 'level', criterionKey: c.key, levelKey, patch })}
                            onAddLevel={() => {
                              const key = nextKeyOf(state, 'level');
                              dispatch({ type: 'add-level', criterionKey: c.key });
                              focusOn(domId(fieldKey.level(c.key, key, 'label')));
                            }}
                            onRemoveLevel={(levelKey) => {
                              const index = c.levels.findIndex((l) => l.key === levelKey);
                              const level = c.levels[index]!;
                              dispatch({ type: 'remove-level', criterionKey: c.key, levelKey });
                              removed({
                                text: `Removed level ${index + 1}${level.label.trim() ? ` (“${level.label.trim()}”)` : ''} of ${criterionName(c, number)}.`,
                                undo: { type: 'insert-level', criterionKey: c.key, level, index },
                                focusField: fieldKey.level(c.key, levelKey, 'label'),
                              });
                            }}
                            onRemove={() => removeCriterion(c, number)}
                          />
                        );
                      })}
                    </ul>
                    <button type="button" data-testid="add-criterion" data-section-key={group.sectionKey ?? ''} onClick={() => addCriterion(group.sectionKey)}>
                      {grouped ? (section ? `Add criterion to “${title}”` : 'Add criterion without a section') : 'Add criterion'}
                    </button>
                  </div>
                );
              })}
              {grouped && !groups.some((g) => g.sectionKey === null && g.criteria.length > 0) && (
                <button type="button" className="link-button add-unsectioned" onClick={() => addCriterion(null)}>
                  Add a criterion without a section
                </button>
              )}
            </section>
          </div>

          <aside className="editor-preview" aria-labelledby="preview-heading" data-testid="editor-preview">
            <h2 id="preview-heading">Preview</h2>
            <p className="muted">The scorecard as the panel shows it. Try the ratings: nothing is stored.</p>
            <PanelPreview rubric={preview} channels={state.channels} tags={parseTags(state.tags)} />
          </aside>
        </div>

        {last && (
          <div className="undo-toast" data-testid="undo-toast">
            <span>{last.text}</span>
            <button type="button" id="editor-undo" data-testid="editor-undo" onClick={undo}>
              Undo
            </button>
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setRemovals([])}>
              ×
            </button>
          </div>
        )}
        <div className="visually-hidden" aria-live="polite" data-testid="editor-announcement">
          {announcement}
        </div>
      </main>
    </FieldsContext.Provider>
  );
}
