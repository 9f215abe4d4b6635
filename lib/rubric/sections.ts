// The scorecard's order, shared by the panel that draws it and the checks that walk it ("Rate 1
// more: …" names and jumps to the first missing criterion in the order the reviewer sees).
import type { Criterion, Rubric } from './schema';

export interface CriteriaGroup {
  section: NonNullable<Rubric['sections']>[number] | null;
  criteria: Criterion[];
}

/** Sections in rubric order, then the criteria in no (known) section under no heading. */
export function groupCriteria(rubric: Pick<Rubric, 'sections' | 'criteria'>): CriteriaGroup[] {
  const sections = rubric.sections ?? [];
  return [
    ...sections.map((s) => ({ section: s, criteria: rubric.criteria.filter((c) => c.section === s.id) })),
    { section: null, criteria: rubric.criteria.filter((c) => !c.section || !sections.some((s) => s.id === c.section)) },
  ].filter((g) => g.criteria.length);
}
