// Which rubric fits a ticket: the one whose appliesTo matches most specifically, else the
// user's default, else the first in the library.
import type { Channel } from '../helpdesk/types';
import type { Rubric } from './schema';

export function pickRubric(
  rubrics: readonly Rubric[],
  ticket: { channel: Channel; tags: readonly string[] },
  defaultRubricId: string | null,
): Rubric | null {
  let best: { rubric: Rubric; fit: number } | null = null;
  for (const rubric of rubrics) {
    const applies = rubric.appliesTo;
    if (!applies) continue;
    const channels = applies.channels ?? [];
    const tags = applies.tags ?? [];
    if (channels.length && !channels.includes(ticket.channel)) continue;
    if (tags.length && !tags.some((t) => ticket.tags.includes(t))) continue;
    if (!channels.length && !tags.length) continue;
    // A tag match is more specific than a channel match.
    const fit = (tags.length ? 2 : 0) + (channels.length ? 1 : 0);
    if (!best || fit > best.fit) best = { rubric, fit };
  }
  if (best) return best.rubric;
  return rubrics.find((r) => r.id === defaultRubricId) ?? rubrics[0] ?? null;
}
