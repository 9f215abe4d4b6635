// Backup, restore, retention and deletion of everything the extension stores.
import { z } from '../../zod';
import { retentionDaysSchema } from '../../settings/settings';

const tableCounts = z.object({ inFile: z.number(), new: z.number(), existing: z.number(), here: z.number() });
const perTable = <T extends z.ZodType>(schema: T) => z.object({ reviews: schema, rubrics: schema, settings: schema, outbox: schema });
const restoreMode = z.enum(['merge', 'replace']);
const retentionResult = z.object({ purged: z.number(), keptUnsynced: z.number() });

export const dataProtocol = {
  // the whole database as one qa-backup/1 JSON text (unredacted: the person's own copy)
  'data:backup': { request: z.object({}), response: z.object({ text: z.string(), createdAt: z.string(), fileName: z.string() }) },
  // what restoring the file would do; a file that cannot be restored is refused with its problems
  'data:restore-preview': {
    request: z.object({ text: z.string() }),
    response: z.object({
      createdAt: z.string(),
      fileSchemaVersion: z.number(),
      schemaVersion: z.number(),
      tables: perTable(tableCounts),
      domainsNotRestored: z.array(z.string()),
    }),
  },
  'data:restore': {
    request: z.object({ text: z.string(), mode: restoreMode }),
    response: z.object({ mode: restoreMode, written: perTable(z.number()) }),
  },
  // reviews past the retention period: how many the daily clean-up deletes, and how many it keeps
  // because they are not yet in the team store
  'data:retention-status': {
    request: z.object({}),
    response: z.object({ days: retentionDaysSchema, expired: z.number(), keptUnsynced: z.number() }),
  },
  'data:purge-expired': { request: z.object({ includeUnsynced: z.boolean() }), response: retentionResult },
  // the typed confirmation travels with the request, so nothing sends it by accident
  'data:delete-all': { request: z.object({ confirm: z.literal('DELETE') }), response: z.object({ ok: z.literal(true) }) },
} as const;
