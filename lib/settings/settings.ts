// User settings with versioned migrations. Settings written by any earlier release must load:
// each old shape is migrated step by step, and anything unreadable falls back to defaults per field
// instead of failing the whole record. Fields this release does not know are left in storage
// untouched, so going back to a newer release after a downgrade loses nothing.
import { z } from '../zod';
import { helpdeskNameSchema, personSchema } from '../helpdesk/ticket-schema';

export const SETTINGS_VERSION = 1;

export const customDomainSchema = z.object({
  host: z.string(),
  helpdesk: helpdeskNameSchema,
});
export type CustomDomain = z.infer<typeof customDomainSchema>;

/**
 * What the check before Send in the helpdesk may do: hold a Send for an error (an unfilled
 * placeholder, a card number, a password), or nothing at all. Warnings and tips never hold one.
 */
export const SEND_GUARD_MODES = ['errors', 'off'] as const;
export type SendGuardMode = (typeof SEND_GUARD_MODES)[number];
export const sendGuardModeSchema = z.enum(SEND_GUARD_MODES);

/** How long reviews are kept, in days; null keeps them until deleted. */
export const RETENTION_CHOICES = [30, 90, 180, 365] as const;
export const retentionDaysSchema = z.union([z.literal(30), z.literal(90), z.literal(180), z.literal(365)]).nullable();
export type RetentionDays = z.infer<typeof retentionDaysSchema>;

/**
 * The team's own store (contract §13). The auth header value is not here: it lives in the
 * extension's storage (see lib/background/secrets.ts), so backups and exports never carry it.
 */
export const teamStoreSettingsSchema = z.object({
  /** https, or http on localhost / 127.0.0.1 for testing; null when no store is set up */
  endpoint: z.string().nullable().catch(null),
  batchSize: z.number().int().min(1).max(500).catch(50),
  /** send right after each submit, not only on the periodic sync */
  autoSync: z.boolean().catch(true),
  intervalMinutes: z.number().int().min(1).max(1440).catch(15),
  /** replace e-mails, phones and card numbers in free text before it leaves (contract §7) */
  redact: z.boolean().catch(true),
  /** agents' ids and names become stable pseudonyms (keyed hash with the team secret) */
  pseudonymizeAgents: z.boolean().catch(false),
  /** also fetch the team's reviews from the store (for leads) */
  pull: z.boolean().catch(false),
});
export type TeamStoreSettings = z.infer<typeof teamStoreSettingsSchema>;

export const DEFAULT_TEAM_STORE: TeamStoreSettings = {
  endpoint: null,
  batchSize: 50,
  autoSync: true,
  intervalMinutes: 15,
  redact: true,
  pseudonymizeAgents: false,
  pull: false,
};

export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  /** used as the reviewer's name where the helpdesk does not tell who is signed in */
  reviewerName: z.string().catch(''),
  customDomains: z.array(customDomainSchema).catch([]),
  /** the rubric picked when no rubric's appliesTo matches the ticket */
  defaultRubricId: z.string().nullable().catch(null),
  /**
   * The signed-in agent last seen per helpdesk instance. When the helpdesk cannot say who is
   * signed in (a failed or refused "me" request), reviews keep being filed under the same person.
   */
  knownReviewers: z.record(z.string(), personSchema).catch({}),
  /**
   * Added within version 1: older records have no value and get the default, so no migration
   * step is needed. A mode this release does not know (from a newer one) also reads as the default.
   */
  sendGuard: sendGuardModeSchema.catch('errors'),
  /** added within version 1, like the fields below: older records read as the defaults */
  retentionDays: retentionDaysSchema.catch(null),
  teamStore: teamStoreSettingsSchema.catch(DEFAULT_TEAM_STORE),
  /** hide agents' names in the panel while scoring, so who wrote a reply does not sway the score */
  blindScoring: z.boolean().catch(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_VERSION,
  reviewerName: '',
  customDomains: [],
  defaultRubricId: null,
  knownReviewers: {},
  sendGuard: 'errors',
  retentionDays: null,
  teamStore: DEFAULT_TEAM_STORE,
  blindScoring: false,
};

export const settingsPatchSchema = settingsSchema.omit({ schemaVersion: true }).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n record into version n+1. Version 0 is "no version field". */
const MIGRATIONS: Record<number, Migration> = {
  // Pre-release builds stored `reviewer` and a plain list of custom hosts.
  0: (old) => ({
    schemaVersion: 1,
    reviewerName: typeof old.reviewer === 'string' ? old.reviewer : old.reviewerName,
    customDomains: Array.isArray(old.customHosts)
      ? old.customHosts.filter((h): h is string => typeof h === 'string').map((host) => ({ host, helpdesk: 'zendesk' }))
      : old.customDomains,
    defaultRubricId: old.defaultRubricId ?? null,
  }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Version 0 is "no version field" (pre-release builds). */
const versionOf = (record: unknown) => (isRecord(record) && typeof record.schemaVersion === 'number' ? record.schemaVersion : 0);

/**
 * The stored record brought up to this release's version by the migration steps, not yet
 * validated. A record from a newer release comes back unchanged: it is not this release's to
 * migrate down. Null when there is nothing usable.
 */
function upgradeRecord(stored: unknown): Record<string, unknown> | null {
  if (!isRecord(stored)) return null;
  let record = { ...stored };
  let version = versionOf(stored);
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return null;
    record = step(record);
    version += 1;
  }
  return record;
}

/** The typed view of a stored record: migrated, validated, unknown fields left out. */
export function migrateSettings(stored: unknown): Settings {
  const record = upgradeRecord(stored);
  if (!record) return { ...DEFAULT_SETTINGS };
  // A newer release's record (e.g. after a downgrade) is read for what this release understands.
  const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...record, schemaVersion: SETTINGS_VERSION });
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return settingsSchema.parse({ ...current, ...patch, schemaVersion: SETTINGS_VERSION });
}

const SETTINGS_FIELDS = Object.keys(settingsPatchSchema.shape) as (keyof SettingsPatch)[];

/**
 * What to store after applying `patch` to the stored record, and the typed settings that result.
 * Only the fields the patch names are rewritten. Everything else stays exactly as stored, so
 * fields a newer release added (at the top level or inside a known field) survive a write by
 * this one, and a record from a newer release keeps its `schemaVersion`. A record from an older
 * release is stored migrated.
 */
export function settingsRecordAfterPatch(stored: unknown, patch: SettingsPatch): { record: Record<string, unknown>; settings: Settings } {
  const current = migrateSettings(stored);
  const settings = applySettingsPatch(current, patch);
  const upgraded = upgradeRecord(stored);
  const base = upgraded && versionOf(stored) >= SETTINGS_VERSION ? upgraded : { ...upgraded, ...current };
  const record = { ...base };
  for (const field of SETTINGS_FIELDS) if (field in patch) record[field] = settings[field];
  return { record, settings };
}
