// Backup, restore, retention and "Delete all data" (Options → Your data).
import { backupFileName, createBackup, MAX_BACKUP_BYTES, parseBackup, previewRestore, restoreBackup } from '../../db/backup';
import { megabytes } from '../../db/backup-file';
import { deleteAllData } from '../../db/delete-all';
import { withStorageErrors } from '../../db/errors';
import { countExpired, purgeExpired } from '../../db/retention';
import { seedBuiltInRubrics } from '../../db/rubrics';
import { readSettings } from '../../db/settings';
import { AppError } from '../../messaging/errors';
import { BUILT_IN_RUBRICS } from '../../rubric/templates';
import type { BackgroundDeps, HandlerSlice } from './deps';

type DataMessage = 'data:backup' | 'data:restore-preview' | 'data:restore' | 'data:retention-status' | 'data:purge-expired' | 'data:delete-all';

export function dataHandlers(deps: BackgroundDeps): HandlerSlice<DataMessage> {
  const { db, clock } = deps;
  const nowMs = () => (deps.now ?? Date.now)();

  // The built-in rubrics go back in the same transaction as an emptying write, so the panel
  // always has a rubric. (The seeder behind `deps.ready` remembers that it already seeded, so
  // it would not notice that they are gone.)
  const reseedWithin = <T>(work: () => Promise<T>) =>
    db.transaction('rw', db.tables, async () => {
      const result = await work();
      await seedBuiltInRubrics(db, BUILT_IN_RUBRICS, clock.now());
      return result;
    });

  return {
    'data:backup': async () => {
      const backup = await createBackup(db, clock.now());
      const text = JSON.stringify(backup);
      if (text.length > MAX_BACKUP_BYTES) {
        throw new AppError(
          'backup-too-large',
          `Your data is ${megabytes(text.length)}, more than one backup file can hold (${megabytes(MAX_BACKUP_BYTES)}). Shorten the retention period, or delete old reviews, then try again.`,
        );
      }
      return { text, createdAt: backup.createdAt, fileName: backupFileName(backup.createdAt) };
    },
    'data:restore-preview': ({ text }) => previewRestore(db, parseBackup(text)),
    'data:restore': async ({ text, mode }) => {
      const backup = parseBackup(text);
      const result = await withStorageErrors(() => (mode === 'replace' ? reseedWithin(() => restoreBackup(db, backup, mode)) : restoreBackup(db, backup, mode)));
      deps.libraryChanged?.();
      return result;
    },
    'data:retention-status': async () => {
      const { retentionDays: days } = await readSettings(db);
      if (days === null) return { days, expired: 0, keptUnsynced: 0 };
      return { days, ...(await countExpired(db, nowMs(), days)) };
    },
    'data:purge-expired': async ({ includeUnsynced }) => {
      const { retentionDays: days } = await readSettings(db);
      if (days === null) return { purged: 0, keptUnsynced: 0 };
      const result = await withStorageErrors(() => purgeExpired(db, nowMs(), days, { includeUnsynced }));
      if (result.purged > 0) deps.libraryChanged?.();
      return result;
    },
    'data:delete-all': async () => {
      const { customDomains } = await readSettings(db);
      await withStorageErrors(() => reseedWithin(() => deleteAllData(db)));
      deps.libraryChanged?.();
      // Custom domains go with the settings, and so do their content scripts and host permissions.
      // A browser that refuses to drop one does not undo the deletion: the domain is then only
      // left registered, which Options can no longer show, so it is named in the error.
      const left: string[] = [];
      for (const { host } of customDomains) await deps.unregisterDomain(host).catch(() => left.push(host));
      const secretsError = await (deps.clearSecrets?.() ?? Promise.resolve()).then(
        () => null,
        (err: unknown) => (err instanceof Error ? err.message : String(err)),
      );
      const problems = [
        ...(secretsError !== null ? [`The team-store sign-in could not be removed (${secretsError}); press Delete all data again.`] : []),
        ...(left.length > 0 ? [`The browser kept its permission for ${left.join(', ')}; remove it on the browser's extensions page.`] : []),
      ];
      if (problems.length > 0) throw new AppError('internal', `Your data was deleted, but not everything: ${problems.join(' ')}`, problems);
      return { ok: true as const };
    },
  };
}
