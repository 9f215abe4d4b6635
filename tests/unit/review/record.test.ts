import { describe, expect, it } from 'vitest';
import { answerOf, scoreAnswers, type AnswerInput } from '@/lib/review/record';
import { parseRubric } from '@/lib/rubric/schema';

describe('answerOf', () => {
  // "constructor" is a valid criterion slug; the panel's answer map is a plain object.
  it('finds no answer for a criterion id that is an Object.prototype member', () => {
    const answers: Record<string, AnswerInput> = {};
    expect(answerOf(answers, 'constructor')).toBeUndefined();
    expect(answerOf({ ...answers, constructor: { value: 1, comment: '' } }, 'constructor')).toEqual({ value: 1, comment: '' });
  });

  it('scores a rubric with such an id from a plain answer map', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'odd',
      name: 'Odd ids',
      version: 1,
      criteria: [
        { id: 'constructor', title: 'Odd', scale: { type: 'binary' } },
        { id: 'other', title: 'Other', scale: { type: 'binary' } },
      ],
    });
    const { result, answers } = scoreAnswers(rubric, { other: { value: 1, comment: '' } });
    expect(result.score).toBe(100);
    expect(answers.map((a) => a.criterionId)).toEqual(['other']);
  });
});
