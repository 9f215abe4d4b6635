// The dashboard's sample-plan coverage (`deps.sampleCoverage`): the samples of the weeks the
// range touches, and which of their tickets have a submitted review by now.
import { startOfDayIn } from '../../analytics/filter';
import { planCoverage } from '../../analytics/sample-plan';
import type { QaDatabase } from '../../db/schema';
import { reviewedTicketIds, samplesOverlapping } from '../../db/samples';
import type { SampleCoverage } from '../handlers/dashboard';

export function sampleCoverageFrom(db: QaDatabase): SampleCoverage {
  return async (query) => {
    const samples = await samplesOverlapping(db, startOfDayIn(query.from, query.timeZone), startOfDayIn(query.to, query.timeZone, 1));
    if (samples.length === 0) return null;
    const reviewed = new Map<object, ReadonlySet<string>>();
    for (const sample of samples) {
      reviewed.set(sample, await reviewedTicketIds(db, sample.helpdesk, sample.instance, sample.items.map((i) => i.ticketId)));
    }
    return planCoverage(samples, (sample) => reviewed.get(sample) ?? new Set(), query.filter.agentId);
  };
}
