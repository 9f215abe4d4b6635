// editor.html: a new rubric, `?id=<id>` the newest version of a library rubric, `?from=<id>` a
// copy of one. Reads the library once, brings back a kept draft, then hands over to RubricEditor.
import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { useProtocolQuery } from '@/components/query';
import { StatusView } from '@/components/StatusView';
import type { Rubric } from '@/lib/rubric/schema';
import { copyOf, emptyState, fromRubric, hasChanges, type EditorState } from './editor-state';
import { readDraft, targetFromSearch, type EditorTarget } from './draft-store';
import { RubricEditor, type RestoredDraft } from './RubricEditor';

interface Start {
  base: EditorState;
  initial: EditorState;
  restored: RestoredDraft | null;
}

function startOf(target: EditorTarget, source: Rubric | null, libraryIds: string[]): Start | null {
  const others = libraryIds.filter((id) => target.kind !== 'edit' || id !== target.id);
  let base: EditorState;
  if (target.kind === 'new') base = emptyState(others);
  else if (!source) return null;
  else base = target.kind === 'edit' ? fromRubric(source, { baseVersion: source.version, otherRubricIds: others }) : copyOf(source, others);
  const draft = readDraft(localStorage, target);
  if (!draft || !hasChanges(draft.state, base)) return { base, initial: base, restored: null };
  return {
    base,
    initial: { ...draft.state, otherRubricIds: others },
    restored: { savedAt: draft.savedAt, ...(draft.state.baseVersion !== null && draft.state.baseVersion !== base.baseVersion ? { staleFrom: draft.state.baseVersion } : {}) },
  };
}

export function EditorPage() {
  const [target] = useState(() => targetFromSearch(location.search));
  const sourceId = target.kind === 'new' ? null : target.id;
  const library = useProtocolQuery('rubrics:library', {});
  const source = useProtocolQuery('rubrics:get', sourceId === null ? null : { id: sourceId });
  // Taken once: later library changes reach the editor as props, never as a reset of the form.
  const start = useRef<Start | null | undefined>(undefined);
  const loaded = library.data !== undefined && (sourceId === null || source.data !== undefined);
  if (start.current === undefined && loaded) start.current = startOf(target, source.data ?? null, library.data!.map((e) => e.rubric.id));

  const error = library.error ?? source.error;
  if (start.current === undefined && error) {
    return (
      <main className="editor-page">
        <StatusView title="The rubric library could not be read" tone="error">
          <p>{error.message}</p>
        </StatusView>
      </main>
    );
  }
  if (start.current === undefined) {
    return (
      <main className="editor-page">
        <StatusView title="Opening the rubric…" tone="busy" />
      </main>
    );
  }
  if (start.current === null) {
    return (
      <main className="editor-page">
        <StatusView title={`There is no rubric “${sourceId}” in the library`} tone="error" testId="editor-missing">
          <p>It may have been deleted in another window.</p>
          <p>
            <a href={browser.runtime.getURL('/editor.html')}>Start a new rubric</a> · <a href={browser.runtime.getURL('/options.html')}>Open the library in Options</a>
          </p>
        </StatusView>
      </main>
    );
  }
  return <RubricEditor target={target} base={start.current.base} initial={start.current.initial} restored={start.current.restored} library={library.data ?? []} />;
}
