// IndexedDB failures as error codes a person can act on. A full disk or a broken database does not
// heal by retrying the same write a second later, so the panel stops and says what happened.
import { AppError } from '../messaging/errors';

function names(err: unknown): string[] {
  const out: string[] = [];
  // Dexie wraps the browser's DOMException (e.g. AbortError with an inner QuotaExceededError).
  for (let e = err as { name?: unknown; inner?: unknown } | null, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.name === 'string') out.push(e.name);
  }
  return out;
}

const DATABASE_ERRORS = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  'VersionError',
  'InvalidStateError',
  'UnknownError',
  'DataCloneError',
  'InvalidTableError',
  'UpgradeError',
  'MissingAPIError',
  'ReadOnlyError',
]);

/** The storage failure in `err` as an AppError, or null when it is not one. */
export function storageFailure(err: unknown): AppError | null {
  const list = names(err);
  if (list.includes('QuotaExceededError')) {
    return new AppError(
      'storage-full',
      'The browser has no room left for this extension\'s data, so this change is not stored. Free some disk space, then press Retry; the change stays on screen.',
    );
  }
  if (list.some((n) => DATABASE_ERRORS.has(n))) {
    return new AppError(
      'storage-failed',
      `The browser's database refused the write (${list.join(' / ')}). The change stays on screen; press Retry, or restart the browser if it keeps failing.`,
    );
  }
  return null;
}

/** Runs a database write, turning storage failures into their codes. */
export async function withStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw storageFailure(err) ?? err;
  }
}
