// Steps shared by the end-to-end specs (the browser and the panel come from ./fixtures).
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** The highest rating option of the n-th criterion (the rubric's own values, whatever they are). */
export function ratingOption(panel: Page, criterionIndex: number, optionIndex: 'first' | 'last') {
  const options = panel.getByTestId('criterion').nth(criterionIndex).getByTestId('rating-option');
  return optionIndex === 'first' ? options.first() : options.last();
}

/**
 * Answers every criterion still unanswered with its highest level (answers already given stay), so
 * the review can be submitted: Submit is disabled until every criterion is rated or N/A.
 */
export async function completeReview(panel: Page): Promise<void> {
  const criteria = panel.getByTestId('criterion');
  await expect(criteria.first()).toBeVisible();
  const count = await criteria.count();
  for (let i = 0; i < count; i++) {
    const row = criteria.nth(i);
    if ((await row.locator('[aria-pressed="true"]').count()) > 0) continue;
    await ratingOption(panel, i, 'last').click();
  }
  await expect(panel.getByTestId('submit-review')).toBeEnabled();
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

/** Imports a `qa-rubric/1` object through Options (contract §10 `rubric-import`) and waits for it. */
export async function importRubric(session: { context: BrowserContext; extensionId: string }, rubric: { id: string; [field: string]: unknown }): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByTestId('rubric-import').setInputFiles({ name: `${rubric.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(rubric)) });
  await expect(options.locator(`[data-testid="rubric-item"][data-rubric-id="${rubric.id}"]`)).toBeVisible();
  await options.close();
}

/** The submitted revisions stored in the extension's database, read from one of its pages. */
export async function storedReviews(extensionPage: Page): Promise<{ status: string; revision: number; score: number | null; autoFailed: boolean; answers: { criterionId: string; value: number | null; na: boolean; comment?: string }[] }[]> {
  return extensionPage.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('qa-scorecards');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('reviews').objectStore('reviews').getAll();
          all.onsuccess = () => {
            resolve(all.result);
            open.result.close();
          };
        };
      }),
  );
}
