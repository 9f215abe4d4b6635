import { describe, expect, it } from 'vitest';
import { parseRubric } from '@/lib/rubric/schema';
import { pickRubric } from '@/lib/rubric/select';

const rubric = (id: string, appliesTo?: object) =>
  parseRubric({ format: 'qa-rubric/1', id, name: id, version: 1, ...(appliesTo ? { appliesTo } : {}), criteria: [{ id: 'c', title: 'C', scale: { type: 'binary' } }] });

describe('pickRubric', () => {
  const general = rubric('general');
  const chat = rubric('chat', { channels: ['chat'] });
  const complaints = rubric('complaints', { tags: ['complaint'] });
  const emailComplaints = rubric('email-complaints', { channels: ['email'], tags: ['complaint'] });
  const all = [general, chat, complaints, emailComplaints];

  it('prefers the most specific match: tag and channel over tag over channel', () => {
    expect(pickRubric(all, { channel: 'email', tags: ['complaint'] }, null)?.id).toBe('email-complaints');
    expect(pickRubric(all, { channel: 'chat', tags: ['complaint'] }, null)?.id).toBe('complaints');
    expect(pickRubric(all, { channel: 'chat', tags: [] }, null)?.id).toBe('chat');
  });

  it('falls back to the default rubric, then the first one', () => {
    expect(pickRubric(all, { channel: 'phone', tags: [] }, 'general')?.id).toBe('general');
    expect(pickRubric([chat, general], { channel: 'phone', tags: [] }, 'missing')?.id).toBe('chat');
    expect(pickRubric([], { channel: 'phone', tags: [] }, null)).toBeNull();
  });
});
