// Roll-ups of submitted reviews: what the dashboard's figures are made of, so it never reads the
// reviews themselves. One cell per local day and combination of the dimensions a filter can pick
// (agent, reviewer, rubric version, channel, kind, origin) holds sums, never averages, so a
// review's contribution can be added and taken away again exactly: averages are sums / counts.
//
// What counts (contract §12): per review id, its latest submitted revision; drafts never count,
// and a new submitted revision replaces the older one's contribution. A revision without a
// readable `submittedAt` lies on no day and counts nowhere.
//
// Stored compactly (see `encodeCells`): a day's cells are one Float64Array, and the strings they
// refer to (dimensions, criterion ids) sit once in a dictionary. Reading twelve weeks is then
// 84 typed arrays, which the browser copies in one piece each, instead of thousands of objects.
import type { ReviewRecord } from '../review/record';
import { mondayOf, weeksBetween } from './days';

/** A stored review as far as roll-ups care: the record and where it came from. */
export type RollupSource = Pick<ReviewRecord, 'id' | 'revision' | 'status' | 'kind' | 'channel' | 'reviewee' | 'reviewer' | 'rubric' | 'score' | 'autoFailed' | 'answers' | 'submittedAt'> & {
  origin: string;
};

export interface RollupDims {
  agentId: string;
  agentName: string;
  reviewerId: string;
  reviewerName: string;
  rubricId: string;
  rubricVersion: number;
  channel: string;
  kind: string;
  origin: string;
}

/** Score distribution buckets: 0–10, 10–20, …, 90–100 (100 in the last). */
export const DISTRIBUTION_BUCKETS = 10;

export interface CriterionSum {
  /** sum of criterion scores, each 0..1 */
  sum: number;
  /** how many answers were scored (N/A and unanswered are left out) */
  n: number;
}

export interface RollupStats {
  /** reviews counted (their latest submitted revision) */
  reviews: number;
  /** of those, reviews with a score (a review with nothing answered has none) */
  scored: number;
  /** sum of scores as a double-double (hi + lo): adding and taking away stays exact */
  scoreSum: number;
  scoreSumLo: number;
  autoFailed: number;
  distribution: number[];
  /** by criterion index in the dictionary */
  criteria: Map<number, CriterionSum>;
}

/** What one counted revision adds to its cell. */
export interface Contribution {
  day: string;
  dims: string;
  score: number | null;
  autoFailed: boolean;
  criteria: [criterionId: string, score: number][];
}

const DIM_ORDER = ['agentId', 'agentName', 'reviewerId', 'reviewerName', 'rubricId', 'rubricVersion', 'channel', 'kind', 'origin'] as const;

export function dimsKey(d: RollupDims): string {
  return JSON.stringify(DIM_ORDER.map((k) => d[k]));
}

export function parseDimsKey(key: string): RollupDims {
  const v = JSON.parse(key) as [string, string, string, string, string, number, string, string, string];
  return { agentId: v[0], agentName: v[1], reviewerId: v[2], reviewerName: v[3], rubricId: v[4], rubricVersion: v[5], channel: v[6], kind: v[7], origin: v[8] };
}

export function dimsOf(review: RollupSource): RollupDims {
  return {
    agentId: review.reviewee?.id ?? '',
    agentName: review.reviewee?.name ?? '',
    reviewerId: review.reviewer.id,
    reviewerName: review.reviewer.name,
    rubricId: review.rubric.id,
    rubricVersion: review.rubric.version,
    channel: review.channel,
    kind: review.kind,
    origin: review.origin,
  };
}

/** Whether `candidate` is what counts for its review id rather than `current` (the latest submitted revision). */
export function countsOver(candidate: Pick<RollupSource, 'status' | 'revision'>, current: Pick<RollupSource, 'revision'> | undefined): boolean {
  return candidate.status === 'submitted' && (!current || candidate.revision > current.revision);
}

/** The cell and amounts a counted revision adds; null when it lies on no day. */
export function contributionOf(review: RollupSource, dayOf: (iso: string) => string | null): Contribution | null {
  if (review.status !== 'submitted' || review.submittedAt === undefined) return null;
  const day = dayOf(review.submittedAt);
  if (day === null) return null;
  const criteria: [string, number][] = [];
  for (const a of review.answers) if (!a.na && a.score !== null && Number.isFinite(a.score)) criteria.push([a.criterionId, a.score]);
  const score = review.score !== null && Number.isFinite(review.score) ? review.score : null;
  return { day, dims: dimsKey(dimsOf(review)), score, autoFailed: review.autoFailed, criteria };
}

export function sameContribution(a: Contribution | null, b: Contribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function emptyStats(): RollupStats {
  return { reviews: 0, scored: 0, scoreSum: 0, scoreSumLo: 0, autoFailed: 0, distribution: new Array<number>(DISTRIBUTION_BUCKETS).fill(0), criteria: new Map() };
}

/** hi + lo + x as a double-double: the rounding error of each addition is kept in `lo`. */
export function addExact(hi: number, lo: number, x: number): [number, number] {
  const s = hi + x;
  const bb = s - hi;
  const err = hi - (s - bb) + (x - bb);
  const low = lo + err;
  const high = s + low;
  return [high, low - (high - s)];
}

export function distributionBucket(score: number): number {
  return Math.min(DISTRIBUTION_BUCKETS - 1, Math.max(0, Math.floor(score / (100 / DISTRIBUTION_BUCKETS))));
}

/** Adds (`sign` 1) or takes away (-1) a contribution; criterion ids become dictionary indexes. */
export function applyContribution(stats: RollupStats, c: Contribution, sign: 1 | -1, criterionIndex: (id: string) => number): void {
  stats.reviews += sign;
  if (c.autoFailed) stats.autoFailed += sign;
  if (c.score !== null) {
    stats.scored += sign;
    [stats.scoreSum, stats.scoreSumLo] = addExact(stats.scoreSum, stats.scoreSumLo, sign * c.score);
    stats.distribution[distributionBucket(c.score)]! += sign;
  }
  for (const [id, score] of c.criteria) {
    const index = criterionIndex(id);
    const sum = stats.criteria.get(index) ?? { sum: 0, n: 0 };
    sum.sum += sign * score;
    sum.n += sign;
    if (sum.n === 0) stats.criteria.delete(index);
    else stats.criteria.set(index, sum);
  }
  // A cell back at zero reviews is exactly empty: no rounding dust left in its sums.
  if (stats.scored === 0) [stats.scoreSum, stats.scoreSumLo] = [0, 0];
}

/** Strings that cells refer to by index: appended to, never reordered (a rebuild starts afresh). */
export class RollupDictionary {
  private readonly dimIndexes: Map<string, number>;
  private readonly criterionIndexes: Map<string, number>;
  changed = false;

  constructor(
    readonly dims: string[] = [],
    readonly criteria: string[] = [],
  ) {
    this.dimIndexes = new Map(dims.map((d, i) => [d, i]));
    this.criterionIndexes = new Map(criteria.map((c, i) => [c, i]));
  }

  dimIndex(key: string): number {
    return this.indexIn(this.dimIndexes, this.dims, key);
  }

  criterionIndex(id: string): number {
    return this.indexIn(this.criterionIndexes, this.criteria, id);
  }

  private indexIn(indexes: Map<string, number>, list: string[], value: string): number {
    let index = indexes.get(value);
    if (index === undefined) {
      index = list.push(value) - 1;
      indexes.set(value, index);
      this.changed = true;
    }
    return index;
  }
}

// One cell in the Float64Array: [dim, reviews, scored, sumHi, sumLo, autoFailed, distribution × 10,
// k, (criterion, sum, n) × k].
const HEAD = 6 + DISTRIBUTION_BUCKETS + 1;

/** A day's cells (by dimension index) as one typed array, cells in dimension order. */
export function encodeCells(cells: Map<number, RollupStats>): Float64Array {
  const order = [...cells.keys()].sort((a, b) => a - b);
  let length = 0;
  for (const dim of order) length += HEAD + 3 * cells.get(dim)!.criteria.size;
  const out = new Float64Array(length);
  let at = 0;
  for (const dim of order) {
    const s = cells.get(dim)!;
    out.set([dim, s.reviews, s.scored, s.scoreSum, s.scoreSumLo, s.autoFailed, ...s.distribution, s.criteria.size], at);
    at += HEAD;
    for (const index of [...s.criteria.keys()].sort((a, b) => a - b)) {
      const c = s.criteria.get(index)!;
      out.set([index, c.sum, c.n], at);
      at += 3;
    }
  }
  return out;
}

export function decodeCells(data: Float64Array): Map<number, RollupStats> {
  const cells = new Map<number, RollupStats>();
  let at = 0;
  while (at < data.length) {
    const criteria = new Map<number, CriterionSum>();
    const k = data[at + HEAD - 1]!;
    for (let j = 0; j < k; j++) {
      const p = at + HEAD + 3 * j;
      criteria.set(data[p]!, { sum: data[p + 1]!, n: data[p + 2]! });
    }
    cells.set(data[at]!, {
      reviews: data[at + 1]!,
      scored: data[at + 2]!,
      scoreSum: data[at + 3]!,
      scoreSumLo: data[at + 4]!,
      autoFailed: data[at + 5]!,
      distribution: Array.from(data.subarray(at + 6, at + 6 + DISTRIBUTION_BUCKETS)),
      criteria,
    });
    at += HEAD + 3 * k;
  }
  return cells;
}

/** Builds every day's cells from scratch out of each review id's counted revision. */
export function aggregate(counted: Iterable<Contribution>, dictionary: RollupDictionary): Map<string, Map<number, RollupStats>> {
  const days = new Map<string, Map<number, RollupStats>>();
  const criterionIndex = (id: string) => dictionary.criterionIndex(id);
  for (const c of counted) {
    let cells = days.get(c.day);
    if (!cells) days.set(c.day, (cells = new Map()));
    const dim = dictionary.dimIndex(c.dims);
    let stats = cells.get(dim);
    if (!stats) cells.set(dim, (stats = emptyStats()));
    applyContribution(stats, c, 1, criterionIndex);
  }
  return days;
}

// ---------------------------------------------------------------------------------------------
// The dashboard's figures from the cells of a date range.

export interface DashboardFilter {
  agentId?: string;
  reviewerId?: string;
  rubricId?: string;
  rubricVersion?: number;
  channel?: string;
  kind?: string;
  /** only reviews by the reviewers who wrote reviews in this browser (see `myReviewers`) */
  mine?: boolean;
}

export interface DayCells {
  day: string;
  cells: Map<number, RollupStats>;
}

export interface Figures {
  reviews: number;
  scored: number;
  /** mean score, unrounded; null when no review has a score */
  average: number | null;
  autoFailed: number;
}

export interface NamedFigures extends Figures {
  id: string;
  name: string;
}

export interface DashboardSummary {
  totals: Figures;
  /** one per reviewee, by name */
  agents: NamedFigures[];
  /** the Monday of each week in the range */
  weeks: string[];
  /** each agent's average per week (aligned with `weeks`), and the team's */
  trend: { agentId: string; averages: (number | null)[] }[];
  teamTrend: (number | null)[];
  /** criterion × agent: the mean criterion score (0..100) of each agent */
  heat: { rubricId: string; criterionId: string; cells: { agentId: string; n: number; average: number }[] }[];
  distribution: number[];
  /** what the filter's lists offer: everything present in the range, whatever else is picked */
  options: {
    agents: { id: string; name: string }[];
    reviewers: { id: string; name: string }[];
    rubrics: { id: string; version: number }[];
    channels: string[];
    kinds: string[];
  };
  /** the reviewer ids "My reviews" stands for in this range */
  mine: string[];
}

class Accumulator {
  reviews = 0;
  scored = 0;
  hi = 0;
  lo = 0;
  autoFailed = 0;

  add(s: RollupStats) {
    this.reviews += s.reviews;
    this.scored += s.scored;
    this.autoFailed += s.autoFailed;
    [this.hi, this.lo] = addExact(this.hi, this.lo, s.scoreSum);
    [this.hi, this.lo] = addExact(this.hi, this.lo, s.scoreSumLo);
  }

  get average(): number | null {
    return this.scored === 0 ? null : (this.hi + this.lo) / this.scored;
  }

  figures(): Figures {
    return { reviews: this.reviews, scored: this.scored, average: this.average, autoFailed: this.autoFailed };
  }
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The reviewers who wrote reviews in this browser (origin local) within these cells: "me". */
export function myReviewers(days: DayCells[], dictionary: RollupDictionary): Set<string> {
  const mine = new Set<string>();
  const dims = dimsLookup(dictionary);
  for (const { cells } of days) for (const dim of cells.keys()) if (dims(dim).origin === 'local') mine.add(dims(dim).reviewerId);
  return mine;
}

function dimsLookup(dictionary: RollupDictionary): (index: number) => RollupDims {
  const parsed = new Map<number, RollupDims>();
  return (index) => {
    let d = parsed.get(index);
    if (!d) parsed.set(index, (d = parseDimsKey(dictionary.dims[index]!)));
    return d;
  };
}

/** A predicate on dimensions for a filter; `mine` is the reviewer set "My reviews" stands for. */
export function matcher(filter: DashboardFilter, mine: ReadonlySet<string>): (d: RollupDims) => boolean {
  return (d) =>
    (filter.agentId === undefined || d.agentId === filter.agentId) &&
    (filter.reviewerId === undefined || d.reviewerId === filter.reviewerId) &&
    (filter.rubricId === undefined || d.rubricId === filter.rubricId) &&
    (filter.rubricVersion === undefined || d.rubricVersion === filter.rubricVersion) &&
    (filter.channel === undefined || d.channel === filter.channel) &&
    (filter.kind === undefined || d.kind === filter.kind) &&
    (!filter.mine || mine.has(d.reviewerId));
}

/** The figures of `days` (already limited to the date range `from`..`to`) under `filter`. */
export function summarize(days: DayCells[], dictionary: RollupDictionary, filter: DashboardFilter, range: { from: string; to: string }): DashboardSummary {
  const dims = dimsLookup(dictionary);
  const mine = myReviewers(days, dictionary);
  const matches = matcher(filter, mine);
  const weeks = weeksBetween(range.from, range.to);
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));

  const totals = new Accumulator();
  const agents = new Map<string, { name: string; acc: Accumulator; weeks: Accumulator[] }>();
  const team = weeks.map(() => new Accumulator());
  const heat = new Map<string, Map<string, CriterionSum>>();
  const distribution = new Array<number>(DISTRIBUTION_BUCKETS).fill(0);
  const options = { agents: new Map<string, string>(), reviewers: new Map<string, string>(), rubrics: new Map<string, { id: string; version: number }>(), channels: new Set<string>(), kinds: new Set<string>() };

  // Oldest day first, so the names kept are each person's latest.
  for (const { day, cells } of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const week = weekIndex.get(mondayOf(day));
    for (const [dim, stats] of cells) {
      const d = dims(dim);
      options.agents.set(d.agentId, d.agentName);
      options.reviewers.set(d.reviewerId, d.reviewerName);
      options.rubrics.set(`${d.rubricId}\u0000${d.rubricVersion}`, { id: d.rubricId, version: d.rubricVersion });
      options.channels.add(d.channel);
      options.kinds.add(d.kind);
      if (!matches(d)) continue;

      totals.add(stats);
      let agent = agents.get(d.agentId);
      if (!agent) agents.set(d.agentId, (agent = { name: d.agentName, acc: new Accumulator(), weeks: weeks.map(() => new Accumulator()) }));
      agent.name = d.agentName;
      agent.acc.add(stats);
      if (week !== undefined) {
        agent.weeks[week]!.add(stats);
        team[week]!.add(stats);
      }
      stats.distribution.forEach((n, i) => (distribution[i]! += n));
      for (const [index, c] of stats.criteria) {
        const criterion = JSON.stringify([d.rubricId, dictionary.criteria[index]]);
        let row = heat.get(criterion);
        if (!row) heat.set(criterion, (row = new Map()));
        const cell = row.get(d.agentId) ?? { sum: 0, n: 0 };
        cell.sum += c.sum;
        cell.n += c.n;
        row.set(d.agentId, cell);
      }
    }
  }

  const agentList = [...agents].map(([id, a]) => ({ id, name: a.name, ...a.acc.figures() })).sort(byName);
  return {
    totals: totals.figures(),
    agents: agentList,
    weeks,
    trend: agentList.map(({ id }) => ({ agentId: id, averages: agents.get(id)!.weeks.map((w) => w.average) })),
    teamTrend: team.map((w) => w.average),
    heat: [...heat]
      .map(([key, row]) => {
        const [rubricId, criterionId] = JSON.parse(key) as [string, string];
        return { rubricId, criterionId, cells: [...row].map(([agentId, c]) => ({ agentId, n: c.n, average: (100 * c.sum) / c.n })) };
      })
      .sort((a, b) => a.rubricId.localeCompare(b.rubricId) || a.criterionId.localeCompare(b.criterionId)),
    distribution,
    options: {
      agents: [...options.agents].map(([id, name]) => ({ id, name })).sort(byName),
      reviewers: [...options.reviewers].map(([id, name]) => ({ id, name })).sort(byName),
      rubrics: [...options.rubrics.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version),
      channels: [...options.channels].sort(),
      kinds: [...options.kinds].sort(),
    },
    mine: [...mine].sort(),
  };
}
