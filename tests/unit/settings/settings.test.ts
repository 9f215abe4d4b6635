import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, applySettingsPatch, migrateSettings } from '@/lib/settings/settings';

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
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana', sendGuard: 42 })).toMatchObject({ reviewerName: 'Ana', sendGuard: 'errors' });
    // a mode added by a newer release
    expect(migrateSettings({ schemaVersion: 9, sendGuard: 'warnings' }).sendGuard).toBe('errors');
  });

  it('applies patches', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { sendGuard: 'off' }).sendGuard).toBe('off');
    expect(applySettingsPatch(DEFAULT_SETTINGS, { defaultRubricId: 'support-default' }).defaultRubricId).toBe('support-default');
  });
});
