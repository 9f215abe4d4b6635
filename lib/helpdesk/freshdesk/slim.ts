// What the content script sends of a Freshdesk ticket: only what parse.ts reads. A conversation
// carries its text twice (body_text and the HTML body) plus addresses and attachments, and agents
// from `/api/v2/agents` carry signatures, roles and groups. Pure and zod-free: it runs in the
// helpdesk page.
//
// Kept: `body_text` when it has text, else `body` (the parser reads the HTML only then), so
// `Message.html` is absent wherever a plain text exists: nothing renders it, and it would double
// what travels to the panel. Texts are cut to the budget of text-budget.ts and the records cut are
// flagged, so the parser marks those messages truncated.

import { cutRawTexts, detached, hasVisibleText, isPlainRecord, pick, TRUNCATED_FLAG, type RawText } from '../text-budget';

const CONVERSATION_KEYS = ['id', 'incoming', 'private', 'source', 'user_id', 'from_email', 'support_email', 'created_at', TRUNCATED_FLAG];
const PERSON_KEYS = ['id', 'name', 'email'];

/** The text pair of a conversation (`body_text`, `body`) or a ticket (`description_text`, `description`). */
function keepText(raw: Record<string, unknown>, out: Record<string, unknown>, textKey: string, htmlKey: string, alwaysShown: boolean): void {
  const text = raw[textKey];
  if (typeof text === 'string' && text !== '') {
    out[textKey] = text;
    // The description is left out when it has no text at all and no HTML, so the HTML must stay
    // wherever the plain text might read as empty (blank, or entities such as `&nbsp;`).
    if (alwaysShown || (hasVisibleText(text) && !text.includes('&'))) return;
  } else if (text !== undefined) out[textKey] = text;
  if (raw[htmlKey] !== undefined) out[htmlKey] = raw[htmlKey];
}

/** A conversation with only what the parser reads: one text field, author, flags, time. */
export function slimFreshdeskConversation(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  const out = pick(raw, CONVERSATION_KEYS);
  // Every conversation is a message whatever its text: the HTML is never read beside body_text.
  keepText(raw, out, 'body_text', 'body', true);
  return out;
}

/** An agent record (`{ agent }`-wrapped or flat) as the flat fields the parser reads. */
export function slimFreshdeskAgent(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  const inner = isPlainRecord(raw.agent) ? raw.agent : raw;
  const out = pick(inner, PERSON_KEYS);
  if (isPlainRecord(inner.contact)) out.contact = pick(inner.contact, ['name', 'email']);
  return out;
}

function slimTicket(raw: Record<string, unknown>): Record<string, unknown> {
  // One record's worth of fields: they go as they are, but the description only once.
  const { description_text: _text, description: _html, ...out } = raw;
  keepText(raw, out, 'description_text', 'description', false);
  return out;
}

/** The `/api/_/` body (`{ ticket }`) or the `/api/v2` ticket, with what the parser reads. */
export function slimFreshdeskTicketBody(raw: unknown): unknown {
  if (!isPlainRecord(raw)) return raw;
  // The parser's own test for the wrapped shape.
  if (isPlainRecord(raw.ticket) && raw.id === undefined) return { ticket: slimTicket(raw.ticket) };
  return slimTicket(raw);
}

/**
 * The raw bodies fetchFreshdeskTicket collected, reduced to what the parser reads and cut to the
 * text budget. Idempotent: the content script slims each page as it arrives, then the whole.
 */
export function slimFreshdeskRaw(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw, ticket: slimFreshdeskTicketBody(raw.ticket) };
  const conversations = Array.isArray(raw.conversations) ? raw.conversations.map(slimFreshdeskConversation) : null;
  if (conversations) out.conversations = conversations;
  if (Array.isArray(raw.agents)) out.agents = raw.agents.map(slimFreshdeskAgent);

  const ticketBody = out.ticket;
  const ticket = isPlainRecord(ticketBody) && isPlainRecord(ticketBody.ticket) && ticketBody.id === undefined ? ticketBody.ticket : ticketBody;
  const texts: RawText[] = [];
  if (isPlainRecord(ticket)) texts.push({ record: ticket, paths: [['description_text'], ['description']] });
  for (const c of conversations ?? []) if (isPlainRecord(c)) texts.push({ record: c, paths: [['body_text'], ['body']] });
  return cutRawTexts(texts) ? detached(out) : out;
}
