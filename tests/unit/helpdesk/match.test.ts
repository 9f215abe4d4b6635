import { describe, expect, it } from 'vitest';
import { freshdeskTicketIdFromUrl } from '@/lib/helpdesk/freshdesk/content/match';
import { customDomainMatches, normalizeCustomHost, signInUrl } from '@/lib/helpdesk/registry';
import { zendeskCurrentTicketId, zendeskTicketIdFromUrl } from '@/lib/helpdesk/zendesk/content/match';

/** Just enough of a document for the tab lookup: header tabs with their attributes. */
function docWithTabs(tabs: Record<string, string>[]) {
  const elements = tabs.map((attrs) => ({
    getAttribute: (name: string) => attrs[name] ?? null,
    matches: (selector: string) => {
      const m = /^\[([\w-]+)="([^"]*)"\]$/.exec(selector);
      return !!m && attrs[m[1]!] === m[2];
    },
  }));
  return { querySelectorAll: () => elements } as unknown as Pick<Document, 'querySelectorAll'>;
}

const url = (href: string) => new URL(href);

describe('zendesk URL and tab matching', () => {
  it('reads the ticket id from agent URLs only', () => {
    expect(zendeskTicketIdFromUrl(url('https://acme.zendesk.com/agent/tickets/4821'))).toBe('4821');
    expect(zendeskTicketIdFromUrl(url('https://acme.zendesk.com/agent/tickets/4821/events'))).toBe('4821');
    expect(zendeskTicketIdFromUrl(url('https://acme.zendesk.com/agent/tickets/new/1'))).toBeNull();
    expect(zendeskTicketIdFromUrl(url('https://acme.zendesk.com/hc/requests/4821'))).toBeNull();
  });

  it('prefers the URL, falls back to the selected ticket tab, and shows nothing on other pages', () => {
    const doc = docWithTabs([
      { 'data-entity-id': '11', 'data-entity-is-selected': 'false' },
      { 'data-entity-id': '12', 'data-entity-is-selected': 'true' },
    ]);
    expect(zendeskCurrentTicketId(url('https://a.zendesk.com/agent/tickets/11'), doc)).toBe('11');
    expect(zendeskCurrentTicketId(url('https://a.zendesk.com/agent/tickets'), doc)).toBe('12');
    expect(zendeskCurrentTicketId(url('https://a.zendesk.com/agent/dashboard'), doc)).toBeNull();
  });

  it('understands the older selection markers', () => {
    const doc = docWithTabs([{ 'data-entity-id': '7', 'aria-selected': 'true' }]);
    expect(zendeskCurrentTicketId(url('https://a.zendesk.com/agent/tickets'), doc)).toBe('7');
  });
});

describe('freshdesk URL matching', () => {
  it('reads the new and the legacy ticket URLs', () => {
    expect(freshdeskTicketIdFromUrl(url('https://acme.freshdesk.com/a/tickets/9052'))).toBe('9052');
    expect(freshdeskTicketIdFromUrl(url('https://acme.freshdesk.com/helpdesk/tickets/9052'))).toBe('9052');
    expect(freshdeskTicketIdFromUrl(url('https://acme.freshdesk.com/a/tickets'))).toBeNull();
    expect(freshdeskTicketIdFromUrl(url('https://acme.freshdesk.com/a/contacts/9052'))).toBeNull();
  });
});

describe('custom domains', () => {
  it('normalizes what people paste into a bare host', () => {
    expect(normalizeCustomHost('support.acme.com')).toBe('support.acme.com');
    expect(normalizeCustomHost(' https://Support.Acme.com/agent/tickets/1 ')).toBe('support.acme.com');
    expect(normalizeCustomHost('http://support.acme.com')).toBeNull();
    expect(normalizeCustomHost('localhost')).toBeNull();
    expect(normalizeCustomHost('not a host')).toBeNull();
    expect(normalizeCustomHost('')).toBeNull();
  });

  it('builds match patterns for the agent app paths only', () => {
    expect(customDomainMatches('freshdesk', 'help.acme.com')).toEqual(['https://help.acme.com/a/*', 'https://help.acme.com/helpdesk/tickets/*']);
    expect(customDomainMatches('zendesk', 'support.acme.com')).toEqual(['https://support.acme.com/agent/*']);
  });

  it("points at the instance's own agent sign-in page, custom domains included", () => {
    expect(signInUrl('zendesk', 'acme.zendesk.com')).toBe('https://acme.zendesk.com/access/login');
    expect(signInUrl('zendesk', 'support.acme.com')).toBe('https://support.acme.com/access/login');
    expect(signInUrl('freshdesk', 'acme.freshdesk.com')).toBe('https://acme.freshdesk.com/login');
  });
});
