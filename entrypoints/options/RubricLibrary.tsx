// Options → Rubric library: every rubric with its newest version, and what can be done with it —
// edit or duplicate in the editor, export as a qa-rubric/1 file, archive / restore, delete (only
// when no review uses it and it does not ship with the extension).
import { useState } from 'react';
import { MessageError, request } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { useProtocolQuery } from '@/components/query';
import { editorUrl } from '@/components/editor-link';
import { downloadBlob } from '@/components/download';
import { plural } from '@/components/format';

type Entry = ResponseOf<'rubrics:library'>[number];


function facts(e: Entry): string {
  const r = e.rubric;
  return [
    `v${r.version}`,
    plural(r.criteria.length, 'criterion', 'criteria'),
    r.passMark !== undefined ? `pass mark ${r.passMark}%` : null,
    e.builtIn ? 'built in' : null,
    e.reviews > 0 ? `used by ${plural(e.reviews, 'review', 'reviews')}` : 'not used yet',
  ]
    .filter(Boolean)
    .join(' · ');
}

export function RubricLibrary() {
  const library = useProtocolQuery('rubrics:library', {});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await work() });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof MessageError || err instanceof Error ? err.message : String(err) });
    } finally {
      await library.refetch();
    }
  };

  const exportRubric = (e: Entry) =>
    act(async () => {
      const fileName = `${e.rubric.id}-v${e.rubric.version}.qa-rubric.json`;
      downloadBlob(fileName, new Blob([`${JSON.stringify(e.rubric, null, 2)}\n`], { type: 'application/json' }));
      return `Exported “${e.rubric.name}” version ${e.rubric.version} as ${fileName}.`;
    });

  const setArchived = (e: Entry, archived: boolean) =>
    act(async () => {
      await request('rubrics:archive', { id: e.rubric.id, archived });
      return archived
        ? `Archived “${e.rubric.name}”: the panel no longer offers it for new reviews. Reviews made with it still show it.`
        : `Restored “${e.rubric.name}”: the panel offers it again.`;
    });

  const remove = (e: Entry) =>
    act(async () => {
      setConfirmDelete(null);
      const { versions } = await request('rubrics:delete', { id: e.rubric.id });
      return `Deleted “${e.rubric.name}” (${plural(versions, 'version', 'versions')}).`;
    });

  if (library.error) return <p className="import-error">The library could not be read: {library.error.message}</p>;
  if (!library.data) return <p className="muted">Reading the library…</p>;

  // Archived rubrics last: they are kept for their reviews, not for new work.
  const entries = [...library.data].sort((a, b) => Number(a.archived) - Number(b.archived));
  return (
    <>
      <p className="row">
        <a className="button-link primary-link" href={editorUrl()} target="_blank" rel="noopener" data-testid="rubric-new">
          New rubric
        </a>
        <span className="muted">Build one in the editor, or duplicate one below and change it.</span>
      </p>
      {message && (
        <p className={message.ok ? 'ok-text' : 'import-error'} role={message.ok ? 'status' : 'alert'} data-testid="library-message">
          {message.text}
        </p>
      )}
      <ul className="plain-list rubric-list">
        {entries.map((e) => {
          const r = e.rubric;
          const deleteBlocked = e.builtIn
            ? 'Built-in rubrics cannot be deleted; archive it instead.'
            : e.reviews > 0
              ? `${plural(e.reviews, 'review uses', 'reviews use')} it, so it cannot be deleted; archive it instead.`
              : null;
          const blockedId = `delete-blocked-${r.id}`;
          return (
            <li key={r.id} data-testid="rubric-item" data-rubric-id={r.id} data-rubric-version={r.version} data-archived={String(e.archived)} className={e.archived ? 'archived' : undefined}>
              <span className="rubric-facts">
                <strong>{r.name}</strong> {e.archived && <span className="archived-badge">Archived</span>} <span className="muted">{facts(e)}</span>
              </span>
              <span className="item-actions">
                <a className="button-link" href={editorUrl({ edit: r.id })} target="_blank" rel="noopener" aria-label={`Edit ${r.name}`} data-testid="rubric-edit">
                  Edit
                </a>
                <a className="button-link" href={editorUrl({ copy: r.id })} target="_blank" rel="noopener" aria-label={`Duplicate ${r.name}`} data-testid="rubric-duplicate">
                  Duplicate
                </a>
                <button type="button" aria-label={`Export ${r.name} as a qa-rubric/1 file`} data-testid="rubric-export" onClick={() => void exportRubric(e)}>
                  Export
                </button>
                <button type="button" aria-label={`${e.archived ? 'Restore' : 'Archive'} ${r.name}`} data-testid="rubric-archive" onClick={() => void setArchived(e, !e.archived)}>
                  {e.archived ? 'Restore' : 'Archive'}
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${r.name}`}
                  data-testid="rubric-delete"
                  disabled={deleteBlocked !== null}
                  aria-describedby={deleteBlocked ? blockedId : undefined}
                  title={deleteBlocked ?? undefined}
                  onClick={() => setConfirmDelete(r.id)}
                >
                  Delete
                </button>
                {deleteBlocked && (
                  <span id={blockedId} className="visually-hidden">
                    {deleteBlocked}
                  </span>
                )}
              </span>
              {confirmDelete === r.id && (
                <div className="confirm-box" role="alertdialog" aria-label={`Delete ${r.name}?`}>
                  <p>
                    Delete “{r.name}” and its {plural(e.versions.length, 'version', 'versions')}? No review uses it. This cannot be undone.
                  </p>
                  <div className="form-actions">
                    <button type="button" onClick={() => setConfirmDelete(null)}>
                      Cancel
                    </button>
                    <button type="button" className="danger" data-testid="rubric-delete-confirm" autoFocus onClick={() => void remove(e)}>
                      Delete
                    </button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
