// The rubric editor, end to end: a rubric built without touching JSON is saved, listed in Options,
// picked for a matching chat ticket and scored with; editing it makes version 2, while the review
// made with version 1 keeps showing and scoring with version 1. Also: problems at their field,
// reordering by keyboard, buttons and drag, remove with undo, a kept draft, axe-core.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

const editorUrl = (extensionId: string, query = '') => `chrome-extension://${extensionId}/editor.html${query}`;

/** The criterion titles in the order the preview (the panel) shows them. */
const previewTitles = (editor: Page) => editor.getByTestId('preview-criterion').locator('h3');
const card = (editor: Page, n: number) => editor.getByTestId('editor-criterion').nth(n);
const titleOf = (editor: Page, n: number) => card(editor, n).getByLabel('Title', { exact: true });

test('builds a chat rubric without JSON, scores a chat ticket with it, and an edit makes version 2 while the old review keeps version 1', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expect(options.getByTestId('rubric-item').first()).toBeVisible();

  // Options → New rubric opens the editor in a new tab.
  const [editor] = await Promise.all([session.context.waitForEvent('page'), options.getByTestId('rubric-new').click()]);
  await expect(editor.getByTestId('rubric-editor')).toBeVisible();
  await editor.getByLabel('Name', { exact: true }).fill('Chat care');
  await expect(editor.getByTestId('editor-rubric-id')).toHaveValue('chat-care');
  await editor.getByRole('checkbox', { name: 'Chat', exact: true }).check();
  // A channel and a tag: the most specific match for the demo chat tickets, whatever else the library holds.
  await editor.getByLabel('Tags (comma-separated)').fill('chat');
  await editor.getByLabel('Pass mark (%)').fill('70');

  await titleOf(editor, 0).fill('Greeted the customer by name');
  await card(editor, 0).getByLabel('Level 1: what it looks like').fill('No greeting, or a generic one.');
  await card(editor, 0).getByLabel('Level 3: what it looks like').fill('Greeted by name in the first reply.');
  await editor.getByTestId('add-criterion').click();
  await expect(titleOf(editor, 1)).toBeFocused();
  await editor.keyboard.type('Solved it in the chat');
  await card(editor, 1).getByRole('radio', { name: 'Yes / No' }).check();
  await expect(previewTitles(editor)).toHaveText(['Greeted the customer by name', 'Solved it in the chat']);
  await expect(editor.getByTestId('preview-criterion').nth(1).getByTestId('preview-option')).toHaveText(['No', 'Yes']);

  await editor.getByTestId('editor-save').click();
  await expect(editor.getByTestId('editor-status')).toHaveText('Saved “Chat care” as version 1. It is in the library now.');
  await expect(editor).toHaveURL(/editor\.html\?id=chat-care$/);

  // Options lists it (the library tells open pages it changed).
  const item = options.locator('[data-testid="rubric-item"][data-rubric-id="chat-care"]');
  await expect(item).toHaveAttribute('data-rubric-version', '1');

  // The demo chat ticket gets it, and a review is submitted with it.
  const chat = demoTicket('zendesk', 'chat');
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${chat.id}`);
  const select = panel.getByTestId('rubric-select');
  await expect(select).toHaveAttribute('data-rubric-id', 'chat-care');
  await expect(select).toHaveAttribute('data-rubric-version', '1');
  await expect(panel.getByTestId('criterion')).toHaveCount(2);
  await panel.getByTestId('criterion').nth(0).getByTestId('rating-option').filter({ hasText: 'Partly met' }).click();
  await panel.getByTestId('criterion').nth(1).getByTestId('rating-option').filter({ hasText: 'Yes' }).click();
  // (0.5 + 1) / 2
  await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '75');
  await panel.getByTestId('submit-review').click();
  await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');

  // The panel's link opens the editor on this rubric: a level renamed, a weight changed, a criterion added.
  const [edit] = await Promise.all([session.context.waitForEvent('page'), panel.getByTestId('rubric-edit-link').click()]);
  await expect(edit).toHaveURL(/editor\.html\?id=chat-care$/);
  await expect(edit.getByTestId('editor-version')).toContainText('version 1');
  // criteria from the library start folded
  await expect(card(edit, 0).getByLabel('Level 2 label')).toHaveCount(0);
  await card(edit, 0).getByTestId('criterion-toggle').click();
  await card(edit, 0).getByLabel('Level 2 label').fill('Partly');
  // Rescored with this weight the old review would be (0.5 × 3 + 1) / 4 = 62.5.
  await card(edit, 0).getByLabel('Weight').fill('3');
  await edit.getByTestId('add-criterion').click();
  await edit.keyboard.type('Closed the chat warmly');
  await edit.getByTestId('editor-save').click();
  await expect(edit.getByTestId('editor-status')).toHaveText('Saved as version 2. Reviews made with earlier versions keep theirs.');
  await expect(item).toHaveAttribute('data-rubric-version', '2');

  // The old review, still open and after a reload, keeps version 1, its criteria, labels and score.
  for (const reload of [false, true]) {
    if (reload) await panel.reload();
    await expect(select).toHaveAttribute('data-rubric-version', '1');
    await expect(panel.getByTestId('review-status')).toHaveAttribute('data-status', 'submitted');
    await expect(panel.getByTestId('criterion')).toHaveCount(2);
    await expect(panel.getByTestId('criterion').nth(0).getByTestId('rating-option').filter({ hasText: 'Partly met' })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByTestId('review-score')).toHaveAttribute('data-score', '75');
  }

  // A new review of another chat ticket is made with version 2.
  const other = demoTicket('freshdesk', 'chat');
  const next = await session.openTicket(`https://${DEMO.freshdesk.host}/a/tickets/${other.id}`);
  await expect(next.panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'chat-care');
  await expect(next.panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-version', '2');
  await expect(next.panel.getByTestId('criterion')).toHaveCount(3);
  await next.panel.getByTestId('criterion').nth(0).getByTestId('rating-option').filter({ hasText: 'Partly' }).click();
  await next.panel.getByTestId('criterion').nth(1).getByTestId('rating-option').filter({ hasText: 'Yes' }).click();
  await expect(next.panel.getByTestId('review-score')).toHaveAttribute('data-score', '62.5');
});

test('shows problems at their field in plain words, reorders by keyboard, buttons and drag, undoes a removal, and keeps unsaved work', async ({ session }) => {
  let editor = await session.context.newPage();
  await editor.goto(editorUrl(session.extensionId));
  await expect(editor.getByTestId('rubric-editor')).toBeVisible();

  // Save with nothing typed: each problem at its field, the file's path folded away.
  await editor.getByTestId('editor-save').click();
  await expect(editor.getByTestId('editor-status')).toHaveText('Not saved: fix 2 problems first.');
  const nameError = editor.locator('[data-testid="field-error"][data-field="rubric.name"]');
  await expect(nameError).toContainText('The name must not be empty.');
  await expect(editor.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('The name must not be empty.');
  const titleError = card(editor, 0).getByTestId('field-error');
  await expect(titleError).toContainText('The title must not be empty.');
  await expect(titleError.locator('code')).toBeHidden();
  await titleError.getByText('Where in the file').click();
  await expect(titleError.locator('code')).toHaveText('criteria[0].title');
  // the list of problems leads to the field
  await editor.getByTestId('editor-problems').getByRole('button', { name: /Criterion 1: The title must not be empty/ }).click();
  await expect(titleOf(editor, 0)).toBeFocused();

  await editor.getByLabel('Name', { exact: true }).fill('Order test');
  await titleOf(editor, 0).fill('First');
  await expect(nameError).toHaveCount(0);
  for (const title of ['Second', 'Third']) {
    await editor.getByTestId('add-criterion').click();
    await editor.keyboard.type(title);
  }
  await card(editor, 1).getByLabel('Weight').fill('');
  await expect(card(editor, 1).getByTestId('field-error')).toContainText('The weight needs a number.');
  await card(editor, 1).getByLabel('Weight').fill('2');
  await expect(editor.getByTestId('editor-problems')).toHaveCount(0);

  // Keyboard: Alt+↑ inside a card moves it and keeps focus where it was.
  await titleOf(editor, 2).focus();
  await editor.keyboard.press('Alt+ArrowUp');
  await expect(previewTitles(editor)).toHaveText(['First', 'Third', 'Second']);
  await expect(titleOf(editor, 1)).toBeFocused();
  await expect(titleOf(editor, 1)).toHaveValue('Third');
  await expect(editor.getByTestId('editor-announcement')).toHaveText('Moved criterion 2, “Third” to position 2 of 3, without a section.');
  // Buttons.
  await editor.getByRole('button', { name: 'Move criterion 2, “Third” down' }).click();
  await expect(previewTitles(editor)).toHaveText(['First', 'Second', 'Third']);
  await expect(editor.getByRole('button', { name: 'Move criterion 1, “First” up' })).toBeDisabled();
  // Drag (folded, all three fit on screen): the third criterion's handle onto the top half of the first card.
  await editor.getByTestId('collapse-all').click();
  await expect(card(editor, 0)).toContainText('Not met / Partly met / Met · weight 1');
  await card(editor, 2).getByTestId('drag-handle').dragTo(card(editor, 0), { targetPosition: { x: 40, y: 8 } });
  await expect(previewTitles(editor)).toHaveText(['Third', 'First', 'Second']);

  // Remove with undo: it comes back where it was, focus on its title.
  await editor.getByRole('button', { name: 'Remove criterion 2, “First”' }).click();
  await expect(previewTitles(editor)).toHaveText(['Third', 'Second']);
  await expect(editor.getByTestId('undo-toast')).toContainText('Removed criterion 2, “First”.');
  await expect(editor.getByTestId('editor-undo')).toBeFocused();
  await editor.keyboard.press('Enter');
  await expect(previewTitles(editor)).toHaveText(['Third', 'First', 'Second']);
  await expect(titleOf(editor, 1)).toBeFocused();

  // Leaving with unsaved changes asks first…
  const dialogs: string[] = [];
  editor.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await editor.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(editor.isClosed()).toBe(false);
  // …and even a tab closed without asking loses nothing: the editor opens with the draft.
  await editor.close();
  editor = await session.context.newPage();
  await editor.goto(editorUrl(session.extensionId));
  await expect(editor.getByTestId('draft-restored')).toContainText('Your unsaved changes from');
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue('Order test');
  await expect(previewTitles(editor)).toHaveText(['Third', 'First', 'Second']);
  await expect(editor.getByTestId('editor-status')).toHaveAttribute('data-state', 'unsaved');
  await editor.getByRole('button', { name: 'Discard them' }).click();
  await expect(editor.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(editor.getByTestId('editor-criterion')).toHaveCount(1);
  await editor.reload();
  await expect(editor.getByTestId('rubric-editor')).toBeVisible();
  await expect(editor.getByTestId('draft-restored')).toHaveCount(0);
});

test('the library: duplicate a built-in rubric, export it, archive it out of the panel and restore it, delete only what no review uses', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const builtIn = options.getByTestId('rubric-item').first();
  const builtInId = (await builtIn.getAttribute('data-rubric-id'))!;
  const builtInName = (await builtIn.locator('strong').innerText()).trim();
  await expect(builtIn.getByTestId('rubric-delete')).toBeDisabled();

  // Duplicate → the editor with a copy under a new id, saved as version 1 of a new rubric.
  const [copy] = await Promise.all([session.context.waitForEvent('page'), builtIn.getByTestId('rubric-duplicate').click()]);
  await expect(copy.getByLabel('Name', { exact: true })).toHaveValue(`${builtInName} (copy)`);
  const copyId = await copy.getByTestId('editor-rubric-id').inputValue();
  expect(copyId).not.toBe(builtInId);
  await copy.getByTestId('editor-save').click();
  await expect(copy.getByTestId('editor-status')).toContainText('as version 1');
  const copied = options.locator(`[data-testid="rubric-item"][data-rubric-id="${copyId}"]`);
  await expect(copied).toHaveAttribute('data-rubric-version', '1');

  // Export downloads the newest version as a qa-rubric/1 file.
  const [download] = await Promise.all([options.waitForEvent('download'), copied.getByTestId('rubric-export').click()]);
  expect(download.suggestedFilename()).toBe(`${copyId}-v1.qa-rubric.json`);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'qa-rubric/1', id: copyId, version: 1, name: `${builtInName} (copy)` });

  // Archived: out of the panel's picker; restored: back.
  await copied.getByTestId('rubric-archive').click();
  await expect(copied).toHaveAttribute('data-archived', 'true');
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${demoTicket('zendesk', 'email-complaint').id}`);
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', /.+/);
  await expect(panel.getByTestId('rubric-select').locator('option', { hasText: `${builtInName} (copy)` })).toHaveCount(0);
  await copied.getByTestId('rubric-archive').click();
  await expect(copied).toHaveAttribute('data-archived', 'false');
  await panel.reload();
  await expect(panel.getByTestId('rubric-select').locator('option', { hasText: `${builtInName} (copy)` })).toHaveCount(1);

  // Unused: it can be deleted, after a confirmation.
  await copied.getByTestId('rubric-delete').click();
  await options.getByTestId('rubric-delete-confirm').click();
  await expect(options.getByTestId('library-message')).toHaveText(`Deleted “${builtInName} (copy)” (1 version).`);
  await expect(copied).toHaveCount(0);
});

test('a review made with a rubric that was archived afterwards still opens with it', async ({ session }) => {
  const chat = demoTicket('zendesk', 'chat');
  const { panel } = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${chat.id}`);
  const select = panel.getByTestId('rubric-select');
  const rubricId = (await select.getAttribute('data-rubric-id'))!;
  await panel.getByTestId('criterion').nth(0).getByTestId('rating-option').last().click();
  await expect(panel.getByTestId('save-status')).toContainText('Saved');

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  const item = options.locator(`[data-testid="rubric-item"][data-rubric-id="${rubricId}"]`);
  await item.getByTestId('rubric-archive').click();
  await expect(item).toHaveAttribute('data-archived', 'true');
  // in use: not deletable
  await expect(item.getByTestId('rubric-delete')).toBeDisabled();

  await panel.reload();
  await expect(select).toHaveAttribute('data-rubric-id', rubricId);
  await expect(panel.getByTestId('criterion').nth(0).getByTestId('rating-option').last()).toHaveAttribute('aria-pressed', 'true');
});

test('the editor has no serious or critical axe-core violations, with problems on screen too', async ({ session }) => {
  // axe-core reads every node of a long form twice; on a loaded 2-core machine that alone can take a minute.
  test.setTimeout(180_000);
  const editor = await session.context.newPage();
  await editor.goto(editorUrl(session.extensionId, '?id=support-default'));
  await expect(editor.getByTestId('preview-criterion').first()).toBeVisible();
  const serious = async () =>
    (await new AxeBuilder({ page: editor }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);

  await editor.goto(editorUrl(session.extensionId));
  await editor.getByTestId('editor-save').click();
  await expect(editor.getByTestId('editor-problems')).toBeVisible();
  await editor.getByTestId('add-section').click();
  await titleOf(editor, 0).fill('Something');
  await card(editor, 0).getByRole('button', { name: /^Remove criterion/ }).click();
  await expect(editor.getByTestId('undo-toast')).toBeVisible();
  expect(await serious()).toEqual([]);
});
