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

/**
 * The newest version of each rubric, ordered by name. Archived rubrics are left out unless asked
 * for: the panel neither offers nor auto-selects them (a review that uses one reads it by id).
 */
export async function listLatestRubrics(db: QaDatabase, options: { includeArchived?: boolean } = {}): Promise<Rubric[]> {
  const groups = await rubricGroups(db);
  return groups
    .filter((g) => options.includeArchived || !g.archived)
    .map((g) => g.latest.rubric)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function getRubric(db: QaDatabase, id: string, version: number): Promise<Rubric | null> {
  return (await db.rubrics.get([id, version]))?.rubric ?? null;
}

/** The newest version of one rubric, archived or not. */
export async function getLatestRubric(db: QaDatabase, id: string): Promise<Rubric | null> {
  const rows = await db.rubrics.where('id').equals(id).toArray();
  return newest(rows)?.rubric ?? null;
}

interface RubricGroup {
  latest: StoredRubric;
  rows: StoredRubric[];
  archived: boolean;
}

const newest = (rows: readonly StoredRubric[]) => rows.reduce<StoredRubric | undefined>((best, row) => (!best || best.version < row.version ? row : best), undefined);

async function rubricGroups(db: QaDatabase): Promise<RubricGroup[]> {
  const byId = new Map<string, StoredRubric[]>();
  await db.rubrics.each((row) => byId.set(row.id, [...(byId.get(row.id) ?? []), row]));
  return [...byId.values()].map((rows) => ({ latest: newest(rows)!, rows, archived: rows.some((r) => r.archived === true) }));
}

// ---------------------------------------------------------------------------------------------
// The library as Options manages it: versions, use by reviews, archive, delete, edits.

/** A refusal of a library change; `code` travels to the page as the error code. */
export class RubricLibraryError extends Error {
  constructor(
    readonly code: 'rubric-missing' | 'rubric-id-taken' | 'rubric-conflict' | 'rubric-in-use' | 'rubric-built-in',
    message: string,
  ) {
    super(message);
    this.name = 'RubricLibraryError';
  }
}

export interface LibraryEntry {
  /** the newest version */
  rubric: Rubric;
  /** where the newest version came from */
  source: StoredRubric['source'];
  /** shipped with the extension: it can be archived but never deleted */
  builtIn: boolean;
  archived: boolean;
  /** every stored version, ascending */
  versions: number[];
  /** when the newest version was stored */
  savedAt: string;
  /** how many reviews (distinct review ids, any origin, drafts included) name a version of it */
  reviews: number;
  /** the versions those reviews name, ascending */
  usedVersions: number[];
}

/**
 * Which rubric versions stored reviews name. The reviews table has no index on the rubric alone
 * (only inside the per-ticket compound key), so this reads every review once: a library change is
 * rare and the table holds thousands of rows, not millions.
 */
async function rubricUsage(db: QaDatabase, rubricId?: string): Promise<Map<string, { reviewIds: Set<string>; versions: Set<number> }>> {
  const usage = new Map<string, { reviewIds: Set<string>; versions: Set<number> }>();
  const collection = rubricId === undefined ? db.reviews.toCollection() : db.reviews.filter((r) => r.rubricId === rubricId);
  await collection.each((review) => {
    const entry = usage.get(review.rubric.id) ?? { reviewIds: new Set<string>(), versions: new Set<number>() };
    entry.reviewIds.add(review.id);
    entry.versions.add(review.rubric.version);
    usage.set(review.rubric.id, entry);
  });
  return usage;
}

const ascending = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

/** Every rubric with its versions and use, archived ones included, ordered by name. */
export async function listLibrary(db: QaDatabase): Promise<LibraryEntry[]> {
  return db.transaction('r', db.rubrics, db.reviews, async () => {
    const [groups, usage] = await Promise.all([rubricGroups(db), rubricUsage(db)]);
    return groups
      .map((g): LibraryEntry => {
        const used = usage.get(g.latest.id);
        return {
          rubric: g.latest.rubric,
          source: g.latest.source,
          builtIn: g.rows.some((r) => r.source === 'built-in'),
          archived: g.archived,
          versions: ascending(g.rows.map((r) => r.version)),
          savedAt: g.latest.savedAt,
          reviews: used?.reviewIds.size ?? 0,
          usedVersions: ascending(used?.versions ?? []),
        };
      })
      .sort((a, b) => a.rubric.name.localeCompare(b.rubric.name) || a.rubric.id.localeCompare(b.rubric.id));
  });
}

async function rowsOf(db: QaDatabase, id: string): Promise<StoredRubric[]> {
  const rows = await db.rubrics.where('id').equals(id).toArray();
  if (rows.length === 0) throw new RubricLibraryError('rubric-missing', `There is no rubric "${id}" in the library.`);
  return rows;
}

/** Archives (or restores) every version of a rubric. Reviews that use it keep showing it. */
export async function setRubricArchived(db: QaDatabase, id: string, archived: boolean): Promise<void> {
  await db.transaction('rw', db.rubrics, async () => {
    await rowsOf(db, id);
    await db.rubrics
      .where('id')
      .equals(id)
      .modify((row: StoredRubric) => {
        if (archived) row.archived = true;
        else delete row.archived;
      });
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Deletes every version of a rubric that no review names. Built-in rubrics and rubrics in use are
 * refused (archive them instead): a review must always be able to show the version it was made with.
 */
export async function deleteRubric(db: QaDatabase, id: string): Promise<{ versions: number }> {
  return db.transaction('rw', db.rubrics, db.reviews, async () => {
    const rows = await rowsOf(db, id);
    const name = newest(rows)!.rubric.name;
    if (rows.some((r) => r.source === 'built-in')) {
      throw new RubricLibraryError('rubric-built-in', `"${name}" ships with the extension and cannot be deleted. Archive it to hide it from the panel.`);
    }
    const used = (await rubricUsage(db, id)).get(id);
    if (used && used.reviewIds.size > 0) {
      const versions = ascending(used.versions);
      throw new RubricLibraryError(
        'rubric-in-use',
        `"${name}" cannot be deleted: ${plural(used.reviewIds.size, 'review')} ${used.reviewIds.size === 1 ? 'uses' : 'use'} it (version ${versions.join(', ')}). Archive it to hide it from the panel.`,
      );
    }
    await db.rubrics.where('id').equals(id).delete();
    return { versions: rows.length };
  });
}

export interface SaveEditedOptions {
  /** the newest version when the editor opened it; null for a rubric that is new to the library */
  baseVersion: number | null;
  /** store it as the next version even though another window saved a newer one meanwhile */
  force?: boolean;
}

export type SaveOutcome = 'created' | 'new-version' | 'unchanged';

/**
 * Stores a rubric from the editor. A new id becomes version 1; a change to an existing rubric
 * always becomes the next version, never a rewrite: a stored version may already be named by a
 * review, by a draft being written in an open panel, by an exported file or by the team store's
 * records, and each of those must keep meaning the same criteria. Saving content equal to the
 * newest version changes nothing. An archived rubric stays archived.
 */
export async function saveEditedRubric(db: QaDatabase, rubric: Rubric, options: SaveEditedOptions, now: string): Promise<{ rubric: Rubric; outcome: SaveOutcome }> {
  return db.transaction('rw', db.rubrics, async () => {
    const rows = await db.rubrics.where('id').equals(rubric.id).toArray();
    const latest = newest(rows);
    if (!latest) {
      if (options.baseVersion !== null && !options.force) {
        throw new RubricLibraryError('rubric-conflict', `"${rubric.name}" is no longer in the library: it was deleted in another window. Save again to add it back as version 1.`);
      }
      const stored: Rubric = { ...rubric, version: 1 };
      await db.rubrics.put({ id: stored.id, version: 1, rubric: stored, source: 'edited', savedAt: now });
      return { rubric: stored, outcome: 'created' };
    }
    if (options.baseVersion === null) {
      throw new RubricLibraryError('rubric-id-taken', `Another rubric in the library ("${latest.rubric.name}") already has the id "${rubric.id}". Choose another id.`);
    }
    if (options.baseVersion !== latest.version && !options.force) {
      throw new RubricLibraryError(
        'rubric-conflict',
        `"${latest.rubric.name}" was saved as version ${latest.version} in another window after you opened version ${options.baseVersion}. Save yours as version ${latest.version + 1} anyway, or open the newest version.`,
      );
    }
    if (contentOf(latest.rubric) === contentOf(rubric)) return { rubric: latest.rubric, outcome: 'unchanged' };
    const version = latest.version + 1;
    const stored: Rubric = { ...rubric, version };
    const archived = rows.some((r) => r.archived === true);
    await db.rubrics.put({ id: stored.id, version, rubric: stored, source: 'edited', savedAt: now, ...(archived ? { archived: true } : {}) });
    return { rubric: stored, outcome: 'new-version' };
  });
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
