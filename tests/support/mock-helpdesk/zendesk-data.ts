// Demo data of a fake Zendesk account ("Larkspur & Co.", a UK homeware retailer), shaped like the
// real API so the extension's parser meets the same traps it meets in production:
// ids as JSON numbers (some above 1e13), comment ids out of time order, `&nbsp;` in plain_body,
// html_body wrapped in <div class="zd-comment">, a private description written by an agent
// (imported ticket), VoiceComments, and a ticket full of hostile markup.

import { escapeHtml, isoSeconds, monotonic, workday } from './shared';

export type ZendeskRole = 'end-user' | 'agent' | 'admin';
export type ZendeskStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';

export interface ZendeskUser {
  id: number;
  name: string;
  email: string;
  role: ZendeskRole;
  time_zone?: string;
  locale?: string;
  phone?: string | null;
  organization_id?: number | null;
  notes?: string;
  tags?: string[];
  created_at?: string;
}

export interface ZendeskGroup {
  id: number;
  name: string;
}

export interface ZendeskAttachment {
  id: number;
  file_name: string;
  content_url: string;
  content_type: string;
  size: number;
  inline: boolean;
  thumbnails: unknown[];
}

export interface ZendeskVoiceData {
  from: string;
  to: string;
  call_id: number;
  call_duration: number;
  answered_by_id: number;
  answered_by_name: string;
  recording_url: string;
  started_at: string;
  location: string;
  outbound: boolean;
  transcription_status: 'completed' | 'failed' | null;
  transcription_text: string | null;
}

export interface ZendeskComment {
  id: number;
  type: 'Comment' | 'VoiceComment';
  author_id: number;
  body: string;
  html_body: string;
  plain_body: string;
  public: boolean;
  created_at: string;
  attachments: ZendeskAttachment[];
  audit_id: number;
  via: { channel: string; source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null } };
  metadata: { system: Record<string, unknown>; custom: Record<string, unknown> };
  data?: ZendeskVoiceData;
}

export interface ZendeskTicket {
  id: number;
  external_id: string | null;
  via: { channel: string; source: { from: Record<string, unknown>; to: Record<string, unknown>; rel: string | null } };
  created_at: string;
  updated_at: string;
  type: 'question' | 'incident' | 'problem' | 'task' | null;
  subject: string;
  raw_subject: string;
  description: string;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  status: ZendeskStatus;
  recipient: string | null;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  collaborator_ids: number[];
  follower_ids: number[];
  email_cc_ids: number[];
  problem_id: number | null;
  has_incidents: boolean;
  is_public: boolean;
  due_at: string | null;
  tags: string[];
  custom_fields: { id: number; value: unknown }[];
  satisfaction_rating: { id?: number; score: 'unoffered' | 'offered' | 'good' | 'bad'; comment?: string } | null;
  brand_id: number;
  ticket_form_id: number | null;
  allow_channelback: boolean;
  allow_attachments: boolean;
  from_messaging_channel: boolean;
  /** set on accounts with custom ticket statuses: the status's id in `GET /api/v2/custom_statuses` */
  custom_status_id?: number | null;
}

/** One event of `GET /api/v2/tickets/{id}/conversation_log`, in the API's shape. */
export interface ZendeskLogEvent {
  id: string;
  type: string;
  reference: string;
  created_at: string;
  received_at?: string;
  attachments: unknown[];
  author: Record<string, unknown>;
  content: Record<string, unknown> | null;
  metadata: Record<string, unknown>;
  source?: { type: string };
}

/** A custom ticket status (`GET /api/v2/custom_statuses`). */
export interface ZendeskCustomStatus {
  id: number;
  agent_label: string;
  raw_agent_label: string;
  end_user_label: string;
  raw_end_user_label: string;
  description: string;
  raw_description: string;
  end_user_description: string;
  raw_end_user_description: string;
  status_category: 'new' | 'open' | 'pending' | 'hold' | 'solved';
  active: boolean;
  default: boolean;
  created_at: string;
  updated_at: string;
}

export interface ZendeskMinutes {
  calendar: number | null;
  business: number | null;
}

export interface ZendeskTicketMetric {
  id: number;
  ticket_id: number;
  created_at: string;
  updated_at: string;
  group_stations: number;
  assignee_stations: number;
  reopens: number;
  replies: number;
  assignee_updated_at: string | null;
  requester_updated_at: string | null;
  status_updated_at: string | null;
  initially_assigned_at: string | null;
  assigned_at: string | null;
  solved_at: string | null;
  latest_comment_added_at: string | null;
  reply_time_in_minutes: ZendeskMinutes;
  first_resolution_time_in_minutes: ZendeskMinutes;
  full_resolution_time_in_minutes: ZendeskMinutes;
  agent_wait_time_in_minutes: ZendeskMinutes;
  requester_wait_time_in_minutes: ZendeskMinutes;
  on_hold_time_in_minutes: ZendeskMinutes;
}

export interface ZendeskTicketData {
  /** what the ticket exercises, e.g. 'email-complaint' (see DEMO) */
  kind: string;
  ticket: ZendeskTicket;
  /** chronological (API order); the first one is the description */
  comments: ZendeskComment[];
  /** undefined → computed from the comments; null → the metrics endpoint answers 404 */
  metrics?: Partial<ZendeskTicketMetric> | null;
  /** users only this ticket refers to; addZendeskTicket merges them into the dataset */
  users?: ZendeskUser[];
  /** the comments endpoint ignores cursor parameters and answers old offset pages */
  offsetPagingOnly?: boolean;
  /**
   * Messaging events found only in the conversation log (the bot's turns before the hand-off).
   * The fake API adds the comments itself: public messaging comments as the messages they copy,
   * the rest as `Comment` events.
   */
  messagingLog?: ZendeskLogEvent[];
  /** largest conversation_log page the fake serves (default 100), so a short demo log still pages */
  conversationLogPageSize?: number;
  /**
   * The fake agent app's own comments request gets only the last this-many comments, on one
   * page, as Zendesk's log loads lazily; other callers (the extension) page through all of them.
   * For huge tickets, whose full text the page need not hold.
   */
  agentAppReadsLast?: number;
}

export interface ZendeskView {
  id: number;
  title: string;
  statuses: ZendeskStatus[];
  assignee: 'me' | 'none' | 'any';
}

export interface ZendeskDataset {
  accountName: string;
  brandId: number;
  me: ZendeskUser & { authenticity_token: string };
  users: ZendeskUser[];
  groups: ZendeskGroup[];
  views: ZendeskView[];
  tickets: ZendeskTicketData[];
  customStatuses: ZendeskCustomStatus[];
}

// ---------------------------------------------------------------------------------------------
// People

const BRAND_ID = 360000412871;
const ORG_HARBOUR = 361200884410;

const PRIYA: ZendeskUser = { id: 361198004512, name: 'Priya Raman', email: 'priya.raman@larkspur.co.uk', role: 'admin', time_zone: 'London', locale: 'en-gb', notes: 'QA lead' };
const TOM: ZendeskUser = { id: 361198004733, name: 'Tom Fletcher', email: 'tom.fletcher@larkspur.co.uk', role: 'agent', time_zone: 'London', locale: 'en-gb' };
const AISHA: ZendeskUser = { id: 361198005120, name: 'Aisha Okafor', email: 'aisha.okafor@larkspur.co.uk', role: 'agent', time_zone: 'London', locale: 'en-gb' };
const GARETH: ZendeskUser = { id: 361198005388, name: 'Gareth Evans', email: 'gareth.evans@larkspur.co.uk', role: 'agent', time_zone: 'London', locale: 'en-gb' };
// Team lead with a newer, 14-digit id: ids above 1e13 must survive as strings.
const SIOBHAN: ZendeskUser = { id: 17283746561234, name: 'Siobhan Kelly', email: 'siobhan.kelly@larkspur.co.uk', role: 'admin', time_zone: 'London', locale: 'en-gb', notes: 'Customer Care team lead' };

const MARGARET: ZendeskUser = { id: 382019554201, name: 'Margaret Whitfield', email: 'margaret.whitfield@btinternet.com', role: 'end-user', phone: '+44 1632 960418', locale: 'en-gb' };
const AMELIA: ZendeskUser = { id: 382019601177, name: 'Amelia Hughes', email: 'amelia.hughes@gmail.com', role: 'end-user', locale: 'en-gb' };
const RHYS: ZendeskUser = { id: 382019633045, name: 'Rhys Morgan', email: 'rhys.morgan@outlook.com', role: 'end-user', phone: '+44 7700 900461', locale: 'en-gb' };
const CHLOE: ZendeskUser = { id: 19304857719021, name: 'Chloe Barnes', email: 'whatsapp:+447700900127', role: 'end-user', phone: '+44 7700 900127', locale: 'en-gb' };
const JAMES: ZendeskUser = { id: 382019710002, name: 'James Thornton', email: 'james.thornton@harbourhotels.co.uk', role: 'end-user', organization_id: ORG_HARBOUR, locale: 'en-gb' };
const LUCY: ZendeskUser = { id: 19304857720455, name: 'Lucy Adebayo', email: 'lucy.adebayo@harbourhotels.co.uk', role: 'end-user', organization_id: ORG_HARBOUR, locale: 'en-gb' };
const HELEN: ZendeskUser = { id: 382019744318, name: 'Helen Brooks', email: 'helen.brooks@yahoo.co.uk', role: 'end-user', phone: '+44 1632 960772', locale: 'en-gb' };
const TOMASZ: ZendeskUser = { id: 382019780561, name: 'Tomasz Nowak', email: 'tomasz.nowak@proton.me', role: 'end-user', locale: 'en-gb' };
const HOSTILE: ZendeskUser = { id: 19304857799999, name: '<img src=x onerror="window.__pwned=1">', email: 'refunds+"><script>@example.invalid', role: 'end-user', locale: 'en-gb' };
const PAULINE: ZendeskUser = { id: 382019801236, name: 'Pauline Greaves', email: 'pauline.greaves@sky.com', role: 'end-user', locale: 'en-gb' };
const SANJAY: ZendeskUser = { id: 382019822907, name: 'Sanjay Patel', email: 'sanjay.patel@icloud.com', role: 'end-user', locale: 'en-gb' };

const GROUPS: ZendeskGroup[] = [
  { id: 360004122301, name: 'Customer Care' },
  { id: 360004122302, name: 'Deliveries & Returns' },
  { id: 360004122303, name: 'Escalations' },
  { id: 360004122304, name: 'Privacy' },
  { id: 360004122305, name: 'Trade Accounts' },
];
const [CARE, DELIVERIES, ESCALATIONS, PRIVACY, TRADE] = GROUPS.map((g) => g.id) as [number, number, number, number, number];

// ---------------------------------------------------------------------------------------------
// Authoring helpers: write conversations as lines, let the helpers produce the API shape.

export interface Say {
  by: ZendeskUser;
  /** 'YYYY-MM-DD HH:MM' in UTC (London is on GMT in November) */
  at: string;
  text: string;
  internal?: boolean;
  /** raw html_body, for the hostile ticket (the default is escaped paragraphs) */
  html?: string;
  channel?: string;
  attachments?: { name: string; type: string; size: number }[];
  voice?: Omit<ZendeskVoiceData, 'started_at' | 'recording_url' | 'call_id'>;
}

function iso(at: string, salt: number): string {
  // Seconds vary so timestamps look recorded rather than typed.
  const seconds = String((salt * 17 + 7) % 60).padStart(2, '0');
  return `${at.replace(' ', 'T')}:${seconds}Z`;
}

function htmlBody(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p dir="auto">${escapeHtml(p).replace(/\n/g, '<br>').replace(/\u00a0/g, '&nbsp;')}</p>`);
  return `<div class="zd-comment" dir="auto">${paragraphs.join('')}</div>`;
}

/** Zendesk's plain_body keeps non-breaking spaces as the entity: parsers must decode it. */
function plainBody(text: string): string {
  return text.replace(/\u00a0/g, '&nbsp;');
}

/**
 * Comment ids are unique but deliberately not increasing with time (Zendesk's are not either):
 * f(i) = (7i mod 10)·step + i is injective for i < step.
 */
function commentId(base: number, i: number, step = 100000): number {
  return base + ((7 * i) % 10) * step + i;
}

export function buildComments(ticketId: number, idBase: number, defaultChannel: string, says: Say[]): ZendeskComment[] {
  const stamp = monotonic(iso);
  return says.map((s, i) => {
    const created = stamp(s.at, i);
    const channel = s.channel ?? (i === 0 ? defaultChannel : s.by.role === 'end-user' ? defaultChannel : 'web');
    const id = commentId(idBase, i);
    const attachments: ZendeskAttachment[] = (s.attachments ?? []).map((a, k) => ({
      id: id + 900000 + k,
      file_name: a.name,
      content_url: `https://demo.zendesk.com/attachments/token/${(id + k).toString(36)}/?name=${encodeURIComponent(a.name)}`,
      content_type: a.type,
      size: a.size,
      inline: false,
      thumbnails: [],
    }));
    const comment: ZendeskComment = {
      id,
      type: s.voice ? 'VoiceComment' : 'Comment',
      author_id: s.by.id,
      body: s.text,
      html_body: s.html ?? htmlBody(s.text),
      plain_body: plainBody(s.text),
      public: !s.internal,
      created_at: created,
      attachments,
      audit_id: id + 1,
      via: { channel, source: { from: {}, to: {}, rel: null } },
      metadata: {
        system: s.by.role === 'end-user' ? { location: 'United Kingdom', ip_address: '203.0.113.' + ((ticketId + i) % 250) } : { client: 'Zendesk Agent Workspace' },
        custom: {},
      },
    };
    if (s.voice) {
      comment.data = {
        ...s.voice,
        started_at: created,
        call_id: 9812000 + ticketId,
        recording_url: `https://demo.zendesk.com/api/v2/channels/voice/calls/CA${ticketId}f04e/twilio/recording`,
      };
    }
    return comment;
  });
}

export interface TicketSpec {
  id: number;
  subject: string;
  channel: string;
  status: ZendeskStatus;
  priority: ZendeskTicket['priority'];
  type: ZendeskTicket['type'];
  requester: ZendeskUser;
  assignee: ZendeskUser | null;
  group: number | null;
  tags: string[];
  satisfaction?: ZendeskTicket['satisfaction_rating'];
  /** a custom status id (see CUSTOM_STATUSES) */
  customStatus?: number;
  submitter?: ZendeskUser;
  organization?: number | null;
  followers?: ZendeskUser[];
}

export function buildTicket(spec: TicketSpec, comments: ZendeskComment[]): ZendeskTicket {
  const first = comments[0];
  const last = comments[comments.length - 1];
  return {
    id: spec.id,
    external_id: null,
    via: { channel: spec.channel, source: { from: {}, to: {}, rel: null } },
    created_at: first?.created_at ?? '2026-11-20T09:00:00Z',
    updated_at: last?.created_at ?? '2026-11-20T09:00:00Z',
    type: spec.type,
    subject: spec.subject,
    raw_subject: spec.subject,
    description: first?.body ?? '',
    priority: spec.priority,
    status: spec.status,
    recipient: spec.channel === 'email' ? 'help@larkspur.co.uk' : null,
    requester_id: spec.requester.id,
    submitter_id: (spec.submitter ?? spec.requester).id,
    assignee_id: spec.assignee?.id ?? null,
    organization_id: spec.organization ?? spec.requester.organization_id ?? null,
    group_id: spec.group,
    collaborator_ids: [],
    follower_ids: (spec.followers ?? []).map((f) => f.id),
    email_cc_ids: [],
    problem_id: null,
    has_incidents: false,
    is_public: comments.some((c) => c.public),
    due_at: null,
    tags: spec.tags,
    custom_fields: [{ id: 360011223344, value: spec.tags.includes('vip') ? 'vip' : null }],
    satisfaction_rating: spec.satisfaction ?? null,
    brand_id: BRAND_ID,
    ticket_form_id: 360000987654,
    allow_channelback: spec.channel === 'native_messaging',
    allow_attachments: true,
    from_messaging_channel: spec.channel === 'native_messaging',
    ...(spec.customStatus === undefined ? {} : { custom_status_id: spec.customStatus }),
  };
}

export function define(kind: string, spec: TicketSpec, idBase: number, says: Say[], extra: Partial<ZendeskTicketData> = {}): ZendeskTicketData {
  const comments = buildComments(spec.id, idBase, spec.channel, says);
  return { kind, ticket: buildTicket(spec, comments), comments, ...extra };
}

/** Agent sign-off; the non-breaking spaces end up as `&nbsp;` in plain_body, as in real payloads. */
function sig(agent: ZendeskUser): string {
  return `\n\nKind regards,\n${agent.name}\nLarkspur\u00a0&\u00a0Co. Customer Care`;
}

// ---------------------------------------------------------------------------------------------
// The tickets

function emailComplaint(): ZendeskTicketData {
  return define('email-complaint', {
    id: 48213, subject: 'Refund still not received – order LC-204918 arrived 9 days late', channel: 'email',
    status: 'solved', priority: 'high', type: 'incident', requester: MARGARET, assignee: TOM, group: DELIVERIES,
    tags: ['late_delivery', 'refund', 'complaint', 'dpd'], satisfaction: null,
  }, 38512000000, [
    { by: MARGARET, at: '2026-11-18 08:52', text:
      'To whom it may concern,\n\n' +
      'I ordered the Harlow oak bedside table (order LC-204918) on 2 November with delivery promised by 7 November. It was meant to be a birthday present for my mother. Three delivery slots were missed without any notice, and on 10 November I cancelled the order on your live chat. I was told my refund of £198.95 would be back on my card within 5 working days.\n\n' +
      'The table then turned up on 16 November anyway. I refused it at the door, as your chat advisor told me to. It is now the 18th, I have still not been refunded, and I have spent over forty minutes on hold twice this week without getting through.\n\n' +
      'I would like my money back today, including the £9.95 delivery charge for a delivery that never happened on time, and frankly some acknowledgement of how poor this has been.\n\n' +
      'Margaret Whitfield' },
    { by: TOM, at: '2026-11-18 10:05', internal: true, text:
      'Order LC-204918: cancellation logged 10/11 by Aisha via chat, but DPD had already collected from the warehouse so the cancellation never reached the courier. Customer refused delivery on 16/11; return scan at DPD Hinckley on 17/11. Finance were holding the refund until the item is back in stock — asked Jo in finance to release it now given the failure is ours. Adding £20 goodwill e-gift card (within my limit).' },
    { by: TOM, at: '2026-11-18 10:21', text:
      'Dear Margaret,\n\n' +
      'Thank you for writing to us, and I am genuinely sorry — you should not have had to chase this, and a missed birthday present is not a small thing.\n\n' +
      'Here is what happened: your cancellation on 10 November was recorded correctly, but the table had already left our warehouse with DPD, so the cancellation did not stop the delivery. Our system then held your refund until the table was returned, which it now has been. That hold should never have applied to you.\n\n' +
      'I have processed a full refund of £198.95 today, which includes the £9.95 delivery charge. I have also sent a £20 Larkspur e-gift card to this email address as an apology for the time you have lost. Refunds normally show on your statement within 3–5 working days, depending on your bank.' + sig(TOM) },
    { by: MARGARET, at: '2026-11-19 14:40', text:
      'Thank you Tom, but 3–5 days is what I was told on the 10th. Can you send me some proof that the refund has actually been issued this time?' },
    { by: TOM, at: '2026-11-19 15:12', attachments: [{ name: 'refund-confirmation-RF-88213.pdf', type: 'application/pdf', size: 48211 }], text:
      'Dear Margaret,\n\n' +
      'Of course. The refund reference is RF-88213, issued on 18 November at 16:04 to the Visa card ending 4471 for £198.95. I have attached the confirmation from our payment provider, which you can show your bank if it has not appeared by Monday.\n\n' +
      'If there is no sign of it by then, please reply here and I will call our payment provider with you on the line.' + sig(TOM) },
    { by: MARGARET, at: '2026-11-22 09:30', text:
      'It arrived this morning. Thank you for sorting it out, though I do think your delivery partner needs looking at.' },
    { by: TOM, at: '2026-11-22 10:02', text:
      'Dear Margaret,\n\n' +
      'Thank you for letting me know, I am glad it has come through. I have passed your comments about the missed slots to our deliveries manager, who reviews DPD\'s performance every month — your case will be part of that review.\n\n' +
      'I will mark this as solved, but just reply to this email if anything else comes up.' + sig(TOM) },
  ]);
}

function chat(): ZendeskTicketData {
  return define('chat', {
    id: 48217, subject: 'Chat with Amelia Hughes', channel: 'chat', status: 'solved', priority: 'normal', type: 'question',
    requester: AMELIA, assignee: AISHA, group: CARE, tags: ['chat', 'discount_code', 'sofa'],
    satisfaction: { id: 360112233001, score: 'good', comment: 'Aisha was quick and really clear, thank you!' },
  }, 38512100000, [
    { by: AMELIA, at: '2026-11-20 19:02', text: 'Hi, I\'m trying to use the code WINTER15 but it keeps saying it\'s not valid?' },
    { by: AISHA, at: '2026-11-20 19:03', channel: 'chat', text: 'Hi Amelia, thanks for getting in touch — I\'m Aisha. I\'ll take a look for you now. Could you tell me what\'s in your basket?' },
    { by: AMELIA, at: '2026-11-20 19:04', text: 'It\'s the Nordby 3 seater sofa in sage and two of the linen cushions' },
    { by: AISHA, at: '2026-11-20 19:06', channel: 'chat', text: 'Thank you. WINTER15 only applies to full-price items, and the Nordby is in our Black Friday preview at £649 (down from £849), so the code won\'t stack with that price, I\'m afraid.' },
    { by: AMELIA, at: '2026-11-20 19:06', text: 'Oh that\'s annoying, the email didn\'t say that' },
    { by: AISHA, at: '2026-11-20 19:08', channel: 'chat', text: 'I completely understand — it is in the small print at the bottom of the email, but it isn\'t obvious. The good news is that the £200 off the sofa is more than 15% would have given you (£127.35). The code will still work on the cushions if you check them out separately.' },
    { by: AMELIA, at: '2026-11-20 19:09', text: 'ok makes sense. Does the sofa come with delivery to room of choice?' },
    { by: AISHA, at: '2026-11-20 19:10', channel: 'chat', text: 'Yes — two-person delivery to the room of your choice is included with all sofas, and the team will take the packaging away. Available dates for your postcode show at checkout; it\'s currently 10–14 working days.' },
    { by: AMELIA, at: '2026-11-20 19:11', text: 'Perfect. Ordering now, thanks for your help!' },
    { by: AISHA, at: '2026-11-20 19:11', channel: 'chat', text: 'You\'re welcome! Enjoy the new sofa, Amelia, and have a lovely evening.' },
  ]);
}

function phone(): ZendeskTicketData {
  const transcript =
    'Agent: Good morning, Larkspur and Co., you\'re speaking with Gareth, how can I help?\n' +
    'Caller: Hi, yeah, I had a wardrobe delivered yesterday, the Ellery double, and one of the doors has a big scratch along the bottom.\n' +
    'Agent: I\'m sorry to hear that. Can I take your order number or the postcode?\n' +
    'Caller: It\'s LC-205377, postcode CF11 9LJ.\n' +
    'Agent: Thank you, Mr Morgan. I can see it was delivered yesterday afternoon. Is the scratch on the left or the right door?\n' +
    'Caller: The right one, about ten centimetres, right on the edge.\n' +
    'Agent: Okay. I can either order a replacement door, which our team would fit, or offer a partial refund of fifteen percent if you\'d rather keep it as it is.\n' +
    'Caller: I\'d rather have the door, to be honest.\n' +
    'Agent: No problem at all. I\'ll email you now — if you could reply with a couple of photos, I\'ll get the replacement ordered today.';
  return define('phone', {
    id: 48220, subject: 'Call from: +44 7700 900461', channel: 'voice', status: 'solved', priority: 'normal', type: 'incident',
    requester: RHYS, assignee: GARETH, group: DELIVERIES, tags: ['voice', 'damaged_item', 'wardrobe'],
    satisfaction: { id: 360112233002, score: 'offered' },
  }, 38512200000, [
    // Voice comments are private and authored by the caller: internal does not mean "agent".
    { by: RHYS, at: '2026-11-21 11:14', internal: true, voice: {
      from: '+447700900461', to: '+442038084410', call_duration: 458, answered_by_id: GARETH.id, answered_by_name: GARETH.name,
      location: 'Cardiff, United Kingdom', outbound: false, transcription_status: 'completed', transcription_text: transcript,
    }, text:
      'Inbound call from +44 7700 900461\n\nCall details:\n\nCall from: +44 7700 900461\nCall to: +44 20 3808 4410\nTime of call: 21 November 2026 at 11:14\nLocation: Cardiff, United Kingdom\nAnswered by: Gareth Evans\nLength of phone call: 7 minutes 38 seconds' },
    { by: GARETH, at: '2026-11-21 11:23', internal: true, text:
      'Call summary: Ellery double wardrobe (LC-205377) delivered 20/11, right-hand door scratched along the bottom edge (approx. 10 cm). Verified name, postcode and order. Offered replacement door (5–7 working days, fitted by our team) or 15% partial refund — customer wants the replacement door. Emailed for photos.' },
    { by: GARETH, at: '2026-11-21 11:26', text:
      'Hi Rhys,\n\n' +
      'Thanks for speaking with me just now. As promised, here is a summary: we will send a replacement right-hand door for your Ellery wardrobe and our two-person team will fit it for you, free of charge.\n\n' +
      'Could you reply with two or three photos of the scratch? As soon as I have them I will place the order with our workshop.' + sig(GARETH) },
    { by: RHYS, at: '2026-11-21 12:40', channel: 'email', attachments: [
      { name: 'IMG_4471.jpg', type: 'image/jpeg', size: 2311004 }, { name: 'IMG_4472.jpg', type: 'image/jpeg', size: 2189332 }, { name: 'IMG_4473.jpg', type: 'image/jpeg', size: 1998410 },
    ], text: 'Hi Gareth, photos attached — three of them, the last one shows it best in daylight. Cheers, Rhys' },
    { by: GARETH, at: '2026-11-21 13:05', internal: true, text:
      'Replacement part request RP-3312 raised with the Ellery workshop, ETA 28/11. Fitting slot to be booked once it lands at Daventry.' },
    { by: GARETH, at: '2026-11-21 13:09', text:
      'Hi Rhys,\n\n' +
      'Thank you for the photos — that is clearly damage in transit, so no questions asked. The replacement door has been ordered and should reach our depot by 28 November. Our delivery team will text you to arrange a fitting slot that suits you.' + sig(GARETH) },
    { by: RHYS, at: '2026-11-21 13:30', channel: 'email', text: 'Great, thanks Gareth. Appreciate you sorting it so quickly.' },
  ]);
}

function messaging(): ZendeskTicketData {
  return define('messaging', {
    id: 48224, subject: 'Conversation with Chloe Barnes', channel: 'native_messaging', status: 'solved', priority: 'normal', type: 'incident',
    requester: CHLOE, assignee: AISHA, group: DELIVERIES, tags: ['whatsapp', 'missing_parcel', 'evri'],
    satisfaction: { score: 'unoffered' },
  }, 38512300000, [
    { by: CHLOE, at: '2026-11-23 14:31', text: 'hiya, my order says delivered but there\'s nothing here?? LC-206104' },
    { by: AISHA, at: '2026-11-23 14:33', channel: 'native_messaging', text: 'Hi Chloe, I\'m sorry to hear that! Let me check with the courier for you. Can you confirm the first line of the delivery address?' },
    { by: CHLOE, at: '2026-11-23 14:34', text: 'Flat 3, 14 Albion Road' },
    { by: CHLOE, at: '2026-11-23 14:35', text: 'this is the confirmation email if it helps', attachments: [{ name: 'order-confirmation-LC-206104.pdf', type: 'application/pdf', size: 88412 }] },
    { by: AISHA, at: '2026-11-23 14:37', channel: 'native_messaging', text: 'Thanks. Evri\'s proof of delivery says it was left in a "safe place: porch" at 13:52 today. Is there a porch or a bin store it might be tucked behind?' },
    { by: CHLOE, at: '2026-11-23 14:38', text: 'no porch lol it\'s a flat. nothing in the bin store either' },
    { by: CHLOE, at: '2026-11-23 14:39', text: '', attachments: [{ name: 'IMG_2041.jpg', type: 'image/jpeg', size: 1843200 }] },
    { by: AISHA, at: '2026-11-23 14:41', channel: 'native_messaging', text: 'That definitely doesn\'t sound right then. I\'ve opened a missing parcel claim with Evri (ref EV-7731920). They usually come back to us within 48 hours — if it hasn\'t turned up by then, we\'ll send a replacement lamp out straight away.' },
    { by: AISHA, at: '2026-11-23 14:43', internal: true, text: 'Evri claim EV-7731920 raised. GPS on the POD photo is 0.4 miles from the address — probably misdelivered. Alba table lamp is in stock; reship on Wednesday if the claim has not resolved.' },
    { by: CHLOE, at: '2026-11-23 14:44', text: 'ok thank u' },
    { by: CHLOE, at: '2026-11-24 09:12', text: 'update: the neighbour across the road had it!! sorry for the hassle' },
    { by: AISHA, at: '2026-11-24 09:20', channel: 'native_messaging', text: 'Ah, brilliant news — no need to apologise at all! I\'ll close the claim with Evri. Enjoy the lamp, Chloe.' },
    { by: CHLOE, at: '2026-11-24 09:21', text: 'will do, thanks Aisha' },
  ], { messagingLog: larkBotTurns(CHLOE), conversationLogPageSize: 8 });
}

// The messaging bot ("Lark") that talks to customers before a ticket exists. Its turns are only in
// the conversation log: the ticket's comments start at the hand-off to an agent.
const LARK_SUNCO_ID = '6741c0de5a1b2c3d4e5f0b07';

/** Sunshine Conversations user id of a Support user, as the log names it beside their Support id. */
function suncoId(u: ZendeskUser): string {
  return `6741c0de${u.id.toString(16).padStart(16, '0')}`;
}

export function logAuthor(u: ZendeskUser | 'bot'): Record<string, unknown> {
  if (u === 'bot') return { avatar_url: 'https://static.zdassets.com/web_widget/latest/default_avatar.png', display_name: 'Lark', type: 'bot', 'zen:sunco:user_id': LARK_SUNCO_ID, 'zen:support:user_id': -1 };
  return { avatar_url: null, display_name: u.name, type: u.role === 'end-user' ? 'user' : 'agent', 'zen:sunco:user_id': suncoId(u), 'zen:support:user_id': u.id };
}

function larkBotTurns(customer: ZendeskUser): ZendeskLogEvent[] {
  const turns: [ZendeskUser | 'bot', string, Record<string, unknown>][] = [
    ['bot', '14:27:12', { type: 'text', text: 'Hi, I\'m Lark, Larkspur\'s virtual assistant. What can I help you with today?', actions: [
      { reply: { text: 'Track my order', payload: 'goto_node=track' } }, { reply: { text: 'Returns & refunds', payload: 'goto_node=returns' } }, { reply: { text: 'Talk to a person', payload: 'goto_node=handoff' } },
    ] }],
    [customer, '14:27:31', { type: 'text', text: 'Track my order', payload: 'goto_node=track' }],
    ['bot', '14:27:33', { type: 'form', blockChatInput: true, fields: [
      { type: 'text', name: 'order_number', label: 'Order number', placeholder: 'LC-…', minSize: 4, maxSize: 12 },
      { type: 'text', name: 'postcode', label: 'Delivery postcode', placeholder: 'e.g. LS6 2QX', minSize: 5, maxSize: 8 },
    ] }],
    [customer, '14:28:40', { type: 'formResponse', quotedMessageId: '6741c0de5a1b2c3d4e5f1003', fields: [
      { type: 'text', name: 'order_number', label: 'Order number', text: 'LC-206104' },
      { type: 'text', name: 'postcode', label: 'Delivery postcode', text: 'LS6 2QX' },
    ], textFallback: 'Order number: LC-206104\nDelivery postcode: LS6 2QX' }],
    ['bot', '14:28:42', { type: 'text', text: 'Order LC-206104 (Alba table lamp) was delivered today at 13:52 by Evri.', actions: [
      { reply: { text: 'That\'s not right', payload: 'goto_node=handoff' } }, { reply: { text: 'Thanks!', payload: 'goto_node=end' } },
    ] }],
    [customer, '14:29:05', { type: 'text', text: 'That\'s not right', payload: 'goto_node=handoff' }],
    ['bot', '14:29:07', { type: 'text', text: 'Sorry about that. I\'m passing you to the team now — the usual wait is under 5 minutes.' }],
  ];
  return turns.map(([by, time, content], i) => {
    const at = `2026-11-23T${time}Z`;
    const event: ZendeskLogEvent = {
      id: `01JDBT${String(i + 1).padStart(2, '0')}LARK0000000000000`,
      type: 'Messaging::ConversationMessage',
      reference: `zen:sunco:conversation_message:6741c0de5a1b2c3d4e5f10${String(i + 1).padStart(2, '0')}`,
      created_at: at,
      received_at: at.replace('Z', '.318Z'),
      attachments: [],
      author: logAuthor(by),
      content,
      metadata: { custom: {}, system: {}, ticket_version: 0 },
    };
    if (by === 'bot') event.source = { type: 'zd:answerBot' };
    return event;
  });
}

// A trade customer's whole refurbishment programme on one ticket: 124 comments, so the comments
// endpoint needs two pages of 100. Generated from templates with per-hotel facts for variety.
interface Hotel {
  name: string; rooms: number; po: string; contact: string; phone: string; short: string; damaged: string; room: string;
  slot: string; inv: string; amount: string; poAmount: string; cn: string; backOrder: string; dayOf: [string, string];
}

const HOTELS: Hotel[] = [
  { name: 'The Harbour Brighton', rooms: 42, po: 'HHG-PO-7741', contact: 'Dev Sharma', phone: '07700 900318', short: 'the Ashby desk chairs', damaged: 'Caswell headboard', room: '214', slot: '07:00–09:00', inv: 'INV-300412', amount: '£61,884.00', poAmount: '£58,212.00', cn: 'CN-10233', backOrder: '4 September',
    dayOf: ['Driver\'s just rung — he can\'t get past the barrier at the service entrance. Can someone call him?', 'I\'ve called him and given him the intercom code you sent last week; he\'s through now and the crew are unloading.'] },
  { name: 'The Harbour Bath', rooms: 28, po: 'HHG-PO-7788', contact: 'Nicola Price', phone: '07700 900455', short: 'the wool throws', damaged: 'Ashby desk', room: '105', slot: '08:00–10:00', inv: 'INV-300587', amount: '£39,120.00', poAmount: '£37,644.00', cn: 'CN-10298', backOrder: '18 September',
    dayOf: ['The goods lift is out of action today (engineer due at 2). Can the crew still take everything up to the second floor?', 'They can — the crew lead has agreed to carry up the stairs. It will add about 90 minutes but there is no extra charge on this occasion.'] },
  { name: 'The Harbour Whitby', rooms: 31, po: 'HHG-PO-7802', contact: 'Craig Dobson', phone: '07700 900512', short: 'two bedside cabinets', damaged: 'luggage rack', room: '12', slot: '07:00–09:00', inv: 'INV-300741', amount: '£44,310.00', poAmount: '£43,720.00', cn: 'CN-10340', backOrder: '2 October',
    dayOf: ['Crew have turned up an hour early and our site team aren\'t on until 8 — can they wait?', 'Of course, they\'ll wait in the car park until 8. Sorry for the confusion — the routing tool had the wrong slot, which I\'ve now corrected for the other sites.'] },
  { name: 'The Harbour St Ives', rooms: 24, po: 'HHG-PO-7830', contact: 'Morwenna Trevithick', phone: '07700 900641', short: 'the blackout blinds', damaged: 'Caswell bed base', room: '7', slot: '09:00–11:00', inv: 'INV-300902', amount: '£33,506.00', poAmount: '£32,880.00', cn: 'CN-10377', backOrder: '16 October',
    dayOf: ['The lorry can\'t get down Fore Street — is there a smaller vehicle?', 'We\'ve transferred the load to two 3.5-tonne vans at the Hayle depot. The first van should be with you at 11:30, the second about an hour later.'] },
  { name: 'The Harbour Tenby', rooms: 19, po: 'HHG-PO-7857', contact: 'Owain Jenkins', phone: '07700 900702', short: 'the mirrored wardrobes', damaged: 'bedside lamp', room: '3', slot: '08:00–10:00', inv: 'INV-301066', amount: '£27,455.00', poAmount: '£26,990.00', cn: 'CN-10402', backOrder: '30 October',
    dayOf: ['Delivery went really smoothly today, the crew were brilliant — please pass on our thanks.', 'That\'s lovely to hear, thank you — I\'ll pass it on to Marek and the team.'] },
  { name: 'The Harbour Oban', rooms: 22, po: 'HHG-PO-7890', contact: 'Fiona MacLeod', phone: '07700 900833', short: 'the tweed armchairs', damaged: 'writing desk', room: '21', slot: '10:00–12:00', inv: 'INV-301219', amount: '£31,870.00', poAmount: '£31,002.00', cn: 'CN-10431', backOrder: '9 November',
    dayOf: ['Ferry delays mean our electrician won\'t be on site until Thursday — can we push the second drop?', 'Done — the second drop is now booked for Thursday, 10:00–12:00, and the crew know to check in with Fiona first.'] },
];

function longThread(): ZendeskTicketData {
  const start = '2026-08-17';
  const hi = ['Hi James,', 'Morning James,', 'Afternoon James,', 'Hello James,'];
  const hiLucy = ['Hi Lucy,', 'Morning Lucy,', 'Hello Lucy,'];
  const says: Say[] = [
    { by: JAMES, at: workday(start, 0, '10:02'), text:
      'Hi Tom,\n\nFollowing our call this morning, here is the confirmed scope for the Harbour Hotel Group refurbishment programme: six properties (Brighton, Bath, Whitby, St Ives, Tenby and Oban), bedroom furniture as per signed quote Q-88120.\n\nWe\'d like to keep the whole programme on one ticket so the history stays in one place. Lucy Adebayo in our operations team will coordinate site access, so please keep her copied in.\n\nBest,\nJames Thornton\nGroup Procurement Manager, Harbour Hotel Group' },
    { by: TOM, at: workday(start, 0, '11:15'), text:
      'Hi James,\n\nThanks for this, and welcome aboard. One ticket for the programme works well for us too — I\'ll be your single point of contact, and our trade team will see every update here.\n\nI\'ll confirm delivery windows property by property, with at least a week\'s notice and a manifest for each drop.' + sig(TOM) },
    { by: SIOBHAN, at: workday(start, 1, '09:00'), internal: true, text:
      'Trade account HHG set to 30-day terms; credit limit £400k approved by finance. Tom is the single point of contact. Any damages on this account come to me for no-charge approval — no need to wait for photos if the site contact confirms.' },
    { by: LUCY, at: workday(start, 1, '14:22'), text:
      'Hello Tom,\n\nLucy here. I\'ll send site access details for each property as we go. All deliveries need booking 48 hours ahead with the site contact, and crews need to sign in at reception with photo ID.\n\nThanks,\nLucy' },
  ];
  HOTELS.forEach((h, k) => {
    const d0 = 3 + k * 10;
    const at = (days: number, hhmm: string) => workday(start, d0 + days, hhmm);
    const g = hi[k % hi.length] as string;
    const gl = hiLucy[k % hiLucy.length] as string;
    says.push(
      { by: JAMES, at: at(0, '09:12'), text: `Hi Tom,\n\nNext up is ${h.name}: ${h.rooms} rooms, PO ${h.po}. Could you confirm a delivery window for ${k % 2 ? 'the week after next' : 'next week'}?\n\nJames` },
      { by: TOM, at: at(0, '10:40'), text: `${g}\n\nI've provisionally booked ${h.name} for a ${h.slot} slot. Two vehicles and a four-person crew; I'll send the manifest as soon as the order is picked.` + sig(TOM) },
      { by: GARETH, at: at(1, '08:35'), internal: true, text: `Warehouse: ${h.name} picked — ${h.rooms} × Caswell bed, ${h.rooms * 2} × bedside tables, ${h.rooms} × Ashby desk. ${h.short[0]?.toUpperCase()}${h.short.slice(1)} on back order until ${h.backOrder}.` },
      { by: TOM, at: at(1, '09:05'), text: `${g}\n\nA quick heads-up: ${h.short} for ${h.name} are on back order until ${h.backOrder}. Would you prefer we hold the whole delivery, or send it in two drops?` + sig(TOM) },
      { by: LUCY, at: at(1, '11:20'), text: `Two drops please — the contractors need the beds in first. Site contact on the day is ${h.contact} on ${h.phone}.\n\nLucy` },
      { by: TOM, at: at(1, '11:48'), text: `${gl}\n\nNo problem — split into two drops, the second as soon as ${h.short} land. I've noted ${h.contact} as the site contact.` + sig(TOM) },
      { by: JAMES, at: at(1, '12:02'), text: k === 3 ? 'Thanks both. Cornwall is always the tricky one, so good to have this nailed down early.' : 'Thanks both.' },
      { by: TOM, at: at(2, '15:30'), internal: true, text: `Manifest for ${h.name} sent to ${h.contact}. Split delivery flagged in the routing tool (drop 2 pending back order).` },
      { by: TOM, at: at(2, '15:41'), attachments: [{ name: `manifest-${h.po}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 38200 + k * 911 }], text: `${g}\n\nThe manifest for ${h.name} is attached. Could you check the room allocation column against your floor plan before we load?` + sig(TOM) },
      { by: LUCY, at: at(3, '09:15'), text: `Manifest checked — room ${h.room} should have the twin configuration, not the king. Could you amend?` },
      { by: TOM, at: at(3, '10:02'), text: `${gl}\n\nAmended: room ${h.room} is now twin (2 × single divan, 2 × bedside table). The updated manifest is on its way to ${h.contact} too.` + sig(TOM) },
      { by: LUCY, at: at(5, '07:48'), text: h.dayOf[0] },
      { by: TOM, at: at(5, '08:05'), text: `${gl}\n\n${h.dayOf[1]}` + sig(TOM) },
      { by: JAMES, at: at(5, '16:20'), attachments: [{ name: `damage-${h.room}.jpg`, type: 'image/jpeg', size: 1802331 + k }], text: `Delivery done at ${h.name}. One ${h.damaged} arrived with a split corner — photo attached.` },
      { by: SIOBHAN, at: at(6, '09:10'), internal: true, text: `Approved: replacement ${h.damaged} for ${h.name}, no charge. Add it to drop 2.` },
      { by: TOM, at: at(6, '09:34'), text: `${g}\n\nSorry about the ${h.damaged}. A replacement will come with the second drop, no charge, and the crew will take the damaged one away.` + sig(TOM) },
      { by: JAMES, at: at(8, '10:15'), text: `Tom — invoice ${h.inv} for ${h.name} shows ${h.amount} but the PO was ${h.poAmount}. Which is right?` },
      { by: TOM, at: at(8, '14:05'), text: `${g}\n\nGood spot. The invoice included ${h.short}, which are still on back order. Credit note ${h.cn} has been issued, so the revised total is ${h.poAmount} and matches the PO; ${h.short} will be invoiced when they ship.` + sig(TOM) },
      { by: JAMES, at: at(9, '09:20'), text: k === 5 ? 'Perfect, approved for payment. That\'s the last of the six!' : 'Perfect, that\'s approved for payment.' },
    );
  });
  const end = 3 + HOTELS.length * 10;
  says.push(
    { by: JAMES, at: workday(start, end + 1, '09:40'), text: 'Tom,\n\nThat\'s all six properties delivered. For the board pack, could you send a summary of quantities, damages and credit notes per property?\n\nJames' },
    { by: TOM, at: workday(start, end + 1, '15:10'), text: 'Hi James,\n\nHere is the summary:\n\n' + HOTELS.map((h) => `${h.name}: ${h.rooms} rooms; 1 × ${h.damaged} replaced at no charge; credit note ${h.cn}; invoiced ${h.poAmount}.`).join('\n') + '\n\nAll back-ordered items have now shipped.' + sig(TOM) },
    { by: SIOBHAN, at: workday(start, end + 2, '08:50'), internal: true, text: 'Great work on HHG, Tom. Account review in January. Flagging to Priya for the QA sample — a good example of proactive updates on a long programme.' },
    { by: JAMES, at: workday(start, end + 2, '11:31'), text: 'That\'s exactly what I needed, thank you. We\'re planning phase two for 2027 (four more properties). Could we get a call in the diary next week?' },
    { by: TOM, at: workday(start, end + 2, '12:04'), text: 'Hi James,\n\nAbsolutely — I\'ve sent an invite for Tuesday at 14:00 with our trade account manager. Looking forward to it.' + sig(TOM) },
    { by: LUCY, at: workday(start, end + 3, '10:18'), text: 'Thanks Tom. One last thing — the Oban team found two spare bedside table keys in the packaging. Shall we post them back, or keep them on site?' },
  );
  return define('long-thread', {
    id: 48231, subject: 'Harbour Hotel Group – refurbishment programme deliveries and invoices', channel: 'email', status: 'open', priority: 'high', type: 'task',
    requester: JAMES, assignee: TOM, group: TRADE, tags: ['trade', 'harbour_hotels', 'b2b', 'vip'], followers: [SIOBHAN],
  }, 10038512000000, says);
}

function internalNotes(): ZendeskTicketData {
  return define('internal-notes', {
    id: 48236, subject: 'Formal complaint: sofa delivered damaged twice – considering chargeback', channel: 'email', status: 'pending', priority: 'urgent', type: 'incident',
    requester: HELEN, assignee: GARETH, group: ESCALATIONS, tags: ['escalation', 'formal_complaint', 'damaged_item', 'chargeback_risk'], followers: [SIOBHAN],
    customStatus: AWAITING_COLLECTION,
  }, 38512400000, [
    { by: HELEN, at: '2026-11-16 18:47', text:
      'I am making a formal complaint.\n\nMy Marlow corner sofa (order LC-203311, £1,249) has now been delivered damaged TWICE. The first one had a torn seat cushion and a snapped leg. The replacement arrived on Saturday with a gash down the back panel, which the delivery men pointed out themselves before leaving it in my hallway.\n\nI have taken two days off work for these deliveries. I want a full refund and the sofa collected this week. If I do not hear back by Wednesday I will raise a chargeback with my credit card company and leave reviews accordingly.\n\nHelen Brooks' },
    { by: GARETH, at: '2026-11-17 08:41', internal: true, text: 'Second damaged delivery on the same order. Customer threatening chargeback by Wednesday. Escalating to @Siobhan Kelly — I think we go straight to full refund + collection rather than a third sofa?' },
    { by: SIOBHAN, at: '2026-11-17 09:02', internal: true, text: 'Agreed, no third attempt. Full refund approved (£1,249). Book the collection first — finance will release the refund the moment the collection is booked, not when it\'s back in the warehouse. Also offer £100 for the two days off; I\'ll sign it off.' },
    { by: GARETH, at: '2026-11-17 09:30', text:
      'Dear Helen,\n\nThank you for your email, and I am very sorry. Two damaged deliveries of the same sofa is not acceptable, and I understand why you are frustrated after taking two days off work.\n\nWe will not ask you to accept a third delivery. I have approved a full refund of £1,249, and a payment of £100 towards the time you have lost. The only thing I need from you is a convenient day for our team to collect the sofa — we have slots this Thursday or Friday, all day, or Saturday morning.\n\nAs soon as the collection is booked, the refund will be released; you will not need to wait for the sofa to reach our warehouse.' + sig(GARETH) },
    { by: GARETH, at: '2026-11-17 09:34', internal: true, text: 'Collection slots held: Thu 19th, Fri 20th (all day), Sat 21st AM. Courier: in-house crew, not the third-party firm that did both deliveries.' },
    { by: TOM, at: '2026-11-17 11:15', internal: true, text: 'FYI — looked at the carrier logs for both deliveries: same subcontractor (Swift Home Logistics, Leicester hub). Three other damage claims on Marlow sofas from that hub this month. Raised with the deliveries manager.' },
    { by: SIOBHAN, at: '2026-11-17 11:40', internal: true, text: 'Thanks Tom. Pausing Swift for Marlow orders until the deliveries manager reviews the hub. Gareth: keep this ticket pending and chase on Wednesday morning if there\'s no reply — do not let the chargeback deadline pass without contact.' },
    { by: HELEN, at: '2026-11-17 20:05', text: 'Friday would be fine, any time. Please make sure they bring the paperwork this time — last time nobody could tell me whether the collection had been logged.' },
    { by: GARETH, at: '2026-11-18 08:55', internal: true, text: 'Collection booked Fri 20/11, crew told to bring a signed collection note and photograph the sofa on collection. Refund RF-88190 (£1,249) and goodwill payment RF-88191 (£100) released.' },
    { by: GARETH, at: '2026-11-18 09:07', text:
      'Dear Helen,\n\nThank you — your collection is booked for Friday 20 November. The crew will call you 30 minutes before arriving, and they will give you a signed collection note and photograph the sofa as it leaves.\n\nI have also released your refund (reference RF-88190, £1,249) and the £100 goodwill payment (RF-88191). Both should reach your card within 3–5 working days.' + sig(GARETH) },
    { by: SIOBHAN, at: '2026-11-18 09:15', internal: true, text: 'Chargeback risk looks resolved. @Gareth Evans please log this in the complaints register with root cause "carrier damage — repeat" so it shows in the monthly review.' },
    { by: GARETH, at: '2026-11-20 16:22', internal: true, text: 'Collection done 14:10, signed note uploaded to the order. Complaints register updated (ref CR-2026-1147). Leaving pending for the customer to confirm the refund has landed.' },
    { by: GARETH, at: '2026-11-20 16:30', text: 'Dear Helen,\n\nJust confirming that the sofa was collected this afternoon and the signed collection note is attached to your order. Please let me know once the refund shows on your statement, or if it hasn\'t by Wednesday.' + sig(GARETH) },
  ]);
}

function dataProtection(): ZendeskTicketData {
  return define('data-protection', {
    id: 48240, subject: 'Please delete all my personal data (GDPR)', channel: 'email', status: 'solved', priority: 'normal', type: 'task',
    requester: TOMASZ, assignee: SIOBHAN, group: PRIVACY, tags: ['gdpr', 'erasure_request', 'identity_check'],
  }, 38512500000, [
    { by: TOMASZ, at: '2026-11-12 21:16', text:
      'Hello,\n\nUnder Article 17 of the UK GDPR I am asking you to erase all personal data you hold about me, including my account, order history and marketing preferences. I no longer wish to be a customer.\n\nMy account email was tomek.nowak84@gmail.com, but I no longer use that address.\n\nRegards,\nTomasz Nowak' },
    { by: SIOBHAN, at: '2026-11-13 09:12', internal: true, text: 'Erasure request logged in the DSAR register (DSR-2026-0419). Statutory deadline: 12/12/2026 (one calendar month). Request came from a different address than the account — identity check required before anything is deleted or disclosed.' },
    { by: SIOBHAN, at: '2026-11-13 09:25', text:
      'Dear Tomasz,\n\nThank you for your request. We take data protection seriously and will action it within one month, as the law requires.\n\nBecause your message comes from a different email address from the one on the account, I need to confirm that the request is yours before I can act on it. Could you please either:\n\n1. send a short email from tomek.nowak84@gmail.com confirming the request, or\n2. reply here with the postcode of your last delivery address and the month of your most recent order.\n\nPlease do not send a copy of your passport or driving licence — we do not need it.' + sig(SIOBHAN) },
    { by: TOMASZ, at: '2026-11-13 12:48', text: 'I don\'t have access to the old address any more. Last delivery postcode was LS6 2QX, the last order was in March this year (a rug I think).' },
    { by: SIOBHAN, at: '2026-11-13 14:05', internal: true, text: 'Identity verified: postcode LS6 2QX and last order March 2026 (LC-170552, Tolva rug) both match. Proceeding. Note: order and payment records must be kept 6 years for HMRC — these will be retained but restricted; everything else erased.' },
    { by: SIOBHAN, at: '2026-11-13 14:20', text:
      'Dear Tomasz,\n\nThank you, that matches our records, so I have started the erasure now.\n\nOne thing to be open about: we are legally required to keep records of orders and payments for six years for tax purposes. Those records will be kept separately, restricted so they are not used for anything else, and deleted when the six years are up. Your account, saved addresses, wishlist and marketing preferences will be deleted completely.\n\nI will confirm once this is done.' + sig(SIOBHAN) },
    { by: TOMASZ, at: '2026-11-13 15:02', text: 'Understood, that\'s fine. Thanks for being clear about it.' },
    { by: SIOBHAN, at: '2026-11-16 10:40', text:
      'Dear Tomasz,\n\nYour account and associated personal data have now been erased, and you have been removed from all marketing lists, including those of our delivery partners. Order and payment records are retained and restricted as explained.\n\nThis ticket will also be redacted after 30 days. If you have any concerns about how we have handled your data, you can contact our Data Protection Officer at dpo@larkspur.co.uk, or the Information Commissioner\'s Office.' + sig(SIOBHAN) },
  ]);
}

function hostile(): ZendeskTicketData {
  const first =
    'Refund <script>window.__pwned=1</script> please!\n\n' +
    'Track my order: <a href="javascript:window.__pwned=1">click here</a> or [click here](javascript:window.__pwned=1)\n\n' +
    '<iframe src="javascript:window.__pwned=1"></iframe><img src=x onerror="window.__pwned=1">\n\n' +
    'Emoji: 😡📦🔥🙏 — RTL: مرحبا، أريد استرداد أموالي من فضلك — עברית: שלום — CJK: 退款请求 / 返金してください / 환불해 주세요\n\n' +
    'Zero\u200bwidth\u200bjoiners and a very long token: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
  const second =
    '"><svg onload="window.__pwned=1"></svg>\n\n' +
    '{{constructor.constructor(\'window.__pwned=1\')()}} ${window.__pwned=1} <style>body{display:none}</style>\n\n' +
    'Order no. is LC-\u202e9102\u202c (that one has a right-to-left override in it).';
  return define('hostile', {
    id: 48245, subject: 'Refund <script>window.__pwned=1</script>', channel: 'web', status: 'open', priority: 'low', type: 'question',
    requester: HOSTILE, assignee: GARETH, group: CARE, tags: ['refund', 'suspicious'],
  }, 10038512600000, [
    // html_body here is deliberately unsanitised: the extension must never render it raw.
    { by: HOSTILE, at: '2026-11-24 02:13', text: first, html:
      '<div class="zd-comment" dir="auto"><p>Refund <script>window.__pwned=1</script> please!</p>' +
      '<p>Track my order: <a href="javascript:window.__pwned=1">click here</a></p>' +
      '<iframe src="javascript:window.__pwned=1"></iframe><img src=x onerror="window.__pwned=1">' +
      '<p>Emoji: 😡📦🔥🙏 — RTL: <span dir="rtl">مرحبا، أريد استرداد أموالي من فضلك</span> — CJK: 退款请求 / 返金してください</p></div>' },
    { by: GARETH, at: '2026-11-24 09:02', text: 'Hello,\n\nThank you for your message. I\'d be happy to look into a refund for you — could you please reply with your order number (it starts with LC-) and the email address you used at checkout?' + sig(GARETH) },
    { by: HOSTILE, at: '2026-11-24 09:40', text: second, html:
      '<div class="zd-comment" dir="auto"><p>"&gt;<svg onload="window.__pwned=1"></svg></p><p>{{constructor.constructor(\'window.__pwned=1\')()}} ${window.__pwned=1}</p><style>body{display:none}</style></div>' },
    { by: GARETH, at: '2026-11-24 09:51', internal: true, text: 'This looks like a script-injection test rather than a real customer: no matching order or email. Do not click any links in the thread. Reported to security@ with the ticket number.' },
    { by: GARETH, at: '2026-11-24 09:55', text: 'Hello,\n\nI\'m afraid I can\'t find an order matching the details you\'ve given. If you do have an order with us, please reply with the order number from your confirmation email and I\'ll be glad to help.' + sig(GARETH) },
  ]);
}

function imported(): ZendeskTicketData {
  return define('imported', {
    id: 48250, subject: 'Warranty claim – Aldridge recliner mechanism sticking', channel: 'api', status: 'closed', priority: 'normal', type: 'incident',
    requester: PAULINE, assignee: TOM, group: CARE, tags: ['imported', 'kayako', 'warranty'], submitter: TOM,
  }, 38512700000, [
    // Imported from the old helpdesk: the description is a private comment written by an agent.
    { by: TOM, at: '2026-11-02 08:00', internal: true, channel: 'api', text:
      '[Imported from Kayako ticket KY-88231 on 2 November 2026]\n\nOriginal message from Pauline Greaves, 28 October 2026:\n\n"The reclining mechanism on my Aldridge armchair has started sticking halfway. It is 14 months old, so still within the two-year guarantee. Could someone come and look at it?"' },
    { by: TOM, at: '2026-11-02 08:00', internal: true, channel: 'api', text: '[Imported] Kayako notes: warranty confirmed (purchased 19/09/2025, LC-118834). Technician visit requested from Restwell Services.' },
    { by: TOM, at: '2026-11-03 10:12', text: 'Dear Pauline,\n\nWe have moved to a new customer service system, so you may notice our emails look a little different. Your warranty claim is still in hand: a technician from Restwell Services will call you to book a visit this week.' + sig(TOM) },
    { by: PAULINE, at: '2026-11-05 16:45', channel: 'email', text: 'Thank you. The technician came today and replaced a spring in the mechanism. It works perfectly now.' },
    { by: TOM, at: '2026-11-06 09:20', text: 'Dear Pauline,\n\nThat is good to hear. I will close this claim now; your guarantee continues until September 2027.' + sig(TOM) },
  ], { offsetPagingOnly: true, metrics: null });
}

function webForm(): ZendeskTicketData {
  return define('web-form', {
    id: 48252, subject: 'Can I change the delivery address on my order?', channel: 'web', status: 'new', priority: null, type: null,
    requester: SANJAY, assignee: null, group: null, tags: ['web_form', 'delivery_address'],
  }, 38512800000, [
    { by: SANJAY, at: '2026-11-25 08:17', text: 'Hi,\n\nI placed order LC-206550 last night and realised it is going to my old flat. The new address is 22 Millbrook Close, Reading RG4 7TS. Is it too late to change it? It hasn\'t been dispatched yet according to my account.\n\nThanks,\nSanjay' },
  ]);
}

// ---------------------------------------------------------------------------------------------

// Custom ticket statuses: the five defaults every account gets when it turns them on, and one of
// Larkspur's own (the internal-notes ticket carries it).
const AWAITING_COLLECTION = 36100000000216;

function customStatus(id: number, category: ZendeskCustomStatus['status_category'], agentLabel: string, endUserLabel: string, isDefault: boolean, description = ''): ZendeskCustomStatus {
  return {
    id, agent_label: agentLabel, raw_agent_label: agentLabel, end_user_label: endUserLabel, raw_end_user_label: endUserLabel,
    description, raw_description: description, end_user_description: '', raw_end_user_description: '',
    status_category: category, active: true, default: isDefault, created_at: '2024-03-01T09:00:00Z', updated_at: '2025-06-12T10:30:00Z',
  };
}

const CUSTOM_STATUSES: ZendeskCustomStatus[] = [
  customStatus(36100000000211, 'new', 'New', 'Open', true),
  customStatus(36100000000212, 'open', 'Open', 'Open', true),
  customStatus(36100000000213, 'pending', 'Pending', 'Awaiting your reply', true),
  customStatus(36100000000214, 'hold', 'On-hold', 'Open', true),
  customStatus(36100000000215, 'solved', 'Solved', 'Solved', true),
  customStatus(AWAITING_COLLECTION, 'pending', 'Awaiting collection', 'Collection booked', false, 'Courier collection booked; waiting for it to happen'),
];

const VIEWS: ZendeskView[] = [
  { id: 360081946601, title: 'Your unsolved tickets', statuses: ['new', 'open', 'pending', 'hold'], assignee: 'me' },
  { id: 360081946602, title: 'Unassigned tickets', statuses: ['new', 'open'], assignee: 'none' },
  { id: 360081946603, title: 'All unsolved tickets', statuses: ['new', 'open', 'pending', 'hold'], assignee: 'any' },
  { id: 360081946604, title: 'Recently updated tickets', statuses: ['new', 'open', 'pending', 'hold', 'solved', 'closed'], assignee: 'any' },
  { id: 360081946605, title: 'Pending tickets', statuses: ['pending'], assignee: 'any' },
  { id: 360081946606, title: 'Recently solved tickets', statuses: ['solved', 'closed'], assignee: 'any' },
];

/** A fresh, mutable copy of the demo account (each call builds new objects). */
export function createZendeskDemoData(): ZendeskDataset {
  return {
    accountName: 'Larkspur & Co.',
    brandId: BRAND_ID,
    me: { ...PRIYA, authenticity_token: 'mock-csrf-7f3a9c2e4b1d' },
    users: [PRIYA, TOM, AISHA, GARETH, SIOBHAN, MARGARET, AMELIA, RHYS, CHLOE, JAMES, LUCY, HELEN, TOMASZ, HOSTILE, PAULINE, SANJAY].map((u) => ({ ...u, created_at: '2024-03-01T09:00:00Z' })),
    groups: GROUPS.map((g) => ({ ...g })),
    views: VIEWS.map((v) => ({ ...v })),
    tickets: [emailComplaint(), chat(), phone(), messaging(), longThread(), internalNotes(), dataProtection(), hostile(), imported(), webForm()],
    customStatuses: CUSTOM_STATUSES.map((c) => ({ ...c })),
  };
}

export function findZendeskTicket(data: ZendeskDataset, id: string | number): ZendeskTicketData | undefined {
  return data.tickets.find((t) => String(t.ticket.id) === String(id));
}

/** Adds (or replaces) a ticket, merging the users it brings along. */
export function addZendeskTicket(data: ZendeskDataset, t: ZendeskTicketData): void {
  for (const u of t.users ?? []) {
    if (!data.users.some((x) => x.id === u.id)) data.users.push(u);
  }
  data.tickets = data.tickets.filter((x) => x.ticket.id !== t.ticket.id);
  data.tickets.push(t);
}

// ---------------------------------------------------------------------------------------------
// Large tickets for performance tests and benchmarks.

const BIG_CUSTOMER: ZendeskUser = { id: 19304857900001, name: 'Marcus Lindqvist', email: 'marcus.lindqvist@northgate-logistics.co.uk', role: 'end-user', locale: 'en-gb' };
const BIG_AGENT_A: ZendeskUser = { id: 19304857900002, name: 'Hannah Cole', email: 'hannah.cole@larkspur.co.uk', role: 'agent', locale: 'en-gb' };
const BIG_AGENT_B: ZendeskUser = { id: 19304857900003, name: 'Ravi Menon', email: 'ravi.menon@larkspur.co.uk', role: 'agent', locale: 'en-gb' };

const BIG_CUSTOMER_LINES = [
  'The overnight stock feed failed again at {t}. {n} SKUs missing from this morning\'s file.',
  'Can you confirm whether batch {n} was re-sent? Our warehouse system still shows the old quantities.',
  'Still seeing duplicate lines for order block {n}. Screenshot attached.',
  'Thanks — that run went through cleanly. Will keep an eye on tonight\'s.',
  'Our team lead is asking for an ETA on the permanent fix, can you share one?',
  'We restarted the SFTP job as suggested; {n} files picked up.',
];
const BIG_AGENT_LINES = [
  'Thanks Marcus. I can see the failure at {t} on our side too — the export timed out after {n} seconds. Re-running now.',
  'Batch {n} has been re-sent; it should appear in your inbound folder within ten minutes.',
  'The duplicates come from a retry without an idempotency key. Engineering have a fix in review; I\'ll update you when it ships.',
  'Good to hear. I\'ll leave monitoring in place for another 48 hours.',
  'The permanent fix is scheduled for the release on {d}. I\'ll confirm once it\'s live.',
];
const BIG_NOTE_LINES = [
  'Export job log: timeout at {t}, {n} rows written before abort.',
  'Raised ENG-{n} for the duplicate-line bug; linked this ticket.',
  'Customer is on the enterprise plan — response target 1 hour in business hours.',
];

function fill(line: string, i: number, when: Date): string {
  return line
    .replace('{t}', when.toISOString().slice(11, 16))
    .replace('{n}', String(100 + ((i * 37) % 900)))
    .replace('{d}', new Date(when.getTime() + 6 * 86400000).toISOString().slice(0, 10));
}

/** A long mail: the line, then numbered log lines, to `chars` characters (no trailing blank). */
function padded(text: string, chars: number, i: number): string {
  if (text.length >= chars) return text;
  const parts = [text, ''];
  let length = text.length + 1;
  for (let n = 1; length < chars; n++) {
    const logLine = `[${String(n).padStart(5, '0')}] export worker ${i % 7} retried batch ${100 + ((i + n) % 900)}: connection reset by peer after 30 s`;
    parts.push(logLine);
    length += logLine.length + 1;
  }
  return parts.join('\n').slice(0, chars).trimEnd();
}

/**
 * A ticket with `comments` comments (e.g. 5 000) for performance tests. Its authors come along in
 * `users` so it works in any dataset passed to addZendeskTicket. `textChars` pads every comment to
 * about that many characters (a huge ticket: 5 000 × 20 000 is 100 MB of text, three copies of it
 * in body, html_body and plain_body).
 */
export function makeLargeZendeskTicket(id: string, comments: number, options: { textChars?: number } = {}): ZendeskTicketData {
  const ticketId = Number(id);
  const end = Date.parse('2026-11-24T17:00:00Z');
  const stepMs = 7 * 60000;
  const list: ZendeskComment[] = [];
  for (let i = 0; i < comments; i++) {
    const when = new Date(end - (comments - i) * stepMs);
    const r = i === 0 ? 0 : i % 4; // customer, agent, agent-or-note, customer...
    const note = r === 3 && i % 8 === 3;
    const by = r === 0 || (r === 3 && !note) ? BIG_CUSTOMER : i % 3 === 0 ? BIG_AGENT_B : BIG_AGENT_A;
    const pool = note ? BIG_NOTE_LINES : by === BIG_CUSTOMER ? BIG_CUSTOMER_LINES : BIG_AGENT_LINES;
    const line = `${fill(pool[i % pool.length] as string, i, when)}${by === BIG_CUSTOMER ? '' : ' (#' + (i + 1) + ')'}`;
    const text = options.textChars ? padded(line, options.textChars, i) : line;
    const cid = commentId(12000000000000 + (ticketId % 100000) * 10000000, i, 1000000);
    list.push({
      id: cid, type: 'Comment', author_id: by.id, body: text, html_body: htmlBody(text), plain_body: plainBody(text),
      public: !note, created_at: isoSeconds(when), attachments: [], audit_id: cid + 1,
      via: { channel: by === BIG_CUSTOMER ? 'email' : 'web', source: { from: {}, to: {}, rel: null } },
      metadata: { system: {}, custom: {} },
    });
  }
  const ticket = buildTicket({
    id: ticketId, subject: `Nightly stock feed failures – ${comments} updates`, channel: 'email', status: 'open', priority: 'high', type: 'problem',
    requester: BIG_CUSTOMER, assignee: BIG_AGENT_A, group: TRADE, tags: ['integration', 'large_thread'],
  }, list);
  return { kind: 'large', ticket, comments: list, users: [BIG_CUSTOMER, BIG_AGENT_A, BIG_AGENT_B] };
}
