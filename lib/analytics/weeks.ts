// Review weeks: Monday 00:00 to the next Monday 00:00 in the lead's time zone, named by ISO week
// ("2026-W49"), which is also the sample's default seed. Local midnight is found with the time
// zone's own rules, so a week across a daylight-saving change is 167 or 169 hours long, as it is
// on the wall clock.
import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeek } from 'date-fns';

export interface Week {
  /** e.g. "2026-W49" */
  id: string;
  /** first instant of the week (Monday 00:00 local), epoch ms */
  start: number;
  /** first instant of the next week, epoch ms (exclusive end) */
  end: number;
}

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

export function weekOf(instantMs: number, timeZone: string): Week {
  const local = new TZDate(instantMs, timeZone);
  const start = startOfISOWeek(local);
  const id = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
  return { id, start: start.getTime(), end: addWeeks(start, 1).getTime() };
}

/** The week named `id` in `timeZone`; null for a malformed id or a week the year does not have. */
export function weekById(id: string, timeZone: string): Week | null {
  const m = WEEK_ID.exec(id);
  if (!m) return null;
  const [year, week] = [Number(m[1]), Number(m[2])];
  // 4 January is always in ISO week 1 of its year.
  const jan4 = new TZDate(year, 0, 4, 12, 0, 0, timeZone);
  const found = weekOf(setISOWeek(jan4, week).getTime(), timeZone);
  return found.id === id ? found : null;
}

/** Whether an ISO-8601 time falls in the week (start inclusive, end exclusive). */
export function inWeek(week: Week, iso: string): boolean {
  const t = Date.parse(iso);
  return t >= week.start && t < week.end;
}
