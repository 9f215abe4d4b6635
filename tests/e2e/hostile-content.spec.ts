// Ticket content is hostile input: script and markup in subjects, names and bodies must show as
// text in the panel and run nowhere.
import { expect, test } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import { newProfileDir } from './support/extension';
import { openTicketWithPanel, startSession } from './support/flow';

for (const helpdesk of ['zendesk', 'freshdesk'] as const) {
  test(`${helpdesk}: script and img payloads render as text and run nothing`, async () => {
    const session = await startSession(newProfileDir());
    try {
      const ticket = DEMO[helpdesk].tickets.find((t) => t.kind === 'hostile')!;
      const path = helpdesk === 'zendesk' ? `/agent/tickets/${ticket.id}` : `/a/tickets/${ticket.id}`;
      const dialogs: string[] = [];
      session.context.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const { page, panel } = await openTicketWithPanel(session, `https://${DEMO[helpdesk].host}${path}`);
      panel.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

      await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
      expect(ticket.subject).toMatch(/<script|<img/);
      await expect(panel.getByTestId('ticket-message')).toHaveCount(ticket.messageCount);
      // The literal markup is visible as text somewhere in the transcript…
      await expect(panel.getByTestId('ticket-message').filter({ hasText: /<(script|img|iframe)/ }).first()).toBeVisible();
      // …and none of it became elements or ran.
      expect(await panel.locator('[data-testid="qa-panel"] script, [data-testid="qa-panel"] iframe, [data-testid="qa-panel"] img').count()).toBe(0);
      expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await session.context.close();
    }
  });
}
