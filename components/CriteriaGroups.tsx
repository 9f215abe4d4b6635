// The scorecard's criteria under their section headings (each with its section score), as the
// panel draws them; the editor's live preview draws the same so the lead sees the panel's layout.
import type { ReactNode } from 'react';
import type { Criterion, Rubric } from '@/lib/rubric/schema';
import { formatScore } from './format';

interface Group {
  section: NonNullable<Rubric['sections']>[number] | null;
  criteria: Criterion[];
}

/** Sections in rubric order, then the criteria in no (known) section under no heading. */
export function groupCriteria(rubric: Pick<Rubric, 'sections' | 'criteria'>): Group[] {
  const sections = rubric.sections ?? [];
  return [
    ...sections.map((s) => ({ section: s, criteria: rubric.criteria.filter((c) => c.section === s.id) })),
    { section: null, criteria: rubric.criteria.filter((c) => !c.section || !sections.some((s) => s.id === c.section)) },
  ].filter((g) => g.criteria.length);
}

export function CriteriaGroups(props: { rubric: Pick<Rubric, 'sections' | 'criteria'>; sectionScores: Record<string, number | null> | undefined; children: (criterion: Criterion) => ReactNode }) {
  return groupCriteria(props.rubric).map((group) => (
    <fieldset key={group.section?.id ?? '_'} className="criteria-group">
      {group.section && (
        <legend>
          {group.section.title}
          <span className="section-score">{formatScore(props.sectionScores?.[group.section.id] ?? null)}</span>
        </legend>
      )}
      {group.criteria.map((c) => props.children(c))}
    </fieldset>
  ));
}
