// Backup and restore of the whole database as one JSON file (`qa-backup/1`). A backup holds every
// table as stored, unredacted: it is the person's own copy of their data, for a new computer or a
// browser reset. Nothing secret is in it, because nothing secret is in IndexedDB (the team
// store's auth value lives in the extension's storage; see lib/settings/settings.ts).
//
// A file is checked completely before anything is written, and a restore is one transaction:
// a file that is refused, or a restore that fails half-way, leaves the database as it was.
import { z } from '../zod';
import { formatPath } from '../json-path';
import { reviewRecordSchema } from '../review/record';
import { rubricSchema } from '../rubric/schema';
import { migrateSettings } from '../settings/settings';
import { toRecord, toStored } from './reviews';
import { emptyRollups, trackRollups } from './rollups';
import { SCHEMA_VERSION, type OutboxEntry, type QaDatabase, type StoredReview, type StoredRubric, type StoredSetting } from './schema';
import { SETTINGS_KEY } from './settings';
import { backupSizeProblem } from './backup-file';

export { backupFileName, backupSizeProblem, MAX_BACKUP_BYTES } from './backup-file';

export const BACKUP_FORMAT = 'qa-backup/1';

/** How many problems a refused file lists; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 20;

export const BACKUP_TABLES = ['reviews', 'rubrics', 'settings', 'outbox'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export interface BackupTables {
  reviews: StoredReview[];
  rubrics: StoredRubric[];
  settings: StoredSetting[];
  outbox: OutboxEntry[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  /** the database schema version the rows are in (lib/db/schema.ts) */
  schemaVersion: number;
  createdAt: string;
  tables: BackupTables;
}

/** A file that passed every check, its rows brought up to this release's schema. */
export interface ParsedBackup extends Backup {
  /** the schema version the file was written with; lower than `schemaVersion` when upgraded */
  fileSchemaVersion: number;
}

/** A file that cannot be restored; `problems` says why, in words a person can act on. */
export class BackupError extends Error {
  readonly code = 'backup-invalid';

  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Every table as stored, read in one transaction so the file is one consistent moment. */
export async function createBackup(db: QaDatabase, now: string): Promise<Backup> {
  return db.transaction('r', db.reviews, db.rubrics, db.settings, db.outbox, async () => ({
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    createdAt: now,
    tables: {
      reviews: await db.reviews.toArray(),
      rubrics: await db.rubrics.toArray(),
      settings: await db.settings.toArray(),
      outbox: await db.outbox.toArray(),
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// Row schemas: what each table may hold in this release.

// The keys the panel looks reviews up by are derived from the record when it is restored (see
// `toStored`), so a hand-edited file cannot leave a review unreachable; they are optional here.
const storedReviewSchema = reviewRecordSchema.extend({
  ticketKey: z.string().optional(),
  reviewerId: z.string().optional(),
  rubricId: z.string().optional(),
  origin: z.enum(['local', 'pulled', 'imported']),
  writer: z.object({ id: z.string(), seq: z.number().int() }).optional(),
});

// `rubricSchema`, not `parseRubric`: rubrics already in a library keep ids that the stricter
// rules for new imports would refuse (see README → Rubric library).
const storedRubricSchema = z.object({
  id: z.string(),
  version: z.number().int().min(1),
  rubric: rubricSchema,
  source: z.enum(['built-in', 'imported', 'edited']),
  savedAt: z.string(),
  archived: z.boolean().optional(),
});

// The settings record is read through `migrateSettings`, which accepts any shape; only the key is checked.
const storedSettingSchema = z.object({ key: z.string().min(1), value: z.unknown() });

const outboxEntrySchema = z.object({
  seq: z.number().int().min(1).optional(),
  reviewId: z.string(),
  revision: z.number().int().min(1),
  state: z.enum(['pending', 'synced', 'failed']),
  createdAt: z.string(),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.number(),
  batchId: z.string().optional(),
  lastError: z.string().optional(),
  syncedAt: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------
// Older files: each step mirrors the database migration of the same version (lib/db/schema.ts),
// applied to the file's rows in memory. UPGRADES[n] turns version-n rows into version n+1.

type RawTables = Record<BackupTable, unknown[]>;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

const UPGRADES: Record<number, (tables: RawTables) => RawTables> = {
  // Version 2 added the review's origin and queues every submitted revision for the team store.
  1: (tables) => {
    const reviews = tables.reviews.map((row) => (isObject(row) ? { ...row, origin: 'local' } : row));
    // Rows too damaged to queue are reported as reviews; an entry for them would only repeat that.
    const outbox = reviews
      .filter((row): row is Record<string, unknown> => isObject(row) && row.status === 'submitted' && typeof row.id === 'string' && typeof row.revision === 'number')
      .map((r) => ({ reviewId: r.id, revision: r.revision, state: 'pending', createdAt: r.submittedAt ?? r.updatedAt, attempts: 0, nextAttemptAt: 0 }));
    return { ...tables, reviews, outbox };
  },
  // Version 3 added the dashboard's roll-ups, which are derived from the reviews and not backed up.
  2: (tables) => tables,
};

// ---------------------------------------------------------------------------------------------
// Reading a file.

/** What a file is, when it is not a backup: said instead of a list of schema problems. */
function foreignFileProblem(text: string, value: unknown): string | null {
  const format = isObject(value) ? value.format : undefined;
  if (format === 'qa-rubric/1') return 'This is a rubric file (qa-rubric/1), not a backup. Import it under "Rubric library".';
  if (format === 'qa-review/1') return 'This is an export of reviews (qa-review/1), not a backup. A backup is the file that "Download backup" saves.';
  if (typeof format === 'string' && format.startsWith('qa-backup/') && format !== BACKUP_FORMAT) {
    return `This backup was made by a newer version of the extension (format ${format}). Update the extension, then restore it.`;
  }
  if (value === undefined) {
    // Not JSON as a whole: a JSON Lines export is one record per line.
    const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
    try {
      const first: unknown = JSON.parse(firstLine);
      if (isObject(first) && first.format === 'qa-review/1') {
        return 'This is an export of reviews (qa-review/1 JSON Lines), not a backup. A backup is the file that "Download backup" saves.';
      }
    } catch {
      // Not JSON Lines either.
    }
    return null;
  }
  if (!isObject(value) || format !== BACKUP_FORMAT) {
    return `This file is not a QA Scorecards backup (it has no "format": "${BACKUP_FORMAT}"). A backup is the file that "Download backup" saves.`;
  }
  return null;
}

function describeRow(table: BackupTable, row: unknown): string {
  if (!isObject(row)) return '';
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '?');
  switch (table) {
    case 'reviews':
      return ` (review ${text(row.id)}, revision ${text(row.revision)})`;
    case 'rubrics':
      return ` (rubric ${text(row.id)}, version ${text(row.version)})`;
    case 'settings':
      return ` (${text(row.key)})`;
    case 'outbox':
      return ` (review ${text(row.reviewId)}, revision ${text(row.revision)})`;
  }
}

function rowProblems(table: BackupTable, index: number, row: unknown, issues: z.core.$ZodIssue[]): string[] {
  const where = `${table}[${index}]${describeRow(table, row)}`;
  return issues.map((issue) => `${where}: ${formatPath(issue.path) || 'the row'}: ${issue.message}`);
}

/** Rows whose keys repeat: a restore would have to drop one of them without saying which. */
function duplicateProblems<T>(table: BackupTable, rows: T[], keyOf: (row: T) => string | null, label: (row: T) => string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (key === null) return;
    if (seen.has(key)) problems.push(`${table}[${index}]: ${label(row)} appears more than once.`);
    seen.add(key);
  });
  return problems;
}

function refuse(message: string, problems: string[]): never {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - listed.length;
  throw new BackupError(message, more > 0 ? [...listed, `…and ${more} more ${more === 1 ? 'problem' : 'problems'}.`] : listed);
}

/**
 * Reads and checks a backup file's text. Throws `BackupError` naming every problem (at most
 * `MAX_LISTED_PROBLEMS` of them, then a count); a file from an older schema version comes back
 * upgraded to this one.
 */
export function parseBackup(text: string): ParsedBackup {
  // Characters, not bytes: never more than the file's bytes, and the page checks the bytes first.
  const tooLarge = backupSizeProblem(text.length);
  if (tooLarge) refuse('This file is too large to restore. Nothing was changed.', [tooLarge]);

  let value: unknown;
  let jsonProblem: string | null = null;
  try {
    value = JSON.parse(text);
  } catch (err) {
    jsonProblem = err instanceof Error ? err.message : String(err);
  }
  const foreign = foreignFileProblem(text, value);
  if (foreign) refuse('This file is not a backup this extension can restore. Nothing was changed.', [foreign]);
  if (jsonProblem !== null) refuse('This file is not valid JSON. Nothing was changed.', [`The file cannot be read as JSON (${jsonProblem}); it may be damaged or cut short.`]);

  const file = value as Record<string, unknown>;
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    refuse('This backup cannot be restored. Nothing was changed.', ['schemaVersion: must be a whole number of 1 or more.']);
  }
  if (version > SCHEMA_VERSION) {
    refuse('This backup was made by a newer version of the extension. Nothing was changed.', [
      `It holds database version ${version}; this version of the extension reads up to version ${SCHEMA_VERSION}. Update the extension, then restore the backup.`,
    ]);
  }

  const problems: string[] = [];
  if (typeof file.createdAt !== 'string') problems.push('createdAt: must be the date the backup was made.');
  const tablesIn = isObject(file.tables) ? file.tables : null;
  if (!tablesIn) problems.push('tables: missing; a backup holds its rows under "tables".');
  let raw = {} as RawTables;
  for (const table of BACKUP_TABLES) {
    const rows = tablesIn?.[table];
    if (tablesIn && !Array.isArray(rows)) problems.push(`tables.${table}: must be a list of rows.`);
    raw[table] = Array.isArray(rows) ? rows : [];
  }
  if (problems.length > 0) refuse('This backup is incomplete or damaged. Nothing was changed.', problems);

  for (let v = version; v < SCHEMA_VERSION; v++) raw = UPGRADES[v]!(raw);

  const validate = <T>(table: BackupTable, schema: z.ZodType<T>): T[] =>
    raw[table].flatMap((row, index) => {
      const parsed = schema.safeParse(row);
      if (parsed.success) return [parsed.data];
      problems.push(...rowProblems(table, index, row, parsed.error.issues));
      return [];
    });
  // Derived keys are set from the record itself, whatever the file said.
  const reviews = validate('reviews', storedReviewSchema).map((r) => toStored(toRecord(r as StoredReview), r.origin, r.writer));
  const rubrics = validate('rubrics', storedRubricSchema) as StoredRubric[];
  const settings = validate('settings', storedSettingSchema) as StoredSetting[];
  const outbox = validate('outbox', outboxEntrySchema) as OutboxEntry[];

  rubrics.forEach((row, index) => {
    if (row.rubric.id !== row.id || row.rubric.version !== row.version) {
      problems.push(`rubrics[${index}] (rubric ${row.id}, version ${row.version}): holds rubric ${row.rubric.id} version ${row.rubric.version} instead.`);
    }
  });
  problems.push(
    ...duplicateProblems('reviews', reviews, (r) => JSON.stringify([r.id, r.revision]), (r) => `Review ${r.id} revision ${r.revision}`),
    ...duplicateProblems('rubrics', rubrics, (r) => JSON.stringify([r.id, r.version]), (r) => `Rubric ${r.id} version ${r.version}`),
    ...duplicateProblems('settings', settings, (r) => r.key, (r) => `Setting "${r.key}"`),
    ...duplicateProblems('outbox', outbox, (r) => JSON.stringify([r.reviewId, r.revision]), (r) => `The outbox entry of review ${r.reviewId} revision ${r.revision}`),
    ...duplicateProblems('outbox', outbox, (r) => (r.seq === undefined ? null : String(r.seq)), (r) => `Outbox number ${r.seq}`),
  );
  if (problems.length > 0) refuse('Some rows of this backup are damaged. Nothing was changed.', problems);

  return {
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    fileSchemaVersion: version,
    createdAt: file.createdAt as string,
    tables: { reviews, rubrics, settings, outbox },
  };
}

// ---------------------------------------------------------------------------------------------
// Restoring.

export type RestoreMode = 'merge' | 'replace';

export interface TableCounts {
  /** rows in the file */
  inFile: number;
  /** rows a merge adds */
  new: number;
  /** rows a merge leaves out because this browser already has them (or their review) */
  existing: number;
  /** rows in this browser now; a replace removes them */
  here: number;
}

export interface RestorePreview {
  createdAt: string;
  /** the file's schema version, and this release's, which its rows were upgraded to */
  fileSchemaVersion: number;
  schemaVersion: number;
  tables: Record<BackupTable, TableCounts>;
  /** custom domains in the file that are not set up here; a restore never adds them (see below) */
  domainsNotRestored: string[];
}

export type RestoreResult = { mode: RestoreMode; written: Record<BackupTable, number> };

const reviewKey = (r: Pick<StoredReview, 'id' | 'revision'>): [string, number] => [r.id, r.revision];

/**
 * The file's settings record as it will be stored. Custom domains are never taken from a file:
 * each works only with the browser's permission for it and a registered content script, which
 * a file cannot carry, so the domains set up in this browser stay (a restore names the others
 * for the person to add again).
 */
function settingsToWrite(row: StoredSetting, currentDomains: unknown): StoredSetting {
  if (row.key !== SETTINGS_KEY || !isObject(row.value)) return row;
  return { key: row.key, value: { ...row.value, customDomains: currentDomains } };
}

/** What a merge writes: the file's rows whose keys are missing here, and nothing else. */
async function planMerge(db: QaDatabase, backup: Backup): Promise<BackupTables> {
  const { tables } = backup;
  const reviewsHere = await db.reviews.bulkGet(tables.reviews.map(reviewKey));
  const reviews = tables.reviews.filter((_, i) => !reviewsHere[i]);
  const rubricsHere = await db.rubrics.bulkGet(tables.rubrics.map((r): [string, number] => [r.id, r.version]));
  const settingsHere = await db.settings.bulkGet(tables.settings.map((r) => r.key));
  // An outbox entry comes along only with the revision it queues: a revision already here keeps
  // its own queue state (or none, for a copy pulled from the team store). Its number is this
  // database's to give.
  const added = new Set(reviews.map((r) => JSON.stringify(reviewKey(r))));
  const outboxHere = await db.outbox.where('[reviewId+revision]').anyOf(tables.outbox.map((e): [string, number] => [e.reviewId, e.revision])).toArray();
  const queuedHere = new Set(outboxHere.map((e) => JSON.stringify([e.reviewId, e.revision])));
  const outbox = tables.outbox
    .filter((e) => added.has(JSON.stringify([e.reviewId, e.revision])) && !queuedHere.has(JSON.stringify([e.reviewId, e.revision])))
    .map(({ seq: _seq, ...entry }) => entry);
  return {
    reviews,
    rubrics: tables.rubrics.filter((_, i) => !rubricsHere[i]),
    settings: tables.settings.filter((_, i) => !settingsHere[i]),
    outbox,
  };
}

const currentDomains = async (db: QaDatabase) => migrateSettings((await db.settings.get(SETTINGS_KEY))?.value).customDomains;

/** What a restore of `backup` would do here, per table. */
export async function previewRestore(db: QaDatabase, backup: ParsedBackup): Promise<RestorePreview> {
  return db.transaction('r', db.reviews, db.rubrics, db.settings, db.outbox, async () => {
    const merge = await planMerge(db, backup);
    const here: Record<BackupTable, number> = {
      reviews: await db.reviews.count(),
      rubrics: await db.rubrics.count(),
      settings: await db.settings.count(),
      outbox: await db.outbox.count(),
    };
    const counts = (table: BackupTable): TableCounts => {
      const inFile = backup.tables[table].length;
      return { inFile, new: merge[table].length, existing: inFile - merge[table].length, here: here[table] };
    };
    const domainsHere = new Set((await currentDomains(db)).map((d) => d.host));
    const fileSettings = backup.tables.settings.find((s) => s.key === SETTINGS_KEY);
    const fileDomains = fileSettings ? migrateSettings(fileSettings.value).customDomains : [];
    return {
      createdAt: backup.createdAt,
      fileSchemaVersion: backup.fileSchemaVersion,
      schemaVersion: backup.schemaVersion,
      tables: { reviews: counts('reviews'), rubrics: counts('rubrics'), settings: counts('settings'), outbox: counts('outbox') },
      domainsNotRestored: fileDomains.map((d) => d.host).filter((h) => !domainsHere.has(h)),
    };
  });
}

/**
 * Adds review revisions that are not stored yet (a restore; an import of reviewers' files). The
 * one place they are written: the dashboard's roll-ups move here, so call it in a transaction
 * that includes `db.reviews` and `db.rollups`.
 */
export async function writeReviews(db: QaDatabase, rows: StoredReview[]): Promise<void> {
  await trackRollups(
    db,
    rows.map((r) => r.id),
    () => db.reviews.bulkAdd(rows),
  );
}

/**
 * Restores a checked backup in one transaction. `merge` adds the rows whose keys are missing and
 * never changes a row that is here (the settings here stay as they are); `replace` empties every
 * table and writes the file's rows. Either way custom domains stay as set up in this browser.
 * If anything fails, nothing is changed.
 */
export async function restoreBackup(db: QaDatabase, backup: Backup, mode: RestoreMode): Promise<RestoreResult> {
  return db.transaction('rw', db.reviews, db.rubrics, db.settings, db.outbox, db.rollups, async () => {
    const domains = await currentDomains(db);
    let rows: BackupTables;
    if (mode === 'merge') {
      rows = await planMerge(db, backup);
    } else {
      rows = backup.tables;
      await Promise.all([db.reviews.clear(), db.rubrics.clear(), db.settings.clear(), db.outbox.clear(), emptyRollups(db)]);
    }
    await writeReviews(db, rows.reviews);
    await db.rubrics.bulkAdd(rows.rubrics);
    await db.settings.bulkAdd(rows.settings.map((row) => settingsToWrite(row, domains)));
    await db.outbox.bulkAdd(rows.outbox);
    return {
      mode,
      written: { reviews: rows.reviews.length, rubrics: rows.rubrics.length, settings: rows.settings.length, outbox: rows.outbox.length },
    };
  });
}
