// Which criterion columns an export of reviews.csv (and the Reviews sheet) has: one per criterion
// of the rubric versions its reviews were scored with (contract §11). A version in the library
// gives its criteria in rubric order; a version that is not (a file from a team with a rubric of
// its own) is described by the criteria its reviews answered, in the order first met.
import { criterionColumns } from './csv';

/** The criterion ids of one rubric version, in the rubric's order. */
export interface RubricColumns {
  id: string;
  version: number;
  criteria: string[];
}

export type RubricRef = { id: string; version: number };

export const rubricRefKey = (ref: RubricRef) => `${ref.id}@${ref.version}`;

/** Collects the rubric versions of the reviews it is shown, page after page. */
export class RubricUsage {
  private readonly used = new Map<string, { ref: RubricRef; answered: Set<string> }>();

  /** Notes the records' rubric versions and answered criteria; returns the versions met for the first time. */
  add(records: readonly { rubric: RubricRef; answers: readonly { criterionId: string }[] }[]): RubricRef[] {
    const fresh: RubricRef[] = [];
    for (const record of records) {
      const key = rubricRefKey(record.rubric);
      let entry = this.used.get(key);
      if (!entry) {
        entry = { ref: { id: record.rubric.id, version: record.rubric.version }, answered: new Set() };
        this.used.set(key, entry);
        fresh.push(entry.ref);
      }
      for (const answer of record.answers) entry.answered.add(answer.criterionId);
    }
    return fresh;
  }

  /** Notes versions summed up elsewhere (`rubrics(() => null)` of another usage); returns those met for the first time. */
  merge(rubrics: readonly RubricColumns[]): RubricRef[] {
    return this.add(rubrics.map((r) => ({ rubric: { id: r.id, version: r.version }, answers: r.criteria.map((criterionId) => ({ criterionId })) })));
  }

  /** Each version met, with the library's criteria (`library` returns null for a version it lacks). */
  rubrics(library: (ref: RubricRef) => readonly string[] | null | undefined): RubricColumns[] {
    return [...this.used.values()].map(({ ref, answered }) => ({ ...ref, criteria: [...(library(ref) ?? answered)] }));
  }

  /** The criterion columns, in contract order. */
  columns(library: (ref: RubricRef) => readonly string[] | null | undefined): string[] {
    return criterionColumns(this.rubrics(library).map((r) => ({ ...r, criteria: r.criteria.map((id) => ({ id })) })));
  }
}
