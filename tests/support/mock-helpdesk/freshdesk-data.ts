// Demo data of a fake Freshdesk account ("Brightfibre", a UK broadband provider), shaped like the
// agent app's private API and /api/v2, with the traps seen in real payloads: the description has
// no id or author, description_text separates paragraphs with ' \n ', conversation `source` is its
// own enum, a public note (source 2, private false), an agent's note with incoming: true, a
// contact who writes but is not the requester, account-defined statuses (6, 7) whose labels only
// exist in /api/v2/ticket_fields, and ids above 1e13.

import { escapeHtml, isoSeconds, monotonic, workday } from './shared';

export interface FreshdeskContact {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  job_title: string | null;
  language: string;
  time_zone: string;
  company_id: number | null;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface FreshdeskAgent {
  id: number;
  available: boolean;
  occasional: boolean;
  signature: string | null;
  ticket_scope: number;
  type: string;
  group_ids: number[];
  created_at: string;
  updated_at: string;
  contact: { active: boolean; email: string; job_title: string | null; language: string; mobile: string | null; name: string; phone: string | null; time_zone: string; created_at: string; updated_at: string };
}

export interface FreshdeskConversation {
  id: number;
  body: string;
  body_text: string;
  incoming: boolean;
  private: boolean;
  user_id: number;
  support_email: string | null;
  /** conversation source: 0 Reply, 2 Note, 5 Tweet, 6 Survey feedback, 7 Facebook, 8 Forwarded email, 9 Phone, 10 Mobihelp, 11 E-commerce */
  source: number;
  category: number;
  to_emails: string[] | null;
  from_email: string | null;
  cc_emails: string[];
  bcc_emails: string[];
  attachments: unknown[];
  ticket_id: number;
  source_additional_info: unknown;
  last_edited_at: string | null;
  last_edited_user_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface FreshdeskTicket {
  id: number;
  subject: string;
  description: string;
  description_text: string;
  /** 2 Open, 3 Pending, 4 Resolved, 5 Closed, 6+ account-defined */
  status: number;
  priority: number;
  /** ticket source: 1 Email, 2 Portal, 3 Phone, 7 Chat, 13 WhatsApp, ... */
  source: number;
  type: string | null;
  tags: string[];
  requester_id: number;
  responder_id: number | null;
  group_id: number | null;
  company_id: number | null;
  product_id: number | null;
  email_config_id: number | null;
  cc_emails: string[];
  fwd_emails: string[];
  reply_cc_emails: string[];
  ticket_cc_emails: string[];
  to_emails: string[] | null;
  support_email: string | null;
  fr_escalated: boolean;
  spam: boolean;
  is_escalated: boolean;
  due_by: string;
  fr_due_by: string;
  custom_fields: Record<string, unknown>;
  attachments: unknown[];
  association_type: number | null;
  created_at: string;
  updated_at: string;
}

export interface FreshdeskStats {
  agent_responded_at: string | null;
  requester_responded_at: string | null;
  first_responded_at: string | null;
  status_updated_at: string | null;
  reopened_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  pending_since: string | null;
}

export interface FreshdeskTicketData {
  kind: string;
  ticket: FreshdeskTicket;
  stats: FreshdeskStats;
  /** chronological; the description is not one of them */
  conversations: FreshdeskConversation[];
  /** people only this ticket refers to; addFreshdeskTicket merges them into the dataset */
  contacts?: FreshdeskContact[];
  agents?: FreshdeskAgent[];
}

export interface FreshdeskGroup {
  id: number;
  name: string;
  description: string | null;
}

export interface FreshdeskDataset {
  accountName: string;
  me: FreshdeskAgent;
  agents: FreshdeskAgent[];
  contacts: FreshdeskContact[];
  groups: FreshdeskGroup[];
  /** what GET /api/v2/ticket_fields answers */
  ticketFields: Record<string, unknown>[];
  tickets: FreshdeskTicketData[];
  /** pages `GET /tickets` serves at most (Freshdesk: 300); lower it to make a test split its range */
  listPageCap?: number;
}

// ---------------------------------------------------------------------------------------------
// People

const SUPPORT_EMAIL = 'support@brightfibre.co.uk';
const CREATED = '2024-06-03T09:00:00Z';

export function agent(id: number, name: string, email: string, job: string, groups: number[]): FreshdeskAgent {
  return {
    id, available: true, occasional: false, signature: null, ticket_scope: 1, type: 'support_agent', group_ids: groups,
    created_at: CREATED, updated_at: '2026-10-01T09:00:00Z',
    contact: { active: true, email, job_title: job, language: 'en', mobile: null, name, phone: null, time_zone: 'London', created_at: CREATED, updated_at: '2026-10-01T09:00:00Z' },
  };
}

export function contact(id: number, name: string, email: string | null, extra: Partial<FreshdeskContact> = {}): FreshdeskContact {
  return { id, name, email, phone: null, mobile: null, job_title: null, language: 'en', time_zone: 'London', company_id: null, active: true, created_at: CREATED, updated_at: CREATED, ...extra };
}

const G_BILLING = 80000091001;
const G_TECH = 80000091002;
const G_COMPLAINTS = 80000091003;
const G_PRIVACY = 80000091004;
const GROUPS: FreshdeskGroup[] = [
  { id: G_BILLING, name: 'Billing', description: 'Payments, refunds and bills' },
  { id: G_TECH, name: 'Technical Support', description: 'Faults, routers and installations' },
  { id: G_COMPLAINTS, name: 'Complaints', description: 'Formal complaints and escalations' },
  { id: G_PRIVACY, name: 'Data Protection', description: 'Subject access and erasure requests' },
];

const DANIEL = agent(80001204417, 'Daniel Osei', 'daniel.osei@brightfibre.co.uk', 'QA Lead', [G_COMPLAINTS]);
const MEGAN = agent(80001204502, 'Megan Lloyd', 'megan.lloyd@brightfibre.co.uk', 'Customer Support Advisor', [G_BILLING, G_TECH]);
const CALLUM = agent(80001204613, 'Callum Reid', 'callum.reid@brightfibre.co.uk', 'Technical Support Advisor', [G_TECH]);
const FATIMA = agent(80001204788, 'Fatima Begum', 'fatima.begum@brightfibre.co.uk', 'Senior Advisor', [G_TECH, G_PRIVACY]);
// Team lead with a 14-digit id.
const OWEN = agent(15000001204901, 'Owen Price', 'owen.price@brightfibre.co.uk', 'Team Lead, Business Support', [G_TECH, G_COMPLAINTS]);

const GRAHAM = contact(80022417730, 'Graham Pearce', 'graham.pearce@gmail.com', { phone: '+44 1632 960019' });
const ELLIE = contact(80022418815, 'Ellie Turner', 'ellie.turner@outlook.com');
const MALCOLM = contact(80022419902, 'Malcolm Hayes', 'malcolm.hayes@talktalk.net', { phone: '+44 1392 496118', mobile: '07700 900284' });
const JORDAN = contact(80022420177, 'Jordan Ellis', null, { mobile: '+44 7700 900733' });
const NADIA = contact(80022421034, 'Nadia Hussain', 'nadia.hussain@kestrel-accountancy.co.uk', { job_title: 'Practice Manager', company_id: 80000770012 });
const BEN = contact(80022421035, 'Ben Carter', 'ben@carter-it.co.uk', { job_title: 'IT contractor', company_id: 80000770012 });
const SUSAN = contact(80022422650, 'Susan Reid', 'susan.reid64@gmail.com');
const OLIVER = contact(80022423389, 'Oliver Grant', 'oliver.grant@fastmail.com');
const HOSTILE = contact(21000000123456, '<img src=x onerror="window.__pwned=1">', 'x"><script>window.__pwned=1</script>@example.invalid');
const HARRIET = contact(80022424117, 'Harriet Cole', 'harriet.cole@btinternet.com', { phone: '+44 1632 960551' });

// ---------------------------------------------------------------------------------------------
// Authoring helpers

type Person = FreshdeskAgent | FreshdeskContact;
const isAgent = (p: Person): p is FreshdeskAgent => 'contact' in p;
const emailOf = (p: Person) => (isAgent(p) ? p.contact.email : p.email);

export interface Say {
  by: Person;
  /** 'YYYY-MM-DD HH:MM' UTC */
  at: string;
  text: string;
  /** reply (default), private note, public note, phone log, forwarded */
  as?: 'reply' | 'note' | 'public-note' | 'phone';
  /** override of the default (customers: true, agents: false) — agents' notes can be incoming too */
  incoming?: boolean;
  /** raw HTML body (hostile ticket) */
  html?: string;
  /** HTML of the quoted previous message, added to body only (as email clients do) */
  quote?: string;
}

function iso(at: string, salt: number): string {
  const seconds = String((salt * 23 + 11) % 60).padStart(2, '0');
  return `${at.replace(' ', 'T')}:${seconds}Z`;
}

function paragraphs(text: string): string[] {
  return text.split(/\n{2,}/);
}

/** Freshdesk's editor writes one <div> per line, with an empty <div><br></div> between paragraphs. */
function toHtml(text: string): string {
  const blocks = paragraphs(text).map((p) => p.split('\n').map((line) => `<div dir="ltr">${escapeHtml(line)}</div>`).join(''));
  return `<div style="font-family:-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, sans-serif; font-size:14px;">${blocks.join('<div dir="ltr"><br></div>')}</div>`;
}

function sig(a: FreshdeskAgent): string {
  return `\n\nBest regards,\n${a.contact.name}\nBrightfibre Customer Support`;
}

function buildConversations(ticketId: number, idBase: number, requester: FreshdeskContact, createdAt: string, says: Say[]): FreshdeskConversation[] {
  const stamp = monotonic(iso, Date.parse(createdAt));
  return says.map((s, i) => {
    const created = stamp(s.at, i + 1);
    const agentAuthor = isAgent(s.by);
    const as = s.as ?? 'reply';
    const source = as === 'note' || as === 'public-note' ? 2 : as === 'phone' ? 9 : 0;
    const isPrivate = as === 'note' || as === 'phone';
    const body = (s.html ?? toHtml(s.text)) + (s.quote ? `<div class="freshdesk_quote"><blockquote class="freshdesk_quote">${s.quote}</blockquote></div>` : '');
    return {
      id: idBase + i * 3 + (i % 2), // gaps like real ids shared with other tickets
      body,
      body_text: paragraphs(s.text).join('\n\n'),
      incoming: s.incoming ?? !agentAuthor,
      private: isPrivate,
      user_id: s.by.id,
      support_email: source === 0 ? SUPPORT_EMAIL : null,
      source,
      category: agentAuthor ? 3 : 2,
      to_emails: source === 0 ? (agentAuthor ? [emailOf(requester) ?? ''].filter(Boolean) : [SUPPORT_EMAIL]) : source === 2 && !isPrivate ? [] : null,
      from_email: source === 0 ? (agentAuthor ? `"Brightfibre Support" <${SUPPORT_EMAIL}>` : emailOf(s.by)) : null,
      cc_emails: [],
      bcc_emails: [],
      attachments: [],
      ticket_id: ticketId,
      source_additional_info: null,
      last_edited_at: null,
      last_edited_user_id: null,
      created_at: created,
      updated_at: created,
    };
  });
}

export interface TicketSpec {
  id: number;
  subject: string;
  status: number;
  priority: number;
  source: number;
  type: string | null;
  requester: FreshdeskContact;
  responder: FreshdeskAgent | null;
  group: number | null;
  tags: string[];
  companyId?: number | null;
}

export function define(kind: string, spec: TicketSpec, idBase: number, says: Say[]): FreshdeskTicketData {
  const [first, ...rest] = says;
  if (!first) throw new Error(`ticket ${spec.id} needs a description`);
  const createdAt = iso(first.at, 0);
  const conversations = buildConversations(spec.id, idBase, spec.requester, createdAt, rest);
  const last = conversations[conversations.length - 1];
  const updatedAt = last?.created_at ?? createdAt;
  const firstAgentReply = conversations.find((c) => !c.private && c.source === 0 && c.user_id !== spec.requester.id);
  const lastAgent = [...conversations].reverse().find((c) => c.user_id !== spec.requester.id && !c.incoming);
  const lastCustomer = [...conversations].reverse().find((c) => c.user_id === spec.requester.id);
  const resolved = spec.status === 4 || spec.status === 5 ? updatedAt : null;
  const plus = (isoTime: string, hours: number) => isoSeconds(Date.parse(isoTime) + hours * 3600000);
  return {
    kind,
    ticket: {
      id: spec.id,
      subject: spec.subject,
      description: first.html ?? toHtml(first.text),
      // The documented trap: paragraphs separated by ' \n '.
      description_text: paragraphs(first.text).map((p) => p.replace(/\n/g, ' ')).join(' \n '),
      status: spec.status,
      priority: spec.priority,
      source: spec.source,
      type: spec.type,
      tags: spec.tags,
      requester_id: spec.requester.id,
      responder_id: spec.responder?.id ?? null,
      group_id: spec.group,
      company_id: spec.companyId ?? spec.requester.company_id ?? null,
      product_id: null,
      email_config_id: spec.source === 1 ? 80000012001 : null,
      cc_emails: [],
      fwd_emails: [],
      reply_cc_emails: [],
      ticket_cc_emails: [],
      to_emails: spec.source === 1 ? [SUPPORT_EMAIL] : null,
      support_email: spec.source === 1 ? SUPPORT_EMAIL : null,
      fr_escalated: false,
      spam: false,
      is_escalated: spec.priority >= 4,
      due_by: plus(createdAt, 48),
      fr_due_by: plus(createdAt, 8),
      custom_fields: { cf_account_number: null, cf_outage_reference: null },
      attachments: [],
      association_type: null,
      created_at: createdAt,
      updated_at: updatedAt,
    },
    stats: {
      agent_responded_at: lastAgent?.created_at ?? null,
      requester_responded_at: lastCustomer?.created_at ?? null,
      first_responded_at: firstAgentReply?.created_at ?? null,
      status_updated_at: updatedAt,
      reopened_at: null,
      resolved_at: resolved,
      closed_at: spec.status === 5 ? updatedAt : null,
      pending_since: spec.status === 3 ? updatedAt : null,
    },
    conversations,
  };
}

// ---------------------------------------------------------------------------------------------
// The tickets

function emailComplaint(): FreshdeskTicketData {
  return define('email-complaint', {
    id: 18342, subject: 'Charged twice for November – please refund £38.50', status: 4, priority: 3, source: 1, type: 'Billing',
    requester: GRAHAM, responder: MEGAN, group: G_BILLING, tags: ['duplicate-payment', 'refund', 'complaint'],
  }, 80055500100, [
    { by: GRAHAM, at: '2026-11-17 07:58', text:
      'Hello,\n\nI\'ve just checked my bank statement and you have taken my broadband payment twice this month — £38.50 on 1 November and again on 3 November. My account number is BF-1177304.\n\nThe second payment pushed me into my overdraft and my bank has charged me £6 for it. I want both the duplicate payment and the overdraft fee refunded.\n\nThis is the second time this year something has gone wrong with your billing.\n\nGraham Pearce' },
    { by: MEGAN, at: '2026-11-17 09:10', as: 'note', text:
      'Confirmed duplicate Direct Debit collection: the BACS provider re-ran the 3/11 collection file after a false failure report (INC-2231, about 140 customers affected). Refunding £38.50 by BACS, plus £6 for the overdraft fee as a payment to his bank (he wants cash, not account credit).' },
    { by: MEGAN, at: '2026-11-17 09:24', text:
      'Dear Graham,\n\nThank you for getting in touch, and I\'m sorry — you are right that you were charged twice. A fault at our payment provider caused November\'s Direct Debit to be collected a second time on 3 November for a number of customers, including you.\n\nI have refunded the duplicate £38.50 and a further £6 to cover your overdraft fee. Both payments will reach your bank account within 3 working days, with the reference BRIGHTFIBRE REFUND.' + sig(MEGAN) },
    { by: GRAHAM, at: '2026-11-17 12:02', text: 'Thanks Megan. Will this happen again next month? I\'d rather not have to check my statement every time.\n\nGraham',
      quote: 'On Tue, 17 Nov 2026 at 09:24, Brightfibre Support &lt;support@brightfibre.co.uk&gt; wrote:<br>Dear Graham, Thank you for getting in touch, and I\'m sorry…' },
    { by: MEGAN, at: '2026-11-17 12:30', text:
      'Dear Graham,\n\nIt shouldn\'t. The fault was fixed on 4 November, and our payment provider has added a check that stops the same collection file being submitted twice.\n\nI\'ve also added a note to your account so that if anything unusual happens with your payments, we contact you before collecting.' + sig(MEGAN) },
    { by: GRAHAM, at: '2026-11-20 08:15', text: 'Both refunds arrived this morning. Thanks for sorting it quickly.' },
    { by: MEGAN, at: '2026-11-20 09:00', text: 'Dear Graham,\n\nThank you for confirming — I\'ll mark this as resolved. Have a good weekend.' + sig(MEGAN) },
  ]);
}

function chat(): FreshdeskTicketData {
  return define('chat', {
    id: 18345, subject: 'Chat: Wi-Fi keeps dropping in the evenings', status: 5, priority: 2, source: 7, type: 'Technical',
    requester: ELLIE, responder: CALLUM, group: G_TECH, tags: ['chat', 'wifi', 'hub2'],
  }, 80055500400, [
    { by: ELLIE, at: '2026-11-19 20:14', text: 'Hi, my Wi-Fi keeps cutting out most evenings, usually around 8. The router lights stay green though.' },
    { by: CALLUM, at: '2026-11-19 20:15', text: 'Hi Ellie, Callum here — sorry to hear that. Is it just Wi-Fi that drops, or do wired devices lose connection too?' },
    { by: ELLIE, at: '2026-11-19 20:16', text: 'Just Wi-Fi I think. The TV is plugged in and that seems fine' },
    { by: CALLUM, at: '2026-11-19 20:19', text: 'That\'s a really useful clue. Your Brightfibre Hub 2 is fixed on channel 6 on 2.4GHz, which is very busy in your area in the evenings. I\'m going to switch it to automatic channel selection and turn on band steering. Your router will restart, which takes about 3 minutes.' },
    { by: ELLIE, at: '2026-11-19 20:19', text: 'ok go for it' },
    { by: CALLUM, at: '2026-11-19 20:21', as: 'note', text: 'Hub 2 firmware 4.12.3. Band steering was off; 2.4GHz fixed on ch 6 with 14 neighbouring networks visible. Changed to auto + band steering on. Line test clean (SNR margin 9.8 dB, no errors).' },
    { by: ELLIE, at: '2026-11-19 20:25', text: 'It\'s back. Do I need to do anything?' },
    { by: CALLUM, at: '2026-11-19 20:26', text: 'Nothing at all. If it drops again this week, just reply to the email copy of this chat and we\'ll send you a Wi-Fi booster free of charge.' },
    { by: ELLIE, at: '2026-11-19 20:26', text: 'great thanks Callum' },
  ]);
}

function phone(): FreshdeskTicketData {
  return define('phone', {
    id: 18349, subject: 'No internet since the storm – EX4 postcode', status: 4, priority: 3, source: 3, type: 'Fault',
    requester: MALCOLM, responder: FATIMA, group: G_TECH, tags: ['phone', 'outage', 'INC-2298'],
  }, 80055500700, [
    // Logged by the agent during the call: the description is the agent's notes, but Freshdesk
    // attributes it to the requester.
    { by: MALCOLM, at: '2026-11-22 10:42', text:
      'Customer called: no broadband since Storm Bert last night. All lights on the Hub 2 are on except WAN, which is flashing red.\n\nChecked: area outage INC-2298 affecting EX4 postcodes; Openreach estimate restoration by 18:00 today. Customer works from home — offered a 4G backup dongle by courier, accepted.' },
    { by: FATIMA, at: '2026-11-22 10:55', as: 'note', text: 'Ordered 4G backup dongle (next-day DPD), no charge under the outage policy. Mobile number on the account was out of date — updated to 07700 900284 during the call.' },
    { by: FATIMA, at: '2026-11-22 17:50', as: 'phone', text: 'Outbound call to customer 17:50: service restored at 17:32 and customer confirmed he is back online. Explained the dongle can be returned with the prepaid bag when it arrives.' },
    { by: FATIMA, at: '2026-11-22 18:02', text:
      'Dear Mr Hayes,\n\nThank you for your patience today. As we discussed on the phone, your broadband was restored at 17:32 after the storm damage in your area was repaired.\n\nWe have added a £5 credit to your next bill for the disruption. The backup dongle will still arrive tomorrow; please send it back in the prepaid bag included in the box — there is no charge.' + sig(FATIMA) },
    { by: MALCOLM, at: '2026-11-23 09:10', text: 'Thank you. The dongle arrived this morning after all. I will post it back today.\n\nMalcolm Hayes' },
    { by: FATIMA, at: '2026-11-23 09:31', text: 'Dear Mr Hayes,\n\nThank you, that\'s perfect. I will close this ticket now — please get in touch if you have any further problems.' + sig(FATIMA) },
  ]);
}

function messaging(): FreshdeskTicketData {
  return define('messaging', {
    id: 18351, subject: 'WhatsApp: rebook engineer appointment', status: 4, priority: 1, source: 13, type: 'Installation',
    requester: JORDAN, responder: MEGAN, group: G_TECH, tags: ['whatsapp', 'appointment'],
  }, 80055501000, [
    { by: JORDAN, at: '2026-11-24 12:03', text: 'Hi can I move my engineer appointment on Thursday? Work have put me on shift' },
    { by: MEGAN, at: '2026-11-24 12:05', text: 'Hi Jordan, of course! Could you confirm the postcode for the installation?' },
    { by: JORDAN, at: '2026-11-24 12:06', text: 'BS5 6HN' },
    { by: MEGAN, at: '2026-11-24 12:09', text: 'Thanks. I can offer Friday 27 Nov (8am–1pm), Monday 30 Nov (8am–1pm) or Monday 30 Nov (1pm–6pm). Which works best?' },
    { by: JORDAN, at: '2026-11-24 12:11', text: 'monday afternoon pls' },
    { by: MEGAN, at: '2026-11-24 12:14', as: 'note', text: 'Openreach appointment moved in the portal: OR-55812, Mon 30/11 PM slot. No rebooking fee (more than 48 hours\' notice).' },
    { by: MEGAN, at: '2026-11-24 12:15', text: 'Done — Monday 30 Nov, 1pm–6pm. The engineer will text you about 30 minutes before arriving. Is there anything else I can help with?' },
    { by: JORDAN, at: '2026-11-24 12:16', text: 'nope thats it cheers' },
  ]);
}

// A business customer's recurring fault: 126 conversations, so two pages of 100.
interface Drop { time: string; mins: number; impact: string; finding: string; noc: string; light: string }
const DROPS: Drop[] = [
  { time: '10:14', mins: 12, impact: 'Our cloud accounts package logged everyone out in the middle of a VAT return', finding: 'the line lost sync for 11 minutes', noc: 'LOS alarm on the NTE, cleared itself after 11 min', light: '-19.2' },
  { time: '14:37', mins: 6, impact: 'Two client video calls dropped', finding: 'the line dropped for about six minutes', noc: 'Short LOS, no alarms upstream', light: '-19.6' },
  { time: '09:05', mins: 25, impact: 'Nobody could reach the practice management system all morning', finding: 'a 24-minute outage, the longest yet', noc: 'LOS plus CRC errors for 20 min before the drop', light: '-21.4' },
  { time: '16:50', mins: 4, impact: 'Brief, but it killed a large payroll upload', finding: 'a four-minute drop at 16:50', noc: 'Flap x3 in 4 minutes', light: '-20.1' },
  { time: '11:22', mins: 18, impact: 'The phones went too, as they run over the line', finding: 'an 18-minute outage', noc: 'LOS, Rx power dipped to -23.8 just before', light: '-22.0' },
  { time: '08:41', mins: 9, impact: 'First thing in the morning again', finding: 'a nine-minute drop', noc: 'LOS, recovered without intervention', light: '-21.7' },
  { time: '13:15', mins: 31, impact: 'Half an hour offline during a client meeting — this is getting embarrassing', finding: 'a 31-minute outage', noc: 'LOS, multiple NTEs on the same cabinet also flapped', light: '-22.9' },
  { time: '15:02', mins: 3, impact: 'Only a few minutes but the VPN needed resetting', finding: 'a three-minute drop', noc: 'Single flap', light: '-20.4' },
  { time: '10:48', mins: 14, impact: 'We lost a morning\'s bookkeeping entries that hadn\'t synced', finding: 'a 14-minute drop', noc: 'LOS, Rx power at -24.1 for two minutes beforehand', light: '-23.5' },
  { time: '12:26', mins: 7, impact: 'Lunchtime this time', finding: 'a seven-minute drop', noc: 'LOS, upstream OLT port logged errors', light: '-22.2' },
];
const BEN_QUESTIONS = [
  'Is there anything worth checking at our end? The router logs just show the WAN going down.',
  'Should I swap the patch lead between the NTE and the router?',
  'Our firewall logged the WAN interface flapping three times. Would it help to send you the logs?',
  'Could the UPS be a factor? The NTE is plugged into it.',
  'Is it worth moving the router off the shelf above the radiator? It does get warm there.',
];
const ADVICE = [
  'Nothing on your side for now — the fault is before your equipment. It would help if you could note the exact times of any drops.',
  'Yes, worth trying — a Cat6 lead if you have one. It won\'t fix a loss of light, but it rules the lead out.',
  'Yes please, send them over; the timestamps help us line up your logs with ours.',
  'Unlikely, but please plug the NTE straight into the wall for a week so we can rule it out.',
  'It\'s not causing the light loss, but yes, a cooler spot is better for the router generally.',
];
const BEN_DONE = ['Will do.', 'Swapped for a new Cat6 lead.', 'Logs sent to support@ just now.', 'NTE now on the wall socket.', 'Router moved to the comms cupboard.'];
const ESCALATIONS = [
  'Raised with Openreach as a repeat fault; asked for a fibre light test end to end.',
  'Chased Openreach — they want three more occurrences before re-testing. Pushed back; this is a business SLA line.',
  'Escalated to the Openreach service delivery manager. Asking for the fibre route to be inspected, not just the NTE.',
  'Openreach suspect a damaged splice in the footway box. Asked for a visit with a splicing team.',
  'Repeat-fault threshold reached: requested a new fibre route to be surveyed.',
];
const ACTIONS = [
  'they have tested the line end to end and found no fault, but have flagged it as a repeat fault',
  'they have replaced the NTE as a precaution',
  'their engineer found water in the footway box and has resealed it',
  'they have re-spliced the fibre at the cabinet',
  'they have booked a survey for a new fibre route',
];
const THANKS = ['Thanks. Fingers crossed.', 'OK, thanks for the update.', 'Thanks Owen.', 'Appreciated, thank you.', 'Fine — keep us posted.'];
const OUTCOMES = ['Three days without a drop so far.', 'Dropped again briefly this morning, I\'m afraid.', 'Quiet so far, thanks.', 'No drops since Tuesday.', 'All fine for now.'];

function longThread(): FreshdeskTicketData {
  const start = '2026-09-01';
  const says: Say[] = [
    { by: NADIA, at: workday(start, 0, '09:31'), text:
      'Hello,\n\nOur leased line (circuit BF-LL-40217) keeps dropping out for between a few minutes and half an hour, several times a month. We are an accountancy practice with eleven staff and everything we do is in the cloud, so each drop stops the whole office.\n\nPlease can someone look into this properly? I have copied in Ben Carter, who looks after our IT.\n\nNadia Hussain\nPractice Manager, Kestrel Accountancy' },
  ];
  DROPS.forEach((d, k) => {
    const day0 = 1 + k * 5;
    const at = (days: number, hhmm: string) => workday(start, day0 + days, hhmm);
    const ref = `FLT-${40912 + k * 37}`;
    const after = (hhmm: string, mins: number) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      const t = h * 60 + m + mins;
      return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
    };
    says.push(
      { by: NADIA, at: at(0, after(d.time, d.mins + 5)), text: `Another drop today at ${d.time}, about ${d.mins} minutes. ${d.impact}.` },
      { by: OWEN, at: at(0, after(d.time, d.mins + 40)), text: `Hi Nadia,\n\nThanks for letting us know. I can see it on our side too: ${d.finding}. I've added it to fault ${ref}.` + sig(OWEN) },
      { by: CALLUM, at: at(0, after(d.time, d.mins + 55)), as: 'note', text: `NOC: ${d.noc}. Rx light level ${d.light} dBm at the NTE (normal for this circuit: -18 to -20). Ref ${ref}.` },
      { by: BEN, at: at(1, '08:45'), text: `Ben here (Kestrel's IT support). ${BEN_QUESTIONS[k % BEN_QUESTIONS.length]}` },
      { by: OWEN, at: at(1, '09:20'), text: `Hi Ben,\n\n${ADVICE[k % ADVICE.length]}` + sig(OWEN) },
      { by: BEN, at: at(1, '11:05'), text: BEN_DONE[k % BEN_DONE.length] as string },
      { by: OWEN, at: at(1, '14:30'), as: 'note', text: ESCALATIONS[k % ESCALATIONS.length] as string },
      { by: OWEN, at: at(2, '10:10'), text: `Hi Nadia,\n\nOpenreach update on ${ref}: ${ACTIONS[k % ACTIONS.length]}.` + sig(OWEN) },
      { by: NADIA, at: at(2, '10:42'), text: THANKS[k % THANKS.length] as string },
      { by: OWEN, at: at(2, '11:00'), text: 'I\'ll keep the line on enhanced monitoring for 72 hours before closing this occurrence.' + sig(OWEN) },
      { by: k % 2 ? BEN : NADIA, at: at(3, '16:15'), text: OUTCOMES[k % OUTCOMES.length] as string },
      { by: CALLUM, at: at(3, '17:00'), as: 'note', text: `Monitoring ${ref}: ${k % 3 === 1 ? '1 short flap (under 30 s) in 72 h' : 'no LOS events in 72 h'}; worst Rx ${d.light} dBm.` },
    );
  });
  const end = 1 + DROPS.length * 5;
  says.push(
    { by: NADIA, at: workday(start, end, '09:12'), text: 'Owen,\n\nTen drops in under three months is not acceptable for a business line with an SLA. What is the plan to fix this for good, and what service credits are we due?\n\nNadia' },
    { by: OWEN, at: workday(start, end, '11:40'), text: 'Hi Nadia,\n\nYou\'re right, and I\'m sorry it has taken this long. Openreach have now agreed to lay a new fibre route from the cabinet, avoiding the footway box where the water got in; the survey is done and the work is booked for 2 December.\n\nUnder your SLA you are due service credits for every outage over 5 minutes — eight of the ten. I have applied £640 in credits to your account, which you will see on the December invoice.' + sig(OWEN) },
    { by: OWEN, at: workday(start, end, '11:45'), as: 'note', text: 'SLA credits: 8 qualifying outages × £80 = £640, approved by the billing manager. New route OR-LL-77031 booked 2/12, 08:00. Keep this ticket open until two weeks after the re-route.' },
    { by: NADIA, at: workday(start, end + 1, '09:03'), text: 'Thank you, that is the answer I was looking for. Will the office be offline while the new route is connected?' },
    { by: OWEN, at: workday(start, end + 1, '09:40'), text: 'Hi Nadia,\n\nFor about an hour, between 08:00 and 09:00 on 2 December, before your office opens. I\'ll be on the phone to the Openreach team throughout and will email you as soon as it\'s done.' + sig(OWEN) },
    { by: BEN, at: workday(start, end + 1, '10:02'), text: 'I\'ll be on site from 7:45 that morning in case anything needs a reboot our end.' },
  );
  return define('long-thread', {
    id: 18356, subject: 'Leased line keeps dropping out – Kestrel Accountancy (BF-LL-40217)', status: 2, priority: 4, source: 1, type: 'Fault',
    requester: NADIA, responder: OWEN, group: G_TECH, tags: ['business', 'leased-line', 'repeat-fault', 'sla'],
  }, 15000055510000, says);
}

function internalNotes(): FreshdeskTicketData {
  return define('internal-notes', {
    id: 18360, subject: 'Complaint: 84-year-old customer without a landline for 9 days', status: 7, priority: 4, source: 1, type: 'Complaint',
    requester: SUSAN, responder: OWEN, group: G_COMPLAINTS, tags: ['vulnerable-customer', 'complaint', 'ofcom-risk', 'priority-repair'],
  }, 80055502000, [
    { by: SUSAN, at: '2026-11-16 19:22', text:
      'I am writing on behalf of my father, Arthur Reid (account BF-0923318), who is 84 and lives on his own.\n\nHis landline has not worked for nine days. He relies on it for his care alarm. I have called you four times, and twice been promised an engineer who never came. Nobody has called back once.\n\nIf this is not fixed by Friday I will take it to Ofcom and the ombudsman.\n\nSusan Reid' },
    { by: OWEN, at: '2026-11-17 08:20', as: 'note', text: 'Vulnerable customer, care alarm depends on the line. Adding the vulnerability flag and Priority Fault Repair. We have no third-party authority for Susan — fault repair is fine to discuss, billing is not until the form is back.' },
    { by: OWEN, at: '2026-11-17 08:45', text:
      'Dear Susan,\n\nThank you for writing, and I am very sorry. Your father should never have been left without a working line for this long, especially when his care alarm depends on it, and you should not have had to chase us four times.\n\nI have booked a priority repair for tomorrow morning, and I am sending him a mobile phone today with a SIM already set up, so he can call out and his care alarm provider can reach him in the meantime.\n\nSo that I can discuss his account and any compensation with you, could you ask your father to sign the attached authority form? The repair itself does not need it.' + sig(OWEN) },
    { by: CALLUM, at: '2026-11-17 09:05', as: 'note', text: 'Openreach job OR-55340 upgraded to SL3 with the vulnerable-customer flag. First appointment was a no-access because the flat number was missing from the job — our error. Second was cancelled by Openreach (no resource). Address corrected.' },
    { by: OWEN, at: '2026-11-17 09:30', as: 'note', text: 'First missed appointment was our error, so automatic compensation applies for the whole period. Megan, can you check it is applied? I also want £50 goodwill on top.' },
    { by: MEGAN, at: '2026-11-17 11:12', as: 'note', text: 'Automatic compensation applied: 9 days × £9.76 = £87.84. £50 goodwill added as account credit. Both will show on the December bill.' },
    // Susan wrote to Fatima directly; Fatima pasted it in as a note, and Freshdesk marks it incoming.
    { by: FATIMA, at: '2026-11-18 15:40', as: 'note', incoming: true, text: 'Forwarding an email Susan sent to my address directly:\n\n"Dad says a man from Openreach came this afternoon and his phone works again. Thank you for pushing it through. The mobile arrived too, which he was quite pleased with. I\'ll get the form signed at the weekend."' },
    { by: OWEN, at: '2026-11-18 16:05', text:
      'Dear Susan,\n\nI\'m glad to hear your father\'s line is working again, and thank you for letting us know.\n\nI have added him to our Priority Services Register, which means any future faults are repaired as a priority and we will always call him before any planned work. He can keep the mobile phone as a backup.\n\nOnce we have the signed form I can go through the compensation we have applied to his account with you.' + sig(OWEN) },
    { by: OWEN, at: '2026-11-18 16:12', as: 'note', text: 'Status Waiting on Customer for the third-party authority form. Complaint logged CMP-2026-3381; root cause: address data on the Openreach job. For QA (Daniel): strong recovery, but the first two contacts missed the vulnerability flag.' },
  ]);
}

function dataProtection(): FreshdeskTicketData {
  return define('data-protection', {
    id: 18363, subject: 'Subject access request and closing my account', status: 4, priority: 2, source: 2, type: 'Data Protection',
    requester: OLIVER, responder: FATIMA, group: G_PRIVACY, tags: ['gdpr', 'dsar', 'erasure'],
  }, 80055502400, [
    { by: OLIVER, at: '2026-11-10 18:30', text:
      'Hi,\n\nI would like a copy of all the personal data you hold about me (a subject access request), including any call recordings.\n\nMy contract ends on 30 November, and after that I would like my account closed and my data deleted.\n\nThanks,\nOliver Grant' },
    { by: FATIMA, at: '2026-11-11 09:15', as: 'note', text: 'DSAR logged DSR-BF-0287, due 10/12. Raised through the customer portal while logged in, so identity is already verified. Erasure only once the final bill is settled. Call recordings are kept 12 months: 3 found.' },
    { by: FATIMA, at: '2026-11-11 09:40', text:
      'Dear Oliver,\n\nThank you for your request. As you sent it while signed in to your Brightfibre account, we do not need any further proof of identity.\n\nWe will send your data, including three call recordings, within one month, through a secure download link. After your final bill is settled we will close your account and delete your personal data. We are required to keep billing records for six years, but they will be restricted and not used for anything else.' + sig(FATIMA) },
    { by: OLIVER, at: '2026-11-11 12:05', text: 'A secure link is fine. Will the deletion include my old email address from 2019, oliver.grant@hotmail.co.uk?' },
    { by: FATIMA, at: '2026-11-11 13:20', text: 'Dear Oliver,\n\nYes — that address is linked to your account and will be deleted along with everything else.' + sig(FATIMA) },
    { by: FATIMA, at: '2026-11-18 10:02', as: 'note', text: 'SAR pack uploaded to the secure portal (link expires in 14 days). Erasure scheduled for 1/12 after the final bill; billing-records retention flag set.' },
    { by: FATIMA, at: '2026-11-18 10:10', text: 'Dear Oliver,\n\nYour data is ready: you will receive a separate email with a secure download link, valid for 14 days. Your account will be closed and your personal data deleted on 1 December. If you have any questions about your data, you can also contact our Data Protection Officer at dpo@brightfibre.co.uk.' + sig(FATIMA) },
  ]);
}

function hostile(): FreshdeskTicketData {
  const text =
    'Refund <script>window.__pwned=1</script> now\n\n' +
    'See <a href="javascript:window.__pwned=1">my account</a> and <iframe src="javascript:window.__pwned=1"></iframe>\n\n' +
    'Emoji 😡📦 — RTL: مرحبا، أريد استرداد أموالي — עברית: שלום — CJK: 退款请求 / 返金してください';
  return define('hostile', {
    id: 18367, subject: 'Refund <script>window.__pwned=1</script>', status: 2, priority: 1, source: 2, type: null,
    requester: HOSTILE, responder: CALLUM, group: G_BILLING, tags: ['<b>tag</b>', 'refund'],
  }, 15000055520000, [
    { by: HOSTILE, at: '2026-11-24 03:02', text, html:
      '<div>Refund <script>window.__pwned=1</script> now</div><div><a href="javascript:window.__pwned=1">my account</a></div>' +
      '<iframe src="javascript:window.__pwned=1"></iframe><img src=x onerror="window.__pwned=1"><div dir="rtl">مرحبا، أريد استرداد أموالي</div><div>退款请求</div>' },
    { by: CALLUM, at: '2026-11-24 09:14', text: 'Hello,\n\nThanks for contacting Brightfibre. Could you let me know your account number (it starts with BF-) so I can look into a refund?' + sig(CALLUM) },
    { by: HOSTILE, at: '2026-11-24 09:30', text: '"><svg onload="window.__pwned=1"> {{constructor.constructor(\'window.__pwned=1\')()}}', html:
      '<div>"&gt;<svg onload="window.__pwned=1"></svg> {{constructor.constructor(\'window.__pwned=1\')()}}</div><style>body{display:none}</style>' },
    { by: CALLUM, at: '2026-11-24 09:41', as: 'note', text: 'Looks like an injection attempt, no matching account. Not clicking anything. Flagged to security.' },
  ]);
}

function thirdParty(): FreshdeskTicketData {
  return define('third-party', {
    id: 18370, subject: 'New line installation delayed – still no broadband after 3 weeks', status: 6, priority: 3, source: 1, type: 'Installation',
    requester: HARRIET, responder: null, group: G_TECH, tags: ['installation', 'openreach', 'civils'],
  }, 80055502800, [
    { by: HARRIET, at: '2026-11-18 17:45', text:
      'Hello,\n\nWe moved in on 2 November and were told our new line would be live on 16 November. Nobody came on the 16th and nobody has told us why. I work from home three days a week and I\'m currently using my phone as a hotspot.\n\nWhat is happening?\n\nHarriet Cole' },
    { by: MEGAN, at: '2026-11-19 09:12', text:
      'Dear Harriet,\n\nI\'m sorry you weren\'t told what was happening — you should have been. Openreach visited on 16 November but found that the underground duct outside your house is blocked, so a civil engineering team has to clear it before the line can be connected.\n\nThat part of the work is done by Openreach, not us, and we are waiting for them to give us a date. I will update you as soon as we have it.' + sig(MEGAN) },
    { by: MEGAN, at: '2026-11-19 09:20', as: 'note', text: 'Openreach order OR-61022: "duct blockage, civils required", completion date TBC. Status set to Waiting on Third Party. Chase Openreach daily.' },
    { by: HARRIET, at: '2026-11-19 12:31', text: 'Thanks for explaining. Is there any way to get internet in the meantime? My phone data won\'t last the month.' },
    // A public note: visible to the customer, but not sent as a reply.
    { by: OWEN, at: '2026-11-19 15:05', as: 'public-note', text: 'Update for Harriet: we have sent a 4G router free of charge to use until your line is live (DPD tracking 15501882730). Openreach have booked the civils team for 27 November.' },
    { by: HARRIET, at: '2026-11-20 11:48', text: 'The router arrived this morning and works well, thank you. Fingers crossed for the 27th.' },
  ]);
}

// ---------------------------------------------------------------------------------------------

/** Status labels: 2–5 are Freshdesk's own, 6+ exist only in this account's ticket_fields. */
export const FRESHDESK_STATUS_CHOICES: Record<string, [string, string]> = {
  '2': ['Open', 'Being Processed'],
  '3': ['Pending', 'Awaiting your Reply'],
  '4': ['Resolved', 'This ticket has been Resolved'],
  '5': ['Closed', 'This ticket has been Closed'],
  '6': ['Waiting on Third Party', 'Being Processed'],
  '7': ['Waiting on Customer', 'Awaiting your Reply'],
};

function ticketFields(groups: FreshdeskGroup[], agents: FreshdeskAgent[]): Record<string, unknown>[] {
  const base = { default: true, required_for_closure: false, required_for_agents: false, required_for_customers: false, customers_can_edit: false, created_at: CREATED, updated_at: CREATED };
  return [
    { ...base, id: 80000300001, name: 'requester', label: 'Search a requester', label_for_customers: 'Requester', position: 1, type: 'default_requester', customers_can_edit: true },
    { ...base, id: 80000300002, name: 'subject', label: 'Subject', label_for_customers: 'Subject', position: 2, type: 'default_subject', customers_can_edit: true },
    { ...base, id: 80000300003, name: 'ticket_type', label: 'Type', label_for_customers: 'Type', position: 3, type: 'default_ticket_type', choices: ['Billing', 'Technical', 'Fault', 'Installation', 'Complaint', 'Data Protection'] },
    { ...base, id: 80000300004, name: 'source', label: 'Source', label_for_customers: 'Source', position: 4, type: 'default_source', choices: { Email: 1, Portal: 2, Phone: 3, Forum: 4, Twitter: 5, Facebook: 6, Chat: 7, MobiHelp: 8, 'Feedback Widget': 9, 'Outbound Email': 10, Ecommerce: 11, Bot: 12, WhatsApp: 13 } },
    { ...base, id: 80000300005, name: 'status', label: 'Status', label_for_customers: 'Status', position: 5, type: 'default_status', required_for_closure: true, choices: FRESHDESK_STATUS_CHOICES },
    { ...base, id: 80000300006, name: 'priority', label: 'Priority', label_for_customers: 'Priority', position: 6, type: 'default_priority', choices: { Low: 1, Medium: 2, High: 3, Urgent: 4 } },
    { ...base, id: 80000300007, name: 'group', label: 'Group', label_for_customers: 'Group', position: 7, type: 'default_group', choices: Object.fromEntries(groups.map((g) => [g.name, g.id])) },
    { ...base, id: 80000300008, name: 'agent', label: 'Agent', label_for_customers: 'Agent', position: 8, type: 'default_agent', choices: Object.fromEntries(agents.map((a) => [a.contact.name, a.id])) },
    { ...base, id: 80000300009, name: 'description', label: 'Description', label_for_customers: 'Description', position: 9, type: 'default_description', customers_can_edit: true },
    { ...base, id: 80000300010, default: false, name: 'cf_account_number', label: 'Account number', label_for_customers: 'Account number', position: 10, type: 'custom_text' },
  ];
}

/** A fresh, mutable copy of the demo account. */
export function createFreshdeskDemoData(): FreshdeskDataset {
  const clone = <T>(x: T): T => structuredClone(x);
  const agents = [DANIEL, MEGAN, CALLUM, FATIMA, OWEN].map(clone);
  const groups = GROUPS.map(clone);
  return {
    accountName: 'Brightfibre',
    me: clone(DANIEL),
    agents,
    contacts: [GRAHAM, ELLIE, MALCOLM, JORDAN, NADIA, BEN, SUSAN, OLIVER, HOSTILE, HARRIET].map(clone),
    groups,
    ticketFields: ticketFields(groups, agents),
    tickets: [emailComplaint(), chat(), phone(), messaging(), longThread(), internalNotes(), dataProtection(), hostile(), thirdParty()],
  };
}

export function findFreshdeskTicket(data: FreshdeskDataset, id: string | number): FreshdeskTicketData | undefined {
  return data.tickets.find((t) => String(t.ticket.id) === String(id));
}

/** Adds (or replaces) a ticket, merging the contacts and agents it brings along. */
export function addFreshdeskTicket(data: FreshdeskDataset, t: FreshdeskTicketData): void {
  for (const c of t.contacts ?? []) if (!data.contacts.some((x) => x.id === c.id)) data.contacts.push(c);
  for (const a of t.agents ?? []) if (!data.agents.some((x) => x.id === a.id)) data.agents.push(a);
  data.tickets = data.tickets.filter((x) => x.ticket.id !== t.ticket.id);
  data.tickets.push(t);
}

const BIG_CONTACT = contact(15000077700001, 'Marcus Lindqvist', 'marcus@northgate-logistics.co.uk', { company_id: 80000770099 });
const BIG_AGENT = agent(15000077700002, 'Hannah Cole', 'hannah.cole@brightfibre.co.uk', 'Business Support Advisor', [G_TECH]);

/** A ticket with `conversations` conversations (plus the description), for performance tests. */
export function makeLargeFreshdeskTicket(id: string, conversations: number): FreshdeskTicketData {
  const endMs = Date.parse('2026-11-24T17:00:00Z');
  const says: Say[] = [];
  for (let i = 0; i <= conversations; i++) {
    const when = new Date(endMs - (conversations + 1 - i) * 7 * 60000).toISOString();
    const at = `${when.slice(0, 10)} ${when.slice(11, 16)}`;
    const r = i % 3;
    if (i === 0) says.push({ by: BIG_CONTACT, at, text: 'Our site-to-site VPN over the Brightfibre line keeps renegotiating. Logs attached.' });
    else if (r === 1) says.push({ by: BIG_AGENT, at, text: `Update ${i}: checked the tunnel counters, ${100 + ((i * 37) % 900)} rekeys in the last hour.` });
    else if (r === 2 && i % 6 === 2) says.push({ by: BIG_AGENT, at, as: 'note', text: `Internal: NOC ticket NOC-${5000 + i} linked.` });
    else says.push({ by: BIG_CONTACT, at, text: `Seen another renegotiation at ${at.slice(11)}. Message ${i}.` });
  }
  const t = define('large', {
    id: Number(id), subject: `VPN renegotiation – ${conversations} updates`, status: 2, priority: 3, source: 1, type: 'Fault',
    requester: BIG_CONTACT, responder: BIG_AGENT, group: G_TECH, tags: ['large-thread'],
  }, 15000099000000 + (Number(id) % 1000) * 100000, says);
  return { ...t, contacts: [BIG_CONTACT], agents: [BIG_AGENT] };
}
