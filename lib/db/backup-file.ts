// The backup file's name and size limit, apart from backup.ts so the options page can check a
// file before reading it without bundling the database code.

/**
 * The largest backup file. It crosses between the options page and the background in one
 * message, and Chrome refuses messages over 64 MiB (JSON escaping makes the message larger than
 * the file); 50 MB holds tens of thousands of review revisions.
 */
export const MAX_BACKUP_BYTES = 50_000_000;

/** Megabytes to one decimal place, for size messages. */
export const megabytes = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`;

/** The sentence that refuses a file of `bytes` bytes, or null when its size is fine. */
export function backupSizeProblem(bytes: number): string | null {
  return bytes > MAX_BACKUP_BYTES ? `This file is ${megabytes(bytes)}; a backup can be at most ${megabytes(MAX_BACKUP_BYTES)}.` : null;
}

/** `qa-scorecards-backup-<date>.json`, dated by the backup's creation (UTC). */
export const backupFileName = (createdAt: string) => `qa-scorecards-backup-${createdAt.slice(0, 10)}.json`;
