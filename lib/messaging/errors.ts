// Every error code that crosses the message boundary, in one union. Pages branch on codes, never
// on class names or message text; the sentence for a person travels beside the code.

export const ERROR_CODES = [
  // transport
  'no-reply', // the extension did not answer (background restarting, page going away)
  'bad-reply', // an answer that does not fit the protocol
  'bad-request', // a request that does not fit the protocol
  'forbidden', // the sender may not ask this
  'no-tab', // a tab-bound message from outside a tab
  'internal', // anything unexpected; the message says what
  // reviews
  'not-found',
  'already-submitted',
  'conflict',
  'read-only', // a copy of another reviewer's review (pulled or imported)
  'empty-review',
  'incomplete-review', // a criterion neither rated nor N/A, or a low rating without the comment the rubric asks for
  'invalid-answer', // an answer off the criterion's scale, or N/A where it is not allowed
  // storage: retrying at once cannot help, so the page offers Retry instead
  'storage-full',
  'storage-failed',
  // rubrics
  'rubric-missing',
  'rubric-invalid',
  'rubric-too-large',
  'rubric-older-version', // the content of an older version: imported only as a rollback
  'rubric-id-taken', // a new rubric with the id of one already in the library
  'rubric-conflict', // the editor's version is no longer the newest (saved or deleted elsewhere)
  'rubric-in-use', // delete refused: reviews name a version of it
  'rubric-built-in', // delete refused: it ships with the extension
  // settings and domains
  'bad-host',
  'bad-endpoint', // a team-store address that is not https (or http on localhost)
  'no-permission',
  // backup and deletion
  'backup-invalid', // a file that is not a backup this release can restore; the problems are listed
  'backup-too-large', // more data than one backup file (one message) can carry
  // imports of reviewers' files
  'import-too-large', // a file larger than one message can carry
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Answers that mean "no", not "not now": sending the same request again cannot succeed. */
export const REFUSALS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'already-submitted',
  'conflict',
  'read-only',
  'not-found',
  'bad-request',
  'forbidden',
  'rubric-missing',
  'rubric-invalid',
  'rubric-too-large',
  'rubric-older-version', // the content of an older version: imported only as a rollback
  'rubric-id-taken',
  'rubric-conflict',
  'rubric-in-use',
  'rubric-built-in',
  'invalid-answer',
  'empty-review',
  'incomplete-review',
  'backup-invalid',
  'backup-too-large',
  'bad-endpoint',
  'import-too-large',
]);

/** Failures a person can fix (disk space, a restart); the page retries only when asked to. */
export const NEEDS_PERSON: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['storage-full', 'storage-failed']);

/** An error a handler throws on purpose: its code reaches the page as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
