// A team's review history made up for the dashboard: the README screenshot, the end-to-end test
// and the 100 000-review bench. Deterministic (its own small PRNG), scored with the real scoring
// rules against the built-in rubric, so every record is one the extension could have written.
import fs from 'node:fs';
import type { StoredReview } from '../../lib/db/schema';
import type { ReviewAnswer } from '../../lib/review/record';
import { parseRubric } from '../../lib/rubric/schema';
import { scoreReview } from '../../lib/rubric/scoring';

// Read as a file: Playwright's loader will not import JSON modules without an import attribute.
const BUILT_IN = parseRubric(JSON.parse(fs.readFileSync(new URL('../../lib/rubric/templates/default-support.json', import.meta.url), 'utf8')));

// Nobody of the demo helpdesk, so their reviews never mix with the demo's own.
const AGENTS = ['Nadia Brooks', 'Owen Hughes', 'Leah Morgan', 'Ravi Patel', 'Marek Nowak', 'Ines Duarte', 'Lena Vogel', 'Omar Haddad'];
const REVIEWERS = ['Priya Shah', 'Dan Okafor', 'Mia Laurent', 'Kenji Sato'];
const CHANNELS = ['email', 'chat', 'messaging', 'phone'] as const;

/** mulberry32: small, fast and good enough for made-up data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TeamHistoryOptions {
  count: number;
  /** the newest review is submitted just before this instant (epoch ms) */
  endMs: number;
  /** reviews are spread evenly over this many days before `endMs` */
  days: number;
  agents?: number;
  reviewers?: number;
  seed?: number;
  /** where the copies came from; default: the team store */
  origin?: StoredReview['origin'];
  idPrefix?: string;
}

/** Each agent's skill drifts over the weeks, so the trend chart has something to show. */
export function teamHistory(options: TeamHistoryOptions): StoredReview[] {
  const random = prng(options.seed ?? 7);
  const rubric = BUILT_IN;
  const agents = AGENTS.slice(0, options.agents ?? 6);
  const reviewers = REVIEWERS.slice(0, options.reviewers ?? 3);
  const skill = agents.map((_, i) => 0.55 + 0.35 * ((i * 37) % 10) / 10);
  const span = options.days * 86_400_000;
  const rows: StoredReview[] = [];
  for (let n = 0; n < options.count; n++) {
    const agent = Math.floor(random() * agents.length);
    const at = options.endMs - span + Math.floor(((n + random()) / options.count) * span);
    const progress = (at - (options.endMs - span)) / span;
    const level = Math.min(0.98, skill[agent]! + (agent % 2 === 0 ? 0.12 : -0.08) * progress);
    const values: Record<string, number | 'na' | undefined> = {};
    const answers: ReviewAnswer[] = [];
    for (const c of rubric.criteria) {
      const scale = c.scale.type === 'binary' ? [0, 1] : c.scale.levels.map((l) => l.value);
      const roll = random();
      const value = c.critical ? (roll < 0.015 ? 0 : 1) : scale[Math.min(scale.length - 1, Math.floor((level + (roll - 0.5) * 0.6) * scale.length))] ?? scale[0]!;
      values[c.id] = c.allowNa && roll > 0.97 ? 'na' : value;
    }
    const result = scoreReview(rubric, values);
    for (const c of rubric.criteria) {
      const v = values[c.id]!;
      answers.push({ criterionId: c.id, value: v === 'na' ? null : v, na: v === 'na', score: result.criteria[c.id] ?? null });
    }
    const ticketId = String(200_000 + n);
    const reviewer = reviewers[Math.floor(random() * reviewers.length)]!;
    const agentName = agents[agent]!;
    const iso = new Date(at).toISOString();
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
    rows.push({
      format: 'qa-review/1',
      id: `${options.idPrefix ?? 'team'}-${n}`,
      revision: 1,
      kind: random() < 0.08 ? 'self' : 'review',
      status: 'submitted',
      helpdesk: 'zendesk',
      instance: 'acme.zendesk.com',
      ticketId,
      ticketUrl: `https://acme.zendesk.com/agent/tickets/${ticketId}`,
      channel,
      subject: `Order ${70_000 + n}: ${['late delivery', 'refund request', 'damaged item', 'address change', 'discount code'][n % 5]}`,
      reviewee: { id: `zendesk:${100 + agent}`, name: agentName },
      reviewer: { id: `zendesk:${900 + REVIEWERS.indexOf(reviewer)}`, name: reviewer },
      rubric: { id: rubric.id, version: rubric.version },
      score: result.score,
      autoFailed: result.autoFailed,
      answers,
      createdAt: iso,
      updatedAt: iso,
      submittedAt: iso,
      ticketKey: `zendesk:acme.zendesk.com:${ticketId}`,
      reviewerId: `zendesk:${900 + REVIEWERS.indexOf(reviewer)}`,
      rubricId: rubric.id,
      origin: options.origin ?? 'pulled',
    });
  }
  return rows;
}

/** A `qa-backup/1` file holding only these reviews, for Options → Restore (merge). */
export function backupWith(reviews: StoredReview[], schemaVersion: number, createdAt: string): string {
  return JSON.stringify({ format: 'qa-backup/1', schemaVersion, createdAt, tables: { reviews, rubrics: [], settings: [], outbox: [] } });
}
