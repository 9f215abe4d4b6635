// The weekly sample (contract §8): which tickets each agent gets reviewed. Fair — uniform without
// replacement per agent — and reproducible: the draw depends only on the set of tickets, the
// options and the seed, never on the order the helpdesk listed them in, so anyone can redraw the
// same sample from the same week and seed. The PRNG is seedrandom's Alea, seeded per agent, so
// adding one agent's tickets never changes another agent's draw.
import seedrandom from 'seedrandom';

export interface SampleCandidate {
  id: string;
  assigneeId: string | null;
  channel?: string;
}

export interface SampleOptions {
  perAgent: number;
  seed: string;
  exclude?: Iterable<string>;
}

type Random = () => number;

const rngFor = (seed: string, agentId: string, stratum = ''): Random => seedrandom.alea(`${seed}\u0000${agentId}\u0000${stratum}`);

/** Code-unit order: the same everywhere, unlike locale comparison. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each ticket id once, in id order. A ticket listed twice (a listing split across pages while it
 * changed hands) keeps the same listing whatever order the helpdesk gave: the lowest assignee id,
 * then channel.
 */
export function uniqueTickets<T extends SampleCandidate>(tickets: readonly T[]): T[] {
  const canonical = [...tickets].sort(
    (a, b) => byCodeUnit(a.id, b.id) || byCodeUnit(a.assigneeId ?? '', b.assigneeId ?? '') || byCodeUnit(a.channel ?? '', b.channel ?? ''),
  );
  return canonical.filter((t, i) => i === 0 || canonical[i - 1]!.id !== t.id);
}

/** Eligible tickets by assignee, each list in a canonical order (ids deduplicated). */
function byAssignee<T extends SampleCandidate>(tickets: readonly T[], exclude: Iterable<string> | undefined): Map<string, T[]> {
  const excluded = new Set(exclude ?? []);
  const groups = new Map<string, T[]>();
  for (const t of uniqueTickets(tickets)) {
    if (t.assigneeId === null || t.assigneeId === undefined || excluded.has(t.id)) continue;
    const group = groups.get(t.assigneeId) ?? [];
    group.push(t);
    groups.set(t.assigneeId, group);
  }
  for (const group of groups.values()) group.sort((a, b) => byCodeUnit(a.id, b.id));
  return new Map([...groups.entries()].sort(([a], [b]) => byCodeUnit(a, b)));
}

/** `k` items uniformly without replacement (a partial Fisher–Yates shuffle). */
function pick<T>(items: readonly T[], k: number, random: Random): T[] {
  const pool = [...items];
  const n = Math.min(Math.max(0, Math.floor(k)), pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** Contract §8. Ids grouped by assignee (in id order of the assignees), each group in draw order. */
export function drawSample(tickets: SampleCandidate[], options: SampleOptions): string[] {
  const out: string[] = [];
  for (const [agentId, group] of byAssignee(tickets, options.exclude)) {
    out.push(...pick(group, options.perAgent, rngFor(options.seed, agentId)).map((t) => t.id));
  }
  return out;
}

/**
 * With channel strata, an agent's `perAgent` tickets are shared out over the channels they
 * worked in proportion to their volume (largest remainder), then drawn uniformly in each channel:
 * a week of mostly email with some chat still gets its chat looked at.
 */
export function drawStratifiedSample(tickets: SampleCandidate[], options: SampleOptions): string[] {
  const out: string[] = [];
  for (const [agentId, group] of byAssignee(tickets, options.exclude)) {
    const strata = new Map<string, SampleCandidate[]>();
    for (const t of group) {
      const key = t.channel ?? 'other';
      strata.set(key, [...(strata.get(key) ?? []), t]);
    }
    const quotas = shareOut(Math.min(options.perAgent, group.length), [...strata.entries()].sort(([a], [b]) => byCodeUnit(a, b)));
    for (const [channel, members, quota] of quotas) out.push(...pick(members, quota, rngFor(options.seed, agentId, channel)).map((t) => t.id));
  }
  return out;
}

function shareOut(total: number, strata: [string, SampleCandidate[]][]): [string, SampleCandidate[], number][] {
  const size = strata.reduce((n, [, m]) => n + m.length, 0);
  if (!size) return [];
  const exact = strata.map(([, m]) => (total * m.length) / size);
  const quotas = exact.map(Math.floor);
  let left = total - quotas.reduce((a, b) => a + b, 0);
  // Largest remainder first; ties by channel name, so the share is reproducible.
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || byCodeUnit(strata[a.i]![0], strata[b.i]![0]));
  for (const { i } of order) {
    if (left <= 0) break;
    if (quotas[i]! < strata[i]![1].length) {
      quotas[i]! += 1;
      left -= 1;
    }
  }
  return strata.map(([channel, members], i) => [channel, members, quotas[i]!]);
}

/** Why a ticket weighs more in a risk-weighted draw. */
export interface RiskFactors {
  reopens?: number | null;
  /** CSAT as the helpdesk gives it: 'bad' / 'good', or a 1..5 score */
  csat?: 'good' | 'bad' | number | null;
  firstReplyMinutes?: number | null;
  messageCount?: number | null;
}

export interface RiskCandidate extends SampleCandidate {
  risk?: RiskFactors;
}

export interface WeightedDraw {
  id: string;
  assigneeId: string;
  weight: number;
  reasons: string[];
}

/** The weights, in one place so the page can explain them. */
export const RISK_WEIGHTS = {
  reopened: 3,
  lowCsat: 4,
  slowFirstReply: 2,
  longThread: 2,
  /** first reply slower than this many minutes counts as slow */
  slowFirstReplyMinutes: 8 * 60,
  /** a thread with more messages than this counts as long */
  longThreadMessages: 10,
} as const;

export function riskWeight(risk: RiskFactors | undefined): { weight: number; reasons: string[] } {
  let weight = 1;
  const reasons: string[] = [];
  if (!risk) return { weight, reasons };
  if ((risk.reopens ?? 0) > 0) {
    weight *= RISK_WEIGHTS.reopened;
    reasons.push(`reopened ${risk.reopens}×`);
  }
  const csat = risk.csat;
  if (csat === 'bad' || (typeof csat === 'number' && csat <= 2)) {
    weight *= RISK_WEIGHTS.lowCsat;
    reasons.push('low CSAT');
  }
  if ((risk.firstReplyMinutes ?? 0) > RISK_WEIGHTS.slowFirstReplyMinutes) {
    weight *= RISK_WEIGHTS.slowFirstReply;
    reasons.push(`first reply after ${Math.round(risk.firstReplyMinutes! / 60)} h`);
  }
  if ((risk.messageCount ?? 0) > RISK_WEIGHTS.longThreadMessages) {
    weight *= RISK_WEIGHTS.longThread;
    reasons.push(`${risk.messageCount} messages`);
  }
  return { weight, reasons };
}

/**
 * Risk-weighted draw without replacement (Efraimidis–Spirakis: each ticket gets the key
 * u^(1/w) from the seeded PRNG and the largest keys win), so a reopened, low-CSAT ticket is
 * likelier to be drawn but every ticket keeps a chance. Reproducible like drawSample.
 */
export function drawWeightedSample(tickets: RiskCandidate[], options: SampleOptions): WeightedDraw[] {
  const out: WeightedDraw[] = [];
  for (const [agentId, group] of byAssignee(tickets, options.exclude)) {
    const random = rngFor(options.seed, agentId, 'weighted');
    const keyed = group.map((t) => {
      const { weight, reasons } = riskWeight(t.risk);
      return { id: t.id, weight, reasons, key: Math.log(random()) / weight };
    });
    keyed.sort((a, b) => b.key - a.key || byCodeUnit(a.id, b.id));
    for (const k of keyed.slice(0, Math.max(0, Math.floor(options.perAgent)))) out.push({ id: k.id, assigneeId: agentId, weight: k.weight, reasons: k.reasons });
  }
  return out;
}

/**
 * Tickets per agent needed to tell a score gap apart: n = ((z₁₋α/₂ + z₁₋β) · σ / δ)² against a
 * target (two agents compared: twice that each), with σ the spread of review scores in points and
 * δ the gap. 95 % confidence and 80 % power by default.
 */
export function ticketsNeeded(options: { sd: number; gap: number; twoAgents?: boolean; zAlpha?: number; zBeta?: number }): number {
  const { sd, gap } = options;
  if (!(gap > 0) || !(sd >= 0)) return Number.POSITIVE_INFINITY;
  const z = (options.zAlpha ?? 1.959964) + (options.zBeta ?? 0.841621);
  const n = ((z * sd) / gap) ** 2 * (options.twoAgents ? 2 : 1);
  return Math.max(1, Math.ceil(n));
}
