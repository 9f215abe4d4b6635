// The rubric library.
import { deleteRubric, getLatestRubric, getRubric, importRubric, listLatestRubrics, listLibrary, saveEditedRubric, setRubricArchived } from '../../db/rubrics';
import { parseRubric } from '../../rubric/schema';
import { AppError } from '../../messaging/errors';
import { jsonByteLength, rubricFileSizeProblem } from '../../rubric/file-size';
import { whenReady, type BackgroundDeps, type HandlerSlice } from './deps';

export function rubricHandlers(
  deps: BackgroundDeps,
): HandlerSlice<'rubrics:list' | 'rubrics:get' | 'rubrics:import' | 'rubrics:library' | 'rubrics:save' | 'rubrics:archive' | 'rubrics:delete'> {
  const { db, clock } = deps;
  // Pages check the file's size too; this covers whatever else sends a rubric.
  const refuseTooLarge = (rubric: unknown) => {
    const tooLarge = rubricFileSizeProblem(jsonByteLength(rubric));
    if (tooLarge) throw new AppError('rubric-too-large', tooLarge);
  };
  return {
    'rubrics:list': async ({ includeArchived }) => {
      await whenReady(deps);
      return listLatestRubrics(db, { includeArchived });
    },
    'rubrics:get': async ({ id, version }) => {
      await whenReady(deps);
      return version === undefined ? getLatestRubric(db, id) : getRubric(db, id, version);
    },
    'rubrics:import': async ({ rubric, rollback }) => {
      refuseTooLarge(rubric);
      const stored = await importRubric(db, parseRubric(rubric), clock.now(), { rollback });
      deps.libraryChanged?.();
      return stored;
    },
    'rubrics:library': async () => {
      await whenReady(deps);
      return listLibrary(db);
    },
    'rubrics:save': async ({ rubric, baseVersion, force }) => {
      refuseTooLarge(rubric);
      await whenReady(deps);
      const saved = await saveEditedRubric(db, parseRubric(rubric), { baseVersion, force }, clock.now());
      if (saved.outcome !== 'unchanged') deps.libraryChanged?.();
      return saved;
    },
    'rubrics:archive': async ({ id, archived }) => {
      await whenReady(deps);
      await setRubricArchived(db, id, archived);
      deps.libraryChanged?.();
      return {};
    },
    'rubrics:delete': async ({ id }) => {
      await whenReady(deps);
      const deleted = await deleteRubric(db, id);
      deps.libraryChanged?.();
      return deleted;
    },
  };
}
