// The plain-Node entry point: `web` serves the core over HTTP; `audit:verify`, `backup`, `restore` look after the store.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Core } from './core/core';
import { offsetClock, systemClock } from './core/clock';
import { startServer } from './server/http-server';
import { startHardware } from './core/hardware';
import { resolveDataDir } from './data-dir';
import { APP_VERSION } from './version';
import { verifyStoreFile } from './core/audit/verify-file';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './core/store/open';
import { LATEST_SCHEMA_VERSION } from './core/store/migrations';
import { writeBackup } from './core/backup';
import { checkDatabaseFile } from './core/backup/files';
import { restoreBackup, RestoreError } from './core/backup/restore';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.resolve(here, '../renderer');

const USAGE = `Usage:
  lobby-desk web [--port N] [--host H] [--allow-host NAME]… [--data-dir DIR]
                                                           serve the lobby, visitor and handover screens
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
      'clock-ahead-days': { type: 'string' },
    },
    strict: true,
  });
  const allowedHosts = (values['allow-host'] ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const aheadDays = values['clock-ahead-days'] === undefined ? 0 : Number(values['clock-ahead-days']);
  if (!Number.isInteger(aheadDays) || aheadDays < 0 || aheadDays > 3650) throw new UsageError(`--clock-ahead-days must be 0–3650, not ${values['clock-ahead-days']}`);
  const port = values.port === undefined ? 5199 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not ${values.port}`);
  const dataDir = resolveDataDir(values['data-dir']);
  const core = Core.open({ dataDir, version: APP_VERSION, clock: aheadDays ? offsetClock(systemClock, aheadDays * 86_400_000) : systemClock });
  core.start();
  if (aheadDays) console.log(`  REHEARSAL: the desk's clock runs ${aheadDays} days ahead. Never use this data for real work.`);
  const hardware = await startHardware(core);
  const server = await startServer({ core, host: values.host ?? '127.0.0.1', port, rendererDir: RENDERER_DIR, allowedHosts });
  console.log(`Lobby Desk ${APP_VERSION} — data: ${dataDir}`);
  console.log(`  Lobby screen:    ${server.url}/#/lobby`);
  console.log(`  Visitor screen:  ${server.url}/#/visitor`);
  console.log(`  Handover:        ${server.url}/#/handover`);
  console.log(`  Health:          ${server.url}/api/health`);
  if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost') {
    console.log(`  Serving the LAN on ${values.host}: other devices must be paired (Admin → Devices).`);
    console.log(`  Answers to: ${server.hostNames.join(', ')} (more with --allow-host or Admin → Security).`);
  }
  const setupCode = core.setupCodeForConsole();
  if (setupCode) {
    console.log(`  First-run setup: open the lobby screen on this PC, or on another device enter the setup code ${setupCode}`);
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await hardware.stop();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function auditVerify(args: string[]): void {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = resolveDataDir(values['data-dir']);
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
  const dataDir = resolveDataDir(values['data-dir']);
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
  const dataDir = resolveDataDir(values['data-dir']);
  try {
    const result = await restoreBackup({ dataDir, from: values.from, now: Date.now(), latestSchemaVersion: LATEST_SCHEMA_VERSION });
    console.log(`Restored ${result.restored} into ${dataDir}`);
    console.log(`  integrity ok, ${result.check.audit.checked} audit entries verified`);
    if (result.previous) console.log(`  the database it replaced is kept as ${result.previous}`);
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
