import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pseudonymDigest, pseudonymousAgent, pseudonymousId } from '../../../lib/export/pseudonym';

const SECRET = 'team-secret-2026';

describe('agent pseudonyms', () => {
  it('are HMAC-SHA256 of the versioned agent id under the team secret (checked against node:crypto)', () => {
    const expected = createHmac('sha256', SECRET).update('qa-agent-pseudonym/1:8123').digest('hex');
    expect(pseudonymDigest(SECRET, '8123')).toBe(expected);
    expect(pseudonymousAgent(SECRET, { id: '8123', name: 'Sam Agent' })).toEqual({
      id: `agent-${expected.slice(0, 12)}`,
      name: `Agent ${expected.slice(0, 6).toUpperCase()}`,
    });
    expect(pseudonymousId(SECRET, '8123')).toBe(`agent-${expected.slice(0, 12)}`);
  });

  it('have a fixed shape', () => {
    const agent = pseudonymousAgent(SECRET, { id: '42', name: 'Ann' });
    expect(agent.id).toMatch(/^agent-[0-9a-f]{12}$/);
    expect(agent.name).toMatch(/^Agent [0-9A-F]{6}$/);
    expect(agent.id.slice(6, 12).toUpperCase()).toBe(agent.name.slice(6));
  });

  it('are stable: the same secret and id give the same pseudonym, whatever the name', () => {
    const a = pseudonymousAgent(SECRET, { id: '42', name: 'Ann' });
    expect(pseudonymousAgent(SECRET, { id: '42', name: 'Ann' })).toEqual(a);
    // A renamed agent keeps the pseudonym: it comes from the id alone.
    expect(pseudonymousAgent(SECRET, { id: '42', name: 'Ann Smith' })).toEqual(a);
  });

  it('differ between agents and between secrets', () => {
    const ids = ['1', '2', '3', '10', '42', '8123', 'agent@example.com'];
    const pseudonyms = new Set(ids.map((id) => pseudonymousId(SECRET, id)));
    expect(pseudonyms.size).toBe(ids.length);
    expect(pseudonymousId('another-team', '42')).not.toBe(pseudonymousId(SECRET, '42'));
    expect(pseudonymousId(`${SECRET} `, '42')).not.toBe(pseudonymousId(SECRET, '42'));
  });

  it('never contain the id or the name', () => {
    const agent = pseudonymousAgent(SECRET, { id: '123456', name: 'Ann Smith' });
    expect(JSON.stringify(agent)).not.toMatch(/123456|Ann|Smith/);
  });

  it('refuse an empty secret (a key everyone knows would make the id recoverable)', () => {
    expect(() => pseudonymousAgent('', { id: '42', name: 'Ann' })).toThrow(/secret/);
  });

  it('handle ids and secrets outside ASCII', () => {
    const expected = createHmac('sha256', 'Geheimnis-ß-✓').update('qa-agent-pseudonym/1:Jürgen-✓').digest('hex');
    expect(pseudonymDigest('Geheimnis-ß-✓', 'Jürgen-✓')).toBe(expected);
  });
});
