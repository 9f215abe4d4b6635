// Rubrics shipped with the extension. Parsed at module load on purpose: a broken template
// fails the unit tests (and the build's first import) instead of surfacing in a user's panel.
import { parseRubric, type Rubric } from '../schema';
import defaultSupport from './default-support.json';

export const DEFAULT_RUBRIC_ID = 'support-default';

export const BUILT_IN_RUBRICS: Rubric[] = [parseRubric(defaultSupport)];

export function findBuiltInRubric(id: string): Rubric | undefined {
  return BUILT_IN_RUBRICS.find((rubric) => rubric.id === id);
}
