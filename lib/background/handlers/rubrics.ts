// The rubric library.
import { getRubric, importRubric, listLatestRubrics } from '../../db/rubrics';
import { parseRubric } from '../../rubric/schema';
import type { BackgroundDeps, HandlerSlice } from './deps';

export function rubricHandlers(deps: BackgroundDeps): HandlerSlice<'rubrics:list' | 'rubrics:get' | 'rubrics:import'> {
  const { db, clock } = deps;
  return {
    'rubrics:list': async () => {
      await deps.ready;
      return listLatestRubrics(db);
    },
    'rubrics:get': async ({ id, version }) => {
      await deps.ready;
      return getRubric(db, id, version);
    },
    'rubrics:import': async ({ rubric }) => {
      const stored = await importRubric(db, parseRubric(rubric), clock.now());
      deps.libraryChanged?.();
      return stored;
    },
  };
}
