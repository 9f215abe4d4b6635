// Self-test of the fake helpdesks (tests/support/mock-helpdesk) without the extension: the agent
// apps render, navigate like SPAs, never execute hostile ticket content, and the APIs page and
// fail the way the extension must cope with.
import type { Page } from '@playwright/test';
import { DEMO, demoTicket } from '../support/mock-helpdesk/index';
import { expect, test } from './support/fixtures';

const ZD = 'https://acme.zendesk.com';
const FD = 'https://demo.freshdesk.com';

/** fetch from the page (same origin, like a content script) and return status and parsed body */
async function get(page: Page, url: string): Promise<{ status: number; body: any; text: string; contentType: string | null }> {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'include' });
    const text = await r.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, body, text, contentType: r.headers.get('content-type') };
  }, url);
}

const navigations = (page: Page) => page.evaluate(() => performance.getEntriesByType('navigation').length);

/**
 * Whatever in the ticket's content (`root`) could ever run script: script elements, frames,
 * images, and inline event-handler attributes. None present means nothing can run later either,
 * so the check needs no waiting.
 */
const executable = (page: Page, root: string) =>
  page.locator(root).evaluate((el) => [
    ...[...el.querySelectorAll('script, iframe, frame, object, embed, img')].map((e) => e.tagName.toLowerCase()),
    ...[...el.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName.toLowerCase()}[${a.name}]`)),
  ]);

test.describe('mock Zendesk', () => {
  test('agent workspace: tabs, mounted panes and SPA navigation', async ({ launchHelpdeskOnly }) => {
    const { page, pageErrors } = await launchHelpdeskOnly();
    const complaint = demoTicket('zendesk', 'email-complaint');
    const messaging = demoTicket('zendesk', 'messaging');

    await page.goto(`${ZD}/agent/tickets/${complaint.id}`);
    const tab = page.locator(`a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-id="${complaint.id}"]`);
    await expect(tab).toHaveAttribute('data-entity-is-selected', 'true');
    const pane = page.locator(`[data-test-id="ticket-${complaint.id}-standard-layout"]`);
    await expect(pane).toHaveAttribute('data-is-active', 'true');
    await expect(pane).toHaveClass(/ticket-panes-grid-layout/);
    await expect(pane.locator('article[data-test-id="omni-log-comment-item"]')).toHaveCount(complaint.messageCount);
    await expect(pane.locator('[data-test-id="omni-log-internal-note-tag"]')).toHaveCount(complaint.internalCount);
    await expect(pane.locator('[data-test-id="omnicomposer-rich-text-ckeditor"].ck-editor__editable[contenteditable="true"]')).toHaveCount(1);
    await expect(pane.locator('button[data-test-id="submit_button-button"]')).toHaveText('Submit as Solved');
    await expect(tab).toContainText(complaint.subject);
    await page.evaluate(() => ((window as any).__marker = 'still-here'));

    // Views → click a row: SPA navigation, the first pane stays mounted behind.
    await page.locator('nav a[data-nav="views"]').click();
    await expect(page).toHaveURL(/\/agent\/filters\/\d+$/);
    await page.locator('.views-list a', { hasText: 'Recently updated tickets' }).click();
    await page.locator(`tr[data-ticket-id="${messaging.id}"] td`).first().click();
    await expect(page).toHaveURL(`${ZD}/agent/tickets/${messaging.id}`);
    const pane2 = page.locator(`[data-test-id="ticket-${messaging.id}-standard-layout"]`);
    await expect(pane2).toHaveAttribute('data-is-active', 'true');
    await expect(pane2.locator('[data-test-id="omnicomposer-plain-text-ckeditor"]')).toHaveCount(1);
    await expect(pane2.locator('article[data-test-id="omni-log-comment-item"]')).toHaveCount(messaging.messageCount);
    await expect(pane).toHaveAttribute('data-is-active', 'false');
    await expect(tab).toHaveAttribute('data-entity-is-selected', 'false');
    // The real trap: a background pane is invisible but still has an offsetParent.
    expect(await pane.evaluate((el) => (el as HTMLElement).offsetParent !== null)).toBe(true);
    await expect(page.locator('button[data-test-id="submit_button-button"]')).toHaveCount(2);

    // Header tab → back to the first ticket, then browser back.
    await tab.click();
    await expect(page).toHaveURL(`${ZD}/agent/tickets/${complaint.id}`);
    await expect(pane).toHaveAttribute('data-is-active', 'true');
    await expect(pane2).toHaveAttribute('data-is-active', 'false');
    await page.goBack();
    await expect(page).toHaveURL(`${ZD}/agent/tickets/${messaging.id}`);
    await expect(pane2).toHaveAttribute('data-is-active', 'true');
    await page.goForward();
    await expect(pane).toHaveAttribute('data-is-active', 'true');

    expect(await navigations(page)).toBe(1);
    expect(await page.evaluate(() => (window as any).__marker)).toBe('still-here');
    expect(pageErrors).toEqual([]);
    await pane.locator('[data-test-id="omni-log-internal-note-tag"]').first().scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/mock-zendesk.png' });
  });

  test('API: cursor paging with the links.next trap, offset paging, sideloads, metrics', async ({ launchHelpdeskOnly }) => {
    const { page, mock } = await launchHelpdeskOnly();
    const long = demoTicket('zendesk', 'long-thread');
    const imported = demoTicket('zendesk', 'imported');
    await page.goto(`${ZD}/agent/dashboard`);

    const first = await get(page, `/api/v2/tickets/${long.id}/comments.json?page[size]=100&include=users`);
    expect(first.status).toBe(200);
    expect(first.body.comments).toHaveLength(100);
    expect(first.body.meta.has_more).toBe(true);
    expect(first.body.users.length).toBeGreaterThan(2);
    const second = await get(page, first.body.links.next);
    expect(second.body.comments).toHaveLength(long.messageCount - 100);
    expect(second.body.meta.has_more).toBe(false);
    expect(typeof second.body.links.next).toBe('string'); // the trap
    const third = await get(page, second.body.links.next);
    expect(third.body.comments).toHaveLength(0);
    const ids: number[] = [...first.body.comments, ...second.body.comments].map((c: { id: number }) => c.id);
    expect(new Set(ids).size).toBe(long.messageCount);
    expect(ids.some((id, i) => i > 0 && id < ids[i - 1]!)).toBe(true); // ids not in time order
    expect(ids.some((id) => id > 1e13)).toBe(true);

    const offset = await get(page, `/api/v2/tickets/${long.id}/comments.json`);
    expect(offset.body.meta).toBeUndefined();
    expect(offset.body.count).toBe(long.messageCount);
    expect(offset.body.next_page).toMatch(/page=2/);
    const forced = await get(page, `/api/v2/tickets/${imported.id}/comments.json?page[size]=100`);
    expect(forced.body.meta).toBeUndefined();
    expect(forced.body.next_page).toBeNull();
    expect(forced.body.comments[0].public).toBe(false); // imported: private description by an agent

    const ticket = await get(page, `/api/v2/tickets/${long.id}.json?include=users,groups`);
    expect(ticket.body.ticket.via.channel).toBe('email');
    expect(ticket.body.groups).toHaveLength(1);
    expect((await get(page, `/api/v2/tickets/${imported.id}/metrics.json`)).status).toBe(404);
    const metrics = await get(page, `/api/v2/tickets/${demoTicket('zendesk', 'email-complaint').id}/metrics.json`);
    expect(metrics.body.ticket_metric.reply_time_in_minutes.calendar).toBeGreaterThan(0);
    const me = await get(page, '/api/v2/users/me.json');
    expect(me.body.user).toMatchObject({ name: DEMO.zendesk.reviewer.name, role: 'admin' });
    const chat = await get(page, `/api/v2/tickets/${demoTicket('zendesk', 'chat').id}.json`);
    expect(chat.body.ticket.satisfaction_rating).toMatchObject({ score: 'good' });
    expect((await get(page, '/api/v2/nope.json')).status).toBe(404);
    const missingPage = await get(page, '/agent/unknown-place');
    expect(missingPage.status).toBe(404);
    expect(missingPage.contentType).toContain('text/html');

    const ours = mock.requests.filter((r) => !r.fromAgentApp && r.path.endsWith(`/tickets/${long.id}/comments.json`));
    expect(ours.map((r) => r.search.get('page[after]') === null)).toEqual([true, false, false, true]);
    expect(mock.requests.some((r) => r.fromAgentApp)).toBe(true);
  });

  test('API: conversation_log pages a Messaging transcript; custom_statuses', async ({ launchHelpdeskOnly }) => {
    const { page } = await launchHelpdeskOnly();
    const messaging = demoTicket('zendesk', 'messaging');
    await page.goto(`${ZD}/agent/dashboard`);

    const events: { type: string; reference: string; author: { type: string }; content: { type: string } | null }[] = [];
    let url: string | null = `/api/v2/tickets/${messaging.id}/conversation_log?page[size]=100`;
    let pages = 0;
    while (url) {
      const r = await get(page, url);
      expect(r.status).toBe(200);
      events.push(...r.body.events);
      pages++;
      expect(typeof r.body.links.next).toBe('string'); // set on the last page too
      url = r.body.meta.has_more ? r.body.links.next : null;
    }
    expect(pages).toBeGreaterThan(1);
    const messages = events.filter((e) => e.type === 'Messaging::ConversationMessage');
    expect(messages.filter((e) => e.author.type === 'bot').length).toBeGreaterThan(2);
    expect(new Set(messages.map((e) => e.content?.type))).toEqual(new Set(['text', 'form', 'formResponse', 'image', 'file']));
    // Comments that are not messaging messages (the internal note) come as Comment events.
    expect(events.filter((e) => e.type === 'Comment').map((e) => e.reference)).toEqual([expect.stringMatching(/^zen:ticket_event:\d+$/)]);
    expect(events.length).toBe(messaging.transcriptCount);

    const statuses = await get(page, '/api/v2/custom_statuses');
    const withCustom = await get(page, `/api/v2/tickets/${demoTicket('zendesk', 'internal-notes').id}.json`);
    const own = statuses.body.custom_statuses.find((c: { id: number }) => c.id === withCustom.body.ticket.custom_status_id);
    expect(own).toMatchObject({ agent_label: 'Awaiting collection', status_category: 'pending' });
  });

  test('hostile ticket executes nothing in the page', async ({ launchHelpdeskOnly }) => {
    const { page, pageErrors } = await launchHelpdeskOnly();
    const hostile = demoTicket('zendesk', 'hostile');
    await page.goto(`${ZD}/agent/tickets/${hostile.id}`);
    const pane = page.locator(`[data-test-id="ticket-${hostile.id}-standard-layout"]`);
    await expect(pane.locator('article[data-test-id="omni-log-comment-item"]')).toHaveCount(hostile.messageCount);
    await expect(pane.locator('h1')).toHaveText(hostile.subject);
    await expect(pane.locator('.log-author').first()).toHaveText('<img src=x onerror="window.__pwned=1">');
    expect(await executable(page, `[data-test-id="ticket-${hostile.id}-standard-layout"]`)).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.locator('iframe, img, svg[onload], style:not(head style)')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('faults from intercept, latency, and the logged-out state', async ({ launchHelpdeskOnly }) => {
    const calls: string[] = [];
    let failed = false;
    const first = await launchHelpdeskOnly({
      latencyMs: 20,
      intercept: (req) => {
        if (req.fromAgentApp) return undefined;
        calls.push(req.path);
        if (req.path.endsWith('/comments.json') && !failed) {
          failed = true;
          return { status: 429, headers: { 'retry-after': '1' }, body: { error: 'TooManyRequests' } };
        }
        if (req.path === '/api/v2/users/me.json') return { status: 200, body: '<!doctype html><title>Maintenance</title>' };
        if (req.path.endsWith('/metrics.json')) return { status: 500, body: { error: 'InternalError' } };
        return undefined;
      },
    });
    const { page, mock } = first;
    await page.goto(`${ZD}/agent/dashboard`);
    const id = demoTicket('zendesk', 'chat').id;
    expect((await get(page, `/api/v2/tickets/${id}/comments.json?page[size]=100`)).status).toBe(429);
    expect((await get(page, `/api/v2/tickets/${id}/comments.json?page[size]=100`)).status).toBe(200);
    const html = await get(page, '/api/v2/users/me.json');
    expect(html.body).toBeNull();
    expect(html.contentType).toContain('text/html');
    expect((await get(page, `/api/v2/tickets/${id}/metrics.json`)).status).toBe(500);
    expect(calls).toHaveLength(4);
    expect(mock.requests.filter((r) => !r.fromAgentApp)).toHaveLength(4);
    await first.close();

    const out = await launchHelpdeskOnly({ loggedIn: false });
    await out.page.goto(`${ZD}/agent/tickets/${id}`);
    await expect(out.page.locator('h1')).toContainText('Sign in');
    await expect(out.page.locator('[data-test-id="header-tab"]')).toHaveCount(0);
    const denied = await get(out.page, `/api/v2/tickets/${id}.json`);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ error: "Couldn't authenticate you" });
  });
});

test.describe('mock Freshdesk', () => {
  test('agent portal: list → ticket by SPA, collapsed editor, legacy URL, statuses', async ({ launchHelpdeskOnly }) => {
    const { page, pageErrors } = await launchHelpdeskOnly();
    const complaint = demoTicket('freshdesk', 'email-complaint');
    const long = demoTicket('freshdesk', 'long-thread');
    const third = demoTicket('freshdesk', 'third-party');

    await page.goto(`${FD}/a/tickets`);
    await expect(page.locator('.card')).toHaveCount(DEMO.freshdesk.tickets.length);
    await page.evaluate(() => ((window as any).__marker = 'still-here'));
    await page.locator(`.card[data-ticket-id="${complaint.id}"] a.subject`).click();
    await expect(page).toHaveURL(`${FD}/a/tickets/${complaint.id}`);
    await expect(page.locator('[data-test-id="ticket-subject"]')).toHaveText(complaint.subject);
    await expect(page.locator('article.item')).toHaveCount(complaint.messageCount);
    await expect(page.locator('.item.is-private')).toHaveCount(complaint.internalCount);
    await expect(page.locator('.fr-element')).toHaveCount(0);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/mock-freshdesk.png' });
    await page.locator('button[data-test-id="active-editor"]').click();
    await expect(page.locator('.fr-element.fr-view[contenteditable="true"]')).toHaveCount(1);
    await expect(page.locator('button[data-test-id="submit"]')).toHaveText('Send');
    await page.locator('.fr-element').fill('Thanks Graham, glad it is sorted.');
    await expect(page.locator('.fr-element')).toHaveText('Thanks Graham, glad it is sorted.');

    await page.goBack();
    await expect(page).toHaveURL(`${FD}/a/tickets`);
    await expect(page.locator('.card')).toHaveCount(DEMO.freshdesk.tickets.length);
    await page.goForward();
    await expect(page.locator('[data-test-id="ticket-subject"]')).toHaveText(complaint.subject);
    expect(await navigations(page)).toBe(1);
    expect(await page.evaluate(() => (window as any).__marker)).toBe('still-here');

    await page.goto(`${FD}/helpdesk/tickets/${long.id}`);
    await expect(page.locator('[data-test-id="ticket-subject"]')).toHaveText(long.subject);
    await expect(page.locator('[data-test-id="show-more-conversations"]')).toContainText('conversations');
    await page.locator('[data-test-id="show-more-conversations"]').click();
    await expect(page.locator('article.item')).toHaveCount(long.messageCount);

    await page.goto(`${FD}/a/tickets/${third.id}`);
    await expect(page.locator('select[name="status"] option:checked')).toHaveText('Waiting on Third Party');
    await expect(page.locator('.item.is-public-note')).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });

  test('API: paging until a short page, both shapes, agents, ticket fields', async ({ launchHelpdeskOnly }) => {
    const { page } = await launchHelpdeskOnly();
    const long = demoTicket('freshdesk', 'long-thread');
    await page.goto(`${FD}/a/tickets`);
    const p1 = await get(page, `/api/_/tickets/${long.id}/conversations?per_page=100&page=1`);
    const p2 = await get(page, `/api/_/tickets/${long.id}/conversations?per_page=100&page=2`);
    expect(p1.body.conversations).toHaveLength(100);
    expect(p2.body.conversations).toHaveLength(long.messageCount - 1 - 100);
    const v2 = await get(page, `/api/v2/tickets/${long.id}/conversations?per_page=100&page=2`);
    expect(Array.isArray(v2.body)).toBe(true);
    expect((await get(page, `/api/v2/tickets/${long.id}/conversations?per_page=101`)).status).toBe(400);

    const wrapped = await get(page, `/api/_/tickets/${long.id}?include=requester,stats`);
    expect(wrapped.body.ticket.requester.id).toBe(wrapped.body.ticket.requester_id);
    expect(wrapped.body.ticket.stats.first_responded_at).toBeTruthy();
    expect(wrapped.body.ticket.description_text).toContain(' \n ');
    const bare = await get(page, `/api/v2/tickets/${long.id}`);
    expect(bare.body.id).toBe(Number(long.id));
    expect(bare.body.requester).toBeUndefined();

    const me = await get(page, '/api/v2/agents/me');
    expect(me.body.contact.name).toBe(DEMO.freshdesk.reviewer.name);
    const agent = await get(page, `/api/v2/agents/${wrapped.body.ticket.responder_id}`);
    expect(agent.body.contact.name).toBe(long.assigneeName);
    const fields = await get(page, '/api/v2/ticket_fields');
    const status = fields.body.find((f: { name: string }) => f.name === 'status');
    expect(status.choices['6'][0]).toBe('Waiting on Third Party');
    const internal = await get(page, `/api/_/tickets/${demoTicket('freshdesk', 'internal-notes').id}/conversations?per_page=100`);
    expect(internal.body.conversations.some((c: { private: boolean; incoming: boolean; source: number }) => c.private && c.incoming && c.source === 2)).toBe(true);
  });

  test('hostile ticket executes nothing; logged out shows a login page', async ({ launchHelpdeskOnly }) => {
    const { page, pageErrors, close } = await launchHelpdeskOnly();
    const hostile = demoTicket('freshdesk', 'hostile');
    await page.goto(`${FD}/a/tickets/${hostile.id}`);
    await expect(page.locator('[data-test-id="ticket-subject"]')).toHaveText(hostile.subject);
    await expect(page.locator('article.item')).toHaveCount(hostile.messageCount);
    expect(await executable(page, 'section.thread')).toEqual([]);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    await expect(page.locator('iframe, img, style:not(head style)')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
    await close();

    const out = await launchHelpdeskOnly({ loggedIn: false });
    await out.page.goto(`${FD}/a/tickets/${hostile.id}`);
    await expect(out.page.locator('h1')).toContainText('Login');
    const denied = await get(out.page, `/api/_/tickets/${hostile.id}`);
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ code: 'invalid_credentials', message: 'You have to be logged in to perform this action.' });
  });
});
