// Load failures as values. Content scripts produce them without zod; the panel turns them into
// plain sentences for the reviewer.

/** Every way a ticket load can fail; the protocol's schema is built from this list. */
export const LOAD_ERROR_CODES = [
  'not-logged-in',
  // signed in, but this agent may not read the ticket (HTTP 403)
  'no-access',
  'not-found',
  'rate-limited',
  'server-error',
  'bad-response',
  'network',
  'parse',
  // read, but too big to hand from the page to the extension (Chrome's 64 MiB message limit)
  'too-large',
] as const;
export type LoadErrorCode = (typeof LOAD_ERROR_CODES)[number];

export interface LoadError {
  code: LoadErrorCode;
  /** HTTP status where there was one */
  status?: number;
  /** technical detail (parser message, endpoint) shown under the sentence */
  detail?: string;
}

export class HelpdeskHttpError extends Error {
  constructor(
    readonly loadError: LoadError,
    readonly retryAfterMs?: number,
  ) {
    super(`${loadError.code}${loadError.status ? ` (${loadError.status})` : ''}${loadError.detail ? `: ${loadError.detail}` : ''}`);
    this.name = 'HelpdeskHttpError';
  }
}

export function describeLoadError(error: LoadError, helpdeskLabel: string, ticketId?: string): string {
  const ticket = ticketId ? `ticket #${ticketId}` : 'this ticket';
  switch (error.code) {
    case 'not-logged-in':
      return `Sign in to ${helpdeskLabel} to load this ticket. Your session has ended; once you are signed in again, press Try again.`;
    case 'no-access':
      return `You are signed in to ${helpdeskLabel}, but your account has no access to ${ticket}. Ask a ${helpdeskLabel} admin for access, or sign in with the account that has it.`;
    case 'not-found':
      return `${helpdeskLabel} could not find ${ticket}. It may have been deleted or merged, or you may not have access to it.`;
    case 'rate-limited':
      return `${helpdeskLabel} keeps rate-limiting our requests, so ${ticket} could not be loaded. Wait a few minutes, then try again.`;
    case 'server-error':
      return `${helpdeskLabel} had a problem answering${error.status ? ` (error ${error.status})` : ''}. We retried several times; try again shortly.`;
    case 'bad-response':
      return `${helpdeskLabel} sent something other than ticket data. If you were signed out, sign in again and reload.`;
    case 'network':
      return `Could not reach ${helpdeskLabel}. Check your connection and try again.`;
    case 'parse':
      return `${helpdeskLabel} sent ticket data in a shape we could not read, so ${ticket} is not shown.`;
    case 'too-large':
      return `${ticket[0]!.toUpperCase()}${ticket.slice(1)} is too large to bring into the panel, even with its longest messages shortened. Read it in ${helpdeskLabel}; Try again reads it once more.`;
  }
}

/** The heading above describeLoadError's sentence: what happened, in a few words. */
export function loadErrorTitle(error: LoadError, helpdeskLabel: string): string {
  switch (error.code) {
    case 'not-logged-in':
      return `Signed out of ${helpdeskLabel}`;
    case 'no-access':
      return 'No access to this ticket';
    case 'rate-limited':
      return `${helpdeskLabel} keeps rate-limiting`;
    case 'too-large':
      return 'This ticket is too large for the panel';
    default:
      return 'This ticket could not be loaded';
  }
}
