// The options page: the rubric library's import with per-path errors, and the reviewer name.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { BUILT_IN_RUBRIC_IDS } from './support/rubrics';

const validRubric = {
  format: 'qa-rubric/1',
  id: 'chat-basics',
  name: 'Chat basics',
  version: 1,
  appliesTo: { channels: ['chat'] },
  criteria: [
    { id: 'greet', title: 'Greeted the customer by name', scale: { type: 'binary' } },
    { id: 'solve', title: 'Solved it in the chat', weight: 2, scale: { type: 'levels', levels: [{ value: 1, label: 'No' }, { value: 2, label: 'Partly' }, { value: 3, label: 'Yes' }] } },
  ],
};

/** Exactly the shipped rubrics, each at version 1, plus `extra`. */
async function expectLibrary(page: Page, extra: string[] = []) {
  const items = page.getByTestId('rubric-item');
  await expect(items).toHaveCount(BUILT_IN_RUBRIC_IDS.length + extra.length);
  expect((await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-rubric-id')))).sort()).toEqual([...BUILT_IN_RUBRIC_IDS, ...extra].sort());
  for (const id of BUILT_IN_RUBRIC_IDS) await expect(page.locator(`[data-testid="rubric-item"][data-rubric-id="${id}"]`)).toHaveAttribute('data-rubric-version', '1');
}

test('imports a rubric file, rejects a broken one with its JSON paths, and keeps the library intact', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await expectLibrary(page);

  await page.getByTestId('rubric-import').setInputFiles({ name: 'chat.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(validRubric)) });
  await expect(page.locator('[data-testid="rubric-item"][data-rubric-id="chat-basics"]')).toHaveAttribute('data-rubric-version', '1');

  const broken = { ...validRubric, criteria: [{ ...validRubric.criteria[0], scale: { type: 'levels', levels: [{ value: 1, label: 'Only one' }] } }, validRubric.criteria[0]] };
  await page.getByTestId('rubric-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByTestId('import-error')).toContainText('criteria[0].scale.levels');
  await expect(page.getByTestId('import-error')).toContainText('criteria[1].id');

  await page.getByTestId('rubric-import').setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  // The list of problems is still on screen from broken.json: wait for the one about junk.json.
  await expect(page.getByRole('alert')).toContainText('junk.json is not valid JSON');
  await expect(page.getByTestId('import-error')).toBeVisible();
  await expect(page.getByTestId('import-error')).not.toContainText('criteria[');

  await page.reload();
  await expectLibrary(page, ['chat-basics']);

  // a changed file with the same id becomes version 2
  const changed = { ...validRubric, name: 'Chat basics (revised)' };
  await page.getByTestId('rubric-import').setInputFiles({ name: 'chat2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(changed)) });
  await expect(page.locator('[data-testid="rubric-item"][data-rubric-id="chat-basics"]')).toHaveAttribute('data-rubric-version', '2');
});

test('says when a file is an older version, rolls back on request, refuses files over 1 MB, and shows the storage status', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  const file = (name: string, content: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
  const chatItem = page.locator('[data-testid="rubric-item"][data-rubric-id="chat-basics"]');

  await page.getByTestId('rubric-import').setInputFiles(file('chat-v1.json', validRubric));
  await expect(chatItem).toHaveAttribute('data-rubric-version', '1');
  await page.getByTestId('rubric-import').setInputFiles(file('chat-v2.json', { ...validRubric, name: 'Chat basics (revised)' }));
  await expect(chatItem).toHaveAttribute('data-rubric-version', '2');

  await page.getByTestId('rubric-import').setInputFiles(file('chat-v1-again.json', validRubric));
  await expect(page.getByTestId('import-error')).toHaveText(
    'This is version 1 of "Chat basics", which is already in the library; the newest is version 2. Nothing was imported.',
  );
  await expect(chatItem).toHaveAttribute('data-rubric-version', '2');
  await page.getByRole('button', { name: 'Make this the newest version' }).click();
  await expect(chatItem).toHaveAttribute('data-rubric-version', '3');
  await expect(page.getByRole('status').filter({ hasText: 'is the newest version again, as version 3' })).toBeVisible();
  await expect(page.getByTestId('import-error')).toHaveCount(0);

  const huge = { ...validRubric, id: 'huge', description: 'x'.repeat(1_200_000) };
  await page.getByTestId('rubric-import').setInputFiles(file('huge.json', huge));
  await expect(page.getByTestId('import-error')).toContainText('This file is 1.2 MB; rubric files can be at most 1 MB.');
  await expect(page.locator('[data-testid="rubric-item"][data-rubric-id="huge"]')).toHaveCount(0);

  await expect(page.getByTestId('storage-status')).toHaveText(/^Storage: (persistent|not persistent|unknown) — /);
});
