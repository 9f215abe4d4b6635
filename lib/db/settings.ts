import type { QaDatabase } from './schema';
import { applySettingsPatch, migrateSettings, type Settings, type SettingsPatch } from '../settings/settings';

const SETTINGS_KEY = 'app';

export async function readSettings(db: QaDatabase): Promise<Settings> {
  return migrateSettings((await db.settings.get(SETTINGS_KEY))?.value);
}

export async function updateSettings(db: QaDatabase, patch: SettingsPatch | ((s: Settings) => SettingsPatch)): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const next = applySettingsPatch(current, typeof patch === 'function' ? patch(current) : patch);
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
}
