// The one IndexedDB database, opened only in the background (an IndexedDB opened in a content
// script would belong to the helpdesk's origin). Versioned from day one: every schema change is a
// new `version(n)` with an upgrade function, never an edit of an old one.
import Dexie, { type Table } from 'dexie';
import type { ReviewRecord } from '../review/record';
import type { Rubric } from '../rubric/schema';

export const DB_NAME = 'qa-scorecards';

/** A review revision as stored: the public record plus the keys the panel looks it up by. */
export interface StoredReview extends ReviewRecord {
  ticketKey: string;
  reviewerId: string;
  rubricId: string;
  /** the form that last wrote this revision (see `writer` in the draft input); never exported */
  writer?: { id: string; seq: number };
}

export interface StoredRubric {
  id: string;
  version: number;
  rubric: Rubric;
  source: 'built-in' | 'imported' | 'edited';
  savedAt: string;
}

export interface StoredSetting {
  key: string;
  value: unknown;
}

/** Deliveries to the team store, written in the same transaction as the submit they carry. */
export interface OutboxEntry {
  seq?: number;
  reviewId: string;
  revision: number;
  createdAt: string;
  attempts: number;
  /** epoch ms; 0 once delivered so the index keeps only pending work in range queries */
  nextAttemptAt: number;
  lastError?: string;
}

export class QaDatabase extends Dexie {
  reviews!: Table<StoredReview, [string, number]>;
  rubrics!: Table<StoredRubric, [string, number]>;
  settings!: Table<StoredSetting, string>;
  outbox!: Table<OutboxEntry, number>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      reviews: '[id+revision], id, ticketKey, [ticketKey+reviewerId+rubricId+kind], status, updatedAt, submittedAt, reviewerId',
      rubrics: '[id+version], id',
      settings: 'key',
      outbox: '++seq, [reviewId+revision], nextAttemptAt',
    });
  }
}
