// Complete reviews (issue 14): Submit stays disabled until every criterion is rated or N/A — a
// critical one without N/A must be rated — and says what is missing, with a way there; the score
// is provisional until then; the sticky score bar names an auto-fail; a rubric may ask for a
// comment on low ratings; a submitted review shows its outcome and what happens next.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { importRubric, ratingOption, storedReviews } from './support/flow';

const builtIn = JSON.parse(fs.readFileSync(path.resolve('lib/rubric/templates/default-support.json'), 'utf8')) as { criteria: { id: string; title: string; critical?: boolean }[] };
const criticalTitle = builtIn.criteria.find((c) => c.critical)!.title;
const ticketUrl = (kind: string) => `https://${DEMO.zendesk.host}/agent/tickets/${demoTicket('zendesk', kind).id}`;

test('Submit waits for every criterion, says what is missing and goes there; the score is provisional until then', async ({ session }) => {
  // The shipped rubric, pinned to this ticket so that no other rubric in the library is picked.
  await importRubric(session, { ...builtIn, id: 'complete-seven', name: 'General support (pinned)', appliesTo: { channels: ['email'], tags: ['identity_check'] } });
  const { panel } = await session.openTicket(ticketUrl('data-protection'));
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'complete-seven');
  const criteria = panel.getByTestId('criterion');
  await expect(criteria).toHaveCount(7);
  const submit = panel.getByTestId('submit-review');
  const missing = panel.getByTestId('submit-missing');
  const score = panel.getByTestId('review-score');

  await expect(submit).toBeDisabled();
  await expect(missing).toContainText('Rate 7 more:');
  await expect(panel.getByTestId('score-progress')).toHaveText('Provisional · 0 of 7 rated');

  // Everything but the critical identity check, at the top level: 100 so far, but only provisional.
  const critical = criteria.filter({ hasText: criticalTitle });
  for (let i = 0; i < 7; i++) {
    if ((await criteria.nth(i).getAttribute('data-criterion-id')) === 'data-protection') continue;
    await ratingOption(panel, i, 'last').click();
  }
  await expect(score).toHaveAttribute('data-score', '100');
  await expect(panel.getByTestId('score-progress')).toHaveText('Provisional · 6 of 7 rated');
  // Neutral, not the green of a pass: the ink colour of the panel's text.
  await expect(score).toHaveCSS('color', 'rgb(31, 41, 51)');
  await expect(submit).toBeDisabled();
  await expect(missing).toHaveText(/^Rate 1 more: Verified identity before sharing account data… Go to it$/);

  // The critical criterion has no N/A; "Go to it" scrolls to it and focuses it.
  await expect(critical.getByTestId('rating-na')).toHaveCount(0);
  await panel.getByTestId('jump-to-missing').click();
  await expect(critical.getByTestId('rating-option').first()).toBeFocused();
  await expect(critical).toBeInViewport();

  await critical.getByTestId('rating-option').last().click();
  await expect(submit).toBeEnabled();
  await expect(missing).toHaveCount(0);
  await expect(panel.getByTestId('score-progress')).toHaveCount(0);
  await expect(score).toHaveCSS('color', 'rgb(26, 127, 55)');

  // A failed critical criterion: the sticky score bar says why the score is 0, wherever one scrolls.
  await critical.getByTestId('rating-option').first().click();
  await expect(score).toHaveAttribute('data-score', '0');
  const autoFail = panel.locator('.score-bar').getByTestId('auto-fail');
  await expect(autoFail).toContainText(`Auto-fail: ${criticalTitle}`);
  await submit.scrollIntoViewIfNeeded();
  await expect(autoFail).toBeInViewport();

  await submit.click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  const summary = panel.getByTestId('submitted-summary');
  await expect(summary.getByTestId('submitted-verdict')).toHaveText('0% — fail: a critical criterion was not met (Verified identity before sharing account data…)');
  // No team store is set up: the review stays here, and the summary says so.
  await expect(summary.getByTestId('kept-locally')).toContainText('Kept in this browser only');
  await expect(summary.getByTestId('edit-review')).toBeFocused();
});

test('a rubric may ask for a comment on low ratings: Submit waits for it', async ({ session }) => {
  const levels = { type: 'levels', levels: [1, 2, 3, 4].map((v) => ({ value: v, label: ['Poor', 'Fair', 'Good', 'Great'][v - 1] })) };
  await importRubric(session, {
    format: 'qa-rubric/1',
    id: 'explain-low',
    name: 'Explain low ratings',
    version: 1,
    appliesTo: { tags: ['warranty'] },
    passMark: 75,
    requireCommentBelow: 0.5,
    criteria: [
      { id: 'accuracy', title: 'Accurate answer', allowNa: false, scale: levels },
      { id: 'tone', title: 'Friendly tone', scale: levels },
      { id: 'followup', title: 'Followed up', requireCommentBelow: 0, scale: { type: 'binary' } },
    ],
  });
  const { panel } = await session.openTicket(ticketUrl('imported'));
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'explain-low');
  const criteria = panel.getByTestId('criterion');
  const submit = panel.getByTestId('submit-review');

  // By keyboard: "Fair" (score 1/3, below 0.5) opens the comment box instead of moving on.
  await expect(criteria.nth(0).getByTestId('rating-option').first()).toBeFocused();
  await panel.keyboard.press('2');
  await expect(criteria.nth(0).getByTestId('criterion-comment')).toBeFocused();
  await expect(criteria.nth(0)).toContainText('This rating needs a comment');
  // "Good" needs none, and "No" where the criterion switches the rule off (0) needs none either.
  await ratingOption(panel, 1, 'last').click();
  await criteria.nth(2).getByTestId('rating-option').first().click();
  await expect(submit).toBeDisabled();
  await expect(panel.getByTestId('submit-missing')).toHaveText(/^Comment on 1 low rating: Accurate answer Go to it$/);
  await expect(panel.getByTestId('score-progress')).toHaveText('Provisional · a comment is missing');

  await criteria.nth(0).getByTestId('criterion-comment').fill('Quoted the old returns window (14 days, now 30).');
  await expect(submit).toBeEnabled();
  await submit.click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
  await expect(panel.getByTestId('submitted-verdict')).toHaveAttribute('data-verdict', 'fail');
  const [stored] = (await storedReviews(panel)).filter((r) => r.status === 'submitted');
  expect(stored!.answers.find((a) => a.criterionId === 'accuracy')).toMatchObject({ value: 2, comment: 'Quoted the old returns window (14 days, now 30).' });
});
