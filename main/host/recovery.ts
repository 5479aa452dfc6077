// Getting a desk that cannot start going again: the newest backup that would restore cleanly.
import path from 'node:path';
import { backupDir, checkDatabaseFile, listBackups } from '../core/backup/files';
import { LATEST_SCHEMA_VERSION } from '../core/store/migrations';

/** The newest backup that passes its checks and was made by this version or an older one; null when none does. */
export function newestRestorableBackup(dataDir: string, latestSchemaVersion = LATEST_SCHEMA_VERSION): string | null {
  for (const backup of listBackups(dataDir)) {
    const check = checkDatabaseFile(path.join(backupDir(dataDir), backup.file));
    if (check.integrity === 'ok' && check.audit.ok && check.schemaVersion <= latestSchemaVersion) return backup.file;
  }
  return null;
}
