import { describe, expect, it } from 'vitest';
import { authorLabel, blindAliases, nameMasker, revieweeCandidates } from '@/entrypoints/sidepanel/agents';
import type { Message, Person } from '@/lib/helpdesk/types';

const gareth: Person = { id: '8', name: 'Gareth Evans', email: 'g@x' };
const siobhan: Person = { id: '9', name: 'Siobhan Kelly' };
const tom: Person = { id: '7', name: 'Tom Fletcher' };
const helen: Person = { id: '1', name: 'Helen Brooks' };

const msg = (author: Person, role: Message['role'], visibility: Message['visibility'] = 'public'): Message => ({
  id: `${author.id}-${Math.random()}`,
  author,
  role,
  visibility,
  createdAt: '2026-11-17T09:00:00Z',
  text: '',
});

const messages = [msg(helen, 'customer'), msg(siobhan, 'agent', 'internal'), msg(gareth, 'agent'), msg(siobhan, 'agent'), msg(tom, 'agent', 'internal'), msg({ id: 'sys', name: 'System' }, 'system')];

describe('revieweeCandidates', () => {
  it('lists the assignee first, then each agent who wrote (replies and notes) once, in order of first message', () => {
    expect(revieweeCandidates({ assignee: gareth, messages })).toEqual([
      { id: '8', name: 'Gareth Evans' },
      { id: '9', name: 'Siobhan Kelly' },
      { id: '7', name: 'Tom Fletcher' },
    ]);
  });

  it('has the assignee even when they have not written, and nobody but agents', () => {
    expect(revieweeCandidates({ assignee: tom, messages: [msg(helen, 'customer')] })).toEqual([{ id: '7', name: 'Tom Fletcher' }]);
    expect(revieweeCandidates({ assignee: null, messages: [msg(helen, 'customer')] })).toEqual([]);
  });
});

describe('blind scoring', () => {
  it('calls a lone agent "Agent", several "Agent 1", "Agent 2"… with the assignee first', () => {
    expect([...blindAliases({ assignee: gareth, messages: [msg(gareth, 'agent')] })]).toEqual([['8', 'Agent']]);
    expect([...blindAliases({ assignee: gareth, messages })]).toEqual([
      ['8', 'Agent 1'],
      ['9', 'Agent 2'],
      ['7', 'Agent 3'],
    ]);
  });

  it('labels agents by alias and everyone else by name', () => {
    const aliases = blindAliases({ assignee: gareth, messages });
    expect(authorLabel(msg(siobhan, 'agent'), aliases)).toBe('Agent 2');
    expect(authorLabel(msg({ id: 'x', name: 'Someone new' }, 'agent'), aliases)).toBe('Agent');
    expect(authorLabel(msg(helen, 'customer'), aliases)).toBe('Helen Brooks');
    expect(authorLabel(msg(siobhan, 'agent'), null)).toBe('Siobhan Kelly');
  });

  it('masks agents\u2019 full names in text, whatever the case, but not inside other words or first names alone', () => {
    const agents = [gareth, siobhan, tom];
    const mask = nameMasker(agents, blindAliases({ assignee: gareth, messages }));
    expect(mask('Escalating to @Siobhan Kelly.\n\nKind regards,\nGareth Evans\nLarkspur')).toBe('Escalating to @Agent 2.\n\nKind regards,\nAgent 1\nLarkspur');
    expect(mask('TOM FLETCHER said so; Tom says hi; Tom Fletchers Ltd')).toBe('Agent 3 said so; Tom says hi; Tom Fletchers Ltd');
    expect(mask('Nothing to hide')).toBe('Nothing to hide');
  });

  it('treats names as text, not as patterns, and prefers the longer of two names', () => {
    const odd: Person = { id: 'o', name: 'A.B (Support)' };
    const long: Person = { id: 'l', name: 'Tom Fletcher-Jones' };
    const mask = nameMasker([odd, tom, long], new Map([['o', 'Agent 1'], ['7', 'Agent 2'], ['l', 'Agent 3']]));
    expect(mask('AxB (Support) / A.B (Support) / Tom Fletcher-Jones / Tom Fletcher')).toBe('AxB (Support) / Agent 1 / Agent 3 / Agent 2');
  });
});
