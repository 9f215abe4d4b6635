// The outcome of a submitted review in words, for its summary in the panel.
import type { ReviewRecord } from '@/lib/review/record';
import { shortTitle } from '@/lib/review/completeness';
import type { Rubric } from '@/lib/rubric/schema';
import { formatScore } from '@/components/format';

/** Pass or fail against the rubric's pass mark, in words; `failedCritical` names an auto-fail. */
export function verdictOf(record: Pick<ReviewRecord, 'score' | 'autoFailed'>, rubric: Pick<Rubric, 'passMark'>, failedCritical: readonly string[]): { tone: 'pass' | 'fail' | 'none'; text: string } {
  const score = formatScore(record.score);
  if (record.autoFailed) {
    const names = failedCritical.map((title) => shortTitle(title)).join(', ');
    return { tone: 'fail', text: `${score} — fail: a critical criterion was not met${names ? ` (${names})` : ''}` };
  }
  if (record.score === null) return { tone: 'none', text: 'No score: every criterion is N/A or weighs nothing' };
  if (rubric.passMark === undefined) return { tone: 'none', text: `${score} (this rubric has no pass mark)` };
  if (record.score >= rubric.passMark) return { tone: 'pass', text: `${score} — pass (pass mark ${rubric.passMark}%)` };
  // 79.96 rounds to "80%": show the decimals that explain the fail.
  const shown = Math.round(record.score * 10) / 10 >= rubric.passMark ? `${Math.floor(record.score * 100 + 1e-9) / 100}%` : score;
  return { tone: 'fail', text: `${shown} — below the pass mark of ${rubric.passMark}%` };
}
