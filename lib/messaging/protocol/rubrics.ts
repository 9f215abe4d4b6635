// The rubric library.
import { z } from '../../zod';
import { rubricSchema } from '../../rubric/schema';

export const rubricsProtocol = {
  'rubrics:list': { request: z.object({}), response: z.array(rubricSchema) },
  'rubrics:get': { request: z.object({ id: z.string(), version: z.number().int() }), response: rubricSchema.nullable() },
  'rubrics:import': { request: z.object({ rubric: z.unknown() }), response: rubricSchema },
} as const;
