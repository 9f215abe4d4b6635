// The weekly sample as a plan: from the week's listed tickets to the drawn items with per-agent
// counts, and the saved record (`qa-sample/1`). Pure: the listing, the tickets already reviewed
// and the time come in as arguments. The draw itself is contract §8's (sampling.ts), so the same
// tickets, options and seed always give the same sample.
import { z } from '../zod';
import type { ListedAgent, ListedTicket } from '../helpdesk/listing';
import { drawSample, drawStratifiedSample, drawWeightedSample, uniqueTickets } from './sampling';

export const SAMPLE_MODES = ['uniform', 'channels', 'risk'] as const;
export type SampleMode = (typeof SAMPLE_MODES)[number];

export const sampleItemSchema = z.object({
  ticketId: z.string(),
  agentId: z.string(),
  channel: z.string(),
  subject: z.string(),
  url: z.string(),
  /** risk-weighted mode: the ticket's weight and why */
  weight: z.number().optional(),
  reasons: z.array(z.string()).optional(),
});
export type SampleItem = z.infer<typeof sampleItemSchema>;

export const sampleAgentSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** solved/closed tickets of the week the agent could be sampled from (already reviewed ones left out) */
  eligible: z.number().int().min(0),
  drawn: z.number().int().min(0),
});
export type SampleAgent = z.infer<typeof sampleAgentSchema>;

/** A saved sample: everything needed to show it again, and to draw it again the same. */
export const sampleRecordSchema = z.object({
  format: z.literal('qa-sample/1'),
  helpdesk: z.enum(['zendesk', 'freshdesk']),
  instance: z.string().min(1),
  weekId: z.string().regex(/^\d{4}-W\d{2}$/),
  /** epoch ms: Monday 00:00 and the next Monday 00:00 in `timeZone` */
  weekStart: z.number(),
  weekEnd: z.number(),
  timeZone: z.string(),
  seed: z.string(),
  perAgent: z.number().int().min(1),
  mode: z.enum(SAMPLE_MODES),
  /** the agents chosen; null = every assignee */
  agentIds: z.array(z.string()).nullable(),
  createdAt: z.string(),
  /** solved and closed tickets found in the week (every assignee) */
  found: z.number().int().min(0),
  /** of those, left out because they were already reviewed */
  excluded: z.number().int().min(0),
  /** left out because nobody was assigned */
  unassigned: z.number().int().min(0),
  /** 429 answers met while listing (each waited out) */
  rateLimited: z.number().int().min(0),
  agents: z.array(sampleAgentSchema),
  items: z.array(sampleItemSchema),
});
export type SampleRecord = z.infer<typeof sampleRecordSchema>;

export interface PlanInput {
  tickets: readonly ListedTicket[];
  /** the helpdesk's agents, for names */
  agents: readonly ListedAgent[];
  /** the agents to sample; null = every assignee */
  agentIds: readonly string[] | null;
  perAgent: number;
  seed: string;
  mode: SampleMode;
  /** ticket ids never to draw (already reviewed) */
  exclude: ReadonlySet<string>;
  ticketUrl: (id: string) => string;
}

export interface Plan {
  items: SampleItem[];
  agents: SampleAgent[];
  found: number;
  excluded: number;
  unassigned: number;
}

const byName = (a: SampleAgent, b: SampleAgent) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planSample(input: PlanInput): Plan {
  // Each ticket once, whichever listing of it wins in drawSample (contract §8: order never matters).
  const solved = uniqueTickets(input.tickets.filter((t) => t.status !== 'other'));
  const chosen = input.agentIds === null ? null : new Set(input.agentIds);
  const candidates = solved.filter((t) => t.assigneeId !== null && (chosen === null || chosen.has(t.assigneeId)));
  const options = { perAgent: input.perAgent, seed: input.seed, exclude: input.exclude };
  const byId = new Map(candidates.map((t) => [t.id, t]));

  const weighted = new Map<string, { weight: number; reasons: string[] }>();
  let ids: string[];
  if (input.mode === 'risk') {
    const draws = drawWeightedSample(
      candidates.map((t) => ({ id: t.id, assigneeId: t.assigneeId, channel: t.channel, risk: t.risk })),
      options,
    );
    for (const d of draws) weighted.set(d.id, { weight: d.weight, reasons: d.reasons });
    ids = draws.map((d) => d.id);
  } else {
    const draw = input.mode === 'channels' ? drawStratifiedSample : drawSample;
    ids = draw(candidates.map((t) => ({ id: t.id, assigneeId: t.assigneeId, channel: t.channel })), options);
  }

  const items: SampleItem[] = ids.map((id) => {
    const t = byId.get(id)!;
    const w = weighted.get(id);
    return { ticketId: id, agentId: t.assigneeId!, channel: t.channel, subject: t.subject, url: input.ticketUrl(id), ...(w ? { weight: w.weight, reasons: w.reasons } : {}) };
  });

  const names = new Map(input.agents.map((a) => [a.id, a.name]));
  const rows = new Map<string, SampleAgent>();
  const row = (id: string) => rows.get(id) ?? (rows.set(id, { id, name: names.get(id) ?? `Agent ${id}`, eligible: 0, drawn: 0 }), rows.get(id)!);
  for (const id of input.agentIds ?? []) row(id);
  // `solved` holds each ticket once (uniqueTickets), so plain counts are counts of tickets.
  for (const t of candidates) {
    const r = row(t.assigneeId!);
    if (!input.exclude.has(t.id)) r.eligible += 1;
  }
  for (const item of items) row(item.agentId).drawn += 1;

  return {
    items,
    agents: [...rows.values()].sort(byName),
    found: solved.length,
    excluded: solved.filter((t) => input.exclude.has(t.id)).length,
    unassigned: solved.filter((t) => t.assigneeId === null).length,
  };
}

export interface AgentCoverage {
  /** the helpdesk's agent id, as reviews name the reviewee */
  agentId: string;
  /** as the sample recorded it */
  name: string;
  planned: number;
  done: number;
}

/**
 * How far the review plan got: per agent, the tickets the samples drew and how many of them have a
 * submitted review (`reviewed(sample)` gives the ids of the sample's instance that do). Agents in
 * name order of the samples; `agentId` limits it to one.
 */
export function planCoverage(samples: readonly SampleRecord[], reviewed: (sample: SampleRecord) => ReadonlySet<string>, agentId?: string): AgentCoverage[] {
  const rows = new Map<string, AgentCoverage>();
  for (const sample of samples) {
    const done = reviewed(sample);
    const order = new Map(sample.agents.map((a, i) => [a.id, i]));
    const names = new Map(sample.agents.map((a) => [a.id, a.name]));
    const items = [...sample.items].sort((a, b) => (order.get(a.agentId) ?? Infinity) - (order.get(b.agentId) ?? Infinity));
    for (const item of items) {
      const id = item.agentId;
      if (agentId !== undefined && id !== agentId) continue;
      const row = rows.get(id) ?? (rows.set(id, { agentId: id, name: names.get(id) ?? `Agent ${id}`, planned: 0, done: 0 }), rows.get(id)!);
      row.planned += 1;
      if (done.has(item.ticketId)) row.done += 1;
    }
  }
  return [...rows.values()];
}
