// Steps shared by the end-to-end specs (the browser and the panel come from ./fixtures).
import type { Page } from '@playwright/test';

/** The highest rating option of the n-th criterion (the rubric's own values, whatever they are). */
export function ratingOption(panel: Page, criterionIndex: number, optionIndex: 'first' | 'last') {
  const options = panel.getByTestId('criterion').nth(criterionIndex).getByTestId('rating-option');
  return optionIndex === 'first' ? options.first() : options.last();
}

/**
 * Counts the writes (fetch with a method other than GET) that the fake agent app in `page` starts
 * from now on. The count goes up in the same event as the click that sends, so reading it right
 * after a click tells for certain whether that click sent anything: no waiting for a request that
 * may still be on its way.
 */
export async function countAppWrites(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __appWrites?: number; fetch: typeof fetch };
    if (w.__appWrites !== undefined) return;
    w.__appWrites = 0;
    const original = w.fetch.bind(window);
    w.fetch = (input, init) => {
      if ((init?.method ?? 'GET').toUpperCase() !== 'GET') w.__appWrites! += 1;
      return original(input, init);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __appWrites: number }).__appWrites);
}
