// The browser's promise to keep (or not) the extension's storage under disk pressure.
import { z } from '../../zod';

export const storageProtocol = {
  // whether the browser keeps the reviews under disk pressure; null when it cannot say
  'storage:status': { request: z.object({}), response: z.object({ persisted: z.boolean().nullable() }) },
} as const;
