import type { QaDatabase } from './schema';
import { migrateSettings, settingsRecordAfterPatch, type Settings, type SettingsPatch } from '../settings/settings';

/** The key of the one settings record (backups name it too). */
export const SETTINGS_KEY = 'app';

export async function readSettings(db: QaDatabase): Promise<Settings> {
  return migrateSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

/** Applies a patch; fields this release does not know (a newer release wrote them) are kept. */
export async function updateSettings(db: QaDatabase, patch: SettingsPatch | ((s: Settings) => SettingsPatch)): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const stored = (await db.settings.get(SETTINGS_KEY))?.value;
    const current = migrateSettings(stored);
    const { record, settings } = settingsRecordAfterPatch(stored, typeof patch === 'function' ? patch(current) : patch);
    await db.settings.put({ key: SETTINGS_KEY, value: record });
    return settings;
  });
}
