import { describe, it, expect } from 'vitest';
import { expectHelpdeskParseError } from './expect-failure';
import { parseZendeskTicket, zendeskChannel } from '../../../lib/helpdesk/zendesk/parse';
import { HelpdeskHttpError } from '../../../lib/helpdesk/errors';
import { parseRawTicket } from '../../../lib/helpdesk/parsers';
import type { Ticket } from '../../../lib/helpdesk/types';
import { fetchZendeskFixture, readFixture, requestKey, type Json } from './fixture-fetch';

const fixture = (name: string): Json => readFixture('zendesk', name);
const INSTANCE = 'acme.zendesk.com';

/** The complaint thread, its two cursor pages fetched by the real client, as the extension reads it. */
async function complaint() {
  const fetched = await fetchZendeskFixture({
    ticketId: '4821',
    ticket: fixture('ticket-4821-complaint.json'),
    commentPages: [fixture('comments-4821-page-1.json'), fixture('comments-4821-page-2.json')],
    metrics: fixture('metrics-4821.json'),
  });
  return { ...fetched, ticket: parseRawTicket('zendesk', INSTANCE, fetched.raw).ticket };
}

/** The imported ticket: two offset pages fetched by the real client. */
async function importedFetch() {
  return fetchZendeskFixture({
    ticketId: '17500000000123',
    // What `tickets/{id}.json?include=users` answers: the ticket with its users sideloaded.
    ticket: { ticket: fixture('ticket-imported.json'), users: fixture('users-imported.json').users },
    commentPages: [fixture('comments-imported-offset-page-1.json'), fixture('comments-imported-offset-page-2.json')],
  });
}

async function imported(): Promise<Ticket> {
  return parseRawTicket('zendesk', INSTANCE, (await importedFetch()).raw).ticket;
}

const commentRequests = (asked: string[]) => asked.filter((key) => key.includes('/comments.json'));

function hostile(): Ticket {
  return parseZendeskTicket({
    instance: INSTANCE,
    ticket: fixture('ticket-hostile.json'),
    comments: fixture('comments-hostile.json').comments as unknown[],
  });
}

function minimal(overrides: Json = {}): Json {
  return { id: 1, subject: 'Hi', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', ...overrides };
}

const expectParseError = (run: () => unknown, message: string, path?: string) => expectHelpdeskParseError('zendesk', run, message, path);

describe('paging the fixtures through fetchZendeskTicket', () => {
  it('follows cursor pages and stops on has_more: false even though links.next is still a URL', async () => {
    const last = fixture('comments-4821-page-2.json');
    expect((last.meta as { has_more: unknown }).has_more).toBe(false);
    const lastNext = (last.links as { next: string }).next;
    expect(lastNext).toMatch(/^https:\/\//);

    const { asked, raw, ticket, progress } = await complaint();
    expect(commentRequests(asked)).toHaveLength(2);
    expect(asked).not.toContain(requestKey(lastNext));
    expect(raw.comments).toHaveLength(5);
    expect(progress).toEqual([2, 5]);
    expect(ticket.messages).toHaveLength(5);
  });

  it('follows links.next while meta.has_more is true and keeps every page\'s sideloaded users', async () => {
    const first = fixture('comments-4821-page-1.json');
    expect((first.meta as { has_more: unknown }).has_more).toBe(true);
    const next = (first.links as { next: string }).next;
    expect(next).toContain('page%5Bafter%5D=');

    const { asked, raw } = await complaint();
    expect(commentRequests(asked)[1]).toBe(requestKey(next));
    expect(raw.users).toHaveLength(4); // two per page
  });

  it('supports old offset paging (next_page, count, no meta) and stops at next_page: null', async () => {
    const { asked, raw } = await importedFetch();
    expect(commentRequests(asked)).toHaveLength(2);
    expect(commentRequests(asked)[1]).toBe('/api/v2/tickets/17500000000123/comments.json?page=2&per_page=2');
    expect(raw.comments).toHaveLength(4);
    expect(raw.users).toEqual([]); // offset pages here sideload nobody
  });

  it('treats has_more: true without a next link or cursor as the end rather than looping', async () => {
    const { asked, raw } = await fetchZendeskFixture({
      ticketId: '1',
      ticket: { ticket: minimal() },
      commentPages: [{ comments: [], meta: { has_more: true }, links: { next: null } }],
    });
    expect(commentRequests(asked)).toHaveLength(1);
    expect(raw.comments).toEqual([]);
  });

  it.each([
    ['a body without a comments array', { error: 'RecordNotFound' }],
    ['a web page', '<html><body>Sign in</body></html>'],
  ])('rejects %s as a comments page', async (_, page) => {
    const error = await fetchZendeskFixture({ ticketId: '1', ticket: { ticket: minimal() }, commentPages: [page] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelpdeskHttpError);
    expect((error as HelpdeskHttpError).loadError.code).toBe('bad-response');
  });
});

describe('parseZendeskTicket — complaint email thread', () => {
  it('normalizes the ticket fields', async () => {
    const { ticket } = await complaint();
    expect(ticket).toMatchObject({
      helpdesk: 'zendesk',
      instance: INSTANCE,
      id: '4821',
      url: 'https://acme.zendesk.com/agent/tickets/4821',
      subject: 'Charged twice for order #58213 – still no refund',
      status: 'solved',
      channel: 'email',
      tags: ['billing', 'complaint', 'double_charge', 'refund'],
      requester: { id: '381202745911', name: 'Maria Keller', email: 'maria.keller@example.com' },
      assignee: { id: '366920011842', name: 'Tom Alvarez', email: 'tom.alvarez@acme.example' },
      createdAt: '2026-11-18T08:12:44.000Z',
      updatedAt: '2026-11-19T16:02:10.000Z',
    });
  });

  it('keeps the API (chronological) order although comment ids are not in time order', async () => {
    const { ticket } = await complaint();
    const ids = ticket.messages.map((m) => m.id);
    expect(ids).toEqual(['30015519281402', '30015519291177', '30015519288810', '30015519301999', '30015519300004']);
    expect([...ids].sort()).not.toEqual(ids); // sorting by id would have scrambled the thread
    const times = ticket.messages.map((m) => m.createdAt);
    expect([...times].sort()).toEqual(times);
  });

  it('makes the description the first message and classifies every message', async () => {
    const { ticket } = await complaint();
    expect(ticket.messages.map((m) => [m.author.name, m.role, m.visibility])).toEqual([
      ['Maria Keller', 'customer', 'public'],
      ['Tom Alvarez', 'agent', 'public'],
      ['Priya Raman', 'agent', 'internal'], // admin known only from page 2's sideload
      ['Maria Keller', 'customer', 'public'],
      ['Tom Alvarez', 'agent', 'public'],
    ]);
  });

  it('decodes entities in plain_body and keeps html_body as html', async () => {
    const { ticket } = await complaint();
    const [first, , note] = ticket.messages;
    expect(first?.text).toContain('49,90\u00a0€');
    expect(first?.text).not.toMatch(/&nbsp;|&[a-z]+;/);
    expect(first?.text.startsWith('Hello,\n\nI was charged twice')).toBe(true);
    // The parser keeps html_body given the API's bodies; the content script sends only
    // plain_body where there is one (slim.ts), so the extension's copy has no html.
    const pages = [fixture('comments-4821-page-1.json'), fixture('comments-4821-page-2.json')];
    const [full] = parseZendeskTicket({
      instance: INSTANCE,
      ticket: fixture('ticket-4821-complaint.json'),
      comments: pages.flatMap((p) => p.comments as unknown[]),
      users: pages.flatMap((p) => (p.users as unknown[] | undefined) ?? []),
    }).messages;
    expect(full?.html).toMatch(/^<div class="zd-comment" dir="auto">/);
    expect(full?.text).toBe(first?.text);
    expect(first?.html).toBeUndefined();
    expect(note?.text).toBe(
      'Checked Stripe: two captures (ch_3Q…A1 and ch_3Q…B7), 49.90 EUR each. Second one is the duplicate & can be refunded.',
    );
    for (const m of ticket.messages) expect(m.text).not.toMatch(/<\/?(p|div|br)\b/);
  });

  it('maps ticket metrics to camelCase numbers and csat from the rating', async () => {
    const { ticket } = await complaint();
    expect(ticket.metrics).toEqual({
      firstReplyMinutes: 327,
      firstResolutionMinutes: 410,
      fullResolutionMinutes: 1909,
      agentWaitMinutes: 0,
      requesterWaitMinutes: 1602,
      replies: 2,
      reopens: 1,
      csat: 0, // "bad"
    });
  });

  it('accepts the inner ticket_metric object and the bare .ticket alike', () => {
    const body = fixture('ticket-4821-complaint.json');
    const page1 = fixture('comments-4821-page-1.json');
    const inner = (fixture('metrics-4821.json').ticket_metric) as Json;
    const a = parseZendeskTicket({ instance: INSTANCE, ticket: body, comments: page1.comments as unknown[], metrics: fixture('metrics-4821.json') });
    const b = parseZendeskTicket({
      instance: INSTANCE,
      ticket: body.ticket,
      comments: page1.comments as unknown[],
      users: body.users as unknown[],
      metrics: inner,
    });
    expect(b).toEqual(a);
  });
});

describe('parseZendeskTicket — csat', () => {
  const withRating = (rating: unknown, metrics?: unknown) =>
    parseZendeskTicket({ instance: INSTANCE, ticket: minimal({ satisfaction_rating: rating }), comments: [], metrics }).metrics;

  it.each([
    ['good', 1],
    ['bad', 0],
    ['offered', null],
    ['unoffered', null],
    [null, null],
  ])('score %s → csat %s', (score, csat) => {
    expect(withRating({ score })?.csat).toBe(csat);
  });

  it('has no metrics at all without a metrics body or a rating object', () => {
    expect(withRating(null)).toBeUndefined();
    expect(withRating(undefined, null)).toBeUndefined();
  });

  it('always has every key once there are metrics (null when unknown)', () => {
    const metrics = withRating(null, { ticket_metric: { replies: 3, reply_time_in_minutes: { calendar: null, business: null } } });
    expect(metrics).toEqual({
      firstReplyMinutes: null,
      firstResolutionMinutes: null,
      fullResolutionMinutes: null,
      agentWaitMinutes: null,
      requesterWaitMinutes: null,
      replies: 3,
      reopens: null,
      csat: null,
    });
  });
});

describe('parseZendeskTicket — imported ticket (big ids, offset paging, private description)', () => {
  it('turns ids above 1e13 into exact strings', async () => {
    const ticket = await imported();
    expect(ticket.id).toBe('17500000000123');
    expect(ticket.url).toBe('https://acme.zendesk.com/agent/tickets/17500000000123');
    expect(ticket.requester.id).toBe('17500000004242');
    expect(ticket.messages.map((m) => m.id)).toEqual(['17500000070009', '17500000070001', '17500000069990', '17500000070100']);
    for (const m of ticket.messages) expect(typeof m.author.id).toBe('string');
  });

  it('takes the role from the author, not from visibility: a private description by an end-user is a customer message', async () => {
    const [description] = (await imported()).messages;
    expect(description).toMatchObject({
      author: { id: '17500000009876', name: 'Jonas Weber' },
      role: 'customer',
      visibility: 'internal',
    });
  });

  it('marks author -1 as system', async () => {
    expect((await imported()).messages[1]).toMatchObject({ author: { id: '-1', name: 'System' }, role: 'system' });
  });

  it('names unknown authors "User <id>" and never "undefined"', async () => {
    const ticket = await imported();
    expect(ticket.messages[3]?.author).toEqual({ id: '17500000005555', name: 'User 17500000005555' });
    expect(JSON.stringify(ticket)).not.toContain('undefined');
  });

  it('falls back to the ticket creation time for a comment with a broken timestamp', async () => {
    const ticket = await imported();
    expect(ticket.messages[3]?.createdAt).toBe(ticket.createdAt);
  });

  it('copes with null tags, no assignee, no rating and an undocumented channel', async () => {
    const ticket = await imported();
    expect(ticket.tags).toEqual([]);
    expect(ticket.assignee).toBeNull();
    expect(ticket.channel).toBe('other'); // via.channel "api"
    expect(ticket.metrics).toBeUndefined();
  });
});

describe('parseZendeskTicket — hostile and odd content', () => {
  it('keeps hostile subject and names as literal text', () => {
    const ticket = hostile();
    expect(ticket.subject).toBe('<script>alert(1)</script> refund <img src=x onerror=alert(1)> 🙂');
    expect(ticket.requester.name).toBe('<img src=x onerror=alert(1)>');
    expect(ticket.tags).toEqual(['vip', '<b>tag</b>']);
  });

  it('keeps typed markup in plain text literally and decodes escaped markup to literal characters', () => {
    const [typed, escaped] = hostile().messages;
    expect(typed?.text).toBe("<script>alert('x')</script> where is my refund?");
    expect(escaped?.text).toBe('مرحبا،\u00a0أين طلبي؟ <img src=x onerror=alert(1)> 😀 🚀 Fish & chips');
  });

  it('strips real markup from html-only comments but keeps the escaped text', () => {
    const message = hostile().messages[2];
    expect(message?.text).toBe('您好\u00a0王先生，\n\n退款已处理 ✅\nTom <support>');
    expect(message?.text).not.toContain('<img');
    expect(message?.text).not.toContain('alert');
    expect(message?.text).not.toContain('color:red');
    expect(message?.text).not.toContain('hidden');
    expect(message?.html).toContain('<script>alert(1)</script>'); // original kept for a sanitizing renderer
  });

  it('preserves emoji sequences, RTL and CJK, and tidies line breaks', () => {
    const ticket = hostile();
    expect(ticket.messages[1]?.author.name).toBe('مريم الحسيني');
    expect(ticket.messages[3]?.text).toContain('👩‍💻');
    expect(ticket.messages[4]).toMatchObject({ author: { name: '王小明' }, text: '谢谢！\n\n问题解决了。' });
  });

  it('normalizes offset timestamps to UTC and maps messaging channels', () => {
    const ticket = hostile();
    expect(ticket.createdAt).toBe('2026-11-20T09:00:00.000Z');
    expect(ticket.channel).toBe('messaging'); // whatsapp
    expect(ticket.metrics?.csat).toBeNull(); // "offered"
  });
});

describe('zendeskChannel', () => {
  it.each([
    ['email', 'email'],
    ['web', 'web'],
    ['web_widget', 'web'],
    ['chat', 'chat'],
    ['native_messaging', 'messaging'],
    ['messaging', 'messaging'],
    ['whatsapp', 'messaging'],
    ['line', 'messaging'],
    ['wechat', 'messaging'],
    ['sunshine_conversations_facebook_messenger', 'messaging'],
    ['voice', 'phone'],
    ['phone', 'phone'],
    ['twitter', 'social'],
    ['facebook', 'social'],
    ['instagram_dm', 'social'],
    ['api', 'other'],
    ['sample_ticket', 'other'],
    ['mobile_sdk', 'other'],
    ['mobile', 'other'],
    ['any_channel', 'other'],
    ['something_new_2027', 'other'],
    [null, 'other'],
    [4, 'other'],
    ['EMAIL', 'email'],
  ])('%s → %s', (channel, expected) => {
    expect(zendeskChannel(channel)).toBe(expected);
  });
});

describe('parseZendeskTicket — lenient parsing', () => {
  const comment = (overrides: Json = {}): Json => ({
    id: 10,
    author_id: 5,
    public: true,
    plain_body: 'hello',
    created_at: '2026-01-01T00:01:00Z',
    ...overrides,
  });

  it('drops a comment delivered twice (overlapping pages) but keeps the first position', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      comments: [comment({ id: 1 }), comment({ id: 2 }), comment({ id: 1 }), comment({ id: 3 })],
    });
    expect(ticket.messages.map((m) => m.id)).toEqual(['1', '2', '3']);
  });

  it('merges users from the ticket body and the input; later entries fill gaps', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: { ticket: minimal({ requester_id: 5 }), users: [{ id: 5, name: null, role: 'end-user' }] },
      comments: [comment()],
      users: [{ id: 5, name: 'Ada', email: 'ada@example.com' }, { name: 'no id' }, 'junk'],
    });
    expect(ticket.requester).toEqual({ id: '5', name: 'Ada', email: 'ada@example.com' });
    expect(ticket.messages[0]?.role).toBe('customer');
  });

  it('guesses roles for authors missing from the sideloads: requester, assignee, then visibility', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal({ requester_id: 5, assignee_id: 6 }),
      comments: [
        comment({ id: 1, author_id: 5 }),
        comment({ id: 2, author_id: 6 }),
        comment({ id: 3, author_id: 7, public: false }),
        comment({ id: 4, author_id: 8 }),
        comment({ id: 5, author_id: null }),
      ],
    });
    expect(ticket.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'agent', 'customer', 'system']);
    expect(ticket.assignee).toEqual({ id: '6', name: 'User 6' });
  });

  it('prefers plain_body, then body, then stripped html_body, then a voice transcript', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      comments: [
        comment({ id: 1, plain_body: 'plain', body: 'body', html_body: '<p>html</p>' }),
        comment({ id: 2, plain_body: null, body: 'body &amp; soul', html_body: '<p>html</p>' }),
        comment({ id: 3, plain_body: '', body: '', html_body: '<p>only <b>html</b></p>' }),
        comment({ id: 4, type: 'VoiceComment', plain_body: null, data: { transcription_text: 'Caller asked for a refund.' } }),
        comment({ id: 5, plain_body: null }),
      ],
    });
    expect(ticket.messages.map((m) => m.text)).toEqual(['plain', 'body & soul', 'only html', 'Caller asked for a refund.', '']);
    expect(ticket.messages[0]?.html).toBe('<p>html</p>');
    expect(ticket.messages[4]).not.toHaveProperty('html');
  });

  it('names attachments on lines of their own, leaving out inline images', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      comments: [
        comment({ id: 1, plain_body: 'Receipt attached.', attachments: [{ file_name: 'receipt.pdf', content_type: 'application/pdf', inline: false }, { file_name: 'logo.png', content_type: 'image/png', inline: true }] }),
        comment({ id: 2, plain_body: '', body: '', html_body: '<div class="zd-comment"></div>', attachments: [{ file_name: 'IMG_1.jpg', content_type: 'image/jpeg' }, null, { id: 3 }] }),
        comment({ id: 3, attachments: 'junk' }),
      ],
    });
    expect(ticket.messages.map((m) => m.text)).toEqual(['Receipt attached.\n[file: receipt.pdf]', '[image: IMG_1.jpg]', 'hello']);
  });

  it('treats a missing public flag as public and only false as internal', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal(),
      comments: [comment({ id: 1, public: undefined }), comment({ id: 2, public: 'yes' }), comment({ id: 3, public: false })],
    });
    expect(ticket.messages.map((m) => m.visibility)).toEqual(['public', 'public', 'internal']);
  });

  it('shows the description when no comments could be loaded', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: minimal({ description: 'Printer&nbsp;on fire', requester_id: 5 }),
      comments: [],
    });
    expect(ticket.messages).toEqual([
      {
        id: 'description-1',
        author: { id: '5', name: 'User 5' },
        role: 'customer',
        visibility: 'public',
        createdAt: '2026-01-01T00:00:00.000Z',
        text: 'Printer\u00a0on fire',
      },
    ]);
  });

  it('accepts string ids, keeps huge numbers without an exponent, and uses fallbacks for empty values', () => {
    const ticket = parseZendeskTicket({
      instance: 'https://Acme.Zendesk.com/agent/tickets/1',
      ticket: minimal({ id: '99', subject: null, raw_subject: 'Raw', status: '', tags: '', via: 'email', updated_at: null }),
      comments: [comment({ id: 1e21, author_id: '5' })],
    });
    expect(ticket).toMatchObject({
      id: '99',
      instance: 'acme.zendesk.com',
      subject: 'Raw',
      status: 'unknown',
      tags: [],
      channel: 'other',
      requester: { id: 'unknown', name: 'Unknown requester' },
      updatedAt: ticket.createdAt,
    });
    expect(ticket.messages[0]?.id).toBe('1000000000000000000000');
    expect(parseZendeskTicket({ instance: INSTANCE, ticket: minimal({ subject: '  ' }), comments: [] }).subject).toBe('(no subject)');
  });
});

describe('parseZendeskTicket — errors', () => {
  const parse = (ticket: unknown, comments: unknown = [], instance: unknown = INSTANCE) =>
    parseZendeskTicket({ instance, ticket, comments } as Parameters<typeof parseZendeskTicket>[0]);

  it('names a missing subject', () => {
    expectParseError(() => parse(minimal({ subject: undefined })), 'Zendesk ticket: ticket.subject is missing', 'ticket.subject');
    expectParseError(() => parse({ ticket: minimal({ subject: undefined }), users: [] }), 'Zendesk ticket: ticket.subject is missing');
  });

  it('names a missing or malformed id', () => {
    expectParseError(() => parse(minimal({ id: undefined })), 'Zendesk ticket: ticket.id is missing', 'ticket.id');
    expectParseError(() => parse(minimal({ id: null })), 'Zendesk ticket: ticket.id is missing (null)');
    expectParseError(() => parse(minimal({ id: { value: 1 } })), 'Zendesk ticket: ticket.id is malformed (got an object)');
    expectParseError(() => parse(minimal({ id: 1.5 })), 'Zendesk ticket: ticket.id is malformed (got number 1.5)');
    expectParseError(() => parse(minimal({ id: ' ' })), 'Zendesk ticket: ticket.id is malformed (got the string " ")');
  });

  it('names missing and invalid timestamps', () => {
    expectParseError(() => parse(minimal({ created_at: undefined })), 'Zendesk ticket: ticket.created_at is missing');
    expectParseError(
      () => parse(minimal({ created_at: 'yesterday' })),
      'Zendesk ticket: ticket.created_at is not a valid timestamp (got the string "yesterday")',
    );
    expectParseError(
      () => parse(minimal({ created_at: '2026-13-45T99:00:00Z' })),
      'Zendesk ticket: ticket.created_at is not a valid timestamp (got the string "2026-13-45T99:00:00Z")',
    );
  });

  it('rejects non-object inputs with a readable message', () => {
    expectParseError(() => parseZendeskTicket(null as never), 'Zendesk ticket: input is not an object');
    expectParseError(() => parse('<html>Sign in</html>'), 'Zendesk ticket: ticket is not an object', 'ticket');
    expectParseError(() => parse(undefined), 'Zendesk ticket: ticket is missing');
    expectParseError(() => parse([minimal()]), 'Zendesk ticket: ticket is not an object');
    expectParseError(
      () => parseZendeskTicket({ instance: INSTANCE, ticket: minimal() } as Parameters<typeof parseZendeskTicket>[0]),
      'Zendesk ticket: comments is missing',
    );
    expectParseError(() => parse(minimal(), { comments: [] }), 'Zendesk ticket: comments is not an array');
    expectParseError(() => parse(minimal(), [], ''), 'Zendesk ticket: instance is malformed (got the string "")');
    expectParseError(
      () => parseZendeskTicket({ ticket: minimal(), comments: [] } as unknown as Parameters<typeof parseZendeskTicket>[0]),
      'Zendesk ticket: instance is missing',
    );
  });

  it('names the offending comment', () => {
    expectParseError(
      () => parse(minimal(), [{ id: 1, created_at: '2026-01-01T00:00:00Z' }, { author_id: 2, plain_body: 'x' }]),
      'Zendesk ticket: comments[1].id is missing',
      'comments[1].id',
    );
    expectParseError(() => parse(minimal(), ['not a comment']), 'Zendesk ticket: comments[0] is malformed (got the string "not a comment")');
  });

  it('is an Error with the class name set', () => {
    const error = expectParseError(() => parse(minimal({ subject: undefined })), 'Zendesk ticket: ticket.subject is missing');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('HelpdeskParseError');
  });
});

describe('parseZendeskTicket — large ticket', () => {
  it('parses a generated 5 000-comment ticket to 5 000 messages in API order', () => {
    const users = Array.from({ length: 50 }, (_, i) => ({ id: 17500000000000 + i, name: `User ${i}`, role: i === 0 ? 'end-user' : 'agent' }));
    const comments = Array.from({ length: 5_000 }, (_, i) => ({
      id: 30000000000000 + ((i * 7919) % 5_000), // distinct but deliberately not monotonic
      type: 'Comment',
      author_id: 17500000000000 + (i % 50),
      public: i % 5 !== 0,
      plain_body: `Message ${i}&nbsp;with an entity\n\nand a second paragraph`,
      html_body: `<div class="zd-comment"><p>Message ${i}&nbsp;with an entity</p><p>and a second paragraph</p></div>`,
      created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      attachments: [],
      via: { channel: 'web' },
    }));
    const ticket = parseZendeskTicket({ instance: INSTANCE, ticket: { ticket: minimal({ requester_id: 17500000000000 }), users }, comments });
    expect(ticket.messages).toHaveLength(5_000);
    expect(ticket.messages.map((m) => m.id)).toEqual(comments.map((c) => String(c.id)));
    expect(ticket.messages[4_999]?.createdAt).toBe('2026-01-04T11:19:00.000Z');
    expect(ticket.messages[0]).toMatchObject({ role: 'customer', visibility: 'internal', text: 'Message 0\u00a0with an entity\n\nand a second paragraph' });
    expect(ticket.messages[1]).toMatchObject({ role: 'agent', visibility: 'public', author: { name: 'User 1' } });
  });
});

// --- Messaging transcripts (conversation_log) ----------------------------------------------------

/** The Messaging ticket: comments plus two conversation_log pages and custom statuses, fetched by the real client. */
async function messaging() {
  const fetched = await fetchZendeskFixture({
    ticketId: '5210',
    ticket: fixture('ticket-5210-messaging.json'),
    commentPages: [fixture('comments-5210-messaging.json')],
    conversationLogPages: [fixture('conversation-log-5210-page-1.json'), fixture('conversation-log-5210-page-2.json')],
    customStatuses: fixture('custom-statuses.json'),
  });
  return { ...fetched, ticket: parseRawTicket('zendesk', INSTANCE, fetched.raw).ticket };
}

const logEvent = (overrides: Json = {}): Json => ({
  id: '01JLOG',
  type: 'Messaging::ConversationMessage',
  created_at: '2026-01-01T00:05:00Z',
  author: { type: 'user', display_name: 'Ada', 'zen:support:user_id': 5 },
  content: { type: 'text', text: 'hello' },
  attachments: [],
  metadata: {},
  ...overrides,
});

function withLog(conversationLog: unknown[], comments: unknown[] = [], ticket: Json = minimal({ requester_id: 5, assignee_id: 6 })): Ticket {
  return parseZendeskTicket({ instance: INSTANCE, ticket, comments, conversationLog });
}

describe('parseZendeskTicket — Messaging transcript (conversation_log)', () => {
  it('pages the log like comments: follows links.next while has_more, stops on has_more: false', async () => {
    const { asked, raw } = await messaging();
    const logRequests = asked.filter((key) => key.includes('/conversation_log'));
    expect(logRequests).toHaveLength(2);
    expect(logRequests[1]).toContain('page[after]=eyJvIjoiaWQiLCJ2IjoiNyJ9');
    expect((raw.conversationLog as unknown[]).length).toBe(17);
  });

  it('merges log and comments oldest first, each message once', async () => {
    const { ticket } = await messaging();
    expect(ticket.messages.map((m) => m.text.split('\n')[0])).toEqual([
      "Hi! I'm the Larkspur assistant. What can I help you with?",
      'Talk to a human',
      '[form: Order number, Email]',
      '[form response]',
      '[carousel: Where is my parcel? · Returns policy]',
      'Connecting you to an agent…',
      'Conversation with Ana Souza',
      'My parcel never arrived, order 88213',
      "Hi Ana, I'm Marta. Sorry about that — let me check with the courier.",
      '[image: doorstep.jpg]',
      'Courier says it was left with a neighbour at no. 16. Opening a claim anyway.',
      'here is the receipt',
      '[location: 14 Albion Road, Leeds LS6 2QX]',
      "I've opened a claim (CLM-4471). You'll hear from us within 48 hours.",
      '[sticker]',
      '<img src=x onerror="window.__pwned=1"> thanks! &amp; bye',
    ]);
    // The comments keep their ids (the log's copies were dropped), in the API order.
    const ids = ticket.messages.map((m) => m.id);
    expect(ids.filter((id) => /^\d+$/.test(id))).toEqual(['26001', '26015', '26009', '26031', '26022', '26040']);
    expect(new Set(ids).size).toBe(ids.length);
    const times = ticket.messages.map((m) => m.createdAt);
    expect([...times].sort()).toEqual(times);
  });

  it('maps log authors: user → customer, agent → agent, bot → agent named "(bot)"', async () => {
    const { ticket } = await messaging();
    const [greeting, reply] = ticket.messages;
    expect(greeting).toMatchObject({ role: 'agent', visibility: 'public', author: { name: 'Larkspur Assistant (bot)' } });
    expect(greeting?.author.id).not.toBe(ticket.assignee?.id);
    expect(reply).toMatchObject({ role: 'customer', author: { id: '24000000000101', name: 'Ana Souza', email: 'ana.souza@example.com' } });
    const note = ticket.messages.find((m) => m.id === '26022');
    expect(note).toMatchObject({ role: 'agent', visibility: 'internal', author: { name: 'Marta Ruiz' } });
  });

  it('turns non-text content into short placeholders and keeps captions and choices', async () => {
    const { ticket } = await messaging();
    const text = (start: string) => ticket.messages.find((m) => m.text.startsWith(start))?.text;
    expect(text('Hi! I')).toBe("Hi! I'm the Larkspur assistant. What can I help you with?\n[options: Track my order · Talk to a human]");
    expect(text('[form response]')).toBe('[form response]\nOrder number: 88213\nEmail: ana.souza@example.com');
    expect(text('here is the receipt')).toBe('here is the receipt\n[file: receipt-88213.pdf]');
    for (const m of ticket.messages) expect(m.text).not.toMatch(/undefined|null|\[object/);
  });

  it('keeps hostile text literal and never turns it into markup', async () => {
    const { ticket } = await messaging();
    const last = ticket.messages.at(-1);
    expect(last?.text).toBe('<img src=x onerror="window.__pwned=1"> thanks! &amp; bye');
    expect(last).not.toHaveProperty('html');
  });

  it('gives a ticket with custom_status_id its custom status agent label', async () => {
    const { ticket, asked } = await messaging();
    expect(ticket.status).toBe('Waiting on courier');
    expect(asked.filter((key) => key === '/api/v2/custom_statuses')).toHaveLength(1);
  });

  it('without a log, the same ticket shows its comments only', () => {
    const ticket = parseZendeskTicket({
      instance: INSTANCE,
      ticket: fixture('ticket-5210-messaging.json'),
      comments: fixture('comments-5210-messaging.json').comments as unknown[],
    });
    expect(ticket.messages.map((m) => m.id)).toEqual(['26001', '26015', '26009', '26031', '26022', '26040']);
    // The photo comment has no words: it names the attachment instead of showing nothing.
    expect(ticket.messages[3]?.text).toBe('[image: doorstep.jpg]');
    expect(ticket.status).toBe('pending');
  });
});

describe('parseZendeskTicket — conversation_log shapes', () => {
  it('reads the documented example: a bot greeting with a reply button and a private "Conversation with" comment', () => {
    const ticket = withLog([
      {
        attachments: [],
        author: { avatar_url: 'https://static.zdassets.com/web_widget/latest/default_avatar.png', display_name: 'HelperBot', type: 'bot', 'zen:sunco:user_id': 'b0a1', 'zen:support:user_id': -1 },
        content: { actions: [{ reply: { payload: 'goto_node=x', text: 'Talk to a human' } }], text: 'Hey! Have a question?', type: 'text' },
        created_at: '2026-01-01T00:01:00Z',
        id: '02JSED093DTX4RTDRRJXN2YKB0',
        metadata: { custom: {}, system: {}, ticket_version: 0 },
        received_at: '2026-01-01T00:01:00.861Z',
        reference: 'zen:sunco:conversation_message:6807603a',
        source: { type: 'zd:answerBot' },
        type: 'Messaging::ConversationMessage',
      },
      {
        attachments: [],
        author: { display_name: 'web user', type: 'user', 'zen:support:user_id': 8303911923701 },
        content: { body: '<div class="zd-comment" dir="auto"><p dir="auto">Conversation with web user</p>\n\n<p dir="auto">URL: None</p></div>', type: 'html' },
        created_at: '2026-01-01T00:02:00Z',
        id: '01JSED0VSGBJP9TJ471NTUGYYD',
        metadata: { custom: {}, public: false, system: {}, ticket_version: 0 },
        reference: 'zen:ticket_event:8639371328313',
        type: 'Comment',
      },
    ]);
    expect(ticket.messages).toHaveLength(2);
    expect(ticket.messages[0]).toMatchObject({ id: '02JSED093DTX4RTDRRJXN2YKB0', role: 'agent', visibility: 'public', author: { name: 'HelperBot (bot)' }, text: 'Hey! Have a question?\n[options: Talk to a human]' });
    expect(ticket.messages[1]).toMatchObject({ role: 'customer', visibility: 'internal', author: { id: '8303911923701', name: 'web user' }, text: 'Conversation with web user\n\nURL: None' });
    expect(ticket.messages[1]?.html).toContain('zd-comment');
  });

  it('drops a Comment event whose reference names a comment already loaded', () => {
    const ticket = withLog(
      [logEvent({ id: 'E1', type: 'Comment', reference: 'zen:ticket_event:77', content: { type: 'html', body: '<p>hello</p>' }, metadata: { public: true } })],
      [{ id: 77, author_id: 5, plain_body: 'hello, edited', public: true, created_at: '2026-01-01T00:05:00Z' }],
    );
    expect(ticket.messages.map((m) => m.id)).toEqual(['77']);
  });

  it('recognises a Messaging message also written as a comment: same author, same text, close in time', () => {
    const comments = [
      { id: 1, author_id: 5, plain_body: 'ok', public: true, created_at: '2026-01-01T00:05:02Z' },
      { id: 2, author_id: 5, plain_body: 'ok', public: true, created_at: '2026-01-01T00:06:01Z' },
    ];
    const ticket = withLog(
      [
        logEvent({ id: 'A', created_at: '2026-01-01T00:05:00Z', content: { type: 'text', text: 'ok' } }),
        logEvent({ id: 'B', created_at: '2026-01-01T00:06:00Z', content: { type: 'text', text: ' ok ' } }),
        // same words, another author: a different message
        logEvent({ id: 'C', created_at: '2026-01-01T00:06:00Z', author: { type: 'agent', display_name: 'Tom', 'zen:support:user_id': 6 }, content: { type: 'text', text: 'ok' } }),
        // same author and words, but an hour later: said again
        logEvent({ id: 'D', created_at: '2026-01-01T01:06:00Z', content: { type: 'text', text: 'ok' } }),
      ],
      comments,
    );
    expect(ticket.messages.map((m) => m.id)).toEqual(['1', 'C', '2', 'D']);
    expect(ticket.messages[1]).toMatchObject({ role: 'agent', author: { id: '6', name: 'Tom' } });
  });

  it('matches by role when the log author has no Support id', () => {
    const ticket = withLog(
      [logEvent({ author: { type: 'user', display_name: 'Visitor', 'zen:sunco:user_id': 'abc' } })],
      [{ id: 1, author_id: 5, plain_body: 'hello', public: true, created_at: '2026-01-01T00:05:30Z' }],
    );
    expect(ticket.messages.map((m) => m.id)).toEqual(['1']);
  });

  it('reads every content type, in camelCase or snake_case, into plain text', () => {
    const at = (n: number) => `2026-01-01T00:${String(10 + n).padStart(2, '0')}:00Z`;
    const contents: Json[] = [
      { type: 'image', mediaUrl: 'https://x.example/media/receipt.png', altText: 'receipt.png', text: 'my receipt' },
      { type: 'image', media_url: 'https://x.example/a/b/photo%201.jpg' },
      { type: 'file', mediaUrl: 'https://acme.zendesk.com/attachments/token/T/?name=invoice.pdf' },
      { type: 'file' },
      { type: 'location', coordinates: { lat: 51.5, long: -0.12 } },
      { type: 'location', location: { address: '1 High St' }, text: 'here' },
      { type: 'form', fields: [{ type: 'select', name: 'topic', label: 'Topic', options: [{ name: 'a', label: 'A' }] }] },
      { type: 'formResponse', fields: [{ type: 'select', label: 'Topic', select: [{ name: 'a', label: 'Billing' }] }, { type: 'text', name: 'note' }] },
      { type: 'formResponse', text_fallback: 'Topic: Billing' },
      { type: 'list', items: [{ title: 'Plan A' }, { description: 'only a description' }, null], actions: [] },
      { type: 'carousel', items: [] },
      { type: 'template', template: { name: 'order_update', language: { code: 'en' } } },
      { type: 'text', text: 'Pick one', actions: [{ type: 'reply', text: 'Yes', payload: 'y' }, { type: 'link', text: 'Help', uri: 'https://x' }, { type: 'postback' }] },
      { type: 'hologram', text: 'future' },
      { type: 42 },
    ];
    const ticket = withLog(contents.map((content, i) => logEvent({ id: `E${i}`, created_at: at(i), content })));
    expect(ticket.messages.map((m) => m.text)).toEqual([
      'my receipt\n[image: receipt.png]',
      '[image: photo 1.jpg]',
      '[file: invoice.pdf]',
      '[file: file]',
      '[location: 51.5, -0.12]',
      'here\n[location: 1 High St]',
      '[form: Topic]',
      '[form response]\nTopic: Billing\nnote:',
      '[form response]\nTopic: Billing',
      '[list: Plan A · only a description]',
      '[carousel]',
      '[template: order_update]',
      'Pick one\n[options: Yes · Help]',
      'future\n[hologram]',
      '[message]',
    ]);
  });

  it('names files sent as event attachments and skips inline images', () => {
    const ticket = withLog([
      logEvent({
        content: { type: 'text', text: 'see attached' },
        attachments: [
          { file_name: 'scan.png', content_type: 'image/png', inline: false },
          { file_name: 'logo.png', content_type: 'image/png', inline: true },
          { content_url: 'https://acme.zendesk.com/attachments/token/Z/?name=terms.pdf', content_type: 'application/pdf' },
        ],
      }),
    ]);
    expect(ticket.messages[0]?.text).toBe('see attached\n[image: scan.png]\n[file: terms.pdf]');
  });

  it('skips junk and activity events, never crashes, and orders by time whatever the page order', () => {
    const ticket = withLog([
      null,
      'junk',
      [],
      { type: 'Messaging::ConversationActivity', id: 'act', created_at: '2026-01-01T00:00:30Z' },
      logEvent({ id: 'late', created_at: '2026-01-01T00:09:00Z', content: { type: 'text', text: 'second' } }),
      logEvent({ id: 'early', created_at: '2026-01-01T00:08:00Z', content: { type: 'text', text: 'first' } }),
      logEvent({ id: 'no-time', created_at: 'yesterday', content: { type: 'text', text: 'after early' } }),
      logEvent({ id: 'empty', content: { type: 'text', text: '   ' } }),
      logEvent({ id: 'late', created_at: '2026-01-01T00:09:00Z', content: { type: 'text', text: 'second again' } }),
      { id: 7, type: null, author: null, content: { text: 'bare' }, created_at: '2026-01-01T00:10:00Z', metadata: null },
    ]);
    expect(ticket.messages.map((m) => [m.id, m.text])).toEqual([
      ['early', 'first'],
      ['no-time', 'after early'],
      ['late', 'second'],
      ['7', 'bare'],
    ]);
    expect(ticket.messages[3]).toMatchObject({ role: 'system', author: { name: 'System' } });
    expect(withLog([]).messages).toEqual([]);
  });

  it('takes whole page bodies as well as the concatenated events', () => {
    const pages = [fixture('conversation-log-5210-page-1.json'), fixture('conversation-log-5210-page-2.json')];
    const events = pages.flatMap((p) => p.events as unknown[]);
    const base = { instance: INSTANCE, ticket: fixture('ticket-5210-messaging.json'), comments: fixture('comments-5210-messaging.json').comments as unknown[] };
    const fromEvents = parseZendeskTicket({ ...base, conversationLog: events });
    expect(parseZendeskTicket({ ...base, conversationLog: pages })).toEqual(fromEvents);
    expect(parseZendeskTicket({ ...base, conversationLog: pages[0] as unknown as unknown[] }).messages.length).toBeGreaterThan(6);
    expect(fromEvents.messages).toHaveLength(16);
  });

  it('keeps the description fallback out when the log brings the comments itself', () => {
    const ticket = withLog(
      [logEvent({ type: 'Comment', reference: 'zen:ticket_event:9', content: { type: 'html', body: '<p>Printer on fire</p>' } })],
      [],
      minimal({ requester_id: 5, description: 'Printer on fire' }),
    );
    expect(ticket.messages).toHaveLength(1);
    expect(ticket.messages[0]?.id).toBe('01JLOG');
  });
});

describe('parseZendeskTicket — custom statuses', () => {
  const statuses = fixture('custom-statuses.json').custom_statuses as unknown[];
  const parse = (ticket: Json, customStatuses?: unknown) => parseZendeskTicket({ instance: INSTANCE, ticket, comments: [], customStatuses } as Parameters<typeof parseZendeskTicket>[0]);

  it('labels a ticket with the agent label of its custom status (ids as numbers or strings)', () => {
    expect(parse(minimal({ status: 'pending', custom_status_id: 9100000000002 }), statuses).status).toBe('Waiting on courier');
    expect(parse(minimal({ status: 'pending', custom_status_id: '9100000000002' }), statuses).status).toBe('Waiting on courier');
    expect(parse(minimal({ status: 'open', custom_status_id: 9100000000003 }), statuses).status).toBe('Escalated to billing');
    // the whole response body is accepted too, and single `{ custom_status }` bodies
    expect(parse(minimal({ status: 'pending', custom_status_id: 9100000000002 }), fixture('custom-statuses.json')).status).toBe('Waiting on courier');
    expect(parse(minimal({ status: 'pending', custom_status_id: 8 }), [{ custom_status: { id: 8, agent_label: 'With supplier' } }]).status).toBe('With supplier');
    expect(parse(minimal({ status: 'pending', custom_status_id: 8 }), { custom_status: { id: '8', agent_label: 'With supplier' } }).status).toBe('With supplier');
  });

  it('falls back to the system status when the label cannot be read', () => {
    expect(parse(minimal({ status: 'pending', custom_status_id: 9100000000002 })).status).toBe('pending');
    expect(parse(minimal({ status: 'pending', custom_status_id: 1 }), statuses).status).toBe('pending');
    expect(parse(minimal({ status: 'open', custom_status_id: 5 }), [{ id: 5, agent_label: '  ', raw_agent_label: '{{dc.x}}' }, null, 'junk', { id: null }]).status).toBe('open');
    expect(parse(minimal({ status: 'hold', custom_status_id: 5 }), [{ id: 5, agent_label: null, raw_agent_label: 'On hold (parts)' }]).status).toBe('On hold (parts)');
    expect(parse(minimal({ status: 'solved', custom_status_id: null }), statuses).status).toBe('solved');
  });
});
