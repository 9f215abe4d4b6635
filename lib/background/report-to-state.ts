import type { TabState, TicketReport } from '../messaging/protocol';
import { parseRawTicket } from '../helpdesk/parsers';

/** Turns what a content script reported into what the panel shows; parsing happens here. */
export function reportToState(report: TicketReport, now: number): TabState {
  switch (report.phase) {
    case 'idle':
      return { status: 'idle' };
    case 'loading':
      return { status: 'loading', helpdesk: report.helpdesk, instance: report.instance, ticketId: report.ticketId, loaded: report.loaded };
    case 'waiting':
      return {
        status: 'waiting',
        helpdesk: report.helpdesk,
        instance: report.instance,
        ticketId: report.ticketId,
        reason: report.reason,
        retryAt: report.retryAt,
        attempt: report.attempt,
      };
    case 'error':
      return { status: 'error', helpdesk: report.helpdesk, instance: report.instance, ticketId: report.ticketId, error: report.error };
    case 'loaded':
      try {
        const { ticket, reviewer } = parseRawTicket(report.helpdesk, report.instance, report.raw);
        return { status: 'ready', ticket, reviewer, loadedAt: now };
      } catch (err) {
        return {
          status: 'error',
          helpdesk: report.helpdesk,
          instance: report.instance,
          ticketId: report.ticketId,
          error: { code: 'parse', detail: err instanceof Error ? err.message : String(err) },
        };
      }
  }
}
