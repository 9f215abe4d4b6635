import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_TEAM_STORE, applySettingsPatch, migrateSettings, settingsRecordAfterPatch } from '@/lib/settings/settings';

describe('migrateSettings', () => {
  it('returns defaults for nothing or garbage', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(migrateSettings('nope')).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates version 0 (no schemaVersion) step by step', () => {
    expect(migrateSettings({ reviewer: 'Sam', customHosts: ['a.example.com', 42] })).toEqual({
      schemaVersion: 1,
      reviewerName: 'Sam',
      customDomains: [{ host: 'a.example.com', helpdesk: 'zendesk' }],
      defaultRubricId: null,
      knownReviewers: {},
      sendGuard: 'errors',
      retentionDays: null,
      teamStore: DEFAULT_TEAM_STORE,
      blindScoring: false,
    });
  });

  it('keeps valid fields of a current record and repairs broken ones', () => {
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana', customDomains: 'broken', defaultRubricId: 'x' })).toEqual({
      schemaVersion: 1,
      reviewerName: 'Ana',
      customDomains: [],
      defaultRubricId: 'x',
      knownReviewers: {},
      sendGuard: 'errors',
      retentionDays: null,
      teamStore: DEFAULT_TEAM_STORE,
      blindScoring: false,
    });
  });

  it('reads a record from a newer release without losing what it understands', () => {
    expect(migrateSettings({ schemaVersion: 9, reviewerName: 'Future', extra: true })).toMatchObject({ schemaVersion: 1, reviewerName: 'Future' });
  });

  it('gives records from before the Send-check setting the default: errors only', () => {
    // version 0 and version 1 records written before the setting existed
    expect(migrateSettings({ reviewer: 'Sam' }).sendGuard).toBe('errors');
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana', customDomains: [], defaultRubricId: null, knownReviewers: {} }).sendGuard).toBe('errors');
    expect(DEFAULT_SETTINGS.sendGuard).toBe('errors');
  });

  it('keeps the Send check switched off, and reads an unknown or broken mode as the default', () => {
    expect(migrateSettings({ schemaVersion: 1, sendGuard: 'off' }).sendGuard).toBe('off');
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana', sendGuard: 42 })).toMatchObject({ reviewerName: 'Ana', sendGuard: 'errors', retentionDays: null, teamStore: DEFAULT_TEAM_STORE });
    // a mode added by a newer release
    expect(migrateSettings({ schemaVersion: 9, sendGuard: 'warnings' }).sendGuard).toBe('errors');
  });

  it('reads records from before blind scoring as off, and keeps it on once set', () => {
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana' }).blindScoring).toBe(false);
    expect(migrateSettings({ schemaVersion: 1, blindScoring: 'yes' }).blindScoring).toBe(false);
    expect(migrateSettings({ schemaVersion: 1, blindScoring: true }).blindScoring).toBe(true);
    expect(applySettingsPatch(DEFAULT_SETTINGS, { blindScoring: true }).blindScoring).toBe(true);
  });

  it('applies patches', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { sendGuard: 'off' }).sendGuard).toBe('off');
    expect(applySettingsPatch(DEFAULT_SETTINGS, { defaultRubricId: 'support-default' }).defaultRubricId).toBe('support-default');
  });
});

describe('settingsRecordAfterPatch', () => {
  // A later release adds a top-level setting and a field inside custom domains, same version.
  const fromLaterRelease = {
    schemaVersion: 1,
    reviewerName: 'Ana',
    customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk', label: 'Acme' }],
    defaultRubricId: null,
    knownReviewers: {},
    sendCheck: 'errors-only',
  };

  it('keeps fields it does not know, at the top level and inside fields it does not change', () => {
    const { record, settings } = settingsRecordAfterPatch(fromLaterRelease, { reviewerName: 'Ana Lima' });
    expect(record).toEqual({ ...fromLaterRelease, reviewerName: 'Ana Lima' });
    // the typed view stays validated and has only what this release knows
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, reviewerName: 'Ana Lima', customDomains: [{ host: 'help.acme.com', helpdesk: 'zendesk' }] });
    expect(migrateSettings(record)).toEqual(settings);
  });

  it('does not migrate a newer version down, nor drop its fields', () => {
    const newer = { ...fromLaterRelease, schemaVersion: 3, theme: { dark: true } };
    const { record, settings } = settingsRecordAfterPatch(newer, { defaultRubricId: 'support-default' });
    expect(record).toEqual({ ...newer, defaultRubricId: 'support-default' });
    expect(settings).toMatchObject({ schemaVersion: 1, reviewerName: 'Ana', defaultRubricId: 'support-default' });
  });

  it('writes the fields it changes in this release\'s validated shape', () => {
    const { record } = settingsRecordAfterPatch(fromLaterRelease, { customDomains: [{ host: 'support.acme.com', helpdesk: 'freshdesk' }] });
    expect(record.customDomains).toEqual([{ host: 'support.acme.com', helpdesk: 'freshdesk' }]);
    expect(record.sendCheck).toBe('errors-only');
  });

  it('stores an older record migrated, without its pre-release fields', () => {
    const { record, settings } = settingsRecordAfterPatch({ reviewer: 'Sam', customHosts: ['a.example.com'] }, { defaultRubricId: 'x' });
    expect(record).toEqual({ schemaVersion: 1, reviewerName: 'Sam', customDomains: [{ host: 'a.example.com', helpdesk: 'zendesk' }], defaultRubricId: 'x', knownReviewers: {}, sendGuard: 'errors', retentionDays: null, teamStore: DEFAULT_TEAM_STORE, blindScoring: false });
    expect(settings).toEqual(record);
  });

  it('starts from the defaults when nothing usable is stored', () => {
    expect(settingsRecordAfterPatch(undefined, { reviewerName: 'New' }).record).toEqual({ ...DEFAULT_SETTINGS, reviewerName: 'New' });
    expect(settingsRecordAfterPatch(['not', 'settings'], {}).record).toEqual(DEFAULT_SETTINGS);
  });
});
