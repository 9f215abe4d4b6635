// Weeks of solved and closed tickets for the weekly sample: each demo account gets three weeks
// (2026-W46 to W48, Monday 9 to Sunday 29 November) of short conversations across four agents,
// with the risk signals the risk-weighted draw looks for — reopened tickets, bad CSAT (Zendesk),
// slow first replies and long threads — plus, each week, one unassigned solved ticket and one
// still open (neither may be drawn). Deterministic: the same data on every call.
import { isoSeconds } from './shared';
import { addZendeskTicket, define as defineZendesk, type Say as ZendeskSay, type ZendeskDataset, type ZendeskTicketData, type ZendeskUser } from './zendesk-data';
import { addFreshdeskTicket, contact, define as defineFreshdesk, type FreshdeskAgent, type FreshdeskContact, type FreshdeskDataset, type Say as FreshdeskSay } from './freshdesk-data';

export const HISTORY_WEEKS = [
  { id: '2026-W46', monday: '2026-11-09' },
  { id: '2026-W47', monday: '2026-11-16' },
  { id: '2026-W48', monday: '2026-11-23' },
] as const;

/** Tickets per agent and week (rotated by week, so every agent has a busy week and a quiet one). */
const PER_AGENT = [7, 5, 6, 4];

const FIRST = ['Alice', 'Bilal', 'Carys', 'Dev', 'Erin', 'Femi', 'Grace', 'Hamza', 'Isla', 'Jack', 'Kezia', 'Liam', 'Maya', 'Noah', 'Orla', 'Priti'];
const LAST = ['Ashworth', 'Bennett', 'Chowdhury', 'Doyle', 'Edwards', 'Fraser', 'Gill', 'Hartley', 'Iqbal', 'Jones', 'Kaur', 'Lewis', 'Murphy', 'Nash'];

interface Topic {
  subject: (n: number) => string;
  ask: (n: number) => string;
  answer: string;
}

const TOPICS: Topic[] = [
  { subject: (n) => `Where is my order LC-${210400 + n}?`, ask: (n) => `My order LC-${210400 + n} was due yesterday and the tracking has not moved. Can you check?`, answer: 'I have checked with the courier: your parcel is at the local depot and goes out for delivery tomorrow before 1 pm.' },
  { subject: () => 'Wrong colour cushion covers delivered', ask: () => 'I ordered sage green cushion covers and received mustard ones. How do I swap them?', answer: 'Sorry about the mix-up. I have booked a free collection and the sage covers are on their way today.' },
  { subject: () => 'Discount code not applying at checkout', ask: () => 'The WINTER15 code says it is not valid on the sofa I want. Is it excluded?', answer: 'The code excludes made-to-order sofas, but I have applied an equivalent 15% to your basket as a one-off.' },
  { subject: (n) => `Invoice needed for order LC-${211900 + n}`, ask: () => 'Could you send a VAT invoice for my order? Our accounts team needs it.', answer: 'Attached is the VAT invoice. You can also download invoices any time from your account page.' },
  { subject: () => 'Table arrived with a scratch on the top', ask: () => 'The oak dining table arrived today with a long scratch across the top. Photos attached.', answer: 'I am sorry it arrived damaged. A replacement top is booked for Thursday, and the fitter will take the damaged one away.' },
  { subject: () => 'Change delivery day', ask: () => 'Can I move my delivery from Tuesday to Friday? I am away early in the week.', answer: 'Done: your delivery is now booked for Friday, between 8 am and 12 pm.' },
  { subject: () => 'Refund for returned lamp', ask: () => 'I returned the Arlo floor lamp two weeks ago and have not had my refund yet.', answer: 'Your return was received on Monday and the refund of £89.00 was issued today; allow 3–5 working days.' },
  { subject: () => 'Assembly instructions missing', ask: () => 'The wardrobe came without the assembly instructions. Is there a PDF?', answer: 'Here is the link to the assembly guide for your wardrobe, and a printed copy is in the post.' },
];

const CHANNELS_ZENDESK = ['email', 'web', 'chat', 'email', 'native_messaging'];
/** Freshdesk ticket sources: 1 Email, 2 Portal, 7 Chat, 13 WhatsApp, 3 Phone. */
const SOURCES_FRESHDESK = [1, 2, 7, 1, 13, 3];

/** One conversation of the history: who, when (UTC), what — as plain facts both helpdesks render. */
interface Plan {
  n: number;
  week: number;
  agent: number;
  index: number;
  /** the customer's first message, 'YYYY-MM-DD HH:MM' UTC */
  start: Date;
  topic: Topic;
  reopened: boolean;
  slowFirstReply: boolean;
  longThread: boolean;
  badCsat: boolean;
  goodCsat: boolean;
  closed: boolean;
}

const at = (d: Date) => isoSeconds(d).slice(0, 16).replace('T', ' ');
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60000);

function plans(): Plan[] {
  const out: Plan[] = [];
  let n = 0;
  HISTORY_WEEKS.forEach((week, w) => {
    for (let agent = 0; agent < 4; agent++) {
      const count = PER_AGENT[(agent + w) % 4]!;
      for (let index = 0; index < count; index++, n++) {
        const day = (index + agent) % 5;
        const start = new Date(`${week.monday}T00:00:00Z`);
        start.setUTCDate(start.getUTCDate() + day);
        start.setUTCHours(8 + ((index * 3 + agent) % 8), (index * 17 + agent * 7) % 60);
        out.push({
          n, week: w, agent, index, start,
          topic: TOPICS[(n * 5 + agent) % TOPICS.length]!,
          reopened: n % 7 === 3,
          slowFirstReply: n % 5 === 2,
          longThread: n % 9 === 5,
          badCsat: n % 6 === 1,
          goodCsat: n % 6 === 4,
          closed: n % 3 === 0,
        });
      }
    }
  });
  return out;
}

/** The conversation as lines: customer, agent reply, then thanks (or a long back-and-forth). */
function lines(p: Plan): { customer: boolean; at: Date; text: string }[] {
  const firstReply = plus(p.start, p.slowFirstReply ? 600 + (p.n % 3) * 60 : 25 + (p.n % 4) * 15);
  const out = [
    { customer: true, at: p.start, text: p.topic.ask(p.n) },
    { customer: false, at: firstReply, text: p.topic.answer },
  ];
  let t = firstReply;
  if (p.longThread) {
    for (let k = 0; k < 10; k++) {
      t = plus(t, 35 + k * 4);
      out.push(k % 2 === 0 ? { customer: true, at: t, text: `One more question (${k / 2 + 1}): can you confirm the details again?` } : { customer: false, at: t, text: 'Yes, confirmed — everything is as in my last message.' });
    }
  }
  if (p.reopened) {
    t = plus(t, 240);
    out.push({ customer: true, at: t, text: 'Sorry, this is not sorted after all — the problem is back.' });
    t = plus(t, 45);
    out.push({ customer: false, at: t, text: 'Thanks for telling us. I have fixed the remaining part now.' });
  }
  out.push({ customer: true, at: plus(t, 120), text: p.badCsat ? 'That took far too long, but fine.' : 'Thank you, that is all I needed.' });
  return out;
}

function person(p: Plan, base: number): { id: number; name: string; email: string } {
  const name = `${FIRST[p.n % FIRST.length]} ${LAST[(p.n * 7) % LAST.length]}`;
  return { id: base + p.n, name, email: `${name.toLowerCase().replace(' ', '.')}${p.n}@example.co.uk` };
}

// --- Zendesk -----------------------------------------------------------------------------------

const ZENDESK_AGENT_EMAILS = ['tom.fletcher@larkspur.co.uk', 'aisha.okafor@larkspur.co.uk', 'gareth.evans@larkspur.co.uk', 'siobhan.kelly@larkspur.co.uk'];
export const ZENDESK_HISTORY_FIRST_ID = 49001;

/** Adds the three weeks of history to a Zendesk dataset (its four agents must be there). */
export function addZendeskHistory(data: ZendeskDataset): ZendeskDataset {
  const agents = ZENDESK_AGENT_EMAILS.map((email) => {
    const u = data.users.find((x) => x.email === email);
    if (!u) throw new Error(`history: no Zendesk agent ${email}`);
    return u;
  });
  const group = data.groups[0]?.id ?? null;
  const ticket = (p: Plan, id: number, assignee: ZendeskUser | null, status: 'solved' | 'closed' | 'open'): ZendeskTicketData => {
    const who = person(p, 383000000000);
    const requester: ZendeskUser = { id: who.id, name: who.name, email: who.email, role: 'end-user', locale: 'en-gb', created_at: '2025-01-06T09:00:00Z' };
    const agent = assignee ?? agents[0]!;
    const channel = CHANNELS_ZENDESK[(p.index + p.agent + p.week) % CHANNELS_ZENDESK.length]!;
    const says: ZendeskSay[] = lines(p).map((l) => ({ by: l.customer ? requester : agent, at: at(l.at), text: l.customer ? l.text : `${l.text}\n\n${agent.name}` }));
    const satisfaction = p.badCsat ? { id: 500000 + p.n, score: 'bad' as const, comment: 'Too slow.' } : p.goodCsat ? { id: 500000 + p.n, score: 'good' as const } : { score: 'offered' as const };
    const t = defineZendesk('history', {
      id, subject: p.topic.subject(p.n), channel, status, priority: 'normal', type: 'question', requester, assignee, group, tags: ['history'],
      satisfaction: status === 'open' ? null : satisfaction,
    }, 38600000000 + p.n * 1000000, says, { users: [requester], ...(p.reopened ? { metrics: { reopens: 1 + (p.n % 2) } } : {}) });
    return t;
  };
  let extra = 0;
  for (const p of plans()) {
    addZendeskTicket(data, ticket(p, ZENDESK_HISTORY_FIRST_ID + p.n, agents[p.agent]!, p.closed ? 'closed' : 'solved'));
    // Once a week: an unassigned solved ticket and an open one, which the sample never draws.
    if (p.agent === 0 && p.index === 0) {
      addZendeskTicket(data, ticket({ ...p, n: p.n + 900 }, ZENDESK_HISTORY_FIRST_ID + 900 + extra++, null, 'solved'));
      addZendeskTicket(data, ticket({ ...p, n: p.n + 950 }, ZENDESK_HISTORY_FIRST_ID + 900 + extra++, agents[p.agent]!, 'open'));
    }
  }
  return data;
}

// --- Freshdesk ---------------------------------------------------------------------------------

const FRESHDESK_AGENT_EMAILS = ['megan.lloyd@brightfibre.co.uk', 'callum.reid@brightfibre.co.uk', 'fatima.begum@brightfibre.co.uk', 'owen.price@brightfibre.co.uk'];
export const FRESHDESK_HISTORY_FIRST_ID = 19001;

/** Adds the three weeks of history to a Freshdesk dataset (its four agents must be there). */
export function addFreshdeskHistory(data: FreshdeskDataset): FreshdeskDataset {
  const agents = FRESHDESK_AGENT_EMAILS.map((email) => {
    const a = data.agents.find((x) => x.contact.email === email);
    if (!a) throw new Error(`history: no Freshdesk agent ${email}`);
    return a;
  });
  const group = data.groups[0]?.id ?? null;
  const ticket = (p: Plan, id: number, responder: FreshdeskAgent | null, status: 2 | 4 | 5) => {
    const who = person(p, 80099000000);
    const requester: FreshdeskContact = contact(who.id, who.name, who.email);
    const agent = responder ?? agents[0]!;
    const says: FreshdeskSay[] = lines(p).map((l) => ({ by: l.customer ? requester : agent, at: at(l.at), text: l.customer ? l.text : `${l.text}\n\n${agent.contact.name}` }));
    const t = defineFreshdesk('history', {
      id, subject: p.topic.subject(p.n), status, priority: 2, source: SOURCES_FRESHDESK[(p.index + p.agent + p.week) % SOURCES_FRESHDESK.length]!, type: 'Question',
      requester, responder, group, tags: ['history'],
    }, 80098000000 + p.n * 100, says);
    // The stats say when it was reopened (the conversation shows the customer coming back).
    if (p.reopened && status !== 2) t.stats.reopened_at = t.conversations.at(-3)?.created_at ?? null;
    return { ...t, contacts: [requester] };
  };
  let extra = 0;
  for (const p of plans()) {
    addFreshdeskTicket(data, ticket(p, FRESHDESK_HISTORY_FIRST_ID + p.n, agents[p.agent]!, p.closed ? 5 : 4));
    if (p.agent === 0 && p.index === 0) {
      addFreshdeskTicket(data, ticket({ ...p, n: p.n + 900 }, FRESHDESK_HISTORY_FIRST_ID + 900 + extra++, null, 4));
      addFreshdeskTicket(data, ticket({ ...p, n: p.n + 950 }, FRESHDESK_HISTORY_FIRST_ID + 900 + extra++, agents[p.agent]!, 2));
    }
  }
  return data;
}
