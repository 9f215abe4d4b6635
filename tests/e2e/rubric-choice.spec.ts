// Which rubric the panel opens a ticket with: the template written for the ticket's channel and
// tags, the reason shown beside the picker, the reviewer's own choice remembered per ticket, and
// never a rubric meant for other tickets — when nothing fits, the panel asks.
import type { Page } from '@playwright/test';
import { DEMO, demoTicket } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';
import { ratingOption } from './support/flow';

const zendeskUrl = (kind: string) => `https://${DEMO.zendesk.host}/agent/tickets/${demoTicket('zendesk', kind).id}`;
const freshdeskUrl = (kind: string) => `https://${DEMO.freshdesk.host}/a/tickets/${demoTicket('freshdesk', kind).id}`;

async function expectRubric(panel: Page, id: string, reason: string) {
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', id);
  await expect(panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-version', '1');
  await expect(panel.getByTestId('rubric-reason')).toHaveText(reason);
}

// The rubric the bug report imported: for chat and messaging tickets about deliveries only.
const chatDelivery = {
  format: 'qa-rubric/1',
  id: 'chat-delivery',
  name: 'Chat deliveries',
  version: 1,
  appliesTo: { channels: ['chat', 'messaging'], tags: ['delivery'] },
  criteria: [{ id: 'tracked', title: 'Gave the tracking link', scale: { type: 'binary' } }],
};

test('each kind of demo ticket opens with the template written for it, and says why', async ({ session }) => {
  const complaint = await session.openTicket(zendeskUrl('email-complaint'));
  await expectRubric(complaint.panel, 'complaint-handling-later', 'picked for: tag complaint');
  await expect(complaint.panel.getByTestId('criterion').first()).toHaveAttribute('data-criterion-id', 'listen');

  const chat = await session.openTicket(freshdeskUrl('chat'));
  await expectRubric(chat.panel, 'chat-messaging-quality', 'picked for: chat');

  const phone = await session.openTicket(zendeskUrl('phone'));
  await expectRubric(phone.panel, 'phone-call-quality', 'picked for: phone');

  const keyAccount = await session.openTicket(freshdeskUrl('long-thread'));
  await expectRubric(keyAccount.panel, 'service-quality-rater', 'picked for: tags business, sla');
});

test('a web-form ticket gets the e-mail template, an API import the general one; a rubric chosen by hand stays with the ticket', async ({ session }) => {
  const webForm = await session.openTicket(zendeskUrl('web-form'));
  await expectRubric(webForm.panel, 'email-reply-quality', 'picked for: web');

  // A ticket imported through the API has channel "other": only the general rubric fits.
  const imported = await session.openTicket(zendeskUrl('imported'));
  await expectRubric(imported.panel, 'support-default', 'general rubric');

  // The reviewer picks another rubric: it is used, said so, and kept once the review is stored.
  await webForm.panel.getByTestId('rubric-select').selectOption('support-default');
  await expect(webForm.panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'support-default');
  await expect(webForm.panel.getByTestId('rubric-reason')).toHaveText('chosen by you');
  await ratingOption(webForm.panel, 0, 'last').click();
  await expect(webForm.panel.getByTestId('save-status')).toContainText('Saved');
  await webForm.panel.reload();
  await expect(webForm.panel.getByTestId('rubric-select')).toHaveAttribute('data-rubric-id', 'support-default');
  await expect(webForm.panel.getByTestId('rubric-reason')).toHaveText('used in your review of this ticket');
  await expect(ratingOption(webForm.panel, 0, 'last')).toHaveAttribute('aria-pressed', 'true');
});

test('a rubric for other tickets is never auto-picked, not even as the default; with nothing that fits the panel asks', async ({ session }) => {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options
    .getByTestId('rubric-import')
    .setInputFiles({ name: 'chat.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(chatDelivery)) });
  await expect(options.locator('[data-testid="rubric-item"][data-rubric-id="chat-delivery"]')).toBeVisible();

  // The e-mail complaint of the bug report gets the complaint template, not the chat rubric.
  const complaint = await session.openTicket(zendeskUrl('email-complaint'));
  await expectRubric(complaint.panel, 'complaint-handling-later', 'picked for: tag complaint');

  // A default that applies elsewhere is passed over; a general default is used.
  const defaultRubric = options.getByLabel('Default rubric');
  await defaultRubric.selectOption('chat-delivery');
  await expect(defaultRubric).toHaveValue('chat-delivery');
  const imported = await session.openTicket(zendeskUrl('imported'));
  await expectRubric(imported.panel, 'support-default', 'general rubric');
  await defaultRubric.selectOption('support-default');
  await expect(defaultRubric).toHaveValue('support-default');
  await imported.panel.reload();
  await expectRubric(imported.panel, 'support-default', 'your default rubric');

  // Leave only the chat rubric in the library (as if the others were removed): nothing fits.
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qa-scorecards');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('rubrics', 'readwrite');
          const cursor = tx.objectStore('rubrics').openCursor();
          cursor.onsuccess = () => {
            const row = cursor.result;
            if (!row) return;
            if ((row.value as { id: string }).id !== 'chat-delivery') row.delete();
            row.continue();
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await imported.panel.reload();
  const select = imported.panel.getByTestId('rubric-select');
  await expect(imported.panel.getByTestId('rubric-needed')).toBeVisible();
  await expect(imported.panel.getByTestId('rubric-reason')).toHaveText('no rubric applies to this ticket — choose one');
  await expect(select).toHaveAttribute('data-rubric-id', '');
  await expect(imported.panel.getByTestId('criterion')).toHaveCount(0);
  await expect(select).toBeEnabled();

  // The reviewer may still choose it, knowingly.
  await select.selectOption('chat-delivery');
  await expect(select).toHaveAttribute('data-rubric-id', 'chat-delivery');
  await expect(imported.panel.getByTestId('rubric-reason')).toHaveText('chosen by you');
  await expect(imported.panel.getByTestId('rubric-needed')).toHaveCount(0);
  await expect(imported.panel.getByTestId('criterion')).toHaveCount(1);
});
