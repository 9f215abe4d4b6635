import { describe, it, expect } from 'vitest';
import { expectHelpdeskParseError } from './expect-failure';
import { freshdeskChannel, freshdeskStatus, parseFreshdeskTicket, statusLabels } from '../../../lib/helpdesk/freshdesk/parse';
import { HelpdeskHttpError } from '../../../lib/helpdesk/errors';
import { parseRawTicket } from '../../../lib/helpdesk/parsers';
import type { Ticket } from '../../../lib/helpdesk/types';
import { fetchFreshdeskFixture, readFixture, type Json } from './fixture-fetch';

const fixture = <T = Json>(name: string): T => readFixture<T>('freshdesk', name);
const INSTANCE = 'acme.freshdesk.com';
type Input = Parameters<typeof parseFreshdeskTicket>[0];

/** Ticket 9052 from the agent app's private API (wrapped shapes), fetched by the real client. */
function wrappedFetch(agents: unknown[] = fixture<unknown[]>('agents.json')) {
  return fetchFreshdeskFixture({
    ticketId: '9052',
    ticket: fixture('ticket-9052-wrapped.json'),
    conversationPages: [fixture('conversations-9052-wrapped.json')],
    agents,
  });
}

async function wrapped(agents?: unknown[]): Promise<Ticket> {
  return parseRawTicket('freshdesk', INSTANCE, (await wrappedFetch(agents)).raw).ticket;
}

/** A ticket from the public /api/v2 (unwrapped shapes), the private API having moved. */
function unwrappedFetch(ticketFields?: unknown) {
  return fetchFreshdeskFixture({
    ticketId: '10000000000431',
    ticket: fixture('ticket-unwrapped.json'),
    conversationPages: [fixture<unknown[]>('conversations-unwrapped.json')],
    api: 'v2',
    ticketFields,
  });
}

async function unwrapped(): Promise<Ticket> {
  return parseRawTicket('freshdesk', INSTANCE, (await unwrappedFetch()).raw).ticket;
}

const conversationRequests = (asked: string[]) => asked.filter((key) => key.includes('/conversations?'));

function minimal(overrides: Json = {}): Json {
  return { id: 1, subject: 'Hi', requester_id: 5, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', ...overrides };
}

const conversation = (overrides: Json = {}): Json => ({
  id: 10,
  user_id: 5,
  incoming: true,
  private: false,
  source: 0,
  body: '<div>hello</div>',
  body_text: 'hello',
  created_at: '2026-01-01T00:01:00Z',
  ...overrides,
});

const expectParseError = (run: () => unknown, message: string, path?: string) => expectHelpdeskParseError('freshdesk', run, message, path);

describe('parseFreshdeskTicket — private API shape (wrapped), complaint by email', () => {
  it('normalizes the ticket fields', async () => {
    expect(await wrapped()).toMatchObject({
      helpdesk: 'freshdesk',
      instance: INSTANCE,
      id: '9052',
      url: 'https://acme.freshdesk.com/a/tickets/9052',
      subject: 'Package marked delivered but never arrived (order 7731-AB)',
      status: 'Resolved',
      channel: 'email',
      tags: ['delivery', 'complaint'],
      requester: { id: '80012345671', name: 'Ana Souza', email: 'ana.souza@example.com.br' },
      assignee: { id: '80000000101', name: 'Lucas Martin', email: 'lucas.martin@acme.example' },
      createdAt: '2026-11-17T07:45:12.000Z',
      updatedAt: '2026-11-18T14:20:00.000Z',
    });
  });

  it('makes the description the first message with a stable id, the requester as author', async () => {
    // The parser keeps the HTML description given the API's bodies…
    const [description] = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: fixture('ticket-9052-wrapped.json'),
      conversations: fixture<{ conversations: unknown[] }>('conversations-9052-wrapped.json').conversations,
      agents: fixture<unknown[]>('agents.json'),
    }).messages;
    expect(description).toEqual({
      id: 'description-9052',
      author: { id: '80012345671', name: 'Ana Souza', email: 'ana.souza@example.com.br' },
      role: 'customer',
      visibility: 'public',
      createdAt: '2026-11-17T07:45:12.000Z',
      text: 'Hi,\n\nMy parcel (order 7731-AB) shows as delivered on 16 Nov but nothing arrived. A neighbour didn\'t get it either.\n\nI need this for a birthday on Saturday – please help!\n\nAna',
      html: fixture<{ ticket: { description: string } }>('ticket-9052-wrapped.json').ticket.description,
    });
    // …and the content script sends only description_text where it has text (slim.ts).
    const [sent] = (await wrapped()).messages;
    const { html: _html, ...withoutHtml } = description!;
    expect(sent).toEqual(withoutHtml);
    expect((await wrapped()).messages[0]?.id).toBe(description?.id); // stable across parses
  });

  it('normalizes body_text line padding (" \\n ") and never leaves markup in text', async () => {
    const messages = (await wrapped()).messages;
    expect(messages[1]?.text).toBe(
      "Hi Ana,\n\nI'm sorry your parcel hasn't arrived. I've opened a trace with the carrier (ref TR-44120).\n\nKind regards,\nLucas",
    );
    for (const m of messages) {
      expect(m.text).not.toMatch(/ \n|\n |<\/?div/);
      expect(m.text).toBe(m.text.trim());
    }
  });

  it('decides the role from the author: an agent note with incoming: true is an agent message', async () => {
    const note = (await wrapped()).messages[2];
    expect(note).toMatchObject({
      id: '80055500002',
      author: { id: '80000000103', name: 'Kenji Watanabe' }, // flat agent shape
      role: 'agent',
      visibility: 'internal',
    });
  });

  it('keeps a public note public (internal only when private: true)', async () => {
    const note = (await wrapped()).messages[3];
    expect(note).toMatchObject({
      id: '80055500003',
      author: { id: '80000000102', name: 'Fatima Zahra' }, // { agent: {...} } shape
      role: 'agent',
      visibility: 'public',
    });
  });

  it('keeps the API order and the whole thread', async () => {
    const ticket = await wrapped();
    expect(ticket.messages.map((m) => [m.id, m.role, m.visibility])).toEqual([
      ['description-9052', 'customer', 'public'],
      ['80055500001', 'agent', 'public'],
      ['80055500002', 'agent', 'internal'],
      ['80055500003', 'agent', 'public'],
      ['80055500004', 'customer', 'public'],
      ['80055500005', 'agent', 'public'],
    ]);
  });

  it('computes metrics from stats and the transcript', async () => {
    expect((await wrapped()).metrics).toEqual({
      firstReplyMinutes: 103, // 07:45:12 → 09:27:42 = 102.5 min, whole minutes
      resolutionMinutes: 1835, // 30 h 34 min 48 s
      replies: 3, // public agent messages: two replies and the public note
    });
  });

  it('falls back to `incoming` only for authors it cannot place', async () => {
    const ticket = await wrapped([]);
    // Without the agents list, Kenji (not responder, not requester) is unknown. His note is
    // private, and customers cannot write private notes, so it is an agent's despite incoming: true.
    expect(ticket.messages[2]).toMatchObject({ role: 'agent', visibility: 'internal', author: { id: '80000000103', name: 'User 80000000103' } });
    // The responder is still an agent without any list.
    expect(ticket.messages[1]).toMatchObject({ role: 'agent', author: { id: '80000000101', name: 'User 80000000101' } });
    expect(ticket.assignee).toEqual({ id: '80000000101', name: 'User 80000000101' });
  });

  it('gives the same result for the wrapped and unwrapped shapes', () => {
    const body = fixture<{ ticket: Json }>('ticket-9052-wrapped.json');
    const conversations = fixture<{ conversations: unknown[] }>('conversations-9052-wrapped.json').conversations;
    const agents = fixture<unknown[]>('agents.json');
    const a = parseFreshdeskTicket({ instance: INSTANCE, ticket: body, conversations, agents });
    const b = parseFreshdeskTicket({ instance: INSTANCE, ticket: body.ticket, conversations, agents });
    expect(b).toEqual(a);
  });
});

describe('parseFreshdeskTicket — /api/v2 shape (unwrapped), odd and hostile content', () => {
  it('turns ids above 1e13 into exact strings', async () => {
    const ticket = await unwrapped();
    expect(ticket.id).toBe('10000000000431');
    expect(ticket.url).toBe('https://acme.freshdesk.com/a/tickets/10000000000431');
    expect(ticket.requester.id).toBe('43012345678901');
    expect(ticket.messages.map((m) => m.id)).toEqual([
      'description-10000000000431',
      '43000000990001',
      '43000000990002',
      '43000000990003',
      '43000000990004',
      '43000000990005',
    ]);
  });

  it('labels an account-defined status and an unknown source without "undefined"', async () => {
    const ticket = await unwrapped();
    expect(ticket.status).toBe('Status 7');
    expect(ticket.channel).toBe('other'); // source 42
    expect(JSON.stringify(ticket)).not.toContain('undefined');
  });

  it('ignores an embedded requester whose id is not requester_id', async () => {
    const ticket = await unwrapped();
    expect(ticket.requester.name).not.toBe('Someone Else');
    // The requester's own incoming mail supplies the address instead.
    expect(ticket.requester).toEqual({ id: '43012345678901', name: 'yuki@example.jp', email: 'yuki@example.jp' });
    expect(ticket.messages[0]?.author).toEqual(ticket.requester);
  });

  it('keeps the hostile subject literally', async () => {
    expect((await unwrapped()).subject).toBe('<img src=x onerror=alert(1)> 注文が届きません 📦 <script>alert(1)</script>');
  });

  it('strips markup from an html-only description ("" description_text) but keeps escaped text literal', async () => {
    const [description] = (await unwrapped()).messages;
    expect(description?.text).toBe('こんにちは、\n注文\u00a0#A-19 が届きません📦\n<script>alert(2)</script>');
    expect(description?.text).not.toContain('<img');
    expect(description?.text).not.toContain("alert('desc')");
    expect(description?.html).toContain('<script>alert(\'desc\')</script>');
  });

  it('keeps RTL text, emoji and literal script text from body_text', async () => {
    expect((await unwrapped()).messages[1]).toMatchObject({
      role: 'customer',
      text: 'שלום, ההזמנה שלי לא הגיעה 😡\n<script>alert(1)</script>',
    });
  });

  it('names an unknown incoming author from the From header', async () => {
    expect((await unwrapped()).messages[2]).toMatchObject({
      author: { id: '43055555555555', name: 'Hiro Tanaka', email: 'colleague@example.jp' },
      role: 'customer',
    });
  });

  it('never names anyone after the support mailbox or from a note', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal({ support_email: 'help@acme.example' }),
      conversations: [
        conversation({ id: 1, user_id: 7, from_email: '"Acme Help" <HELP@acme.example>' }),
        conversation({ id: 2, user_id: 8, source: 2, from_email: 'Someone <someone@example.com>' }),
        conversation({ id: 3, user_id: 9, support_email: 'x@acme.example', from_email: 'x@acme.example' }),
        conversation({ id: 4, user_id: 10, from_email: 'bare@example.com' }),
      ],
    });
    expect(ticket.messages.map((m) => m.author)).toEqual([
      { id: '7', name: 'User 7' },
      { id: '8', name: 'User 8' },
      { id: '9', name: 'User 9' },
      { id: '10', name: 'bare@example.com', email: 'bare@example.com' },
    ]);
  });

  it('uses the stripped body when body_text is missing and recognises the responder as agent', async () => {
    const reply = (await unwrapped()).messages[3];
    expect(reply).toMatchObject({ role: 'agent', visibility: 'public', author: { id: '43000000000007', name: 'User 43000000000007' } });
    expect(reply?.text).toBe("Sorry for the wait\u00a0— we're on it.\nMax <support>");
    expect(reply?.text).not.toContain('alert');
  });

  it('places authors it knows nothing about: private note → agent, no user → system', async () => {
    const messages = (await unwrapped()).messages;
    expect(messages[4]).toMatchObject({ role: 'agent', visibility: 'internal', author: { name: 'User 43000000000099' } });
    expect(messages[5]).toMatchObject({ role: 'system', visibility: 'internal', author: { id: 'system', name: 'System' } });
  });

  it('falls back to the ticket creation time for a broken message timestamp and for a null updated_at', async () => {
    const ticket = await unwrapped();
    expect(ticket.messages[5]?.createdAt).toBe(ticket.createdAt);
    expect(ticket.updatedAt).toBe(ticket.createdAt);
  });

  it('has null time metrics without stats, but still counts replies', async () => {
    expect((await unwrapped()).metrics).toEqual({ firstReplyMinutes: null, resolutionMinutes: null, replies: 1 });
  });
});

describe('freshdeskStatus / freshdeskChannel', () => {
  it.each([
    [2, 'Open'],
    [3, 'Pending'],
    [4, 'Resolved'],
    [5, 'Closed'],
    [6, 'Status 6'],
    [7, 'Status 7'],
    ['4', 'Resolved'],
    ['Waiting on Customer', 'Waiting on Customer'],
    [null, 'Unknown'],
    [undefined, 'Unknown'],
    ['', 'Unknown'],
  ])('status %s → %s', (code, label) => {
    expect(freshdeskStatus(code)).toBe(label);
  });

  it.each([
    [1, 'email'],
    [2, 'web'],
    [3, 'phone'],
    [4, 'web'],
    [5, 'social'],
    [6, 'social'],
    [7, 'chat'],
    [8, 'other'],
    [9, 'web'],
    [10, 'email'],
    [11, 'other'],
    [12, 'chat'],
    [13, 'messaging'],
    [0, 'other'],
    [99, 'other'],
    ['7', 'chat'],
    [null, 'other'],
  ])('source %s → %s', (code, channel) => {
    expect(freshdeskChannel(code)).toBe(channel);
  });
});

describe('paging the fixtures through fetchFreshdeskTicket', () => {
  it('ends paging on a short page: Freshdesk has no "has more" flag', async () => {
    const { asked, raw } = await wrappedFetch();
    expect(conversationRequests(asked)).toEqual(['/api/_/tickets/9052/conversations?per_page=100&page=1']);
    expect(raw.conversations).toHaveLength(5);
  });

  it('asks for another page only after a full one', async () => {
    const full = Array.from({ length: 100 }, (_, i) => conversation({ id: 80055400000 + i, user_id: 80012345671 }));
    const { asked, raw } = await fetchFreshdeskFixture({
      ticketId: '9052',
      ticket: fixture('ticket-9052-wrapped.json'),
      conversationPages: [{ conversations: full }, fixture('conversations-9052-wrapped.json')],
      agents: fixture<unknown[]>('agents.json'),
    });
    expect(conversationRequests(asked).map((key) => key.split('&').pop())).toEqual(['page=1', 'page=2']);
    const ticket = parseRawTicket('freshdesk', INSTANCE, raw).ticket;
    expect(ticket.messages).toHaveLength(1 + 100 + 5);
    expect(ticket.messages.at(-1)?.id).toBe('80055500005');
  });

  it('ends paging on an empty page', async () => {
    const { asked, raw } = await fetchFreshdeskFixture({ ticketId: '1', ticket: { ticket: minimal() }, conversationPages: [[]] });
    expect(conversationRequests(asked)).toHaveLength(1);
    expect(raw.conversations).toEqual([]);
  });

  it('accepts both page shapes: { conversations } from /api/_/ and a bare array from /api/v2', async () => {
    expect((await wrappedFetch()).raw.conversations).toHaveLength(5);
    const v2 = await unwrappedFetch();
    expect(v2.raw.conversations).toHaveLength(5);
    expect(conversationRequests(v2.asked)).toEqual([
      '/api/_/tickets/10000000000431/conversations?per_page=100&page=1',
      '/api/v2/tickets/10000000000431/conversations?per_page=100&page=1',
    ]);
  });

  it('rejects a page that is not a list of conversations', async () => {
    const error = await fetchFreshdeskFixture({ ticketId: '1', ticket: { ticket: minimal() }, conversationPages: [{ errors: [] }] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HelpdeskHttpError);
    expect((error as HelpdeskHttpError).loadError.code).toBe('bad-response');
  });
});

describe('parseFreshdeskTicket — lenient parsing', () => {
  it('reads agents in all three shapes and skips unreadable entries', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal({ responder_id: 1, description_text: 'Help' }),
      conversations: [conversation({ id: 1, user_id: 2, incoming: true }), conversation({ id: 2, user_id: 3, incoming: true })],
      agents: [
        { id: 1, contact: { name: 'Documented', email: 'doc@acme.example' } },
        { agent: { id: 2, contact: { name: 'Wrapped', email: null } } },
        { id: '3', name: 'Flat', email: 'flat@acme.example' },
        { contact: { name: 'No id' } },
        'junk',
        null,
      ],
    });
    expect(ticket.assignee).toEqual({ id: '1', name: 'Documented', email: 'doc@acme.example' });
    expect(ticket.messages.map((m) => [m.author.name, m.role])).toEqual([
      ['User 5', 'customer'], // description
      ['Wrapped', 'agent'],
      ['Flat', 'agent'],
    ]);
  });

  it('uses the embedded requester when its id matches', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: { ticket: minimal({ requester: { id: 5, name: 'Ana', email: 'ana@example.com' }, description_text: 'x' }) },
      conversations: [],
    });
    expect(ticket.requester).toEqual({ id: '5', name: 'Ana', email: 'ana@example.com' });
  });

  it('leaves out an empty description and handles assorted empty values', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal({ description: '', description_text: null, tags: null, responder_id: null, status: null, subject: '' }),
      conversations: [],
    });
    expect(ticket.messages).toEqual([]);
    expect(ticket).toMatchObject({ tags: [], assignee: null, status: 'Unknown', subject: '(no subject)', channel: 'other' });
  });

  it('takes the channel from the ticket source only, never from the conversation source enum', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal({ source: 1 }),
      // conversation sources: 5 Tweet, 7 Facebook, 9 Phone, 10 Mobihelp — another enum
      conversations: [5, 7, 9, 10].map((source, i) => conversation({ id: i + 1, source })),
    });
    expect(ticket.channel).toBe('email');
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'customer', 'customer', 'customer']);
  });

  it('drops conversations delivered twice', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      conversations: [conversation({ id: 1 }), conversation({ id: 2 }), conversation({ id: 1 })],
    });
    expect(ticket.messages.map((m) => m.id)).toEqual(['1', '2']);
  });

  it('treats incoming: false from an unknown author as an agent and missing private as public', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      conversations: [conversation({ id: 1, user_id: 9, incoming: false, private: undefined, body_text: null, body: '<p>a&amp;b</p>' })],
    });
    expect(ticket.messages[0]).toMatchObject({ role: 'agent', visibility: 'public', text: 'a&b', author: { name: 'User 9' } });
  });

  it('ignores negative or unreadable stats', () => {
    const ticket = parseFreshdeskTicket({
      instance: INSTANCE,
      ticket: minimal({ stats: { first_responded_at: '2025-12-31T00:00:00Z', resolved_at: 'soon' } }),
      conversations: [],
    });
    expect(ticket.metrics).toEqual({ firstReplyMinutes: null, resolutionMinutes: null, replies: 0 });
  });
});

describe('parseFreshdeskTicket — errors', () => {
  const parse = (ticket: unknown, conversations: unknown = []) =>
    parseFreshdeskTicket({ instance: INSTANCE, ticket, conversations } as Input);

  it('names a missing subject or id in either shape', () => {
    expectParseError(() => parse(minimal({ subject: undefined })), 'Freshdesk ticket: ticket.subject is missing', 'ticket.subject');
    expectParseError(() => parse({ ticket: minimal({ subject: undefined }) }), 'Freshdesk ticket: ticket.subject is missing');
    expectParseError(() => parse({ ticket: minimal({ id: undefined }) }), 'Freshdesk ticket: ticket.id is missing', 'ticket.id');
    expectParseError(() => parse(minimal({ id: true })), 'Freshdesk ticket: ticket.id is malformed (got boolean true)');
  });

  it('names missing and invalid timestamps', () => {
    expectParseError(() => parse(minimal({ created_at: null })), 'Freshdesk ticket: ticket.created_at is missing (null)');
    expectParseError(
      () => parse(minimal({ created_at: 'Tuesday' })),
      'Freshdesk ticket: ticket.created_at is not a valid timestamp (got the string "Tuesday")',
    );
  });

  it('rejects non-object inputs with a readable message', () => {
    expectParseError(() => parseFreshdeskTicket(42 as never), 'Freshdesk ticket: input is not an object');
    expectParseError(() => parse('Access denied'), 'Freshdesk ticket: ticket is not an object', 'ticket');
    expectParseError(() => parse(null), 'Freshdesk ticket: ticket is not an object');
    expectParseError(
      () => parseFreshdeskTicket({ instance: INSTANCE, ticket: minimal() } as Input),
      'Freshdesk ticket: conversations is missing',
    );
    expectParseError(() => parse(minimal(), { conversations: [] }), 'Freshdesk ticket: conversations is not an array');
  });

  it('names the offending conversation', () => {
    expectParseError(
      () => parse(minimal(), [conversation(), conversation({ id: undefined })]),
      'Freshdesk ticket: conversations[1].id is missing',
      'conversations[1].id',
    );
    expectParseError(() => parse(minimal(), [null]), 'Freshdesk ticket: conversations[0] is missing (null)');
  });
});

describe('parseFreshdeskTicket — large ticket', () => {
  it('parses a generated 5 000-conversation ticket to 5 000 messages after the description, in API order', () => {
    const agents = Array.from({ length: 30 }, (_, i) => ({ id: 43000000000000 + i, contact: { name: `Agent ${i}`, email: null } }));
    const conversations = Array.from({ length: 5_000 }, (_, i) => ({
      id: 43000000990000 + ((i * 7919) % 5_000), // distinct but deliberately not monotonic
      user_id: i % 2 === 0 ? 5 : 43000000000000 + (i % 30),
      incoming: i % 2 === 0,
      private: i % 7 === 0,
      source: i % 7 === 0 ? 2 : 0,
      body: `<div>Message ${i}&nbsp;here</div><div><br></div><div>Second line</div>`,
      body_text: `Message ${i} here \n \nSecond line`,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      attachments: [],
    }));
    const ticket = parseFreshdeskTicket({ instance: INSTANCE, ticket: { ticket: minimal({ description_text: 'x' }) }, conversations, agents });
    expect(ticket.messages).toHaveLength(5_001);
    expect(ticket.messages.slice(1).map((m) => m.id)).toEqual(conversations.map((c) => String(c.id)));
    expect(ticket.messages[1]).toMatchObject({ role: 'customer', visibility: 'internal', text: 'Message 0 here\n\nSecond line' });
    expect(ticket.messages[2]).toMatchObject({ role: 'agent', visibility: 'public', author: { name: 'Agent 1' } });
    expect(ticket.messages[5_000]?.createdAt).toBe('2026-01-04T11:19:00.000Z');
  });
});

describe('parseFreshdeskTicket — account-defined status labels (ticket_fields)', () => {
  const fields = fixture<unknown[]>('ticket-fields.json');
  const parse = (status: unknown, ticketFields?: unknown) =>
    parseFreshdeskTicket({ instance: INSTANCE, ticket: minimal({ status }), conversations: [], ticketFields } as Input).status;

  it('reads the status field of /api/v2/ticket_fields through the real client', async () => {
    const { raw, asked } = await unwrappedFetch(fields);
    expect(parseRawTicket('freshdesk', INSTANCE, raw).ticket.status).toBe('Waiting on Third Party');
    expect(asked.filter((key) => key === '/api/v2/ticket_fields')).toHaveLength(1);
    // Only the status field travels to the background: agent and group fields list the whole account.
    expect(raw.ticketFields).toEqual([expect.objectContaining({ name: 'status' })]);
  });

  it('does not ask for ticket_fields when the status is one of Freshdesk\'s own', async () => {
    const { asked } = await wrappedFetch();
    expect(asked.some((key) => key.includes('ticket_fields'))).toBe(false);
  });

  it('takes the agent label from the documented choices shape', () => {
    expect(parse(6, fields)).toBe('Waiting on Customer');
    expect(parse('7', fields)).toBe('Waiting on Third Party');
    expect(parse(2, fields)).toBe('Open');
    expect(parse(6, { ticket_fields: fields })).toBe('Waiting on Customer');
  });

  it('reads the other shapes choices come in', () => {
    const statusField = (choices: unknown, extra: Json = {}) => [{ id: 1, name: 'status', type: 'default_status', choices, ...extra }];
    expect(parse(6, statusField({ 6: 'Waiting on Customer' }))).toBe('Waiting on Customer');
    expect(parse(6, statusField({ 'Waiting on Customer': 6, Open: 2 }))).toBe('Waiting on Customer');
    expect(parse(6, statusField([{ id: 6, value: 'Waiting on Customer', label_for_customers: 'Awaiting your Reply' }]))).toBe('Waiting on Customer');
    expect(parse(6, statusField([{ id: 9912, label: 'Waiting on Customer', value: 6 }]))).toBe('Waiting on Customer');
    expect(parse(6, statusField([{ id: 9912, label: 'Waiting on Customer', status_id: '6' }]))).toBe('Waiting on Customer');
    // the field found by type alone, and a lone field object
    expect(parse(6, [{ name: 'ticket_status', type: 'default_status', choices: { 6: ['On hold'] } }])).toBe('On hold');
    expect(parse(6, { name: 'status', choices: { 6: ['On hold'] } })).toBe('On hold');
  });

  it('says "Status <n>" only when no label can be read, and never breaks on junk', () => {
    expect(parse(6)).toBe('Status 6');
    expect(parse(9, fields)).toBe('Status 9');
    expect(parse(6, [{ name: 'priority', choices: { Low: 1, High: 6 } }])).toBe('Status 6');
    for (const junk of [null, 'x', 42, [null, 'x', []], [{ name: 'status', choices: null }], [{ name: 'status', choices: { 6: [null, 'customer only'], x: {}, 7: [] } }], [{ name: 'status', choices: [null, 3, { id: 'six', label: 'Six' }, { id: 6 }] }]]) {
      expect(parse(6, junk)).toBe('Status 6');
    }
    expect(statusLabels(undefined).size).toBe(0);
    expect(freshdeskStatus(6, statusLabels(fields))).toBe('Waiting on Customer');
  });
});
