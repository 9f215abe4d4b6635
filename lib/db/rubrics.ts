// The rubric library: every version of every rubric is kept, because submitted reviews name the
// exact version they were scored with.
import type { QaDatabase, StoredRubric } from './schema';
import type { Rubric } from '../rubric/schema';

export async function seedBuiltInRubrics(db: QaDatabase, builtIns: readonly Rubric[], now: string): Promise<void> {
  await db.transaction('rw', db.rubrics, async () => {
    for (const rubric of builtIns) {
      const existing = await db.rubrics.get([rubric.id, rubric.version]);
      if (!existing) await db.rubrics.put({ id: rubric.id, version: rubric.version, rubric, source: 'built-in', savedAt: now });
    }
  });
}

/** The newest version of each rubric, ordered by name. */
export async function listLatestRubrics(db: QaDatabase): Promise<Rubric[]> {
  const latest = new Map<string, StoredRubric>();
  await db.rubrics.each((row) => {
    const seen = latest.get(row.id);
    if (!seen || seen.version < row.version) latest.set(row.id, row);
  });
  return [...latest.values()].map((r) => r.rubric).sort((a, b) => a.name.localeCompare(b.name));
}

export async function getRubric(db: QaDatabase, id: string, version: number): Promise<Rubric | null> {
  return (await db.rubrics.get([id, version]))?.rubric ?? null;
}

/**
 * Adds an imported rubric. Re-importing an identical file changes nothing; a changed file with an
 * id already in the library becomes that rubric's next version, so earlier reviews keep theirs.
 */
export async function importRubric(db: QaDatabase, rubric: Rubric, now: string): Promise<Rubric> {
  return db.transaction('rw', db.rubrics, async () => {
    const versions = await db.rubrics.where('id').equals(rubric.id).toArray();
    const same = versions.find((v) => JSON.stringify({ ...v.rubric, version: 0 }) === JSON.stringify({ ...rubric, version: 0 }));
    if (same) return same.rubric;
    const maxVersion = Math.max(0, ...versions.map((v) => v.version));
    const version = versions.some((v) => v.version === rubric.version) || rubric.version <= maxVersion ? maxVersion + 1 : rubric.version;
    const stored: Rubric = { ...rubric, version };
    await db.rubrics.put({ id: stored.id, version, rubric: stored, source: 'imported', savedAt: now });
    return stored;
  });
}
