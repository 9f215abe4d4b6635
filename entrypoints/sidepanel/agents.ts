// Who may be reviewed on a ticket, and how agents are named in the panel when scoring is blind.
// Pure: the panel's components call these with the ticket they show.
import type { Message, Person, Ticket } from '@/lib/helpdesk/types';

/**
 * The agents a review can be about: the assignee first (the default reviewee), then everyone who
 * wrote an agent message — replies and internal notes — in the order they first wrote.
 */
export function revieweeCandidates(ticket: Pick<Ticket, 'assignee' | 'messages'>): Person[] {
  const seen = new Set<string>();
  const out: Person[] = [];
  const add = (p: Person) => {
    if (seen.has(p.id)) return;
    seen.add(p.id);
    out.push({ id: p.id, name: p.name });
  };
  if (ticket.assignee) add(ticket.assignee);
  for (const m of ticket.messages) if (m.role === 'agent') add(m.author);
  return out;
}

/**
 * Names that stand in for agents while scoring is blind: "Agent" when one agent took part,
 * "Agent 1", "Agent 2"… (assignee first) when several did, so the reviewer can still tell their
 * turns apart without knowing who they are.
 */
export function blindAliases(ticket: Pick<Ticket, 'assignee' | 'messages'>): Map<string, string> {
  const agents = revieweeCandidates(ticket);
  return new Map(agents.map((a, i) => [a.id, agents.length === 1 ? 'Agent' : `Agent ${i + 1}`]));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces agents' full names in a message's text (signatures, "@Name" mentions) with their blind
 * alias. Only whole names are replaced: a first name alone is too often an ordinary word.
 */
export function nameMasker(agents: readonly Person[], aliases: ReadonlyMap<string, string>): (text: string) => string {
  const byName = new Map<string, string>();
  for (const a of agents) {
    const name = a.name.trim();
    // Very short names would match inside ordinary words.
    if (name.length >= 3 && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), aliases.get(a.id) ?? 'Agent');
  }
  if (byName.size === 0) return (text) => text;
  // Longest first, so "Tom Fletcher-Jones" wins over "Tom Fletcher".
  const names = [...byName.keys()].sort((x, y) => y.length - x.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(re, (m) => byName.get(m.toLowerCase()) ?? 'Agent');
}

/** How a message's author is shown: agents under their alias while blind, everyone else as named. */
export function authorLabel(message: Pick<Message, 'author' | 'role'>, aliases: ReadonlyMap<string, string> | null): string {
  if (!aliases || message.role !== 'agent') return message.author.name;
  return aliases.get(message.author.id) ?? 'Agent';
}
