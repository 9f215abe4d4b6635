import type { Rubric } from '@/lib/rubric/schema';

/** Every criterion of `rubric` at its top value, as the panel sends answers: a complete review. */
export function everyAnswerAtTop(rubric: Rubric): Record<string, { value: number; comment: string }> {
  return Object.fromEntries(rubric.criteria.map((c) => [c.id, { value: c.scale.type === 'binary' ? 1 : Math.max(...c.scale.levels.map((l) => l.value)), comment: '' }]));
}
