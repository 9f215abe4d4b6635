// The one IndexedDB database, opened only in the background (an IndexedDB opened in a content
// script would belong to the helpdesk's origin). Versioned from day one: every schema change is a
// new entry in SCHEMA_VERSIONS with an upgrade function, never an edit of an old one — the
// migration tests open a database as each old version left it and upgrade it.
import Dexie, { type Table, type Transaction } from 'dexie';
import type { ReviewRecord } from '../review/record';
import type { Rubric } from '../rubric/schema';
import { buildRollupsInUpgrade, emptyRollupMeta, type RollupRow } from './rollups';

export const DB_NAME = 'qa-scorecards';

/**
 * Where a stored revision came from. Only `local` revisions were written here and can be edited
 * or sent to the team store; `pulled` (from the team store) and `imported` (a reviewer's file)
 * are read-only copies of other people's work, kept for the team's figures.
 */
export type ReviewOrigin = 'local' | 'pulled' | 'imported';

/** A review revision as stored: the public record plus the keys the panel looks it up by. */
export interface StoredReview extends ReviewRecord {
  ticketKey: string;
  reviewerId: string;
  rubricId: string;
  /** added in schema version 2; version 1 rows are all `local` */
  origin: ReviewOrigin;
  /** the form that last wrote this revision (see `writer` in the draft input); never exported */
  writer?: { id: string; seq: number };
}

export interface StoredRubric {
  id: string;
  version: number;
  rubric: Rubric;
  source: 'built-in' | 'imported' | 'edited';
  savedAt: string;
  /**
   * Not indexed, so no schema version: set on every version of a rubric that is archived (out of
   * the panel's picker and auto-selection). A rubric is archived while any of its rows says so, so
   * a version added later (an edit, a newer built-in) stays archived until it is restored.
   */
  archived?: boolean;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/**
 * One submitted revision on its way to the team store, written in the same transaction as the
 * submit it carries, so a revision is never submitted without being queued.
 * `pending` → (`batchId` set while a batch is in flight) → `synced`, or `failed` when the store
 * refused it for good (a 4xx other than 408/429) until the user retries.
 */
export type OutboxState = 'pending' | 'synced' | 'failed';

export interface OutboxEntry {
  seq?: number;
  reviewId: string;
  revision: number;
  state: OutboxState;
  createdAt: string;
  attempts: number;
  /** epoch ms before which no delivery is tried (backoff, Retry-After) */
  nextAttemptAt: number;
  /**
   * The batch this entry was last sent in. It is also the batch's `Idempotency-Key`: a batch
   * that was cut off (the worker stopped, the browser closed) is sent again with the same
   * entries and the same key.
   */
  batchId?: string;
  lastError?: string;
  syncedAt?: string;
}

/** Each version's table definitions, oldest first; Dexie needs them all to upgrade old databases. */
export const SCHEMA_VERSIONS = [
  {
    version: 1,
    stores: {
      reviews: '[id+revision], id, ticketKey, [ticketKey+reviewerId+rubricId+kind], status, updatedAt, submittedAt, reviewerId',
      rubrics: '[id+version], id',
      settings: 'key',
      outbox: '++seq, [reviewId+revision], nextAttemptAt',
    },
  },
  {
    version: 2,
    stores: {
      reviews: '[id+revision], id, ticketKey, [ticketKey+reviewerId+rubricId+kind], status, updatedAt, submittedAt, reviewerId, origin',
      rubrics: '[id+version], id',
      settings: 'key',
      outbox: '++seq, &[reviewId+revision], state, batchId',
    },
    // Every review so far was written here. Revisions submitted before the team store existed are
    // queued too, so a team that configures its store later receives its whole history.
    upgrade: async (tx: Transaction) => {
      await tx.table('reviews').toCollection().modify((row: Partial<StoredReview>) => {
        row.origin = 'local';
      });
      const submitted = (await tx.table('reviews').where('status').equals('submitted').toArray()) as StoredReview[];
      const entries: OutboxEntry[] = submitted.map((r) => ({
        reviewId: r.id,
        revision: r.revision,
        state: 'pending',
        createdAt: r.submittedAt ?? r.updatedAt,
        attempts: 0,
        nextAttemptAt: 0,
      }));
      await tx.table('outbox').clear();
      await tx.table('outbox').bulkAdd(entries);
    },
  },
  {
    version: 3,
    stores: {
      reviews: '[id+revision], id, ticketKey, [ticketKey+reviewerId+rubricId+kind], status, updatedAt, submittedAt, reviewerId, origin',
      rubrics: '[id+version], id',
      settings: 'key',
      outbox: '++seq, &[reviewId+revision], state, batchId',
      // The dashboard's roll-ups (lib/db/rollups.ts): one row per local day, keyed by the day.
      rollups: 'key',
    },
    // The reviews stored so far are rolled up in the browser's time zone; a dashboard opened in
    // another one rebuilds them.
    upgrade: buildRollupsInUpgrade,
  },
] as const;

export const SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

export class QaDatabase extends Dexie {
  reviews!: Table<StoredReview, [string, number]>;
  rubrics!: Table<StoredRubric, [string, number]>;
  settings!: Table<StoredSetting, string>;
  outbox!: Table<OutboxEntry, number>;
  rollups!: Table<RollupRow, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1] & { upTo?: number }) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      if (options?.upTo !== undefined && v.version > options.upTo) break;
      const version = this.version(v.version).stores(v.stores);
      if ('upgrade' in v) version.upgrade(v.upgrade);
    }
    // A new database starts with its roll-ups built (for no reviews), so every write keeps them.
    if (options?.upTo === undefined || options.upTo >= 3) this.on('populate', (tx) => tx.table('rollups').add(emptyRollupMeta()));
  }
}
