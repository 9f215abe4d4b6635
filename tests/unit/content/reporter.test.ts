// A read ticket the background cannot take (Chrome refuses runtime messages over 64 MiB) must end
// in an error the panel shows, never in a panel left on "Loading".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HelpdeskContentAdapter } from '@/lib/content/adapter';
import { runTicketReporter } from '@/lib/content/reporter';
import { reportForFailedSend } from '@/lib/content/send-failure';
import type { TicketReport } from '@/lib/messaging/protocol';
import { MessageError } from '@/lib/messaging/send';

const loaded: TicketReport = { phase: 'loaded', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '42', raw: { ticket: {} } };
const CHROME_TOO_LARGE = 'Error in invocation of runtime.sendMessage(optional string extensionId, any message, optional object options, optional function callback): Message length exceeded maximum allowed length.';

describe('reportForFailedSend', () => {
  it('turns a message Chrome refused as too large into a too-large error for that ticket', () => {
    for (const message of [CHROME_TOO_LARGE, 'Message exceeded maximum allowed size of 64MiB.']) {
      expect(reportForFailedSend(loaded, new Error(message))).toEqual({
        phase: 'error', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '42',
        error: { code: 'too-large', detail: message },
      });
    }
  });

  it('turns a report the background refused as malformed into a parse error', () => {
    const refused = reportForFailedSend(loaded, new MessageError('bad-request', 'Invalid "ticket:report" message.', ['raw: expected record']));
    expect(refused).toMatchObject({ phase: 'error', error: { code: 'parse', detail: 'Invalid "ticket:report" message. raw: expected record' } });
  });

  it('leaves failures that heal by themselves alone: a background restarting or not answering', () => {
    expect(reportForFailedSend(loaded, new Error('Could not establish connection. Receiving end does not exist.'))).toBeNull();
    expect(reportForFailedSend(loaded, new MessageError('no-reply', 'The extension did not answer.'))).toBeNull();
    expect(reportForFailedSend({ phase: 'loading', helpdesk: 'zendesk', instance: 'acme.zendesk.com', ticketId: '42', loaded: 0 }, new Error(CHROME_TOO_LARGE))).toBeNull();
  });
});

describe('runTicketReporter: a ticket too large to send', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('location', new URL('https://acme.zendesk.com/agent/tickets/42'));
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  });
  afterEach(() => vi.unstubAllGlobals());

  function fakeContext(): ContentScriptContext {
    return { isInvalid: false, addEventListener: () => undefined, setInterval: () => 0, onInvalidated: () => () => undefined } as unknown as ContentScriptContext;
  }

  const adapter: HelpdeskContentAdapter = {
    name: 'zendesk',
    currentTicketId: () => '42',
    fetchTicket: () => Promise.resolve({ ticket: { ticket: { id: 42 } }, comments: [] }),
    composer: () => null,
    sendButtonSelector: 'button.send',
  };

  it('reports a too-large error after the loaded report is refused, so the panel leaves "Loading"', async () => {
    const sent: TicketReport[] = [];
    let loadedTried!: () => void;
    const loadedSend = new Promise<void>((resolve) => (loadedTried = resolve));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; data: TicketReport }) => {
      if (message.type !== 'ticket:report') return { ok: true, data: { ok: true } };
      sent.push(message.data);
      if (message.data.phase === 'loaded') {
        loadedTried();
        throw new Error(CHROME_TOO_LARGE);
      }
      return { ok: true, data: { ok: true } };
    }) as never);

    runTicketReporter(fakeContext(), adapter);
    await loadedSend;
    // Everything after the refusal is promise callbacks: they have all run before the next macrotask.
    await new Promise((resolve) => setImmediate(resolve));

    expect(sent.map((r) => r.phase)).toEqual(['loading', 'loaded', 'error']);
    expect(sent[2]).toMatchObject({ phase: 'error', ticketId: '42', error: { code: 'too-large' } });
  });
});
