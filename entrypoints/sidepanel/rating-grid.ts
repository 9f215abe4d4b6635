// How a criterion's level buttons are laid out, so they wrap into even rows at any panel width
// instead of leaving one button alone on a line or breaking a word in two. Narrow panels get a
// fixed number of columns for the count; one row of all levels only where the criterion is wide
// enough for its longest label (a container query on the criterion, see panel.css).
import type { CSSProperties } from 'react';

/** Columns for `levels` buttons in a narrow panel (360–480 px): rows as even as the count allows. */
export function narrowColumns(levels: number): number {
  if (levels <= 3) return Math.max(1, levels);
  if (levels === 4) return 2;
  if (levels <= 6) return 3;
  if (levels <= 8) return 4;
  return 6;
}

/** Columns where there is room: one row up to 6 levels, else two rows. */
export function wideColumns(levels: number): number {
  return levels <= 6 ? Math.max(1, levels) : Math.ceil(levels / 2);
}

/** The criterion widths (px) at which the wide layout may start; each has a container query. */
export const WIDE_STEPS = [400, 480, 560, 640] as const;

// A generous average glyph width at the panel's 14 px, plus a button's padding and border.
const CHAR_PX = 8;
const BUTTON_PX = 24;
const GAP_PX = 4;
const NA_PX = 56;

/**
 * The narrowest criterion that shows every level in one row with no word broken and at most
 * two lines per label; null when no step is wide enough (the narrow layout then stays).
 */
export function wideFrom(labels: readonly string[]): (typeof WIDE_STEPS)[number] | null {
  const cols = wideColumns(labels.length);
  const longestWord = Math.max(0, ...labels.flatMap((l) => l.split(/\s+/)).map((w) => w.length));
  const longestLabel = Math.max(0, ...labels.map((l) => l.length));
  const button = Math.max(longestWord * CHAR_PX, Math.ceil(longestLabel / 2) * CHAR_PX) + BUTTON_PX;
  const needed = cols * button + (cols - 1) * GAP_PX + GAP_PX + NA_PX;
  return WIDE_STEPS.find((step) => step >= needed) ?? null;
}

/** Props for the element holding the level buttons. */
export function ratingGridProps(labels: readonly string[]): { className: string; style: CSSProperties } {
  const from = wideFrom(labels);
  return {
    className: `rating-options${from ? ` wide-from-${from}` : ''}`,
    style: { '--rating-cols': narrowColumns(labels.length), '--rating-cols-wide': wideColumns(labels.length) } as CSSProperties,
  };
}
