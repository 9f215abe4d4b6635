// The rubric library.
import { z } from '../../zod';
import { rubricSchema } from '../../rubric/schema';

export const rubricsProtocol = {
  'rubrics:list': { request: z.object({}), response: z.array(rubricSchema) },
  'rubrics:get': { request: z.object({ id: z.string(), version: z.number().int() }), response: rubricSchema.nullable() },
  'rubrics:import': {
    // `rollback`: the file is the content of an older version; make it the newest version again
    request: z.object({ rubric: z.unknown(), rollback: z.boolean().optional() }),
    response: rubricSchema,
  },
} as const;
