import { describe, expect, it } from 'vitest';
import { verdictOf } from '@/entrypoints/sidepanel/verdict';

describe('verdictOf', () => {
  it('passes at or above the pass mark and fails below it', () => {
    expect(verdictOf({ score: 80, autoFailed: false }, { passMark: 80 }, [])).toEqual({ tone: 'pass', text: '80% — pass (pass mark 80%)' });
    expect(verdictOf({ score: 72.25, autoFailed: false }, { passMark: 80 }, [])).toEqual({ tone: 'fail', text: '72.3% — below the pass mark of 80%' });
    // Rounded for display it would read 80%: the decimals say why it failed.
    expect(verdictOf({ score: 79.96, autoFailed: false }, { passMark: 80 }, [])).toEqual({ tone: 'fail', text: '79.96% — below the pass mark of 80%' });
  });

  it('names the critical criterion of an auto-fail', () => {
    expect(verdictOf({ score: 0, autoFailed: true }, { passMark: 80 }, ['Verified identity before sharing account data; no personal data exposed'])).toEqual({
      tone: 'fail',
      text: '0% — fail: a critical criterion was not met (Verified identity before sharing account data…)',
    });
  });

  it('is neutral without a pass mark or a score', () => {
    expect(verdictOf({ score: 62.5, autoFailed: false }, {}, [])).toEqual({ tone: 'none', text: '62.5% (this rubric has no pass mark)' });
    expect(verdictOf({ score: null, autoFailed: false }, { passMark: 80 }, []).tone).toBe('none');
  });
});
