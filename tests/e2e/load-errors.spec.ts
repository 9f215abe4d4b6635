// Reading a ticket can fail in many ways; each gets a plain sentence, and rate limits recover.
// A state that lasts "until the next answer" (waiting for a retry) is held there by a gate in the
// fake helpdesk for as long as the test needs it: no test races the extension's retry timers.
import { DEMO, Gate, type MockRequest, type MockResponse } from '../support/mock-helpdesk';
import { expect, test } from './support/fixtures';

const zendeskTicket = DEMO.zendesk.tickets[0]!;
const zendeskUrl = `https://${DEMO.zendesk.host}/agent/tickets/${zendeskTicket.id}`;
const freshdeskTicket = DEMO.freshdesk.tickets[0]!;
const isTicketRead = (r: MockRequest) => !r.fromAgentApp && (/^\/api\/v2\/tickets\/\d+\.json$/.test(r.path) || /^\/api\/(_|v2)\/tickets\/\d+$/.test(r.path));
const rateLimited = (seconds: number): MockResponse => ({ status: 429, headers: { 'Retry-After': String(seconds) }, body: { error: 'TooManyRequests' } });

const HELPDESKS = [
  { label: 'Zendesk', ticket: zendeskTicket, url: zendeskUrl, signIn: `https://${DEMO.zendesk.host}/access/login`, signInHeading: 'Sign in', apiPath: `/api/v2/tickets/${zendeskTicket.id}.json` },
  {
    label: 'Freshdesk',
    ticket: freshdeskTicket,
    url: `https://${DEMO.freshdesk.host}/a/tickets/${freshdeskTicket.id}`,
    signIn: `https://${DEMO.freshdesk.host}/login`,
    signInHeading: 'Login',
    apiPath: `/api/_/tickets/${freshdeskTicket.id}`,
  },
] as const;

test('a 429 with Retry-After shows a countdown, then the ticket loads', async ({ launch }) => {
  // The retry waits at the gate, so the waiting state lasts until the test has looked at it.
  const retry = new Gate();
  let reads = 0;
  const session = await launch({
    intercept: (r) => {
      if (!isTicketRead(r)) return undefined;
      reads++;
      return reads === 1 ? rateLimited(3) : retry.hold(r);
    },
  });
  const beforeOpening = Date.now();
  const { panel } = await session.openTicket(zendeskUrl);
  await expect(panel.getByTestId('load-waiting')).toContainText('Zendesk asked us to slow down');
  const countdown = panel.getByTestId('retry-countdown');
  await expect(countdown).toHaveText(/^([1-3] s|now)$/);
  // The next try is due 3 s after the 429 arrived, which was between opening and now.
  const retryAt = Number(await countdown.getAttribute('data-retry-at'));
  expect(retryAt).toBeGreaterThanOrEqual(beforeOpening + 3000);
  expect(retryAt).toBeLessThanOrEqual(Date.now() + 3000);
  // Nobody pressed anything: this second read is the extension's own retry.
  await retry.arrival(1);
  retry.open();
  await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject);
  expect(reads).toBe(2);
});

test('"Retry now" beside the countdown retries at once', async ({ launch }) => {
  const retry = new Gate();
  let reads = 0;
  const session = await launch({
    intercept: (r) => {
      if (!isTicketRead(r)) return undefined;
      reads++;
      return reads === 1 ? rateLimited(300) : retry.hold(r);
    },
  });
  const { panel } = await session.openTicket(zendeskUrl);
  const waiting = panel.getByTestId('load-waiting');
  // Five minutes: longer than any test may run, so only the button can bring the next read.
  await expect(panel.getByTestId('retry-countdown')).toHaveText(/^[45] min( \d+ s)?$/);
  await expect(panel.getByTestId('mode-toggle')).toHaveCount(0);
  expect(retry.arrivals).toBe(0);

  await waiting.getByRole('button', { name: 'Retry now' }).click();
  await retry.arrival(1);
  await expect(panel.getByTestId('ticket-loading')).toBeVisible();
  retry.open();
  await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject);
  await expect(panel.getByTestId('mode-toggle')).toBeVisible();
  expect(reads).toBe(2);
});

test('a rate limit that outlasts the time limit of a load ends in a clear state, and Try again loads the ticket', async ({ launch }) => {
  let reads = 0;
  // 15 minutes asked: the 10-minute limit of one load is passed before the first retry.
  const session = await launch({ intercept: (r) => (isTicketRead(r) && reads++ === 0 ? rateLimited(900) : undefined) });
  const { panel } = await session.openTicket(zendeskUrl);
  const error = panel.getByTestId('load-error');
  await expect(error.getByRole('heading')).toHaveText('Zendesk keeps rate-limiting');
  await expect(error).toContainText(`could not be loaded. Wait a few minutes, then try again.`);
  await error.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject);
  expect(reads).toBe(2);
});

for (const helpdesk of HELPDESKS) {
  test.describe(`signed out of ${helpdesk.label}`, () => {
    test.use({ helpdesk: { loggedIn: false } });

    test(`the panel says to sign in to ${helpdesk.label}, links to its sign-in page and keeps the API path under Details`, async ({ session }) => {
      const { panel } = await session.openTicket(helpdesk.url);
      const error = panel.getByTestId('load-error');
      await expect(error).toContainText(`Sign in to ${helpdesk.label}`);
      await expect(error).not.toContainText('no access');
      await expect(panel.getByTestId('mode-toggle')).toHaveCount(0);

      // The technical part is there, folded away.
      const details = error.getByTestId('load-error-details');
      await expect(details).not.toHaveAttribute('open');
      await expect(details.getByText(helpdesk.apiPath)).toBeHidden();
      await details.getByText('Details').click();
      await expect(details.getByText(helpdesk.apiPath)).toBeVisible();
      await expect(details).toContainText('HTTP 401');

      const link = error.getByRole('link', { name: `Open ${helpdesk.label} sign-in` });
      await expect(link).toHaveAttribute('href', helpdesk.signIn);
      await expect(link).toHaveAttribute('target', '_blank');
      const [signIn] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
      await expect(signIn).toHaveURL(helpdesk.signIn);
      await expect(signIn.locator('h1')).toContainText(helpdesk.signInHeading);
    });
  });

  test(`${helpdesk.label}: a 403 on the ticket says there is no access, not to sign in`, async ({ launch }) => {
    const forbidden: MockResponse =
      helpdesk.label === 'Zendesk'
        ? { status: 403, body: { error: { title: 'Forbidden', message: 'You do not have access to this page. Please contact the account owner of this help desk for further help.' } } }
        : { status: 403, body: { code: 'access_denied', message: 'You are not authorized to perform this action.' } };
    const session = await launch({ intercept: (r) => (isTicketRead(r) ? forbidden : undefined) });
    const { panel } = await session.openTicket(helpdesk.url);
    const error = panel.getByTestId('load-error');
    await expect(error.getByRole('heading')).toHaveText('No access to this ticket');
    await expect(error).toContainText(`You are signed in to ${helpdesk.label}, but your account has no access to ticket #${helpdesk.ticket.id}.`);
    await expect(error).not.toContainText('Sign in to');
    await expect(error.getByRole('link')).toHaveCount(0);
    await expect(error.getByTestId('load-error-details')).toContainText('HTTP 403');
  });
}

test('a ticket that does not exist, an HTML page instead of JSON, and a retry that works', async ({ launch }) => {
  let htmlOnce = true;
  const session = await launch({
    intercept: (r) => {
      if (isTicketRead(r) && r.path.includes(`/${DEMO.zendesk.tickets[1]!.id}.json`) && htmlOnce) {
        htmlOnce = false;
        return { status: 200, body: '<!doctype html><title>Zendesk</title><p>Please sign in</p>', contentType: 'text/html' };
      }
      return undefined;
    },
  });
  const missing = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/999999`);
  await expect(missing.panel.getByTestId('load-error')).toContainText('could not find ticket #999999');

  const html = await session.openTicket(`https://${DEMO.zendesk.host}/agent/tickets/${DEMO.zendesk.tickets[1]!.id}`);
  await expect(html.panel.getByTestId('load-error')).toContainText('something other than ticket data');
  await html.panel.getByRole('button', { name: 'Try again' }).click();
  await expect(html.panel.getByTestId('ticket-subject')).toHaveText(DEMO.zendesk.tickets[1]!.subject);
});

test('server errors are retried with backoff before the ticket loads', async ({ launch }) => {
  // Two 503s, then the third read waits at the gate: the panel is seen retrying, then loading.
  const third = new Gate();
  let reads = 0;
  const session = await launch({
    intercept: (r) => {
      if (!isTicketRead(r)) return undefined;
      reads++;
      return reads <= 2 ? { status: 503, body: { error: 'Unavailable' } } : third.hold(r);
    },
  });
  const { panel } = await session.openTicket(zendeskUrl);
  await expect(panel.getByTestId('load-waiting')).toContainText('Zendesk did not answer');
  await third.arrival(1);
  third.open();
  await expect(panel.getByTestId('ticket-subject')).toHaveText(zendeskTicket.subject);
  expect(reads).toBe(3);
});
