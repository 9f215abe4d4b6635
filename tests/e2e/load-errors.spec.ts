// Reading a ticket can fail in many ways; each gets a plain sentence, and rate limits recover.
import { expect, test } from '@playwright/test';
import { DEMO } from '../support/mock-helpdesk';
import type { MockRequest } from '../support/mock-helpdesk/types';
import { newProfileDir } from './support/extension';
import { openTicketWithPanel, startSession } from './support/flow';

const zendeskTicket = DEMO.zendesk.tickets[0]!;
const zendeskUrl = `https://${DEMO.zendesk.host}/agent/tickets/${zendeskTicket.id}`;
const isTicketRead = (r: MockRequest) => !r.fromAgentApp && /^\/api\/v2\/tickets\/\d+\.json$/.test(r.path);

test('a 429 with Retry-After shows a countdown, then the ticket loads', async () => {
  let limited = 0;
  const session = await startSession(newProfileDir(), {
    intercept: (r) => (isTicketRead(r) && limited++ < 1 ? { status: 429, headers: { 'Retry-After': '3' }, body: { error: 'TooManyRequests' } } : undefined),
  });
  try {
    const { panel } = await openTicketWithPanel(session, zendeskUrl);
    await expect(panel.getByTestId('load-waiting')).toBeVisible();
    await expect(panel.getByTestId('retry-countdown')).toHaveText(/^[1-3] s$/);
    await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject, { timeout: 20_000 });
    expect(limited).toBe(2);
  } finally {
    await session.context.close();
  }
});

test('signed out: the panel says to sign in to Zendesk', async () => {
  const session = await startSession(newProfileDir(), { loggedIn: false });
  try {
    const { panel } = await openTicketWithPanel(session, zendeskUrl);
    await expect(panel.getByTestId('load-error')).toContainText('Sign in to Zendesk');
  } finally {
    await session.context.close();
  }
});

test('signed out of Freshdesk: the panel says to sign in to Freshdesk', async () => {
  const session = await startSession(newProfileDir(), { loggedIn: false });
  try {
    const { panel } = await openTicketWithPanel(session, `https://${DEMO.freshdesk.host}/a/tickets/${DEMO.freshdesk.tickets[0]!.id}`);
    await expect(panel.getByTestId('load-error')).toContainText('Sign in to Freshdesk');
  } finally {
    await session.context.close();
  }
});

test('a ticket that does not exist, an HTML page instead of JSON, and a retry that works', async () => {
  let htmlOnce = true;
  const session = await startSession(newProfileDir(), {
    intercept: (r) => {
      if (isTicketRead(r) && r.path.includes(`/${DEMO.zendesk.tickets[1]!.id}.json`) && htmlOnce) {
        htmlOnce = false;
        return { status: 200, body: '<!doctype html><title>Zendesk</title><p>Please sign in</p>', contentType: 'text/html' };
      }
      return undefined;
    },
  });
  try {
    const missing = await openTicketWithPanel(session, `https://${DEMO.zendesk.host}/agent/tickets/999999`);
    await expect(missing.panel.getByTestId('load-error')).toContainText('could not find ticket #999999');

    const html = await openTicketWithPanel(session, `https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets[1]!.id}`);
    await expect(html.panel.getByTestId('load-error')).toContainText('something other than ticket data');
    await html.panel.getByRole('button', { name: 'Try again' }).click();
    await expect(html.panel.getByTestId('ticket-subject')).toHaveText(DEMO.zendesk.tickets[1]!.subject);
  } finally {
    await session.context.close();
  }
});

test('server errors are retried with backoff before the ticket loads', async () => {
  let failures = 0;
  const session = await startSession(newProfileDir(), {
    intercept: (r) => (isTicketRead(r) && failures++ < 2 ? { status: 503, body: { error: 'Unavailable' } } : undefined),
  });
  try {
    const { panel } = await openTicketWithPanel(session, zendeskUrl);
    await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject, { timeout: 20_000 });
  } finally {
    await session.context.close();
  }
});
