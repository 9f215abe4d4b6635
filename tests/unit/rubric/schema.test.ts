import { describe, it, expect } from 'vitest';
import {
  formatPath,
  levelLabel,
  parseRubric,
  parseRubricJson,
  rubricSchema,
  RubricError,
  scaleValues,
  type Criterion,
  type RubricProblem,
} from '../../../lib/rubric/schema';

/** A valid rubric as plain JSON; tests clone and break it. */
function validInput(): Record<string, unknown> {
  return {
    format: 'qa-rubric/1',
    id: 'later-complaints',
    name: 'Complaint handling (LATER)',
    version: 1,
    description: 'Listen, Acknowledge, Take action, Explain, Report',
    appliesTo: { channels: ['email', 'chat'], tags: ['complaint'] },
    passMark: 80,
    sections: [
      { id: 'listen', title: 'Listen' },
      { id: 'act', title: 'Act' },
    ],
    criteria: [
      {
        id: 'acknowledge',
        title: "Acknowledged the problem in the customer's words",
        section: 'listen',
        guidance: 'Quote or paraphrase the complaint.',
        weight: 2,
        critical: false,
        allowNa: true,
        target: 'conversation',
        scale: { type: 'binary' },
      },
      {
        id: 'resolve',
        title: 'Resolved the complaint',
        section: 'act',
        scale: {
          type: 'levels',
          levels: [
            { value: 1, label: 'Poor', description: 'Nothing done' },
            { value: 2, label: 'Fair' },
            { value: 3, label: 'Good' },
            { value: 4, label: 'Excellent' },
          ],
        },
      },
    ],
  };
}

function criteriaOf(input: Record<string, unknown>): Record<string, unknown>[] {
  return input.criteria as Record<string, unknown>[];
}

/** Parses and returns the problems, failing the test if parsing unexpectedly succeeds. */
function problemsOf(input: unknown): RubricProblem[] {
  try {
    parseRubric(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RubricError);
    return (error as RubricError).problems;
  }
  throw new Error('expected parseRubric to throw');
}

function messageOf(input: unknown): string {
  try {
    parseRubric(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseRubric to throw');
}

describe('parseRubric: valid input', () => {
  it('accepts the contract example and keeps every field', () => {
    const rubric = parseRubric(validInput());
    expect(rubric.format).toBe('qa-rubric/1');
    expect(rubric.id).toBe('later-complaints');
    expect(rubric.version).toBe(1);
    expect(rubric.passMark).toBe(80);
    expect(rubric.appliesTo).toEqual({ channels: ['email', 'chat'], tags: ['complaint'] });
    expect(rubric.sections).toEqual([
      { id: 'listen', title: 'Listen' },
      { id: 'act', title: 'Act' },
    ]);
    expect(rubric.criteria[0]).toEqual({
      id: 'acknowledge',
      title: "Acknowledged the problem in the customer's words",
      section: 'listen',
      guidance: 'Quote or paraphrase the complaint.',
      weight: 2,
      critical: false,
      allowNa: true,
      target: 'conversation',
      scale: { type: 'binary' },
    });
    expect(rubric.criteria[1]?.scale).toEqual({
      type: 'levels',
      levels: [
        { value: 1, label: 'Poor', description: 'Nothing done' },
        { value: 2, label: 'Fair' },
        { value: 3, label: 'Good' },
        { value: 4, label: 'Excellent' },
      ],
    });
  });

  it('applies defaults: weight 1, critical false, allowNa true, target conversation', () => {
    const rubric = parseRubric({
      format: 'qa-rubric/1',
      id: 'minimal',
      name: 'Minimal',
      version: 3,
      criteria: [{ id: 'c', title: 'C', scale: { type: 'binary' } }],
    });
    expect(rubric.criteria[0]).toEqual({
      id: 'c',
      title: 'C',
      weight: 1,
      critical: false,
      allowNa: true,
      target: 'conversation',
      scale: { type: 'binary' },
    });
    expect(rubric.sections).toBeUndefined();
    expect(rubric.passMark).toBeUndefined();
    expect(rubric.appliesTo).toBeUndefined();
  });

  it('keeps explicit non-default values', () => {
    const input = validInput();
    criteriaOf(input)[1] = {
      ...criteriaOf(input)[1],
      weight: 0,
      critical: true,
      allowNa: false,
      target: 'message',
    };
    const criterion = parseRubric(input).criteria[1];
    expect(criterion).toMatchObject({ weight: 0, critical: true, allowNa: false, target: 'message' });
  });

  it('accepts the boundaries: passMark 0 and 100, 2 and 11 levels, negative and fractional level values', () => {
    const twoLevels = [
      { value: -1, label: 'Bad' },
      { value: 0.5, label: 'Good' },
    ];
    const elevenLevels = Array.from({ length: 11 }, (_, value) => ({ value, label: `${value}` }));
    for (const passMark of [0, 100]) {
      const input = validInput();
      input.passMark = passMark;
      criteriaOf(input)[1] = { id: 'two', title: 'Two', scale: { type: 'levels', levels: twoLevels } };
      criteriaOf(input).push({ id: 'eleven', title: 'Eleven', scale: { type: 'levels', levels: elevenLevels } });
      const rubric = parseRubric(input);
      expect(rubric.passMark).toBe(passMark);
      expect(rubric.criteria).toHaveLength(3);
    }
  });

  it('strips unknown keys at every level instead of rejecting them', () => {
    const input = validInput();
    input.generator = 'some other tool';
    criteriaOf(input)[0]!.colour = 'red';
    const rubric = parseRubric(input);
    expect(rubric).not.toHaveProperty('generator');
    expect(rubric.criteria[0]).not.toHaveProperty('colour');
  });

  it('does not modify its input', () => {
    const input = validInput();
    const before = JSON.stringify(input);
    parseRubric(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('parseRubric: problems and their paths', () => {
  it('rejects a non-object at the root path', () => {
    for (const input of [null, 42, 'qa-rubric/1', [], undefined]) {
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('(root)');
      expect(problems[0]?.message).toMatch(/must be an object/);
    }
  });

  it('reports every missing required field', () => {
    expect(problemsOf({})).toEqual([
      { path: 'format', message: 'is required' },
      { path: 'id', message: 'is required' },
      { path: 'name', message: 'is required' },
      { path: 'version', message: 'is required' },
      { path: 'criteria', message: 'is required' },
    ]);
  });

  it('requires the exact format string', () => {
    const input = validInput();
    input.format = 'qa-rubric/2';
    expect(problemsOf(input)).toEqual([{ path: 'format', message: 'must be "qa-rubric/1" (got "qa-rubric/2")' }]);
  });

  it('requires a slug id and says what a slug is', () => {
    for (const id of ['Later Complaints', 'UPPER', 'under_score', '-leading', 'trailing-', 'double--dash', '']) {
      const input = validInput();
      input.id = id;
      const problems = problemsOf(input);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('id');
      expect(problems[0]?.message).toMatch(/slug of lowercase letters, digits and single dashes/);
    }
    for (const id of ['a', 'support-default', 'v2-complaints-2026']) {
      const input = validInput();
      input.id = id;
      expect(parseRubric(input).id).toBe(id);
    }
  });

  it('requires a non-empty name', () => {
    const input = validInput();
    input.name = '   ';
    expect(problemsOf(input)).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });

  it('requires version to be an integer of at least 1', () => {
    const cases: [unknown, string][] = [
      [0, 'must be 1 or more (got 0)'],
      [-3, 'must be 1 or more (got -3)'],
      [1.5, 'must be a whole number (got 1.5)'],
      ['1', 'must be a number (got "1")'],
    ];
    for (const [version, message] of cases) {
      const input = validInput();
      input.version = version;
      expect(problemsOf(input)).toEqual([{ path: 'version', message }]);
    }
  });

  it('requires passMark to be within 0..100', () => {
    for (const passMark of [-1, 100.5, 150]) {
      const input = validInput();
      input.passMark = passMark;
      expect(problemsOf(input)).toEqual([{ path: 'passMark', message: `must be between 0 and 100 (got ${passMark})` }]);
    }
  });

  it('requires a non-empty criteria array', () => {
    const input = validInput();
    input.criteria = [];
    expect(problemsOf(input)).toEqual([{ path: 'criteria', message: 'at least 1 criterion' }]);
    input.criteria = { acknowledge: {} };
    expect(problemsOf(input)).toEqual([{ path: 'criteria', message: 'must be a list (JSON array) (got an object)' }]);
  });

  it('reports a duplicate criterion id at the later criterion', () => {
    const input = validInput();
    criteriaOf(input)[1]!.id = 'acknowledge';
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[1].id', message: 'duplicate criterion id "acknowledge" (already used by criteria[0])' },
    ]);
  });

  it('reports a criterion naming an undeclared section', () => {
    const input = validInput();
    criteriaOf(input)[1]!.section = 'explain';
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[1].section', message: 'unknown section "explain" (declared sections: listen, act)' },
    ]);
    delete input.sections;
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[0].section', message: 'unknown section "listen" (no sections are declared)' },
      { path: 'criteria[1].section', message: 'unknown section "explain" (no sections are declared)' },
    ]);
  });

  it('reports duplicate section ids and empty section titles', () => {
    const input = validInput();
    input.sections = [
      { id: 'listen', title: 'Listen' },
      { id: 'listen', title: '' },
      { id: 'act', title: 'Act' },
    ];
    expect(problemsOf(input)).toEqual([
      { path: 'sections[1].title', message: 'must not be empty' },
      { path: 'sections[1].id', message: 'duplicate section id "listen" (already used by sections[0])' },
    ]);
  });

  it('requires criterion and section ids to be slugs, naming each offending path', () => {
    const slugMessage = 'must be a slug of lowercase letters, digits, "-" and "_" that starts with a letter or digit, like "data-protection"';
    for (const id of ['__proto__', '_private', '-dash', 'Upper', 'with space', 'dotted.id', 'é']) {
      const input = validInput();
      criteriaOf(input)[0]!.id = id;
      (input.sections as Record<string, unknown>[])[1]!.id = id;
      criteriaOf(input)[1]!.section = id;
      expect(problemsOf(input)).toEqual([
        { path: 'sections[1].id', message: `${slugMessage} (got ${JSON.stringify(id)})` },
        { path: 'criteria[0].id', message: `${slugMessage} (got ${JSON.stringify(id)})` },
      ]);
    }
    const empty = validInput();
    criteriaOf(empty)[0]!.id = '';
    expect(problemsOf(empty)).toEqual([{ path: 'criteria[0].id', message: 'must not be empty' }]);
    const input = validInput();
    criteriaOf(input)[0]!.id = 'data_protection-2';
    (input.sections as Record<string, unknown>[])[0]!.id = '1st';
    criteriaOf(input)[0]!.section = '1st';
    const rubric = parseRubric(input);
    expect(rubric.criteria[0]?.id).toBe('data_protection-2');
    expect(rubric.sections?.[0]?.id).toBe('1st');
  });

  it('still reads rubrics stored before the slug and size rules, through the schema', () => {
    const input = validInput();
    criteriaOf(input)[0]!.id = 'Greeted Customer';
    expect(rubricSchema.parse(input).criteria[0]?.id).toBe('Greeted Customer');
    input.criteria = Array.from({ length: 201 }, (_, i) => ({ id: `c${i}`, title: `C${i}`, scale: { type: 'binary' } }));
    delete input.sections;
    expect(rubricSchema.parse(input).criteria).toHaveLength(201);
  });

  it('rejects a JSON file whose criterion is called "__proto__" instead of losing it', () => {
    const text = JSON.stringify(validInput()).replace('"acknowledge"', '"__proto__"');
    expect(() => parseRubricJson(text)).toThrow(/criteria\[0\]\.id: must be a slug/);
  });

  it('accepts 200 criteria and refuses more, saying how many the file has', () => {
    const input = validInput();
    const many = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `c${i}`, title: `C${i}`, scale: { type: 'binary' } }));
    input.criteria = many(200);
    delete input.sections;
    expect(parseRubric(input).criteria).toHaveLength(200);
    input.criteria = many(201);
    expect(problemsOf(input)).toEqual([{ path: 'criteria', message: 'at most 200 criteria (this file has 201)' }]);
  });

  it('requires weight ≥ 0 and boolean flags', () => {
    const input = validInput();
    Object.assign(criteriaOf(input)[0]!, { weight: -0.5, critical: 'yes', allowNa: 1, target: 'ticket' });
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[0].weight', message: 'must be 0 or more (got -0.5)' },
      { path: 'criteria[0].critical', message: 'must be true or false (got "yes")' },
      { path: 'criteria[0].allowNa', message: 'must be true or false (got 1)' },
      { path: 'criteria[0].target', message: 'must be "conversation" or "message" (got "ticket")' },
    ]);
  });

  it('requires 2..11 levels, matching the contract wording', () => {
    const input = validInput();
    const scale = criteriaOf(input)[1]!.scale as { levels: unknown[] };
    scale.levels = [{ value: 1, label: 'Only' }];
    expect(messageOf(input)).toContain('criteria[1].scale.levels: at least 2 levels');
    scale.levels = Array.from({ length: 12 }, (_, value) => ({ value, label: `L${value}` }));
    expect(problemsOf(input)).toEqual([{ path: 'criteria[1].scale.levels', message: 'at most 11 levels' }]);
  });

  it('reports a duplicate level value at the later level', () => {
    const input = validInput();
    const scale = criteriaOf(input)[1]!.scale as { levels: { value: number }[] };
    scale.levels[3]!.value = 2;
    expect(problemsOf(input)).toEqual([
      {
        path: 'criteria[1].scale.levels[3].value',
        message: 'duplicate value 2 (already used by levels[1]); level values must be distinct',
      },
    ]);
  });

  it('checks level shape: numeric value, non-empty label', () => {
    const input = validInput();
    const scale = criteriaOf(input)[1]!.scale as { levels: Record<string, unknown>[] };
    scale.levels[0] = { value: '1', label: 'Poor' };
    scale.levels[2] = { value: 3, label: '' };
    delete scale.levels[3]!.label;
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[1].scale.levels[0].value', message: 'must be a number (got "1")' },
      { path: 'criteria[1].scale.levels[2].label', message: 'must not be empty' },
      { path: 'criteria[1].scale.levels[3].label', message: 'is required' },
    ]);
  });

  it('rejects unknown or missing scale types', () => {
    const input = validInput();
    criteriaOf(input)[0]!.scale = { type: 'stars' };
    criteriaOf(input)[1]!.scale = {};
    criteriaOf(input).push({ id: 'third', title: 'Third', scale: 'binary' }, { id: 'fourth', title: 'Fourth' });
    expect(problemsOf(input)).toEqual([
      { path: 'criteria[0].scale.type', message: 'must be "binary" or "levels" (got "stars")' },
      { path: 'criteria[1].scale.type', message: 'is required' },
      { path: 'criteria[2].scale', message: 'must be an object (got "binary")' },
      { path: 'criteria[3].scale', message: 'is required' },
    ]);
  });

  it('requires a levels array for a levels scale', () => {
    const input = validInput();
    criteriaOf(input)[1]!.scale = { type: 'levels' };
    expect(problemsOf(input)).toEqual([{ path: 'criteria[1].scale.levels', message: 'is required' }]);
  });

  it('validates appliesTo channels and tags', () => {
    const input = validInput();
    input.appliesTo = { channels: ['email', 'fax'], tags: ['ok', 7] };
    expect(problemsOf(input)).toEqual([
      {
        path: 'appliesTo.channels[1]',
        message: 'must be one of email, chat, messaging, phone, web, social, other (got "fax")',
      },
      { path: 'appliesTo.tags[1]', message: 'must be text (got 7)' },
    ]);
  });

  it('collects all problems at once, structural and cross-field, and names each in the message', () => {
    const input = validInput();
    input.format = 'qa-rubric/0';
    input.version = 0;
    const criteria = criteriaOf(input);
    criteria[0]!.title = '';
    criteria[1]!.id = 'acknowledge';
    criteria[1]!.section = 'nowhere';
    criteria.push({
      id: 'third',
      title: 'Third',
      scale: { type: 'levels', levels: [{ value: 1, label: 'Only' }] },
    });
    let caught: unknown;
    try {
      parseRubric(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RubricError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as RubricError;
    expect(error.name).toBe('RubricError');
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'format',
      'version',
      'criteria[0].title',
      'criteria[2].scale.levels',
      'criteria[1].id',
      'criteria[1].section',
    ]);
    expect(error.message.split('\n')[0]).toBe('Invalid qa-rubric/1 rubric (6 problems):');
    for (const problem of error.problems) {
      expect(error.message).toContain(`${problem.path}: ${problem.message}`);
    }
    expect(error.message).toContain('criteria[2].scale.levels: at least 2 levels');
  });

  it('uses the singular in the message for one problem', () => {
    const input = validInput();
    input.name = '';
    expect(messageOf(input)).toBe('Invalid qa-rubric/1 rubric (1 problem):\n- name: must not be empty');
  });
});

describe('parseRubricJson', () => {
  it('parses JSON text', () => {
    expect(parseRubricJson(JSON.stringify(validInput())).id).toBe('later-complaints');
  });

  it('reports malformed JSON as a RubricError at the root', () => {
    expect(() => parseRubricJson('{ "format": ')).toThrow(RubricError);
    try {
      parseRubricJson('not json');
    } catch (error) {
      expect((error as RubricError).problems).toHaveLength(1);
      expect((error as RubricError).problems[0]?.path).toBe('(root)');
      expect((error as RubricError).problems[0]?.message).toMatch(/^not valid JSON/);
    }
  });
});

describe('rubricSchema', () => {
  it('applies the cross-field rules to structurally valid input', () => {
    const input = validInput();
    criteriaOf(input)[1]!.id = 'acknowledge';
    const result = rubricSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['criteria', 1, 'id']]);
  });
});

describe('formatPath', () => {
  it('puts indices in brackets and dots between keys', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['criteria', 2, 'scale', 'levels'])).toBe('criteria[2].scale.levels');
    expect(formatPath(['sections', 0, 'id'])).toBe('sections[0].id');
    expect(formatPath(['appliesTo', 'channels', 1])).toBe('appliesTo.channels[1]');
  });
});

describe('scaleValues and levelLabel', () => {
  const binary: Pick<Criterion, 'scale'> = { scale: { type: 'binary' } };
  const unsorted: Pick<Criterion, 'scale'> = {
    scale: {
      type: 'levels',
      levels: [
        { value: 10, label: 'Great' },
        { value: -5, label: 'Harmful' },
        { value: 0, label: 'Neutral' },
      ],
    },
  };

  it('gives binary values 0 and 1', () => {
    expect(scaleValues(binary)).toEqual([0, 1]);
  });

  it('gives level values ascending, whatever their declared order', () => {
    expect(scaleValues(unsorted)).toEqual([-5, 0, 10]);
  });

  it('labels binary values No and Yes', () => {
    expect(levelLabel(binary, 0)).toBe('No');
    expect(levelLabel(binary, 1)).toBe('Yes');
  });

  it('labels level values with their label and falls back to the number', () => {
    expect(levelLabel(unsorted, -5)).toBe('Harmful');
    expect(levelLabel(unsorted, 10)).toBe('Great');
    expect(levelLabel(unsorted, 3)).toBe('3');
    expect(levelLabel(binary, 2)).toBe('2');
  });
});

describe('requireCommentBelow (additive to qa-rubric/1)', () => {
  it('is optional on the rubric and on a criterion, a number from 0 to 1', () => {
    const input = validInput();
    expect(parseRubric(input).requireCommentBelow).toBeUndefined();
    input.requireCommentBelow = 0.5;
    criteriaOf(input)[1]!.requireCommentBelow = 0;
    const rubric = parseRubric(input);
    expect(rubric.requireCommentBelow).toBe(0.5);
    expect(rubric.criteria[1]!.requireCommentBelow).toBe(0);
    expect(rubric.criteria[0]!.requireCommentBelow).toBeUndefined();
  });

  it('names every value outside 0..1, or not a number, with its path', () => {
    const input = validInput();
    input.requireCommentBelow = 50;
    criteriaOf(input)[0]!.requireCommentBelow = -0.1;
    criteriaOf(input)[1]!.requireCommentBelow = 'low';
    const problems = problemsOf(input);
    expect(problems).toContainEqual({ path: 'requireCommentBelow', message: expect.stringMatching(/^must be between 0 and 1 .*\(got 50\)$/) });
    expect(problems).toContainEqual({ path: 'criteria[0].requireCommentBelow', message: expect.stringMatching(/^must be between 0 and 1 .*\(got -0\.1\)$/) });
    expect(problems).toContainEqual({ path: 'criteria[1].requireCommentBelow', message: 'must be a number (got "low")' });
  });
});
