import { describe, expect, it } from 'vitest';
import { describeLoadError, type LoadErrorCode } from '@/lib/helpdesk/errors';

describe('describeLoadError', () => {
  it('says what to do in plain language for every failure', () => {
    expect(describeLoadError({ code: 'not-logged-in', status: 401 }, 'Zendesk', '42')).toMatch(/^Sign in to Zendesk to load this ticket\./);
    expect(describeLoadError({ code: 'not-found', status: 404 }, 'Freshdesk', '42')).toContain('could not find ticket #42');
    expect(describeLoadError({ code: 'server-error', status: 503 }, 'Zendesk')).toContain('error 503');
    expect(describeLoadError({ code: 'too-large' }, 'Zendesk', '42')).toMatch(/^Ticket #42 is too large to bring into the panel\b.*Read it in Zendesk/);
    const codes: LoadErrorCode[] = ['not-logged-in', 'not-found', 'rate-limited', 'server-error', 'bad-response', 'network', 'parse', 'too-large'];
    for (const code of codes) {
      const sentence = describeLoadError({ code }, 'Zendesk', '1');
      expect(sentence).toMatch(/Zendesk/);
      expect(sentence).not.toMatch(/undefined|null/);
    }
  });
});
