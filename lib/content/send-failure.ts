// When handing a read ticket to the background fails. The background keeps the last state it was
// told, "Loading", so a failure that will not heal by itself must be reported as an error, or the
// panel would wait forever.
import type { LoadError } from '../helpdesk/errors';
import type { TicketReport } from '../messaging/protocol';
import { MessageError } from '../messaging/send';

// Chrome refuses runtime messages over 64 MiB: "Message length exceeded maximum allowed length."
// (older) or "Message exceeded maximum allowed size of 64MiB." (newer).
const TOO_LARGE = /exceed|maximum allowed|too large|too big/i;

/**
 * The error report to send instead of a `loaded` report whose send failed, or null when the
 * failure heals by itself: a background that is restarting (or not answering) asks the page
 * again for its last report once it is up.
 */
export function reportForFailedSend(report: TicketReport, err: unknown): TicketReport | null {
  if (report.phase !== 'loaded') return null;
  const { helpdesk, instance, ticketId } = report;
  let error: LoadError | null = null;
  if (err instanceof MessageError) {
    // The background answered and refused the report: sending it again cannot succeed.
    if (err.code === 'bad-request') error = { code: 'parse', detail: [err.message, ...err.problems].join(' ').slice(0, 500) };
  } else {
    const message = err instanceof Error ? err.message : String(err);
    if (TOO_LARGE.test(message)) error = { code: 'too-large', detail: message.slice(0, 500) };
  }
  return error ? { phase: 'error', helpdesk, instance, ticketId, error } : null;
}
