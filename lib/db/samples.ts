// Weekly samples, kept as rows of the settings table (`sample:<instance>:<weekId>`), validated on
// the way in and out, so they need no schema change: one row per helpdesk instance and week, the
// newest draw replacing the last. Whether an item is done is not stored: it is read from the
// reviews, so a review submitted anywhere (this panel, an import, a pull) ticks it off.
import type { QaDatabase } from './schema';
import { sampleRecordSchema, type SampleRecord } from '../analytics/sample-plan';
import type { HelpdeskName } from '../helpdesk/types';
import { ticketKey } from '../helpdesk/ticket-schema';

const PREFIX = 'sample:';

export function sampleKey(instance: string, weekId: string): string {
  return `${PREFIX}${instance}:${weekId}`;
}

export async function saveSample(db: QaDatabase, sample: SampleRecord): Promise<SampleRecord> {
  const valid = sampleRecordSchema.parse(sample);
  await db.settings.put({ key: sampleKey(valid.instance, valid.weekId), value: valid });
  return valid;
}

/** A row that no longer fits the schema (edited by hand, from a newer release) reads as no sample. */
function readRow(value: unknown): SampleRecord | null {
  const parsed = sampleRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export async function readSample(db: QaDatabase, instance: string, weekId: string): Promise<SampleRecord | null> {
  return readRow((await db.settings.get(sampleKey(instance, weekId)))?.value);
}

/** The sample drawn last for an instance (any instance when null): the reviewer's current queue. */
export async function latestSample(db: QaDatabase, instance: string | null): Promise<SampleRecord | null> {
  const rows = await db.settings.where('key').startsWith(instance === null ? PREFIX : `${PREFIX}${instance}:`).toArray();
  let latest: SampleRecord | null = null;
  for (const row of rows) {
    const sample = readRow(row.value);
    if (sample && (!latest || sample.createdAt > latest.createdAt)) latest = sample;
  }
  return latest;
}

/**
 * Ids of the instance's tickets that have a submitted review (a self-check is the agent's own,
 * not a QA review, so it does not count). Any reviewer's: a ticket a colleague reviewed is done.
 */
export async function reviewedTicketIds(db: QaDatabase, helpdesk: HelpdeskName, instance: string, only?: readonly string[]): Promise<Set<string>> {
  const prefix = `${helpdesk}:${instance}:`;
  const query = only
    ? db.reviews.where('ticketKey').anyOf(only.map((id) => ticketKey({ helpdesk, instance, id })))
    : db.reviews.where('ticketKey').startsWith(prefix);
  const rows = await query.filter((r) => r.status === 'submitted' && r.kind !== 'self').toArray();
  return new Set(rows.map((r) => r.ticketKey.slice(prefix.length)));
}

/** Every saved sample whose week overlaps [fromMs, toMs) (epoch ms), any instance. */
export async function samplesOverlapping(db: QaDatabase, fromMs: number, toMs: number): Promise<SampleRecord[]> {
  const rows = await db.settings.where('key').startsWith(PREFIX).toArray();
  return rows.map((row) => readRow(row.value)).filter((s): s is SampleRecord => s !== null && s.weekStart < toMs && s.weekEnd > fromMs);
}
