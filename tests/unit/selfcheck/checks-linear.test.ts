// checkDraft runs on every pause in typing and again on Send, on whatever is in the composer
// (pasted logs included), so its time must grow linearly with the draft. Each of the first five
// drafts below made one of the earlier patterns rescan a long run of characters from each of its
// positions: at 200 000 characters (the longest draft the panel accepts) that took minutes, far
// past the test timeout, where the linear version takes milliseconds. No timing is asserted: a
// regression shows up as a test timing out. The last one covers the list of placeholders, which
// was quadratic in their number (seconds here, so it checks the result, not the time).
import { describe, expect, it } from 'vitest';
import { checkDraft, findPlaceholders, type DraftFinding } from '../../../lib/selfcheck/checks';

const LENGTH = 200_000;
const chat = { channel: 'chat' } as const;

function ruleIds(findings: DraftFinding[]): string[] {
  return findings.map((finding) => finding.id);
}

describe('checkDraft is linear in the length of the draft', () => {
  it('a password word followed by a long run of spaces', () => {
    // `\s+(?:…)?\s*` split the run between two quantifiers in every possible way.
    expect(ruleIds(checkDraft(`Your password${' '.repeat(LENGTH)}`, chat))).toEqual(['next-steps']);
    expect(ruleIds(checkDraft(`Your password is${' '.repeat(LENGTH)}`, chat))).toEqual(['next-steps']);
  });

  it('"temporary password is" followed by a long run of spaces', () => {
    expect(ruleIds(checkDraft(`Your temporary password is${' '.repeat(LENGTH)}`, chat))).toEqual(['next-steps']);
  });

  it('a password value made of a long run of punctuation', () => {
    // The value is still a disclosed password once its punctuation is trimmed.
    expect(ruleIds(checkDraft(`password: ${'.'.repeat(LENGTH)}x`, chat))).toEqual(['sensitive-data', 'next-steps']);
  });

  it('a long run of blank lines', () => {
    expect(ruleIds(checkDraft(`The refund is done.${'\n'.repeat(LENGTH)}Thanks`, chat))).toEqual(['next-steps']);
    // …and the instruction after them still counts as a next step.
    expect(ruleIds(checkDraft(`The refund is done.${'\n \t'.repeat(LENGTH / 3)}Update the app.`, chat))).toEqual([]);
  });

  it('many unclosed "[add" brackets', () => {
    expect(findPlaceholders(`${'[add '.repeat(LENGTH / 5)}`)).toEqual([]);
    expect(findPlaceholders(`${'[add '.repeat(LENGTH / 5)}[add date]`)).toEqual(['[add date]']);
  });

  it('many placeholders, each listed once', () => {
    const draft = Array.from({ length: LENGTH / 10 }, (_, index) => `{{f${index}}}`).join(' ');
    const placeholders = findPlaceholders(draft);
    expect(placeholders).toHaveLength(LENGTH / 10);
    expect(placeholders.slice(0, 2)).toEqual(['{{f0}}', '{{f1}}']);
  });
});
