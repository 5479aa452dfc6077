// Getting a desk that cannot start going again: the newest backup that would restore cleanly.
import path from 'node:path';
import { backupDir, checkDatabaseFile, isHealthy, listBackups } from '../core/store/backup-files';
import { LATEST_SCHEMA_VERSION } from '../core/store/migrations';

/** The newest backup that passes its checks and was made by this version or an older one; null when none does. */
export function newestRestorableBackup(dataDir: string, latestSchemaVersion = LATEST_SCHEMA_VERSION): string | null {
  for (const backup of listBackups(dataDir)) {
    // Checked without the key (the desk failed to start; its key may be what is missing): a trail found broken is
    // refused, one whose links could not be checked here is not (the restore itself checks it under the key).
    const check = checkDatabaseFile(path.join(backupDir(dataDir), backup.file));
    if (isHealthy(check) && check.schemaVersion <= latestSchemaVersion) return backup.file;
  }
  return null;
}
