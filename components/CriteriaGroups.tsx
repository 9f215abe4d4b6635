// The scorecard's criteria under their section headings (each with its section score), as the
// panel draws them; the editor's live preview draws the same so the lead sees the panel's layout.
import type { ReactNode } from 'react';
import type { Criterion, Rubric } from '@/lib/rubric/schema';
import { groupCriteria } from '@/lib/rubric/sections';
import { formatScore } from './format';

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
