// Which rubric the panel opens a ticket with, and why (shown next to the rubric picker).
//
// `appliesTo` is a restriction, not a hint: a rubric that lists channels is only for those
// channels, and one that lists tags only for tickets carrying at least one of them (both lists
// given: both must hold). Auto-selection therefore never opens a ticket with a rubric written
// for other tickets — scoring an e-mail complaint against a chat rubric is worse than asking the
// reviewer to choose. The reviewer can still pick any rubric by hand.
import type { Channel } from '../helpdesk/types';
import type { Rubric } from './schema';

export interface TicketFacts {
  channel: Channel;
  tags: readonly string[];
}

/** How a rubric's `appliesTo` relates to a ticket. */
export type Fit =
  | { kind: 'match'; channel: Channel | null; tags: string[] }
  | { kind: 'general' }
  | { kind: 'elsewhere' };

export type RubricChoice =
  | { rubric: Rubric; reason: 'match'; channel: Channel | null; tags: string[]; label: string }
  | { rubric: Rubric; reason: 'default' | 'general'; label: string }
  | { rubric: null; reason: 'none'; label: string };

export interface SelectOptions {
  /** rubric id → when the reviewer last used it (ISO-8601); breaks ties between equal fits */
  lastUsed?: Readonly<Record<string, string>>;
  /**
   * Ids of the rubrics shipped with the extension, in order of preference. On an otherwise equal
   * fit a team's own rubric wins over a shipped template (it was added on purpose), and templates
   * follow this order (so the general support rubric comes before other general ones).
   */
  builtInIds?: readonly string[];
}

// Helpdesks differ in tag case (Zendesk lowercases, Freshdesk keeps what the agent typed).
const normaliseTag = (tag: string) => tag.trim().toLowerCase();

export function fitOf(rubric: Pick<Rubric, 'appliesTo'>, ticket: TicketFacts): Fit {
  const channels = rubric.appliesTo?.channels ?? [];
  const tags = (rubric.appliesTo?.tags ?? []).map(normaliseTag).filter((tag) => tag !== '');
  if (!channels.length && !tags.length) return { kind: 'general' };
  if (channels.length && !channels.includes(ticket.channel)) return { kind: 'elsewhere' };
  const ticketTags = new Set(ticket.tags.map(normaliseTag));
  const matchedTags = [...new Set(tags.filter((tag) => ticketTags.has(tag)))];
  if (tags.length && !matchedTags.length) return { kind: 'elsewhere' };
  return { kind: 'match', channel: channels.length ? ticket.channel : null, tags: matchedTags };
}

/**
 * The rubric for a ticket:
 * 1. the best-fitting rubric whose `appliesTo` matches — channel and tag > tag only > channel
 *    only, then the one listing fewer channels; on a tie the most recently used, then a team's
 *    own over a template;
 * 2. else the default rubric from Options, if it does not apply elsewhere;
 * 3. else a general rubric (no `appliesTo`), by the same tie-breaks;
 * 4. else none: the reviewer must choose.
 */
export function selectRubric(
  rubrics: readonly Rubric[],
  ticket: TicketFacts,
  defaultRubricId: string | null,
  options: SelectOptions = {},
): RubricChoice {
  const fits = rubrics.map((rubric) => ({ rubric, fit: fitOf(rubric, ticket) }));

  const matches = fits.flatMap(({ rubric, fit }) => (fit.kind === 'match' ? [{ rubric, fit }] : []));
  if (matches.length) {
    const best = matches.reduce((a, b) => (compareMatches(b, a, options) < 0 ? b : a));
    return { rubric: best.rubric, reason: 'match', channel: best.fit.channel, tags: best.fit.tags, label: matchLabel(best.fit) };
  }

  const general = fits.filter(({ fit }) => fit.kind === 'general').map(({ rubric }) => rubric);
  const preferred = general.find((rubric) => rubric.id === defaultRubricId);
  if (preferred) return { rubric: preferred, reason: 'default', label: 'your default rubric' };
  if (general.length) {
    const best = general.reduce((a, b) => (compareTies(b, a, options) < 0 ? b : a));
    return { rubric: best, reason: 'general', label: 'general rubric' };
  }
  return { rubric: null, reason: 'none', label: 'no rubric applies to this ticket — choose one' };
}

/** The rubric `selectRubric` chooses, or null when the reviewer has to choose. */
export function pickRubric(
  rubrics: readonly Rubric[],
  ticket: TicketFacts,
  defaultRubricId: string | null,
  options: SelectOptions = {},
): Rubric | null {
  return selectRubric(rubrics, ticket, defaultRubricId, options).rubric;
}

// ---------------------------------------------------------------------------------------------

type Match = { rubric: Rubric; fit: Extract<Fit, { kind: 'match' }> };

/** Negative when `a` should be chosen over `b`. */
function compareMatches(a: Match, b: Match, options: SelectOptions): number {
  return specificity(b) - specificity(a) || listedChannels(a.rubric) - listedChannels(b.rubric) || compareTies(a.rubric, b.rubric, options);
}

// A tag says what the ticket is about (a complaint is a complaint in any channel), so a tag match
// is more specific than a channel match; both together are the most specific.
function specificity(match: Match): number {
  return (match.fit.tags.length ? 2 : 0) + (match.fit.channel ? 1 : 0);
}

function listedChannels(rubric: Rubric): number {
  return rubric.appliesTo?.channels?.length ?? 0;
}

function compareTies(a: Rubric, b: Rubric, options: SelectOptions): number {
  return (
    lastUsedAt(b, options) - lastUsedAt(a, options) ||
    builtInRank(a, options) - builtInRank(b, options) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function lastUsedAt(rubric: Rubric, options: SelectOptions): number {
  const at = options.lastUsed && Object.hasOwn(options.lastUsed, rubric.id) ? Date.parse(options.lastUsed[rubric.id]!) : NaN;
  return Number.isNaN(at) ? -Infinity : at;
}

// Own rubrics rank 0, templates 1 + their position.
function builtInRank(rubric: Rubric, options: SelectOptions): number {
  const index = options.builtInIds?.indexOf(rubric.id) ?? -1;
  return index === -1 ? 0 : 1 + index;
}

function matchLabel(fit: Extract<Fit, { kind: 'match' }>): string {
  const parts: string[] = [];
  if (fit.channel) parts.push(fit.channel);
  if (fit.tags.length) parts.push(`${fit.tags.length === 1 ? 'tag' : 'tags'} ${fit.tags.join(', ')}`);
  return `picked for: ${parts.join(', ')}`;
}
