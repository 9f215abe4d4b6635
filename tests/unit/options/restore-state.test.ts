import { describe, expect, it } from 'vitest';
import { initialRestoreState, restoreReducer, type RestoreAction, type RestorePreview, type RestoreState } from '@/entrypoints/options/restore-state';

const counts = { inFile: 1, new: 1, existing: 0, here: 0 };
const preview: RestorePreview = {
  createdAt: '2026-12-01T08:30:00.000Z',
  fileSchemaVersion: 2,
  schemaVersion: 2,
  tables: { reviews: counts, rubrics: counts, settings: counts, outbox: counts },
  domainsNotRestored: [],
};
const result = { mode: 'merge' as const, written: { reviews: 1, rubrics: 1, settings: 1, outbox: 1 } };
const run = (actions: RestoreAction[], from: RestoreState = initialRestoreState) => actions.reduce(restoreReducer, from);
const chosen = (file: number, fileName = `f${file}.json`): RestoreAction => ({ type: 'file-chosen', file, fileName });

describe('restoreReducer', () => {
  it('goes file → preview (merge first) → restoring → restored', () => {
    const previewed = run([chosen(1), { type: 'previewed', file: 1, fileName: 'f1.json', text: '{}', preview }]);
    expect(previewed).toMatchObject({ step: 'preview', mode: 'merge', text: '{}', fileName: 'f1.json' });
    const replacing = run([{ type: 'mode', mode: 'replace' }, { type: 'confirm' }], previewed);
    expect(replacing).toMatchObject({ step: 'restoring', mode: 'replace' });
    expect(run([{ type: 'restored', result }], replacing)).toEqual({ step: 'restored', file: 1, fileName: 'f1.json', result });
  });

  it('shows a refused file with its problems, and a failed restore the same way', () => {
    expect(run([chosen(1), { type: 'refused', file: 1, fileName: 'f1.json', title: 'Not a backup', problems: ['p'] }])).toMatchObject({ step: 'refused', problems: ['p'] });
    const failed = run([chosen(1), { type: 'previewed', file: 1, fileName: 'f1.json', text: '{}', preview }, { type: 'confirm' }, { type: 'failed', title: 'Failed', problems: ['disk full'] }]);
    expect(failed).toMatchObject({ step: 'refused', title: 'Failed', problems: ['disk full'] });
  });

  it('drops the answer about an earlier file once another was chosen', () => {
    const state = run([chosen(1), chosen(2), { type: 'previewed', file: 1, fileName: 'f1.json', text: 'old', preview }]);
    expect(state).toEqual({ step: 'checking', file: 2, fileName: 'f2.json' });
    expect(run([{ type: 'refused', file: 1, fileName: 'f1.json', title: 't', problems: [] }], state)).toBe(state);
  });

  it('lets nothing interrupt a restore in progress, and nothing restore without a preview', () => {
    const restoring = run([chosen(1), { type: 'previewed', file: 1, fileName: 'f1.json', text: '{}', preview }, { type: 'confirm' }]);
    for (const action of [chosen(2), { type: 'cancel' } as const, { type: 'mode', mode: 'merge' } as const, { type: 'confirm' } as const]) {
      expect(restoreReducer(restoring, action)).toBe(restoring);
    }
    expect(run([{ type: 'confirm' }, { type: 'restored', result }])).toBe(initialRestoreState);
    expect(run([chosen(1), { type: 'cancel' }])).toEqual({ step: 'idle', file: 1 });
  });
});
