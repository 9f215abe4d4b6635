import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRubric, type Rubric } from '@/lib/rubric/schema';
import { fitOf, pickRubric, selectRubric } from '@/lib/rubric/select';
import { BUILT_IN_RUBRICS, BUILT_IN_RUBRIC_IDS } from '@/lib/rubric/templates';
import { zendeskChannel } from '@/lib/helpdesk/zendesk/channel';
import { freshdeskChannel } from '@/lib/helpdesk/freshdesk/parse';
import { createFreshdeskDemoData, createZendeskDemoData } from '../../support/mock-helpdesk';

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

  it('falls back to the default rubric, then a general one, never to one meant for other tickets', () => {
    expect(pickRubric(all, { channel: 'phone', tags: [] }, 'general')?.id).toBe('general');
    // The first rubric of the library used to be the fallback: a chat rubric for a phone call.
    expect(pickRubric([chat, general], { channel: 'phone', tags: [] }, 'missing')?.id).toBe('general');
    expect(pickRubric([chat], { channel: 'phone', tags: [] }, null)).toBeNull();
    expect(pickRubric([], { channel: 'phone', tags: [] }, null)).toBeNull();
  });
});

describe('selectRubric', () => {
  // The bug report: an imported chat rubric was auto-picked for an e-mail complaint.
  const importedChat = rubric('chat-delivery', { channels: ['chat', 'messaging'], tags: ['delivery'] });
  const emailComplaint = { channel: 'email', tags: ['complaint', 'refund'] } as const;

  it('never auto-picks a rubric that applies elsewhere, even as the only one: the reviewer is asked', () => {
    expect(selectRubric([importedChat], emailComplaint, null)).toEqual({
      rubric: null,
      reason: 'none',
      label: 'no rubric applies to this ticket — choose one',
    });
    expect(selectRubric([importedChat, rubric('general')], emailComplaint, null).rubric?.id).toBe('general');
  });

  it('does not use a default from Options that applies elsewhere', () => {
    const general = rubric('general');
    expect(selectRubric([importedChat, general], emailComplaint, 'chat-delivery')).toMatchObject({ rubric: general, reason: 'general', label: 'general rubric' });
    expect(selectRubric([importedChat], emailComplaint, 'chat-delivery').rubric).toBeNull();
  });

  it('needs both the channel and one of the tags when appliesTo lists both', () => {
    expect(fitOf(importedChat, { channel: 'chat', tags: ['delivery'] })).toEqual({ kind: 'match', channel: 'chat', tags: ['delivery'] });
    expect(fitOf(importedChat, { channel: 'messaging', tags: ['refund', 'delivery', 'vip'] })).toEqual({ kind: 'match', channel: 'messaging', tags: ['delivery'] });
    expect(fitOf(importedChat, { channel: 'chat', tags: ['refund'] })).toEqual({ kind: 'elsewhere' });
    expect(fitOf(importedChat, { channel: 'email', tags: ['delivery'] })).toEqual({ kind: 'elsewhere' });
  });

  it('treats a rubric without appliesTo, or with empty lists, as general', () => {
    for (const appliesTo of [undefined, {}, { channels: [] }, { channels: [], tags: [] }, { tags: [' '] }]) {
      expect(fitOf(rubric('r', appliesTo), { channel: 'social', tags: ['x'] })).toEqual({ kind: 'general' });
    }
  });

  it('matches tags whatever their case or surrounding spaces (Freshdesk keeps the case agents type)', () => {
    const r = rubric('r', { tags: ['Formal_Complaint '] });
    expect(fitOf(r, { channel: 'email', tags: ['formal_complaint'] })).toMatchObject({ kind: 'match', tags: ['formal_complaint'] });
    expect(fitOf(rubric('s', { tags: ['vip'] }), { channel: 'email', tags: ['VIP'] })).toMatchObject({ kind: 'match' });
  });

  it('says why: the channel and the matched tags, the default, or a general rubric', () => {
    const general = rubric('general');
    expect(selectRubric([importedChat], { channel: 'chat', tags: ['delivery'] }, null).label).toBe('picked for: chat, tag delivery');
    expect(selectRubric([rubric('c', { tags: ['complaint', 'refund', 'other'] })], emailComplaint, null).label).toBe('picked for: tags complaint, refund');
    expect(selectRubric([rubric('e', { channels: ['email', 'web'] })], emailComplaint, null).label).toBe('picked for: email');
    expect(selectRubric([general, rubric('other')], { channel: 'email', tags: [] }, 'general')).toMatchObject({ rubric: general, reason: 'default', label: 'your default rubric' });
    expect(selectRubric([general], { channel: 'email', tags: [] }, null)).toMatchObject({ rubric: general, reason: 'general', label: 'general rubric' });
  });

  it('prefers a matching rubric to the default, and the default to other general rubrics', () => {
    const general = rubric('general');
    const mine = rubric('mine');
    const email = rubric('email', { channels: ['email'] });
    expect(selectRubric([general, mine, email], emailComplaint, 'mine').rubric?.id).toBe('email');
    expect(selectRubric([general, mine], emailComplaint, 'mine').rubric?.id).toBe('mine');
  });

  it('among equal kinds of match, prefers the rubric listing fewer channels', () => {
    const written = rubric('written', { channels: ['email', 'web', 'chat'] });
    const email = rubric('email', { channels: ['email'] });
    expect(selectRubric([written, email], emailComplaint, null).rubric?.id).toBe('email');
  });

  it('breaks a tie by the most recent use, then a team rubric over a template, then template order', () => {
    const a = rubric('a', { channels: ['email'] });
    const b = rubric('b', { channels: ['email'] });
    const facts = { channel: 'email', tags: [] } as const;
    expect(selectRubric([a, b], facts, null, { lastUsed: { b: '2026-11-20T10:00:00.000Z', a: '2026-11-19T10:00:00.000Z' } }).rubric?.id).toBe('b');
    expect(selectRubric([a, b], facts, null, { lastUsed: { a: '2026-11-20T10:00:00.000Z' } }).rubric?.id).toBe('a');
    // b is a template, a is the team's own
    expect(selectRubric([b, a], facts, null, { builtInIds: ['b'] }).rubric?.id).toBe('a');
    expect(selectRubric([a, b], facts, null, { builtInIds: ['b', 'a'] }).rubric?.id).toBe('b');
    // recency outranks the template rule
    expect(selectRubric([a, b], facts, null, { builtInIds: ['b'], lastUsed: { b: '2026-11-20T10:00:00.000Z' } }).rubric?.id).toBe('b');
    // a time that cannot be read counts as never used
    expect(selectRubric([a, b], facts, null, { lastUsed: { a: 'yesterday', b: '2026-11-01T00:00:00Z' } }).rubric?.id).toBe('b');
    // the same ones tie on general rubrics too
    const g1 = rubric('g1');
    const g2 = rubric('g2');
    expect(selectRubric([g1, g2], facts, null, { lastUsed: { g2: '2026-11-20T10:00:00.000Z' } }).rubric?.id).toBe('g2');
    expect(selectRubric([g1, g2], facts, null, { builtInIds: ['g2', 'g1'] }).rubric?.id).toBe('g2');
  });

  it('does not depend on the order of the library', () => {
    const rubrics = [rubric('b', { channels: ['email'] }), rubric('a', { channels: ['email'] }), rubric('c')];
    const picks = [rubrics, [...rubrics].reverse(), [rubrics[1]!, rubrics[2]!, rubrics[0]!]].map((list) => selectRubric(list, emailComplaint, null).rubric?.id);
    expect(picks).toEqual(['a', 'a', 'a']);
  });
});

describe('the built-in templates on the demo tickets', () => {
  const pick = (channel: ReturnType<typeof zendeskChannel>, tags: string[]) =>
    selectRubric(BUILT_IN_RUBRICS, { channel, tags }, null, { builtInIds: BUILT_IN_RUBRIC_IDS }).rubric?.id;

  // Every template shows up in the demo: a complaint, chat, a call, messaging, key accounts,
  // plain e-mail and web forms, and one ticket (imported through the API) that only the general
  // rubric fits.
  it('gives each Zendesk demo ticket the template made for it', () => {
    const picked = Object.fromEntries(createZendeskDemoData().tickets.map((t) => [t.kind, pick(zendeskChannel(t.ticket.via.channel), t.ticket.tags)]));
    expect(picked).toEqual({
      'email-complaint': 'complaint-handling-later',
      chat: 'chat-messaging-quality',
      phone: 'phone-call-quality',
      messaging: 'chat-messaging-quality',
      'long-thread': 'service-quality-rater',
      'internal-notes': 'complaint-handling-later',
      'data-protection': 'email-reply-quality',
      hostile: 'email-reply-quality',
      imported: 'support-default',
      'web-form': 'email-reply-quality',
    });
  });

  it('gives each Freshdesk demo ticket the template made for it', () => {
    const picked = Object.fromEntries(createFreshdeskDemoData().tickets.map((t) => [t.kind, pick(freshdeskChannel(t.ticket.source), t.ticket.tags)]));
    expect(picked).toEqual({
      'email-complaint': 'complaint-handling-later',
      chat: 'chat-messaging-quality',
      phone: 'phone-call-quality',
      messaging: 'chat-messaging-quality',
      'long-thread': 'service-quality-rater',
      'internal-notes': 'complaint-handling-later',
      'data-protection': 'email-reply-quality',
      hostile: 'email-reply-quality',
      'third-party': 'email-reply-quality',
    });
  });

  it('ranks a team rubric for the same tickets above the template', () => {
    const ours: Rubric = rubric('our-chat', { channels: ['chat', 'messaging'] });
    expect(selectRubric([...BUILT_IN_RUBRICS, ours], { channel: 'chat', tags: [] }, null, { builtInIds: BUILT_IN_RUBRIC_IDS }).rubric?.id).toBe('our-chat');
  });
});

describe('the README example', () => {
  it('parses and is picked as the README says', () => {
    const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const block = /a chat rubric for delivery questions only:\s*```json\n([\s\S]*?)```/.exec(readme)?.[1];
    const example = parseRubric(JSON.parse(block!));
    const general = BUILT_IN_RUBRICS.filter((r) => r.id === 'support-default');
    expect(selectRubric([...general, example], { channel: 'messaging', tags: ['delivery'] }, null).rubric?.id).toBe('chat-delivery');
    expect(selectRubric([...general, example], { channel: 'email', tags: ['complaint', 'delivery'] }, null).rubric?.id).toBe('support-default');
  });
});
