// Small helpers that the Zendesk and Freshdesk halves of the mock share: HTML escaping for the page
// templates and data builders, and the timestamp helpers of the demo data. (The helpers of the
// inline page scripts are in page-script-helpers.ts.)

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** ISO 8601 in UTC without milliseconds, as both APIs write it: '2026-11-24T17:00:00Z'. */
export function isoSeconds(time: Date | number): string {
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

/**
 * Keeps timestamps strictly increasing when two lines share a minute (the seconds are made up):
 * returns a stamper that turns `toIso(at, salt)` into a time at least 13 s after the previous one
 * (the first one after `startMs`).
 */
export function monotonic(toIso: (at: string, salt: number) => string, startMs = 0): (at: string, salt: number) => string {
  let previous = startMs;
  return (at, salt) => {
    let ms = Date.parse(toIso(at, salt));
    if (ms <= previous) ms = previous + 13000;
    previous = ms;
    return isoSeconds(ms);
  };
}

/** Adds working days (Mon–Fri) to a UTC date and sets the time. */
export function workday(startIso: string, days: number, hhmm: string): string {
  const d = new Date(`${startIso}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const dow = d.getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return `${d.toISOString().slice(0, 10)} ${hhmm}`;
}
