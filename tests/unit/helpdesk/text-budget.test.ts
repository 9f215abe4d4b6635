import { describe, expect, it } from 'vitest';
import {
  capTranscript,
  cutRawTexts,
  cutText,
  HARD_TOTAL_CHARS,
  MAX_MESSAGE_CHARS,
  messageCharLimit,
  MIN_MESSAGE_CHARS,
  TRANSCRIPT_BUDGET_CHARS,
  TRUNCATED_FLAG,
} from '@/lib/helpdesk/text-budget';
import type { Message } from '@/lib/helpdesk/types';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function message(id: string, text: string, extra: Partial<Message> = {}): Message {
  return { id, author: { id: '1', name: 'A' }, role: 'customer', visibility: 'public', createdAt: '2026-01-01T00:00:00.000Z', text, ...extra };
}

describe('messageCharLimit', () => {
  it('is the per-message cap while the whole transcript fits the budget', () => {
    expect(messageCharLimit([])).toBe(MAX_MESSAGE_CHARS);
    expect(messageCharLimit([10, 5_000, 99_999])).toBe(MAX_MESSAGE_CHARS);
    expect(messageCharLimit(Array(80).fill(MAX_MESSAGE_CHARS))).toBe(MAX_MESSAGE_CHARS); // exactly the budget
  });

  it('over the budget, cuts only the long messages: the short ones stay whole', () => {
    const lengths = [...Array(1_000).fill(500), ...Array(100).fill(MAX_MESSAGE_CHARS)];
    const limit = messageCharLimit(lengths);
    expect(limit).toBeGreaterThan(500);
    expect(limit).toBeLessThan(MAX_MESSAGE_CHARS);
    const total = sum(lengths.map((l) => Math.min(l, limit)));
    expect(total).toBeLessThanOrEqual(TRANSCRIPT_BUDGET_CHARS);
    // the largest such limit: one more character each would pass the budget
    expect(sum(lengths.map((l) => Math.min(l, limit + 1)))).toBeGreaterThan(TRANSCRIPT_BUDGET_CHARS);
  });

  it('keeps at least MIN_MESSAGE_CHARS per message: 5 000 comments of 20 000 characters keep 2 000 each', () => {
    expect(messageCharLimit(Array(5_000).fill(20_000))).toBe(MIN_MESSAGE_CHARS);
  });

  it('lets the floor give way when even that would pass the hard total', () => {
    const limit = messageCharLimit(Array(20_000).fill(20_000));
    expect(limit).toBe(HARD_TOTAL_CHARS / 20_000);
    expect(limit * 20_000).toBeLessThanOrEqual(HARD_TOTAL_CHARS);
  });

  it('counts a message over the cap as the cap', () => {
    // 79 capped messages and some over it: still within the budget once capped
    expect(messageCharLimit([...Array(79).fill(MAX_MESSAGE_CHARS), 5_000_000])).toBe(MAX_MESSAGE_CHARS);
  });
});

describe('cutText', () => {
  it('cuts to the limit and leaves shorter text alone', () => {
    expect(cutText('abcdef', 3)).toBe('abc');
    expect(cutText('abc', 3)).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 3)).toBe('ab');
    expect(cutText('ab😀cd', 4)).toBe('ab😀');
  });
});

describe('capTranscript', () => {
  it('cuts a message over 100 000 characters, marks it and drops its html; others are untouched', () => {
    const long = message('1', 'x'.repeat(MAX_MESSAGE_CHARS + 50), { html: '<p>…</p>' });
    const short = message('2', 'hello', { html: '<p>hello</p>' });
    const [cut, kept] = capTranscript([long, short]);
    expect(cut?.text.length).toBe(MAX_MESSAGE_CHARS);
    expect(cut?.truncated).toBe(true);
    expect(cut).not.toHaveProperty('html');
    expect(kept).toEqual(message('2', 'hello', { html: '<p>hello</p>' }));
    expect(kept).not.toHaveProperty('truncated');
  });

  it('keeps a message the content script already cut marked, without html', () => {
    const [m] = capTranscript([message('1', 'short now', { truncated: true, html: '<p>short</p>' })]);
    expect(m).toEqual(message('1', 'short now', { truncated: true }));
  });

  it('fits a huge transcript into the budget', () => {
    const messages = Array.from({ length: 5_000 }, (_, i) => message(String(i), 'y'.repeat(20_000)));
    capTranscript(messages);
    expect(messages.every((m) => m.truncated && m.text.length === MIN_MESSAGE_CHARS)).toBe(true);
  });
});

describe('cutRawTexts', () => {
  it('cuts every kept text field of a record over the limit and flags the record', () => {
    const big = { id: 1, plain_body: 'p'.repeat(MAX_MESSAGE_CHARS + 1), data: { transcription_text: 't'.repeat(MAX_MESSAGE_CHARS + 1) } };
    const small = { id: 2, plain_body: 'fine' };
    expect(cutRawTexts([{ record: big, paths: [['plain_body'], ['data', 'transcription_text']] }, { record: small, paths: [['plain_body']] }])).toBe(true);
    expect(big.plain_body.length).toBe(MAX_MESSAGE_CHARS);
    expect(big.data.transcription_text.length).toBe(MAX_MESSAGE_CHARS);
    expect(big).toHaveProperty(TRUNCATED_FLAG, true);
    expect(small).toEqual({ id: 2, plain_body: 'fine' });
  });

  it('changes nothing and says so when everything fits', () => {
    const record = { id: 1, body: 'short', data: null };
    expect(cutRawTexts([{ record, paths: [['body'], ['data', 'transcription_text'], ['missing']] }])).toBe(false);
    expect(record).toEqual({ id: 1, body: 'short', data: null });
  });
});
