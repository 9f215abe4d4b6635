import { describe, expect, it } from 'vitest';
import { addDays, defaultRange, isDay, isTimeZone, localDays, mondayOf, weeksBetween } from '@/lib/analytics/days';

describe('local days', () => {
  it('puts an instant on the calendar day of the time zone, across daylight-saving changes', () => {
    const london = localDays('Europe/London');
    // 29 March 2026: clocks go forward at 01:00 UTC.
    expect(london('2026-03-28T23:30:00.000Z')).toBe('2026-03-28');
    expect(london('2026-03-29T00:30:00.000Z')).toBe('2026-03-29');
    expect(london('2026-03-29T23:30:00.000Z')).toBe('2026-03-30'); // 00:30 BST
    expect(london('2026-10-25T00:30:00.000Z')).toBe('2026-10-25'); // 01:30 BST, the hour that repeats
    const newYork = localDays('America/New_York');
    expect(newYork('2026-03-08T04:59:00.000Z')).toBe('2026-03-07');
    expect(newYork('2026-03-08T05:00:00.000Z')).toBe('2026-03-08');
    expect(newYork('2026-03-09T03:59:00.000Z')).toBe('2026-03-08'); // 23:59 EDT
    expect(localDays('Pacific/Chatham')('2026-03-27T18:00:00.000Z')).toBe('2026-03-28');
    expect(localDays('UTC')('2026-12-01T23:59:59.999Z')).toBe('2026-12-01');
  });

  it('gives no day for a time it cannot read', () => {
    expect(localDays('UTC')('not a date')).toBeNull();
    expect(localDays('UTC')('')).toBeNull();
  });

  it('agrees with Intl on every hour of a year with two changes', () => {
    const zone = 'Australia/Lord_Howe'; // half-hour daylight saving
    const dayOf = localDays(zone);
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 30 * 60_000) {
      const iso = new Date(ms).toISOString();
      if (dayOf(iso) !== intl.format(ms)) expect(dayOf(iso), iso).toBe(intl.format(ms));
    }
  });

  it('checks days and zones, and counts days and weeks as the calendar does', () => {
    expect([isDay('2026-02-28'), isDay('2026-02-29'), isDay('2026-2-28'), isDay('')]).toEqual([true, false, false, false]);
    expect([isTimeZone('Europe/Berlin'), isTimeZone('Mars/Olympus')]).toEqual([true, false]);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(weeksBetween('2026-11-04', '2026-11-30')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(defaultRange(Date.parse('2026-12-01T20:00:00Z'), 'Asia/Tokyo')).toEqual({ from: '2026-09-10', to: '2026-12-02' });
  });
});
