// Which reviews a lead is looking at (contract §11, §12): the dashboard's filters, shared by its
// figures and its exports. A review counts once, at its latest submitted revision, and only when
// that revision matches the filter: a review revised next week is next week's, not both weeks'.
// With `allRevisions`, every submitted revision that matches counts on its own (exports only).
// Drafts never count.
import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { z } from '../zod';
import { DAY, isTimeZone } from './days';
import { channelSchema } from '../helpdesk/ticket-schema';
import { reviewKindSchema, type ReviewRecord } from '../review/record';

/** A calendar day, YYYY-MM-DD, read in the filter's time zone. */
const daySchema = z.string().regex(DAY, 'a day as YYYY-MM-DD');

export const reviewFilterSchema = z.object({
  /** first day, inclusive, on `submittedAt`; null: from the beginning */
  from: daySchema.nullable().default(null),
  /** last day, inclusive; null: up to now */
  to: daySchema.nullable().default(null),
  /** the IANA time zone the days are read in, normally the user's */
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/London'),
  /** reviewees (`reviewee.id`); empty: everyone */
  agentIds: z.array(z.string()).default([]),
  /** reviewers (`reviewer.id`); empty: everyone */
  reviewerIds: z.array(z.string()).default([]),
  /** rubric ids, any version; empty: every rubric */
  rubricIds: z.array(z.string()).default([]),
  /** rubric versions (with one rubric id: the dashboard's "rubric, version n"); empty: any */
  rubricVersions: z.array(z.number().int()).default([]),
  channels: z.array(channelSchema).default([]),
  kinds: z.array(reviewKindSchema).default([]),
  /** every submitted revision instead of the latest submitted one of each review */
  allRevisions: z.boolean().default(false),
});

/** The filter as pages build it: lists and days may be left out. */
export type ReviewFilterInput = z.input<typeof reviewFilterSchema>;
export type ReviewFilter = z.output<typeof reviewFilterSchema>;

/** The filter ready to test records against: days as instants, lists as sets (null: no limit). */
export interface CompiledFilter {
  /** first instant, epoch ms, inclusive */
  fromMs: number | null;
  /** first instant after the last day, epoch ms, exclusive */
  toMs: number | null;
  agents: ReadonlySet<string> | null;
  reviewers: ReadonlySet<string> | null;
  rubrics: ReadonlySet<string> | null;
  rubricVersions: ReadonlySet<number> | null;
  channels: ReadonlySet<string> | null;
  kinds: ReadonlySet<string> | null;
  allRevisions: boolean;
}

/** Local midnight starting `day` in `timeZone`, epoch ms (the zone's own rules, DST included). */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): number {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  const midnight = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 0, 0, 0, timeZone);
  return (plusDays === 0 ? midnight : addDays(midnight, plusDays)).getTime();
}

const setOrNull = <T,>(values: readonly T[]) => (values.length > 0 ? new Set(values) : null);

export function compileFilter(filter: ReviewFilter): CompiledFilter {
  return {
    fromMs: filter.from === null ? null : startOfDayIn(filter.from, filter.timeZone),
    toMs: filter.to === null ? null : startOfDayIn(filter.to, filter.timeZone, 1),
    agents: setOrNull(filter.agentIds),
    reviewers: setOrNull(filter.reviewerIds),
    rubrics: setOrNull(filter.rubricIds),
    rubricVersions: setOrNull(filter.rubricVersions),
    channels: setOrNull(filter.channels),
    kinds: setOrNull(filter.kinds),
    allRevisions: filter.allRevisions,
  };
}

export type FilteredFields = Pick<ReviewRecord, 'status' | 'submittedAt' | 'reviewee' | 'reviewer' | 'rubric' | 'channel' | 'kind'>;

/** Whether one submitted revision is in the filter (a draft never is). */
export function matchesFilter(record: FilteredFields, filter: CompiledFilter): boolean {
  if (record.status !== 'submitted') return false;
  if (filter.fromMs !== null || filter.toMs !== null) {
    // Parsed, not compared as text: a record from another tool may write its time with an offset.
    const at = record.submittedAt === undefined ? NaN : Date.parse(record.submittedAt);
    if (Number.isNaN(at)) return false;
    if (filter.fromMs !== null && at < filter.fromMs) return false;
    if (filter.toMs !== null && at >= filter.toMs) return false;
  }
  if (filter.agents && !(record.reviewee && filter.agents.has(record.reviewee.id))) return false;
  if (filter.reviewers && !filter.reviewers.has(record.reviewer.id)) return false;
  if (filter.rubrics && !filter.rubrics.has(record.rubric.id)) return false;
  if (filter.rubricVersions && !filter.rubricVersions.has(record.rubric.version)) return false;
  if (filter.channels && !filter.channels.has(record.channel)) return false;
  if (filter.kinds && !filter.kinds.has(record.kind)) return false;
  return true;
}

/**
 * The revisions of one review that count: its latest submitted revision when that matches, or
 * with `allRevisions` each submitted revision that matches, oldest first. `revisions` are all
 * stored revisions of one review id, in any order.
 */
export function countedRevisions<T extends FilteredFields & Pick<ReviewRecord, 'revision'>>(revisions: readonly T[], filter: CompiledFilter): T[] {
  const submitted = revisions.filter((r) => r.status === 'submitted');
  if (filter.allRevisions) return submitted.filter((r) => matchesFilter(r, filter)).sort((a, b) => a.revision - b.revision);
  let latest: T | undefined;
  for (const r of submitted) if (!latest || r.revision > latest.revision) latest = r;
  return latest && matchesFilter(latest, filter) ? [latest] : [];
}
