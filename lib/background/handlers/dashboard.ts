// The dashboard (contract §12): figures from the roll-ups only, the review table from the
// `submittedAt` index, and the "Rebuild" path. Nothing here reads every review, except Rebuild.
import { isDay, isTimeZone } from '../../analytics/days';
import { summarize } from '../../analytics/rollup';
import { withStorageErrors } from '../../db/errors';
import { listCountedReviews } from '../../db/review-list';
import { toRecord } from '../../db/reviews';
import { readRollupRange, rebuildRollups } from '../../db/rollups';
import { getRubric } from '../../db/rubrics';
import { AppError } from '../../messaging/errors';
import type { DashboardQuery, DashboardSummaryResponse } from '../../messaging/protocol/dashboard';
import type { BackgroundDeps, HandlerSlice } from './deps';

/**
 * The sample plan's coverage for a query: per agent, the tickets the range's samples planned and
 * how many of them have a submitted review. The sampling feature answers it through
 * `deps.sampleCoverage`; without samples (or without the feature) it is null and the page leaves
 * the coverage chart out.
 */
export type SampleCoverage = (query: DashboardQuery) => Promise<DashboardSummaryResponse['coverage']>;

function checkQuery(query: { timeZone: string; from?: string; to?: string }): void {
  if (!isTimeZone(query.timeZone)) throw new AppError('bad-request', `"${query.timeZone}" is not a time zone this browser knows.`);
  for (const day of [query.from, query.to]) {
    if (day !== undefined && !isDay(day)) throw new AppError('bad-request', `"${day}" is not a calendar day.`);
  }
}

export function dashboardHandlers(deps: BackgroundDeps): HandlerSlice<'dashboard:summary' | 'dashboard:reviews' | 'dashboard:rebuild'> {
  const { db } = deps;
  return {
    'dashboard:summary': async (query) => {
      checkQuery(query);
      const range = await withStorageErrors(() => readRollupRange(db, query.from, query.to, query.timeZone));
      const summary = summarize(range.days, range.dictionary, query.filter, query);
      const rubrics = [];
      for (const ref of summary.options.rubrics) {
        const rubric = await getRubric(db, ref.id, ref.version);
        if (!rubric) continue;
        rubrics.push({ id: rubric.id, version: rubric.version, name: rubric.name, passMark: rubric.passMark ?? null, criteria: rubric.criteria.map((c) => ({ id: c.id, title: c.title })) });
      }
      const coverage = (await deps.sampleCoverage?.(query)) ?? null;
      return { ...summary, rubrics, coverage, rebuilt: range.rebuilt };
    },
    'dashboard:reviews': async ({ before, limit, ...query }) => {
      checkQuery(query);
      const page = await listCountedReviews(db, query, before, limit);
      return {
        rows: page.rows.map((r) => {
          const { id, revision, kind, helpdesk, instance, ticketId, ticketUrl, channel, subject, reviewee, reviewer, rubric, score, autoFailed } = toRecord(r);
          return { id, revision, kind, helpdesk, instance, ticketId, ticketUrl, channel, subject, reviewee, reviewer, rubric, score, autoFailed, submittedAt: r.submittedAt!, origin: r.origin };
        }),
        next: page.next,
      };
    },
    'dashboard:rebuild': async ({ timeZone }) => {
      checkQuery({ timeZone });
      const result = await withStorageErrors(() => rebuildRollups(db, timeZone));
      deps.reviewsChanged?.();
      return result;
    },
  };
}
