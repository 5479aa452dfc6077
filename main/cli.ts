// The plain-Node entry point: `web` serves the core over HTTP; `audit:verify`, `backup`, `restore` look after the store.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir, userDir } from './data-dir';
import { APP_VERSION } from './version';
import { verifyStoreFile } from './core/audit/verify-file';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './core/store/open';
import { LATEST_SCHEMA_VERSION } from './core/store/migrations';
import { writeBackup } from './core/backup';
import { checkDatabaseFile } from './core/backup/files';
import { restoreBackup, RestoreError } from './core/backup/restore';
import { WebDesk } from './web/desk';
import { installProcessGuards } from './host/process-guards';
import { describeStartupFailure } from './host/startup-failure';
import { lockHolder } from './host/data-lock';
import { openPreferences } from './host/preferences';

/** The data folder as the desk would choose it: --data-dir, LOBBY_DESK_DATA_DIR, or the preferred location's default. */
function dataDirOf(explicit: string | undefined): string {
  if (explicit || process.env.LOBBY_DESK_DATA_DIR) return resolveDataDir(explicit);
  return resolveDataDir(undefined, process.env, process.platform, openPreferences(userDir()).get().dataLocation);
}

const USAGE = `Usage:
  lobby-desk web [--port N] [--host H] [--allow-host NAME]… [--data-dir DIR] [--open]
                                                           serve the lobby, visitor and handover screens
                                                           (--open: open the lobby in the system's browser)
      [--clock-ahead-days N]                               rehearsal only: run the desk's clock N days ahead
  lobby-desk audit:verify [--data-dir DIR]                 check the audit trail for tampering
  lobby-desk backup [--data-dir DIR]                       write a checked backup into DIR/backups now
  lobby-desk restore --from FILE [--data-dir DIR]          put a backup back (the app must be stopped)
`;

async function web(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
      'data-dir': { type: 'string' },
      open: { type: 'boolean' },
      'clock-ahead-days': { type: 'string' },
    },
    strict: true,
  });
  const allowedHosts = (values['allow-host'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const aheadDays = values['clock-ahead-days'] === undefined ? 0 : Number(values['clock-ahead-days']);
  if (!Number.isInteger(aheadDays) || aheadDays < 0 || aheadDays > 3650) throw new UsageError(`--clock-ahead-days must be 0–3650, not ${values['clock-ahead-days']}`);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError(`--port must be 0–65535, not ${values.port}`);
  const desk = WebDesk.prepare({ dataDir: values['data-dir'], host: values.host, port, open: values.open, allowedHosts, clockAheadDays: aheadDays });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await desk.stop();
    process.exit(code);
  };
  installProcessGuards({ logger: desk.log.logger, fatal: () => void stop(1) });
  try {
    await desk.start();
  } catch (error) {
    // Localized, with what to do; logged; the lock is already released, so the next start tries again.
    const failure = describeStartupFailure(error, desk.preferences.get().language, { logs: desk.log.dir });
    desk.log.logger.error('desk did not start', { kind: failure.kind, error: failure.detail });
    console.error(`${failure.title}: ${failure.message}\n${failure.advice}\n(${failure.detail})`);
    if (failure.offerRestore) console.error(`  npm run restore -- --data-dir "${desk.data.dir}" --from <backup file>   (backups: ${path.join(desk.data.dir, 'backups')})`);
    await desk.log.close();
    process.exit(1);
  }
  if (values.open) await desk.openLobby();
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

function auditVerify(args: string[]): void {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = dataDirOf(values['data-dir']);
  const result = verifyStoreFile(dataDir);
  if (result.ok) {
    console.log(`OK — ${result.checked} audit entries verified (${dataDir})`);
    return;
  }
  console.log(`BROKEN at entry ${result.firstBroken?.seq}: ${result.firstBroken?.reason} (${result.checked} entries verified before it)`);
  process.exitCode = 1;
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = dataDirOf(values['data-dir']);
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`No Lobby Desk database in ${dataDir}`);
  // Online backup: works while the desk app is running; nothing in the live database changes.
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    const written = await writeBackup(db, dataDir, 'manual', Date.now());
    const check = checkDatabaseFile(written);
    console.log(`Backup written: ${written} (${describeSize(fs.statSync(written).size)})`);
    console.log(`  integrity ok, ${check.audit.checked} audit entries verified`);
  } finally {
    db.close();
  }
}

async function restoreCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, from: { type: 'string' } }, strict: true });
  if (!values.from) throw new UsageError('restore needs --from FILE (a path, or a file name in the data dir’s backups folder)');
  const dataDir = dataDirOf(values['data-dir']);
  const holder = lockHolder(dataDir);
  if (holder) {
    console.error(`Lobby Desk is running on this data dir (${holder.mode === 'web' ? 'lobby-desk web' : 'the desktop app'}, process ${holder.pid}): close it first, or restore from its admin screen (Admin → This PC).`);
    process.exitCode = 1;
    return;
  }
  try {
    const result = await restoreBackup({ dataDir, from: values.from, now: Date.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });
    console.log(`Restored ${result.restored} into ${dataDir}`);
    if (result.keyPlaced) console.log(`  The installation key exported beside it was put in ${path.join(dataDir, 'keys')}.`);
    console.log(`  integrity ok, ${result.check.audit.checked} audit entries verified`);
    if (result.previous && result.previousState === 'notDatabase') {
      console.log(`  the file it replaced was not a database; it is kept as it was in ${result.previous}`);
    } else if (result.previous) {
      console.log(`  the database it replaced is kept as it was (unchecked, even if damaged) in ${result.previous}`);
    }
    if (result.previous) console.log('  Start the desk and check the restored records; once they are right, that kept copy may be deleted.');
  } catch (error) {
    if (error instanceof RestoreError) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web':
      return web(rest);
    case 'audit:verify':
      return auditVerify(rest);
    case 'backup':
      return backupCommand(rest);
    case 'restore':
      return restoreCommand(rest);
    default:
      console.log(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
