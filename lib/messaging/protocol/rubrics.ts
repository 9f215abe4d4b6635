// The rubric library.
import { z } from '../../zod';
import { rubricSchema } from '../../rubric/schema';

/** One rubric as Options lists it (see `LibraryEntry` in lib/db/rubrics.ts). */
export const libraryEntrySchema = z.object({
  rubric: rubricSchema,
  source: z.enum(['built-in', 'imported', 'edited']),
  builtIn: z.boolean(),
  archived: z.boolean(),
  versions: z.array(z.number().int()),
  savedAt: z.string(),
  reviews: z.number().int(),
  usedVersions: z.array(z.number().int()),
});

export const rubricsProtocol = {
  // the newest version of each rubric; archived ones only when asked for
  'rubrics:list': { request: z.object({ includeArchived: z.boolean().optional() }), response: z.array(rubricSchema) },
  // without `version`: the newest version (archived or not)
  'rubrics:get': { request: z.object({ id: z.string(), version: z.number().int().optional() }), response: rubricSchema.nullable() },
  'rubrics:import': {
    // `rollback`: the file is the content of an older version; make it the newest version again
    request: z.object({ rubric: z.unknown(), rollback: z.boolean().optional() }),
    response: rubricSchema,
  },
  // Options' library: every rubric with its versions, archive state and use by reviews
  'rubrics:library': { request: z.object({}), response: z.array(libraryEntrySchema) },
  // the editor's Save: a new rubric (`baseVersion: null`) or the next version of the one it opened
  'rubrics:save': {
    request: z.object({ rubric: z.unknown(), baseVersion: z.number().int().nullable(), force: z.boolean().optional() }),
    response: z.object({ rubric: rubricSchema, outcome: z.enum(['created', 'new-version', 'unchanged']) }),
  },
  'rubrics:archive': { request: z.object({ id: z.string(), archived: z.boolean() }), response: z.object({}) },
  // refused for built-in rubrics and for rubrics a review uses
  'rubrics:delete': { request: z.object({ id: z.string() }), response: z.object({ versions: z.number().int() }) },
} as const;
