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

/**
 * Seeds the built-in rubrics on demand. `ready()` settles once they are stored; after a failed
 * attempt (a full disk, a database blocked by another open connection) the next call tries again,
 * instead of every later rubric read failing with the first error until the browser restarts.
 */
export function createSeeder(db: QaDatabase, builtIns: readonly Rubric[], now: () => string): { ready: () => Promise<void> } {
  let seeding: Promise<void> | null = null;
  return {
    ready: () => {
      seeding ??= seedBuiltInRubrics(db, builtIns, now()).catch((error: unknown) => {
        seeding = null;
        throw error;
      });
      return seeding;
    },
  };
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

/** Importing the content of a version that is not the newest: refused unless it is a rollback. */
export class OlderRubricVersionError extends Error {
  readonly code = 'rubric-older-version';

  constructor(
    readonly rubricId: string,
    readonly version: number,
    readonly latestVersion: number,
    rubricName: string,
  ) {
    super(
      `This is version ${version} of "${rubricName}", which is already in the library; the newest is version ${latestVersion}. Nothing was imported.`,
    );
    this.name = 'OlderRubricVersionError';
  }
}

export interface ImportOptions {
  /** content equal to an older version is stored again as the newest version */
  rollback?: boolean;
}

// The version number is left out: a file keeps the number it was exported with, and the same
// content under another number is still the same rubric.
const contentOf = (rubric: Rubric) => JSON.stringify({ ...rubric, version: 0 });

/**
 * Adds an imported rubric. Re-importing the newest version changes nothing; a changed file with an
 * id already in the library becomes that rubric's next version, so earlier reviews keep theirs.
 * The content of an older version is refused with `OlderRubricVersionError` (silently returning
 * the old version would leave the importer thinking it is now in use), unless `rollback` asks to
 * make it the newest version again.
 */
export async function importRubric(db: QaDatabase, rubric: Rubric, now: string, options: ImportOptions = {}): Promise<Rubric> {
  return db.transaction('rw', db.rubrics, async () => {
    const versions = await db.rubrics.where('id').equals(rubric.id).toArray();
    const maxVersion = Math.max(0, ...versions.map((v) => v.version));
    const content = contentOf(rubric);
    const same = versions.filter((v) => contentOf(v.rubric) === content).sort((a, b) => b.version - a.version)[0];
    if (same?.version === maxVersion) return same.rubric;
    if (same && !options.rollback) throw new OlderRubricVersionError(rubric.id, same.version, maxVersion, same.rubric.name);
    const version = same || versions.some((v) => v.version === rubric.version) || rubric.version <= maxVersion ? maxVersion + 1 : rubric.version;
    const stored: Rubric = { ...rubric, version };
    await db.rubrics.put({ id: stored.id, version, rubric: stored, source: 'imported', savedAt: now });
    return stored;
  });
}
