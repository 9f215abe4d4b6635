// The rubric library.
import { getRubric, importRubric, listLatestRubrics } from '../../db/rubrics';
import { parseRubric } from '../../rubric/schema';
import { AppError } from '../../messaging/errors';
import { jsonByteLength, rubricFileSizeProblem } from '../../rubric/file-size';
import { whenReady, type BackgroundDeps, type HandlerSlice } from './deps';

export function rubricHandlers(deps: BackgroundDeps): HandlerSlice<'rubrics:list' | 'rubrics:get' | 'rubrics:import'> {
  const { db, clock } = deps;
  return {
    'rubrics:list': async () => {
      await whenReady(deps);
      return listLatestRubrics(db);
    },
    'rubrics:get': async ({ id, version }) => {
      await whenReady(deps);
      return getRubric(db, id, version);
    },
    'rubrics:import': async ({ rubric, rollback }) => {
      // Pages check the file's size too; this covers whatever else sends a rubric.
      const tooLarge = rubricFileSizeProblem(jsonByteLength(rubric));
      if (tooLarge) throw new AppError('rubric-too-large', tooLarge);
      const stored = await importRubric(db, parseRubric(rubric), clock.now(), { rollback });
      deps.libraryChanged?.();
      return stored;
    },
  };
}
