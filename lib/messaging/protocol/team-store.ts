// The team's own store: its settings, delivery status and the per-review sync state.
import { z } from '../../zod';
import { teamStoreSettingsSchema } from '../../settings/settings';

export const syncStateSchema = z.enum(['pending', 'synced', 'failed']);

export const storeStatusSchema = z.object({
  /** an endpoint is set */
  configured: z.boolean(),
  /** counts of review revisions (contract §13 `store-status`) */
  pending: z.number().int(),
  synced: z.number().int(),
  failed: z.number().int(),
  /** the store's last refusal or the last network failure, in words */
  lastError: z.string().nullable(),
  /** epoch ms of the next planned attempt after a failure, null when none is planned */
  nextAttemptAt: z.number().nullable(),
  lastSyncedAt: z.string().nullable(),
  /** reviews fetched from the team store (read-only copies of the team's work) */
  pulled: z.number().int(),
  lastPullAt: z.string().nullable(),
  lastPullError: z.string().nullable(),
  /** a sync is running now */
  running: z.boolean(),
});
export type StoreStatus = z.infer<typeof storeStatusSchema>;

const storeViewSchema = z.object({
  settings: teamStoreSettingsSchema,
  /** an auth header value is saved; the value itself never leaves the background */
  hasAuth: z.boolean(),
  hasPseudonymSecret: z.boolean(),
  status: storeStatusSchema,
});
export type StoreView = z.infer<typeof storeViewSchema>;

export const storeSaveSchema = teamStoreSettingsSchema.extend({
  endpoint: z.string().max(2_000).nullable(),
  /** undefined keeps the saved value, null removes it */
  auth: z.string().max(4_000).nullable().optional(),
  pseudonymSecret: z.string().max(500).nullable().optional(),
});

export const teamStoreProtocol = {
  'store:get': { request: z.object({}), response: storeViewSchema },
  'store:save': { request: storeSaveSchema, response: storeViewSchema },
  /** sends what is due now (and pulls, when pulling is on); answers once the run is over */
  'store:sync-now': { request: z.object({}), response: storeStatusSchema },
  /** puts refused revisions back in the queue and sends them */
  'store:retry-failed': { request: z.object({}), response: storeStatusSchema },
  'store:review-state': {
    request: z.object({ reviewId: z.string(), revision: z.number().int() }),
    response: z.object({ configured: z.boolean(), state: syncStateSchema.nullable(), error: z.string().nullable() }),
  },
} as const;
