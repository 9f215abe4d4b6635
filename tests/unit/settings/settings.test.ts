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
    });
  });

  it('keeps valid fields of a current record and repairs broken ones', () => {
    expect(migrateSettings({ schemaVersion: 1, reviewerName: 'Ana', customDomains: 'broken', defaultRubricId: 'x' })).toEqual({
      schemaVersion: 1,
      reviewerName: 'Ana',
      customDomains: [],
      defaultRubricId: 'x',
      knownReviewers: {},
    });
  });

  it('reads a record from a newer release without losing what it understands', () => {
    expect(migrateSettings({ schemaVersion: 9, reviewerName: 'Future', extra: true })).toMatchObject({ schemaVersion: 1, reviewerName: 'Future' });
  });

  it('applies patches', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { defaultRubricId: 'support-default' }).defaultRubricId).toBe('support-default');
  });
});
