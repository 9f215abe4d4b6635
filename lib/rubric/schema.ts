// The rubric interchange format `qa-rubric/1` (public contract §3): zod schemas, the parsed
// TypeScript types, and `parseRubric`, which reports *every* problem of a file with its JSON path
// so a person fixing an imported file sees the whole list at once, not one error per attempt.
import { z } from '../zod';
import type { Channel } from '../helpdesk/types';
import { formatPath as formatJsonPath } from '../json-path';

// Extension pages run under a CSP without 'unsafe-eval'; zod 4 otherwise probes `new Function`
// to JIT-compile object parsers. `../zod` already sets this; repeating the global, idempotent
// call here keeps this module safe even if it is ever imported from plain 'zod' again.
z.config({ jitless: true });

export const RUBRIC_FORMAT = 'qa-rubric/1';
export const MIN_LEVELS = 2;
export const MAX_LEVELS = 11;
/** A bigger rubric is a mistake or an attack; it would also make every scorecard unusable. */
export const MAX_CRITERIA = 200;

const CHANNELS = ['email', 'chat', 'messaging', 'phone', 'web', 'social', 'other'] as const satisfies readonly Channel[];

// Rubric ids appear in URLs, file names and exported records, hence the conservative alphabet.
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Criterion and section ids become object keys (answers, section scores) and CSV column names.
// Limiting them to slugs keeps names like "__proto__" from vanishing into or colliding with an
// object's prototype; underscores are allowed because spreadsheet-minded authors use them.
// Checked on import only (see `findImportProblems`): rubrics imported before this rule stay
// readable, since their reviews name those ids.
const ID_SLUG_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const ID_SLUG_MESSAGE = 'must be a slug of lowercase letters, digits, "-" and "_" that starts with a letter or digit, like "data-protection"';

// Custom messages are attached to the checks whose default zod wording would be vague.
// Type mismatches ("expected a number") are worded centrally in `describeIssue` instead.
const nonEmptyText = z.string().refine((text) => text.trim().length > 0, { error: 'must not be empty' });

const levelSchema = z.object({
  value: z.number(),
  label: nonEmptyText,
  description: z.string().optional(),
});

const binaryScaleSchema = z.object({ type: z.literal('binary') });

const levelsScaleSchema = z.object({
  type: z.literal('levels'),
  levels: z
    .array(levelSchema)
    .min(MIN_LEVELS, { error: `at least ${MIN_LEVELS} levels` })
    .max(MAX_LEVELS, { error: `at most ${MAX_LEVELS} levels` }),
});

const scaleSchema = z.discriminatedUnion('type', [binaryScaleSchema, levelsScaleSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'must be "binary" or "levels"' : undefined,
});

// `requireCommentBelow` (additive to qa-rubric/1): a rating whose criterion score — (value − min) /
// (max − min), 0..1, as in scoring — is strictly below it needs a comment before Submit. On the
// scale rather than a level value so one number works for every criterion's scale.
const commentThresholdSchema = z
  .number()
  .min(0, { error: 'must be between 0 and 1 (a criterion score: 0 = lowest level, 1 = highest)' })
  .max(1, { error: 'must be between 0 and 1 (a criterion score: 0 = lowest level, 1 = highest)' });

const criterionSchema = z.object({
  id: nonEmptyText,
  title: nonEmptyText,
  section: z.string().optional(),
  guidance: z.string().optional(),
  weight: z.number().min(0, { error: 'must be 0 or more' }).default(1),
  critical: z.boolean().default(false),
  allowNa: z.boolean().default(true),
  target: z
    .enum(['conversation', 'message'], { error: 'must be "conversation" or "message"' })
    .default('conversation'),
  scale: scaleSchema,
  /** overrides the rubric's `requireCommentBelow` for this criterion (0 switches it off here) */
  requireCommentBelow: commentThresholdSchema.optional(),
});

const sectionSchema = z.object({
  id: nonEmptyText,
  title: nonEmptyText,
  description: z.string().optional(),
});

const appliesToSchema = z.object({
  channels: z.array(z.enum(CHANNELS, { error: `must be one of ${CHANNELS.join(', ')}` })).optional(),
  tags: z.array(z.string()).optional(),
});

// Unknown keys are stripped (zod's default), not passed through: a file written by a newer
// version with extra optional fields still imports, while the stored model keeps exactly the
// shape the types promise. Re-exporting such a rubric drops the unknown fields.
const rubricObjectSchema = z.object({
  format: z.literal(RUBRIC_FORMAT, { error: `must be "${RUBRIC_FORMAT}"` }),
  id: z.string().regex(SLUG_PATTERN, {
    error: 'must be a slug of lowercase letters, digits and single dashes, like "support-default"',
  }),
  name: nonEmptyText,
  version: z
    .number()
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be 1 or more' }),
  description: z.string().optional(),
  appliesTo: appliesToSchema.optional(),
  passMark: z.number().min(0, { error: 'must be between 0 and 100' }).max(100, { error: 'must be between 0 and 100' }).optional(),
  sections: z.array(sectionSchema).optional(),
  /** ratings scoring below this (0..1 on the criterion's scale) need a comment; see above */
  requireCommentBelow: commentThresholdSchema.optional(),
  criteria: z.array(criterionSchema).min(1, { error: 'at least 1 criterion' }),
});

/**
 * The full schema including the cross-field rules (unique ids, known sections, distinct level
 * values): what the library may hold, so it validates rubrics passed between the background and
 * pages. Those rules only run once the structure is valid; `parseRubric` runs them on the raw
 * input too, plus the rules for new files (slug ids, at most 200 criteria), so use it for files.
 */
export const rubricSchema = rubricObjectSchema.superRefine((rubric, ctx) => {
  for (const problem of findCrossFieldProblems(rubric)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});

export type Rubric = z.output<typeof rubricObjectSchema>;
/** What a file may contain: defaults not yet applied. */
export type RubricInput = z.input<typeof rubricObjectSchema>;
export type Criterion = Rubric['criteria'][number];
export type Scale = Criterion['scale'];
export type Level = z.output<typeof levelSchema>;
export type Section = z.output<typeof sectionSchema>;

export interface RubricProblem {
  /** JSON path such as `criteria[2].scale.levels`; `(root)` for the document itself. */
  path: string;
  message: string;
}

export class RubricError extends Error {
  readonly problems: RubricProblem[];

  constructor(problems: RubricProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((problem) => `- ${problem.path}: ${problem.message}`);
    super([`Invalid ${RUBRIC_FORMAT} rubric (${count}):`, ...lines].join('\n'));
    this.name = 'RubricError';
    this.problems = problems;
  }
}

/** Validates a parsed JSON value and applies defaults; throws `RubricError` listing all problems. */
export function parseRubric(input: unknown): Rubric {
  const result = rubricObjectSchema.safeParse(input);
  // Cross-field rules are checked on the raw input so they are reported alongside structural
  // problems elsewhere in the file (zod skips refinements once the structure is invalid).
  const crossField = [...findCrossFieldProblems(input), ...findImportProblems(input)];
  const structural = result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, input));
  const problems = dedupe([...structural, ...crossField.map(toPublicProblem)]);
  if (problems.length > 0 || !result.success) throw new RubricError(problems);
  return result.data;
}

/** `JSON.parse` + `parseRubric`, reporting malformed JSON as a `RubricError` too (for file imports). */
export function parseRubricJson(text: string): Rubric {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RubricError([{ path: ROOT_PATH, message: `not valid JSON (${reason})` }]);
  }
  return parseRubric(value);
}

/** The values a criterion can be answered with, ascending (binary: 0 = No, 1 = Yes). */
export function scaleValues(criterion: Pick<Criterion, 'scale'>): number[] {
  if (criterion.scale.type === 'binary') return [0, 1];
  return criterion.scale.levels.map((level) => level.value).sort((a, b) => a - b);
}

/**
 * Display label of a value on the criterion's scale. A value not on the scale (e.g. from a
 * review made against an older rubric version) is shown as the number rather than throwing.
 */
export function levelLabel(criterion: Pick<Criterion, 'scale'>, value: number): string {
  if (criterion.scale.type === 'binary') {
    if (value === 0) return 'No';
    if (value === 1) return 'Yes';
    return String(value);
  }
  return criterion.scale.levels.find((level) => level.value === value)?.label ?? String(value);
}

// ---------------------------------------------------------------------------------------------

type PathSegment = string | number;
interface InternalProblem {
  path: PathSegment[];
  message: string;
}

const ROOT_PATH = '(root)';

/** `criteria[2].scale.levels`; the document itself is `(root)` in rubric problems. */
export function formatPath(path: readonly PropertyKey[]): string {
  return formatJsonPath(path) || ROOT_PATH;
}

function toPublicProblem(problem: InternalProblem): RubricProblem {
  return { path: formatPath(problem.path), message: problem.message };
}

function dedupe(problems: RubricProblem[]): RubricProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const EXPECTED_NOUNS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list (JSON array)',
  object: 'an object',
};

function describeIssue(issue: z.core.$ZodIssue, input: unknown): RubricProblem {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_type') {
    const actual = valueAt(input, issue.path);
    // "is required" reads oddly for the document itself (e.g. parseRubric(undefined)).
    if (actual === undefined && issue.path.length > 0) return { path, message: 'is required' };
    // `.int()` failures arrive as invalid_type with a custom message worth keeping.
    if (issue.expected === 'int') return { path, message: `${issue.message} (got ${describeValue(actual)})` };
    const expected = EXPECTED_NOUNS[issue.expected] ?? issue.expected;
    return { path, message: `must be ${expected} (got ${describeValue(actual)})` };
  }
  const quotesInput =
    issue.code === 'invalid_value' ||
    issue.code === 'invalid_union' ||
    issue.code === 'invalid_format' ||
    // Numeric bounds, not list lengths: "at least 2 levels" needs no echo of the list.
    ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number');
  if (quotesInput) {
    const actual = valueAt(input, issue.path);
    if (actual === undefined) return { path, message: 'is required' };
    return { path, message: `${issue.message} (got ${describeValue(actual)})` };
  }
  return { path, message: issue.message };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

// Tolerant of any input shape: it runs on raw, possibly malformed, JSON and only reports
// problems it can establish from the parts that do have the expected shape.
function findCrossFieldProblems(input: unknown): InternalProblem[] {
  const problems: InternalProblem[] = [];
  if (!isRecord(input)) return problems;

  const declaredSections = new Map<string, number>();
  if (Array.isArray(input.sections)) {
    input.sections.forEach((section, index) => {
      if (!isRecord(section) || typeof section.id !== 'string') return;
      const firstIndex = declaredSections.get(section.id);
      if (firstIndex !== undefined) {
        problems.push({ path: ['sections', index, 'id'], message: `duplicate section id "${section.id}" (already used by sections[${firstIndex}])` });
      } else {
        declaredSections.set(section.id, index);
      }
    });
  }

  if (!Array.isArray(input.criteria)) return problems;
  const criterionIds = new Map<string, number>();
  input.criteria.forEach((criterion, index) => {
    if (!isRecord(criterion)) return;
    if (typeof criterion.id === 'string') {
      const firstIndex = criterionIds.get(criterion.id);
      if (firstIndex !== undefined) {
        problems.push({ path: ['criteria', index, 'id'], message: `duplicate criterion id "${criterion.id}" (already used by criteria[${firstIndex}])` });
      } else {
        criterionIds.set(criterion.id, index);
      }
    }
    if (typeof criterion.section === 'string' && !declaredSections.has(criterion.section)) {
      const known = declaredSections.size > 0 ? `declared sections: ${[...declaredSections.keys()].join(', ')}` : 'no sections are declared';
      problems.push({ path: ['criteria', index, 'section'], message: `unknown section "${criterion.section}" (${known})` });
    }
    const scale = criterion.scale;
    if (isRecord(scale) && scale.type === 'levels' && Array.isArray(scale.levels)) {
      const seenValues = new Map<number, number>();
      scale.levels.forEach((level, levelIndex) => {
        if (!isRecord(level) || typeof level.value !== 'number') return;
        const firstIndex = seenValues.get(level.value);
        if (firstIndex !== undefined) {
          problems.push({
            path: ['criteria', index, 'scale', 'levels', levelIndex, 'value'],
            message: `duplicate value ${level.value} (already used by levels[${firstIndex}]); level values must be distinct`,
          });
        } else {
          seenValues.set(level.value, levelIndex);
        }
      });
    }
  });
  return problems;
}

// Rules for files entering the library that stored rubrics may predate. Ids that are not text, or
// empty, are already reported by the schema.
function findImportProblems(input: unknown): InternalProblem[] {
  const problems: InternalProblem[] = [];
  if (!isRecord(input)) return problems;
  const checkId = (item: unknown, path: PathSegment[]) => {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id.trim() === '' || ID_SLUG_PATTERN.test(item.id)) return;
    problems.push({ path: [...path, 'id'], message: `${ID_SLUG_MESSAGE} (got ${describeValue(item.id)})` });
  };
  if (Array.isArray(input.sections)) input.sections.forEach((section, index) => checkId(section, ['sections', index]));
  if (Array.isArray(input.criteria)) {
    if (input.criteria.length > MAX_CRITERIA) {
      problems.push({ path: ['criteria'], message: `at most ${MAX_CRITERIA} criteria (this file has ${input.criteria.length})` });
    }
    input.criteria.forEach((criterion, index) => checkId(criterion, ['criteria', index]));
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
