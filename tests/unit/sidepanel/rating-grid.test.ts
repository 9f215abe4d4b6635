import { describe, expect, it } from 'vitest';
import { narrowColumns, ratingGridProps, wideColumns, wideFrom } from '@/entrypoints/sidepanel/rating-grid';

describe('level button grid', () => {
  it('fills every row but the last in a narrow panel, and never leaves a lone button after a full row of 4', () => {
    for (let n = 2; n <= 11; n++) {
      const cols = narrowColumns(n);
      const last = n % cols || cols;
      expect(cols, `${n} levels`).toBeLessThanOrEqual(6);
      // the last row is at least half full (no single button under a row of 4)
      if (n > cols) expect(last * 2, `${n} levels`).toBeGreaterThanOrEqual(cols);
    }
    expect(narrowColumns(4)).toBe(2);
    expect(narrowColumns(2)).toBe(2);
  });

  it('puts up to 6 levels in one row where there is room, more in two', () => {
    expect(wideColumns(4)).toBe(4);
    expect(wideColumns(6)).toBe(6);
    expect(wideColumns(7)).toBe(4);
    expect(wideColumns(11)).toBe(6);
    for (let n = 2; n <= 11; n++) expect(Math.ceil(n / wideColumns(n))).toBeLessThanOrEqual(2);
  });

  it('goes wide only from a width where the longest word of every label fits', () => {
    expect(wideFrom(['No', 'Yes'])).toBe(400);
    expect(wideFrom(['Poor', 'Fair', 'Good', 'Great'])).toBe(400);
    // "Personal and proportionate": 13 letters in one word, four across needs more than 480 px
    const empathy = ['Dismissive', 'Generic', 'Acknowledged', 'Personal and proportionate'];
    expect(wideFrom(empathy)).not.toBeNull();
    expect(wideFrom(empathy)!).toBeGreaterThan(480);
    expect(wideFrom(['Supercalifragilisticexpialidocious', 'b', 'c', 'd', 'e', 'f'])).toBeNull();
  });

  it('gives the element its class and column counts', () => {
    expect(ratingGridProps(['No', 'Yes'])).toEqual({ className: 'rating-options wide-from-400', style: { '--rating-cols': 2, '--rating-cols-wide': 2 } });
    expect(ratingGridProps(['Supercalifragilisticexpialidocious', 'x']).className).toBe('rating-options');
  });
});
