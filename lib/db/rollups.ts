// The dashboard's roll-ups (lib/analytics/rollup.ts) as stored: one row per local day holding its
// cells, and a meta row with the time zone the days are in and the dictionary the cells refer to.
// Every write of reviews updates them in its own transaction (`trackRollups`), so the figures are
// never behind the reviews and the dashboard never has to read a review to draw them.
//
// No meta row means "not built" (a new database after Delete all, say): writes then leave the
// roll-ups alone and the next read builds them from the reviews. A read in another time zone
// than the meta's rebuilds them in that zone, because a review's day depends on it.
import type { Table, Transaction } from 'dexie';
import { localDays } from '../analytics/days';
import {
  aggregate,
  applyContribution,
  contributionOf,
  countsOver,
  decodeCells,
  emptyStats,
  encodeCells,
  RollupDictionary,
  sameContribution,
  type Contribution,
  type DayCells,
  type RollupStats,
} from '../analytics/rollup';
import type { QaDatabase, StoredReview } from './schema';

export const ROLLUP_META_KEY = '~meta';
/** Bumped when the encoding changes: a meta row of another format is rebuilt on the next read. */
export const ROLLUP_FORMAT = 1;

export interface RollupMetaRow {
  key: typeof ROLLUP_META_KEY;
  format: number;
  timeZone: string;
  dims: string[];
  criteria: string[];
}

/** `key` is the local day, e.g. "2026-12-01"; it sorts before the meta row's "~meta". */
export interface RollupDayRow {
  key: string;
  cells: Float64Array;
}

export type RollupRow = RollupMetaRow | RollupDayRow;

/**
 * Above this many review ids in one write (a restore, a big import), the roll-ups are rebuilt in
 * the write's transaction instead: reading every touched review twice would cost more.
 */
export const REBUILD_ABOVE_IDS = 2_000;

export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const isMeta = (row: RollupRow | undefined): row is RollupMetaRow => row?.key === ROLLUP_META_KEY;

async function readMeta(rollups: Table<RollupRow, string>): Promise<RollupMetaRow | undefined> {
  const row = await rollups.get(ROLLUP_META_KEY);
  return isMeta(row) && row.format === ROLLUP_FORMAT ? row : undefined;
}

/**
 * Builds the roll-ups from every stored review: one pass over the reviews table in key order,
 * where each review id's revisions are side by side. Takes tables, so the schema upgrade can call
 * it with its own transaction's.
 */
export async function buildRollups(reviews: Table<StoredReview>, rollups: Table<RollupRow, string>, timeZone: string): Promise<{ reviews: number; days: number }> {
  const dayOf = localDays(timeZone);
  const counted: Contribution[] = [];
  let currentId: string | null = null;
  let best: StoredReview | undefined;
  const flush = () => {
    const c = best ? contributionOf(best, dayOf) : null;
    if (c) counted.push(c);
  };
  // A cursor, not pages of getAll: measured at 100 000 reviews in Chromium, getAll pages made the
  // rebuild half as slow again.
  await reviews.each((row) => {
    if (row.id !== currentId) {
      flush();
      currentId = row.id;
      best = undefined;
    }
    if (countsOver(row, best)) best = row;
  });
  flush();
  const dictionary = new RollupDictionary();
  const days = aggregate(counted, dictionary);
  await rollups.clear();
  await rollups.bulkAdd([...days].map(([day, cells]): RollupRow => ({ key: day, cells: encodeCells(cells) })));
  await rollups.put({ ...emptyRollupMeta(timeZone), dims: dictionary.dims, criteria: dictionary.criteria });
  return { reviews: counted.length, days: days.size };
}

/** The "Rebuild" path: the roll-ups from scratch, in `timeZone`, in one transaction. */
export function rebuildRollups(db: QaDatabase, timeZone: string): Promise<{ reviews: number; days: number }> {
  return db.transaction('rw', db.reviews, db.rollups, () => buildRollups(db.reviews, db.rollups, timeZone));
}

/** A new database's roll-ups: built, for no reviews, in the browser's time zone. */
export function emptyRollupMeta(timeZone = defaultTimeZone()): RollupMetaRow {
  return { key: ROLLUP_META_KEY, format: ROLLUP_FORMAT, timeZone, dims: [], criteria: [] };
}

/** For the schema upgrade that introduced roll-ups. */
export function buildRollupsInUpgrade(tx: Transaction): Promise<unknown> {
  return buildRollups(tx.table('reviews'), tx.table('rollups'), defaultTimeZone());
}

/**
 * Empties the roll-ups of a database whose reviews are all being removed (a restore that replaces
 * everything, Delete all), keeping their time zone: they stay built, for an empty table.
 */
export async function emptyRollups(db: QaDatabase): Promise<void> {
  const meta = await readMeta(db.rollups);
  await db.rollups.clear();
  if (meta) await db.rollups.put({ ...meta, dims: [], criteria: [] });
}

/** The revision that counts for each of these review ids (its latest submitted one), as stored now. */
export async function countedRevisions(db: QaDatabase, ids: readonly string[]): Promise<Map<string, StoredReview>> {
  const counted = new Map<string, StoredReview>();
  if (ids.length === 0) return counted;
  for (const row of await db.reviews.where('id').anyOf(ids).toArray()) {
    if (countsOver(row, counted.get(row.id))) counted.set(row.id, row);
  }
  return counted;
}

/**
 * Moves the roll-ups from `before` to `after` for each pair: a review id's counted revision
 * before and after a write (undefined: none). Must run in the write's transaction.
 */
export async function applyRevisions(db: QaDatabase, changes: readonly [before: StoredReview | undefined, after: StoredReview | undefined][]): Promise<void> {
  const meta = await readMeta(db.rollups);
  if (!meta) return;
  const dayOf = localDays(meta.timeZone);
  const deltas: [Contribution, 1 | -1][] = [];
  for (const [before, after] of changes) {
    const minus = before ? contributionOf(before, dayOf) : null;
    const plus = after ? contributionOf(after, dayOf) : null;
    if (sameContribution(minus, plus)) continue;
    if (minus) deltas.push([minus, -1]);
    if (plus) deltas.push([plus, 1]);
  }
  if (deltas.length === 0) return;

  const dictionary = new RollupDictionary(meta.dims, meta.criteria);
  const criterionIndex = (id: string) => dictionary.criterionIndex(id);
  const dayKeys = [...new Set(deltas.map(([c]) => c.day))];
  const stored = await db.rollups.bulkGet(dayKeys);
  const days = new Map<string, Map<number, RollupStats>>();
  dayKeys.forEach((day, i) => {
    const row = stored[i];
    days.set(day, row && !isMeta(row) ? decodeCells(row.cells) : new Map());
  });
  for (const [c, sign] of deltas) {
    const cells = days.get(c.day)!;
    const dim = dictionary.dimIndex(c.dims);
    let stats = cells.get(dim);
    if (!stats) cells.set(dim, (stats = emptyStats()));
    applyContribution(stats, c, sign, criterionIndex);
    if (stats.reviews === 0) cells.delete(dim);
  }
  const empty = [...days].filter(([, cells]) => cells.size === 0).map(([day]) => day);
  const rows = [...days].filter(([, cells]) => cells.size > 0).map(([day, cells]): RollupRow => ({ key: day, cells: encodeCells(cells) }));
  if (empty.length > 0) await db.rollups.bulkDelete(empty);
  if (rows.length > 0) await db.rollups.bulkPut(rows);
  if (dictionary.changed) await db.rollups.put({ ...meta, dims: dictionary.dims, criteria: dictionary.criteria });
}

/**
 * Runs `write`, which may add, replace or delete revisions of the review ids `ids` (and no
 * others), and moves the roll-ups by what changed for those ids. Call it inside a transaction
 * that includes `db.reviews` and `db.rollups`: the roll-ups commit or fail with the write.
 */
export async function trackRollups<T>(db: QaDatabase, ids: Iterable<string>, write: () => Promise<T>, options: { rebuildAbove?: number } = {}): Promise<T> {
  const list = [...new Set(ids)];
  const meta = await readMeta(db.rollups);
  if (!meta || list.length === 0) return write();
  if (list.length > (options.rebuildAbove ?? REBUILD_ABOVE_IDS)) {
    const result = await write();
    await buildRollups(db.reviews, db.rollups, meta.timeZone);
    return result;
  }
  const before = await countedRevisions(db, list);
  const result = await write();
  const after = await countedRevisions(db, list);
  await applyRevisions(
    db,
    list.map((id) => [before.get(id), after.get(id)]),
  );
  return result;
}

export interface RollupRange {
  days: DayCells[];
  dictionary: RollupDictionary;
  /** whether the roll-ups had to be built first (none yet, another time zone, an older format) */
  rebuilt: boolean;
}

/**
 * The cells of the days `from`..`to` (inclusive) in `timeZone`. Reads roll-up rows only; builds
 * them first when they are missing or in another time zone.
 */
export async function readRollupRange(db: QaDatabase, from: string, to: string, timeZone: string): Promise<RollupRange> {
  let rebuilt = false;
  if ((await readMeta(db.rollups))?.timeZone !== timeZone) {
    rebuilt = await db.transaction('rw', db.reviews, db.rollups, async () => {
      // Another read may have built them meanwhile.
      if ((await readMeta(db.rollups))?.timeZone === timeZone) return false;
      await buildRollups(db.reviews, db.rollups, timeZone);
      return true;
    });
  }
  return db.transaction('r', db.rollups, async () => {
    const meta = await readMeta(db.rollups);
    const rows = from <= to ? ((await db.rollups.where(':id').between(from, to, true, true).toArray()) as RollupDayRow[]) : [];
    return {
      days: rows.map((row) => ({ day: row.key, cells: decodeCells(row.cells) })),
      dictionary: new RollupDictionary(meta?.dims ?? [], meta?.criteria ?? []),
      rebuilt,
    };
  });
}

/** Every stored day's cells, for tests that compare the roll-ups with a fresh aggregation. */
export async function readAllRollups(db: QaDatabase): Promise<{ meta: RollupMetaRow | undefined; days: DayCells[] }> {
  const rows = await db.rollups.toArray();
  return {
    meta: rows.find(isMeta),
    days: rows.filter((r): r is RollupDayRow => !isMeta(r)).map((row) => ({ day: row.key, cells: decodeCells(row.cells) })),
  };
}
