// The content script sends only what the parsers read (slim.ts of each helpdesk): for ordinary
// tickets the parsed ticket is the same — except `html`, which is left out wherever a plain text
// exists — and huge tickets fit the text budget with the cut messages marked.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { slimFreshdeskConversation, slimFreshdeskRaw } from '@/lib/helpdesk/freshdesk/slim';
import { parseRawTicket } from '@/lib/helpdesk/parsers';
import { ticketSchema } from '@/lib/helpdesk/ticket-schema';
import { HARD_TOTAL_CHARS, MAX_MESSAGE_CHARS, MIN_MESSAGE_CHARS, TRANSCRIPT_BUDGET_CHARS, TRUNCATED_FLAG } from '@/lib/helpdesk/text-budget';
import type { HelpdeskName, Ticket } from '@/lib/helpdesk/types';
import { slimZendeskComment, slimZendeskLogEvent, slimZendeskRaw } from '@/lib/helpdesk/zendesk/slim';
import { createFreshdeskDemoData, createZendeskDemoData, handleFreshdeskApi, handleZendeskApi } from '../../support/mock-helpdesk';
import type { MockRequest } from '../../support/mock-helpdesk/types';
import { readFixture, type Json } from './fixture-fetch';

const zd = (name: string): Json => readFixture('zendesk', name);
const fd = <T = Json>(name: string): T => readFixture<T>('freshdesk', name);
const list = (body: Json, key: string) => body[key] as unknown[];

/** Everything but html, which slimming may leave out where the message has a plain text. */
function withoutHtml(ticket: Ticket) {
  return { ...ticket, messages: ticket.messages.map(({ html: _html, ...m }) => m) };
}

function expectSameTicket(helpdesk: HelpdeskName, raw: Record<string, unknown>, slim: (raw: Record<string, unknown>) => Record<string, unknown>) {
  const instance = `acme.${helpdesk}.com`;
  const full = parseRawTicket(helpdesk, instance, raw);
  const slimmed = parseRawTicket(helpdesk, instance, slim(structuredClone(raw)));
  expect(withoutHtml(slimmed.ticket)).toEqual(withoutHtml(full.ticket));
  expect(slimmed.reviewer).toEqual(full.reviewer);
  // html is either kept as it was or left out; never changed
  slimmed.ticket.messages.forEach((m, i) => {
    if (m.html !== undefined) expect(m.html).toBe(full.ticket.messages[i]?.html);
  });
  expect(slimmed.ticket.messages.some((m) => m.truncated)).toBe(false);
  return { full: full.ticket, slimmed: slimmed.ticket };
}

// Every fixture file belongs to one of these raw payloads (checked below).
const ZENDESK_FIXTURES: Record<string, { files: string[]; raw: () => Record<string, unknown> }> = {
  'complaint 4821 (two cursor pages, metrics)': {
    files: ['ticket-4821-complaint.json', 'comments-4821-page-1.json', 'comments-4821-page-2.json', 'metrics-4821.json'],
    raw: () => {
      const pages = [zd('comments-4821-page-1.json'), zd('comments-4821-page-2.json')];
      return { ticket: zd('ticket-4821-complaint.json'), comments: pages.flatMap((p) => list(p, 'comments')), users: pages.flatMap((p) => (p.users as unknown[]) ?? []), metrics: zd('metrics-4821.json') };
    },
  },
  'messaging 5210 (conversation log, custom status)': {
    files: ['ticket-5210-messaging.json', 'comments-5210-messaging.json', 'conversation-log-5210-page-1.json', 'conversation-log-5210-page-2.json', 'custom-statuses.json'],
    raw: () => {
      const comments = zd('comments-5210-messaging.json');
      return {
        ticket: zd('ticket-5210-messaging.json'),
        comments: list(comments, 'comments'),
        users: (comments.users as unknown[]) ?? [],
        conversationLog: [zd('conversation-log-5210-page-1.json'), zd('conversation-log-5210-page-2.json')].flatMap((p) => list(p, 'events')),
        customStatuses: list(zd('custom-statuses.json'), 'custom_statuses'),
      };
    },
  },
  'hostile content': {
    files: ['ticket-hostile.json', 'comments-hostile.json'],
    raw: () => ({ ticket: zd('ticket-hostile.json'), comments: list(zd('comments-hostile.json'), 'comments') }),
  },
  'imported (offset pages, private description, users sideloaded on the ticket)': {
    files: ['ticket-imported.json', 'users-imported.json', 'comments-imported-offset-page-1.json', 'comments-imported-offset-page-2.json'],
    raw: () => ({
      ticket: { ticket: zd('ticket-imported.json'), users: list(zd('users-imported.json'), 'users'), groups: [] },
      comments: [zd('comments-imported-offset-page-1.json'), zd('comments-imported-offset-page-2.json')].flatMap((p) => list(p, 'comments')),
    }),
  },
};

const FRESHDESK_FIXTURES: Record<string, { files: string[]; raw: () => Record<string, unknown> }> = {
  'private API 9052 (wrapped, agents list)': {
    files: ['ticket-9052-wrapped.json', 'conversations-9052-wrapped.json', 'agents.json'],
    raw: () => ({ ticket: fd('ticket-9052-wrapped.json'), conversations: list(fd('conversations-9052-wrapped.json'), 'conversations'), agents: fd<unknown[]>('agents.json') }),
  },
  'public API (unwrapped, account statuses)': {
    files: ['ticket-unwrapped.json', 'conversations-unwrapped.json', 'ticket-fields.json'],
    raw: () => ({ ticket: fd('ticket-unwrapped.json'), conversations: fd<unknown[]>('conversations-unwrapped.json'), ticketFields: fd<unknown[]>('ticket-fields.json') }),
  },
};

function fixtureFiles(helpdesk: HelpdeskName): string[] {
  return fs.readdirSync(new URL(`../../fixtures/${helpdesk}/`, import.meta.url)).filter((f) => f.endsWith('.json')).sort();
}

describe('slimZendeskRaw: the parser reads the same ticket from what the content script sends', () => {
  it('covers every Zendesk fixture', () => {
    expect(Object.values(ZENDESK_FIXTURES).flatMap((f) => f.files).sort()).toEqual(fixtureFiles('zendesk'));
  });

  for (const [name, { raw }] of Object.entries(ZENDESK_FIXTURES)) {
    it(name, () => {
      expectSameTicket('zendesk', raw(), slimZendeskRaw);
    });
  }

  it('sends one copy of each text, not three, and far fewer bytes', () => {
    const raw = ZENDESK_FIXTURES['complaint 4821 (two cursor pages, metrics)']!.raw();
    const slim = slimZendeskRaw(structuredClone(raw));
    for (const c of slim.comments as Json[]) {
      expect(['plain_body', 'body', 'html_body'].filter((k) => k in c)).toEqual(['plain_body']);
      expect(Object.keys(c).every((k) => ['id', 'author_id', 'public', 'created_at', 'plain_body', 'attachments', 'data'].includes(k))).toBe(true);
    }
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(raw).length * 0.6);
  });

  it('keeps html_body when it is the only text, and the body the log reads', () => {
    expect(slimZendeskComment({ id: 1, body: '', plain_body: null, html_body: '<p>Hi</p>', via: { channel: 'web' } })).toEqual({ id: 1, html_body: '<p>Hi</p>' });
    expect(slimZendeskComment({ id: 1, body: 'Hi', html_body: '<p>Hi</p>' })).toEqual({ id: 1, body: 'Hi' });
    expect(slimZendeskLogEvent({ id: 'e', type: 'Comment', content: { body: '<p>Hi</p>', plain_body: 'Hi' }, metadata: { public: false, system: { ip: '1.2.3.4' } } }))
      .toEqual({ id: 'e', type: 'Comment', content: { body: '<p>Hi</p>' }, metadata: { public: false } });
    expect(slimZendeskLogEvent({ id: 'e', type: 'Messaging::ConversationMessage', content: { type: 'text', text: 'Hi', body: 'Hi again' } }))
      .toEqual({ id: 'e', type: 'Messaging::ConversationMessage', content: { type: 'text', text: 'Hi' } });
  });

  it('is idempotent (pages are slimmed as they arrive, then the whole)', () => {
    for (const { raw } of Object.values(ZENDESK_FIXTURES)) {
      const once = slimZendeskRaw(raw());
      expect(slimZendeskRaw(structuredClone(once))).toEqual(once);
    }
  });
});

describe('slimFreshdeskRaw: the parser reads the same ticket from what the content script sends', () => {
  it('covers every Freshdesk fixture', () => {
    expect(Object.values(FRESHDESK_FIXTURES).flatMap((f) => f.files).sort()).toEqual(fixtureFiles('freshdesk'));
  });

  for (const [name, { raw }] of Object.entries(FRESHDESK_FIXTURES)) {
    it(name, () => {
      expectSameTicket('freshdesk', raw(), slimFreshdeskRaw);
    });
  }

  it('keeps the HTML only where the parser could need it', () => {
    expect(slimFreshdeskConversation({ id: 1, body: '<div>hi</div>', body_text: 'hi', to_emails: ['a@b.c'], attachments: [] })).toEqual({ id: 1, body_text: 'hi' });
    expect(slimFreshdeskConversation({ id: 1, body: '<div>hi</div>', body_text: '' })).toEqual({ id: 1, body_text: '', body: '<div>hi</div>' });
    // A description whose text might read as empty keeps its HTML: the parser shows it then.
    const blank = slimFreshdeskRaw({ ticket: { id: 1, subject: 's', created_at: '2026-01-01T00:00:00Z', description_text: '&nbsp;', description: '<p>&nbsp;</p>' }, conversations: [] });
    expect(blank.ticket).toMatchObject({ description_text: '&nbsp;', description: '<p>&nbsp;</p>' });
  });
});

// --- the bundled demo helpdesks: every kind of ticket the fake APIs serve ----------------------

function mockGet(helpdesk: HelpdeskName, handle: (req: MockRequest) => { status: number; body?: unknown }) {
  return (path: string, query = ''): Json | null => {
    const host = `acme.${helpdesk}.com`;
    const req: MockRequest = { helpdesk, host, method: 'GET', path, search: new URLSearchParams(query), url: `https://${host}${path}?${query}`, fromAgentApp: false, headers: {} };
    const res = handle(req);
    return res.status === 200 ? (res.body as Json) : null;
  };
}

function zendeskDemoRaws(): [string, Record<string, unknown>][] {
  const data = createZendeskDemoData();
  const get = mockGet('zendesk', (req) => handleZendeskApi(req, data));
  return data.tickets.map((t) => {
    const id = t.ticket.id;
    const comments: unknown[] = [];
    const users: unknown[] = [];
    let query: string | null = 'include=users&page[size]=100';
    while (query) {
      const page: Json = get(`/api/v2/tickets/${id}/comments.json`, query)!;
      comments.push(...list(page, 'comments'));
      users.push(...((page.users as unknown[]) ?? []));
      const meta = page.meta as { has_more: boolean; after_cursor: string } | undefined;
      // the imported ticket answers with offset paging only
      if (!meta) query = typeof page.next_page === 'string' ? new URL(page.next_page).search.slice(1) : null;
      else query = meta.has_more ? `include=users&page[size]=100&page[after]=${meta.after_cursor}` : null;
    }
    const events: unknown[] = [];
    query = 'page[size]=100';
    while (query) {
      const page = get(`/api/v2/tickets/${id}/conversation_log`, query)!;
      events.push(...list(page, 'events'));
      const meta = page.meta as { has_more: boolean; after_cursor: string };
      query = meta.has_more ? `page[size]=100&page[after]=${meta.after_cursor}` : null;
    }
    const raw = {
      ticket: get(`/api/v2/tickets/${id}.json`, 'include=users,groups'),
      comments,
      users,
      metrics: get(`/api/v2/tickets/${id}/metrics.json`),
      me: get('/api/v2/users/me.json'),
      conversationLog: events,
      customStatuses: list(get('/api/v2/custom_statuses')!, 'custom_statuses'),
    };
    return [`${t.kind} #${id}`, raw];
  });
}

function freshdeskDemoRaws(): [string, Record<string, unknown>][] {
  const data = createFreshdeskDemoData();
  const get = mockGet('freshdesk', (req) => handleFreshdeskApi(req, data));
  return data.tickets.map((t) => {
    const id = t.ticket.id;
    const raw = {
      ticket: get(`/api/_/tickets/${id}`, 'include=requester,stats'),
      conversations: list(get(`/api/_/tickets/${id}/conversations`, 'per_page=100&page=1')!, 'conversations'),
      agents: get('/api/v2/agents', 'per_page=100&page=1') as unknown as unknown[],
      me: get('/api/v2/agents/me'),
      ticketFields: get('/api/v2/ticket_fields') as unknown as unknown[],
    };
    return [`${t.kind} #${id}`, raw];
  });
}

describe('slimming every demo ticket changes nothing but html', () => {
  for (const [name, raw] of zendeskDemoRaws()) it(`zendesk ${name}`, () => void expectSameTicket('zendesk', raw, slimZendeskRaw));
  for (const [name, raw] of freshdeskDemoRaws()) it(`freshdesk ${name}`, () => void expectSameTicket('freshdesk', raw, slimFreshdeskRaw));
});

// --- huge tickets ------------------------------------------------------------------------------

function hugeZendeskRaw(count: number, chars: number): Record<string, unknown> {
  // One string shared by every comment: the test costs no memory, the payload is count × chars × 3.
  // 50 characters ending in a letter: a cut at any multiple of 50 leaves no trailing space to trim.
  const text = 'Our nightly export failed again; the log follows:X'.repeat(Math.ceil(chars / 50)).slice(0, chars);
  const html = `<div class="zd-comment"><p>${text}</p></div>`;
  const comments = Array.from({ length: count }, (_, i) => ({
    id: 1_000_000 + i, type: 'Comment', author_id: i % 2 ? 2 : 1, public: true, created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    body: text, plain_body: text, html_body: html, attachments: [], via: { channel: 'email', source: { from: {}, to: {} } }, metadata: { system: {}, custom: {} },
  }));
  return {
    ticket: { ticket: { id: 77, subject: 'Huge', description: text, status: 'open', requester_id: 1, assignee_id: 2, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' }, users: [{ id: 1, name: 'C', role: 'end-user' }, { id: 2, name: 'A', role: 'agent' }] },
    comments,
    users: [],
  };
}

describe('a 5 000-comment ticket of 20 000-character comments (100 MB of text, 300 MB with its copies)', () => {
  const raw = hugeZendeskRaw(5_000, 20_000);
  const slim = slimZendeskRaw(raw);
  const sent = JSON.stringify(slim);

  it('goes to the background as one message far below Chrome’s 64 MiB', () => {
    expect(sent.length).toBeLessThan(16 * 1024 * 1024);
    const comments = slim.comments as Json[];
    expect(comments.every((c) => c[TRUNCATED_FLAG] === true && (c.plain_body as string).length === MIN_MESSAGE_CHARS)).toBe(true);
  });

  it('parses into a transcript within the hard total, every message marked truncated, that the panel can receive', () => {
    const { ticket } = parseRawTicket('zendesk', 'acme.zendesk.com', slim);
    expect(ticket.messages).toHaveLength(5_000);
    expect(ticket.messages.every((m) => m.truncated === true && m.html === undefined)).toBe(true);
    expect(ticket.messages.reduce((n, m) => n + m.text.length, 0)).toBeLessThanOrEqual(HARD_TOTAL_CHARS);
    // what tab:get-state / tab:state-changed carry
    expect(ticketSchema.safeParse(ticket).success).toBe(true);
    expect(JSON.stringify(ticket).length).toBeLessThan(32 * 1024 * 1024);
  });

  it('is capped by the parser alone too (any input): same limits, same marks', () => {
    const { ticket } = parseRawTicket('zendesk', 'acme.zendesk.com', hugeZendeskRaw(5_000, 20_000));
    expect(ticket.messages.every((m) => m.truncated === true && m.text.length === MIN_MESSAGE_CHARS && m.html === undefined)).toBe(true);
  });
});

describe('one very long message among ordinary ones', () => {
  it('zendesk: cut to 100 000 characters by the content script, marked by the parser; the others untouched', () => {
    const raw = hugeZendeskRaw(3, 1_000);
    (raw.comments as Json[])[1]!.plain_body = 'z'.repeat(MAX_MESSAGE_CHARS * 3);
    const slim = slimZendeskRaw(raw);
    expect(((slim.comments as Json[])[1]!.plain_body as string).length).toBe(MAX_MESSAGE_CHARS);
    const { messages } = parseRawTicket('zendesk', 'acme.zendesk.com', slim).ticket;
    expect(messages.map((m) => [m.text.length, m.truncated ?? false])).toEqual([[1_000, false], [MAX_MESSAGE_CHARS, true], [1_000, false]]);
  });

  it('zendesk: the parser caps and marks a long comment it is given directly', () => {
    const raw = hugeZendeskRaw(2, 1_000);
    (raw.comments as Json[])[0]!.plain_body = 'z'.repeat(MAX_MESSAGE_CHARS + 1);
    const { messages } = parseRawTicket('zendesk', 'acme.zendesk.com', raw).ticket;
    expect(messages[0]).toMatchObject({ truncated: true });
    expect(messages[0]!.text.length).toBe(MAX_MESSAGE_CHARS);
    expect(messages[1]).not.toHaveProperty('truncated');
  });

  it('zendesk: a cut conversation-log message is marked', () => {
    const raw = hugeZendeskRaw(1, 100);
    raw.conversationLog = [{ id: 'e1', type: 'Messaging::ConversationMessage', author: { type: 'user' }, created_at: '2026-01-02T00:00:00Z', content: { type: 'text', text: 'w'.repeat(MAX_MESSAGE_CHARS + 10) } }];
    const slim = slimZendeskRaw(raw);
    const { messages } = parseRawTicket('zendesk', 'acme.zendesk.com', slim).ticket;
    expect(messages.map((m) => [m.id, m.text.length, m.truncated ?? false])).toEqual([['1000000', 100, false], ['e1', MAX_MESSAGE_CHARS, true]]);
  });

  it('freshdesk: the description and a conversation are cut and marked; the budget holds for thousands', () => {
    const long = 'f'.repeat(MAX_MESSAGE_CHARS + 5);
    const raw = {
      ticket: { ticket: { id: 9, subject: 's', requester_id: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', description_text: long, description: `<div>${long}</div>` } },
      conversations: [
        { id: 10, user_id: 1, incoming: true, body_text: 'short', body: '<div>short</div>', created_at: '2026-01-01T00:01:00Z' },
        { id: 11, user_id: 2, incoming: false, body_text: long, body: `<div>${long}</div>`, created_at: '2026-01-01T00:02:00Z' },
      ],
    };
    const slim = slimFreshdeskRaw(raw);
    expect(JSON.stringify(slim).length).toBeLessThan(2 * MAX_MESSAGE_CHARS + 2_000);
    const { messages } = parseRawTicket('freshdesk', 'acme.freshdesk.com', slim).ticket;
    expect(messages.map((m) => [m.text.length, m.truncated ?? false, m.html === undefined])).toEqual([[MAX_MESSAGE_CHARS, true, true], [5, false, true], [MAX_MESSAGE_CHARS, true, true]]);

    const text = 'g'.repeat(20_000);
    const many = { ticket: raw.ticket, conversations: Array.from({ length: 4_000 }, (_, i) => ({ id: 100 + i, user_id: 1, incoming: true, body_text: text, body: `<div>${text}</div>`, created_at: '2026-01-01T00:01:00Z' })) };
    const slimMany = slimFreshdeskRaw(many);
    const parsed = parseRawTicket('freshdesk', 'acme.freshdesk.com', slimMany).ticket;
    // 4 001 messages: each keeps the 2 000-character floor, a little over the budget, within the hard total
    expect(parsed.messages.every((m) => m.text.length === MIN_MESSAGE_CHARS)).toBe(true);
    expect(parsed.messages.reduce((n, m) => n + m.text.length, 0)).toBeLessThanOrEqual(HARD_TOTAL_CHARS);
    expect(JSON.stringify(slimMany).length).toBeLessThan(TRANSCRIPT_BUDGET_CHARS * 1.2);
    expect(parsed.messages.every((m) => m.truncated)).toBe(true);
  });
});
