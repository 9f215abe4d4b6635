// Dates on the Sampling page, in the time zone the week was drawn in.

/** "Mon 16 Nov 2026 – Sun 22 Nov 2026": the week's first and last day. */
export function weekRangeText(start: number, end: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone });
  return `${day.format(start)} – ${day.format(end - 1)}`;
}
