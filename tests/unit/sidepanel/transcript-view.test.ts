import { describe, expect, it } from 'vitest';
import { highlightParts, matchRanges, messageMatches, passesFilter, queryPattern, safeTicketUrl } from '@/entrypoints/sidepanel/transcript-view';

describe('transcript filter', () => {
  const customer = { role: 'customer', visibility: 'public' } as const;
  const reply = { role: 'agent', visibility: 'public' } as const;
  const note = { role: 'agent', visibility: 'internal' } as const;
  const system = { role: 'system', visibility: 'public' } as const;

  it('customer, agent replies and internal notes each show only their own messages', () => {
    const all = [customer, reply, note, system];
    expect(all.filter((m) => passesFilter(m, 'all'))).toEqual(all);
    expect(all.filter((m) => passesFilter(m, 'customer'))).toEqual([customer]);
    expect(all.filter((m) => passesFilter(m, 'agent'))).toEqual([reply]);
    expect(all.filter((m) => passesFilter(m, 'internal'))).toEqual([note]);
  });
});

describe('transcript search', () => {
  it('finds the query in any case, in the author or the text; an empty query finds everything', () => {
    const p = queryPattern('  refund ');
    expect(messageMatches('Helen', 'A full REFUND please', p)).toBe(true);
    expect(messageMatches('Refund team', 'nothing here', p)).toBe(true);
    expect(messageMatches('Helen', 'nothing here', p)).toBe(false);
    expect(queryPattern('   ')).toBeNull();
    expect(messageMatches('Helen', 'anything', null)).toBe(true);
  });

  it('gives the same answer on repeated calls (a global pattern remembers where it stopped)', () => {
    const p = queryPattern('a');
    expect([messageMatches('', 'a', p), messageMatches('', 'a', p), messageMatches('', 'xa', p)]).toEqual([true, true, true]);
  });

  it('searches for the characters typed, not a pattern', () => {
    expect(matchRanges('costs $5.00 (approx.) or 5x00', queryPattern('5.00'))).toEqual([[7, 11]]);
    expect(matchRanges('a+b a+b', queryPattern('a+b'))).toEqual([[0, 3], [4, 7]]);
    expect(messageMatches('', 'abc', queryPattern('.*'))).toBe(false);
  });

  it('cuts text into plain and matched parts that join back into the text', () => {
    const text = 'Chargeback by Wednesday; chargeback risk';
    const parts = highlightParts(text, queryPattern('CHARGEBACK'));
    expect(parts).toEqual([
      { text: 'Chargeback', match: true },
      { text: ' by Wednesday; ', match: false },
      { text: 'chargeback', match: true },
      { text: ' risk', match: false },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(highlightParts('<b>x</b>', queryPattern('<b>'))).toEqual([
      { text: '<b>', match: true },
      { text: 'x</b>', match: false },
    ]);
    expect(highlightParts('', queryPattern('x'))).toEqual([{ text: '', match: false }]);
    expect(highlightParts('plain', null)).toEqual([{ text: 'plain', match: false }]);
  });
});

describe('safeTicketUrl', () => {
  it('offers the ticket link only as http(s) on the ticket\u2019s own instance', () => {
    expect(safeTicketUrl({ url: 'https://acme.zendesk.com/agent/tickets/42', instance: 'acme.zendesk.com' })).toBe('https://acme.zendesk.com/agent/tickets/42');
    expect(safeTicketUrl({ url: 'https://ACME.zendesk.com/a/tickets/7', instance: 'acme.zendesk.com' })).toBe('https://acme.zendesk.com/a/tickets/7');
    expect(safeTicketUrl({ url: 'javascript:alert(1)', instance: 'acme.zendesk.com' })).toBeNull();
    expect(safeTicketUrl({ url: 'https://evil.example/agent/tickets/42', instance: 'acme.zendesk.com' })).toBeNull();
    expect(safeTicketUrl({ url: 'https://acme.zendesk.com.evil.example/x', instance: 'acme.zendesk.com' })).toBeNull();
    expect(safeTicketUrl({ url: 'https://user:pw@acme.zendesk.com/x', instance: 'acme.zendesk.com' })).toBeNull();
    expect(safeTicketUrl({ url: 'data:text/html,hi', instance: 'acme.zendesk.com' })).toBeNull();
    expect(safeTicketUrl({ url: 'not a url', instance: 'acme.zendesk.com' })).toBeNull();
  });
});
