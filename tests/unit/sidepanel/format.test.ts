import { describe, expect, it } from 'vitest';
import { formatCountdown } from '@/components/format';

describe('formatCountdown', () => {
  it('counts whole seconds up, then minutes and seconds, then says now', () => {
    expect(formatCountdown(3000)).toBe('3 s');
    expect(formatCountdown(2001)).toBe('3 s');
    expect(formatCountdown(1)).toBe('1 s');
    expect(formatCountdown(0)).toBe('now');
    expect(formatCountdown(-500)).toBe('now');
    expect(formatCountdown(59_500)).toBe('1 min');
    expect(formatCountdown(245_000)).toBe('4 min 5 s');
    expect(formatCountdown(300_000)).toBe('5 min');
  });
});
