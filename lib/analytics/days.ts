// Calendar days in the user's time zone, as the dashboard's date inputs name them ("2026-12-01").
// A review belongs to the day its `submittedAt` falls on where the user is, so figures match the
// `<input type="date">` range a person picks. Days are compared as strings: ISO dates sort as dates.
import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
/** YYYY-MM-DD, with the year, month and day as groups. */
export const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the runtime knows the IANA time zone (an unknown one would put every review on NaN). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A well-formed calendar day such as "2026-02-28" (not "2026-02-30"). */
export function isDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === day;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `dayOf(iso)` → the local day of an ISO-8601 instant in `timeZone`, or null when the text is not
 * a time. The offset is looked up once per UTC day (Intl is slow, and a roll-up rebuild asks for
 * 100 000 days); a UTC day on which the zone changes its offset is looked up per instant.
 */
export function localDays(timeZone: string): (iso: string) => string | null {
  const offsets = new Map<number, number | null>();
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms));
  return (iso) => {
    const ms = Date.parse(iso);
    if (!Number.isFinite(ms)) return null;
    const utcDayIndex = Math.floor(ms / DAY_MS);
    let offset = offsets.get(utcDayIndex);
    if (offset === undefined) {
      const start = offsetAt(utcDayIndex * DAY_MS);
      offset = start === offsetAt((utcDayIndex + 1) * DAY_MS - 1) ? start : null;
      offsets.set(utcDayIndex, offset);
    }
    return utcDay(ms + (offset ?? offsetAt(ms)) * 60_000);
  };
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS);
}

/** The Monday of the ISO week `day` is in (weeks run Monday to Sunday). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every Monday from the week of `from` to the week of `to`, oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** The dashboard's default range: the last 12 weeks, today included (84 days). */
export function defaultRange(nowMs: number, timeZone: string): { from: string; to: string } {
  const today = localDays(timeZone)(new Date(nowMs).toISOString())!;
  return { from: addDays(today, -83), to: today };
}
