// Ticket content is hostile input: script and markup in subjects, names and bodies must show as
// text in the panel and run nowhere.
import { DEMO } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

for (const helpdesk of ['zendesk', 'freshdesk'] as const) {
  test(`${helpdesk}: script and img payloads render as text and run nothing`, async ({ session }) => {
    const ticket = DEMO[helpdesk].tickets.find((t) => t.kind === 'hostile')!;
    const path = helpdesk === 'zendesk' ? `/agent/tickets/${ticket.id}` : `/a/tickets/${ticket.id}`;
    const dialogs: string[] = [];
    session.context.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const { page, panel } = await session.openTicket(`https://${DEMO[helpdesk].host}${path}`);
    panel.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });

    await expect(panel.getByTestId('ticket-subject')).toHaveText(ticket.subject);
    expect(ticket.subject).toMatch(/<script|<img/);
    await expect(panel.getByTestId('ticket-message')).toHaveCount(ticket.messageCount);
    // The literal markup is visible as text somewhere in the transcript…
    await expect(panel.getByTestId('ticket-message').filter({ hasText: /<(script|img|iframe)/ }).first()).toBeVisible();
    // …and none of it became elements or ran. Checking the elements is what makes this certain:
    // with no script, frame, image or inline handler in the panel, nothing can run later either.
    expect(await panel.locator('[data-testid="qa-panel"] script, [data-testid="qa-panel"] iframe, [data-testid="qa-panel"] img').count()).toBe(0);
    const inlineHandlers = await panel.locator('[data-testid="qa-panel"] *').evaluateAll((els) => els.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)));
    expect(inlineHandlers).toEqual([]);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
}
