import { describe, expect, it } from 'vitest';
import { describeLoadError, LOAD_ERROR_CODES, loadErrorTitle } from '@/lib/helpdesk/errors';

describe('describeLoadError', () => {
  it('says what to do in plain language for every failure', () => {
    expect(describeLoadError({ code: 'not-logged-in', status: 401 }, 'Zendesk', '42')).toMatch(/^Sign in to Zendesk to load this ticket\./);
    expect(describeLoadError({ code: 'not-found', status: 404 }, 'Freshdesk', '42')).toContain('could not find ticket #42');
    expect(describeLoadError({ code: 'server-error', status: 503 }, 'Zendesk')).toContain('error 503');
    expect(describeLoadError({ code: 'too-large' }, 'Zendesk', '42')).toMatch(/^Ticket #42 is too large to bring into the panel\b.*Read it in Zendesk/);
    expect(loadErrorTitle({ code: 'too-large' }, 'Zendesk')).toBe('This ticket is too large for the panel');
    expect(LOAD_ERROR_CODES).toContain('too-large');
    expect(LOAD_ERROR_CODES).toContain('no-access');
    for (const code of LOAD_ERROR_CODES) {
      for (const text of [describeLoadError({ code }, 'Zendesk', '1'), loadErrorTitle({ code }, 'Zendesk')]) {
        expect(text).not.toMatch(/undefined|null/);
      }
      expect(describeLoadError({ code }, 'Zendesk', '1')).toMatch(/Zendesk/);
    }
  });

  it('tells a session that ended apart from an account without access to the ticket', () => {
    const signedOut = describeLoadError({ code: 'not-logged-in', status: 401 }, 'Zendesk', '42');
    const noAccess = describeLoadError({ code: 'no-access', status: 403 }, 'Zendesk', '42');
    expect(signedOut).not.toMatch(/access/);
    expect(noAccess).toBe('You are signed in to Zendesk, but your account has no access to ticket #42. Ask a Zendesk admin for access, or sign in with the account that has it.');
    expect(loadErrorTitle({ code: 'not-logged-in' }, 'Freshdesk')).toBe('Signed out of Freshdesk');
    expect(loadErrorTitle({ code: 'no-access' }, 'Freshdesk')).toBe('No access to this ticket');
  });

  it('names a rate limit that never lifted as such', () => {
    expect(loadErrorTitle({ code: 'rate-limited' }, 'Zendesk')).toBe('Zendesk keeps rate-limiting');
    expect(describeLoadError({ code: 'rate-limited', status: 429 }, 'Zendesk', '7')).toBe('Zendesk keeps rate-limiting our requests, so ticket #7 could not be loaded. Wait a few minutes, then try again.');
  });
});
