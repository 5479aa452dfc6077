// The plain-Node entry point: `web` serves the core over HTTP; `audit:verify`, `backup`, `restore` look after the store.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir, userDir } from './data-dir';
import { readDataDirKeys, verifyStoreFile } from './core/audit/verify-file';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './core/store/open';
import { LATEST_SCHEMA_VERSION } from './core/store/migrations';
import { writeBackup } from './core/backup';
import { checkDatabaseFile, firstProblem } from './core/store/backup-files';
import { databaseInUse, restoreBackup, RestoreError } from './core/backup/restore';
import { describeReport } from './core/audit/status';
import { trailKeys } from './core/audit/keys';
import { defaultKeyFile, fileSecretStore, fingerprintOf, formatKeyFile, parseKeyFile } from './core/keyring';
import { fingerprintIn } from './core/keyring/binding';
import { pickLanguage } from '../shared/i18n';
import type { TrailReport } from '../shared/contract/audit';
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
  lobby-desk audit:verify [--data-dir DIR] [--anchor SEQ:HEX]… [--lang en|zh-CN]
                                                           check the audit trail against its key, every anchor
                                                           (anchors file, backups, heads written on paper) and
                                                           every audited table; exit 0 ok, 1 broken, 3 unverified
  lobby-desk backup [--data-dir DIR]                       write a checked backup into DIR/backups now
  lobby-desk restore --from FILE [--data-dir DIR]          put a backup back (the app must be stopped)
  lobby-desk key:export --to FILE [--data-dir DIR]         copy the installation key out (to move to a new PC)
  lobby-desk key:import --from FILE [--data-dir DIR]       put an exported key in place (the app must be stopped)
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

const ANCHOR_ARG = /^(\d+):([0-9a-f ]{8,})$/i;

function printReport(report: TrailReport, dataDir: string): void {
  const a = (source: string) => report.anchors.filter((x) => x.source === source);
  const tally = (list: TrailReport['anchors']) =>
    list.length === 0 ? 'none' : Object.entries(list.reduce<Record<string, number>>((t, x) => ({ ...t, [x.result]: (t[x.result] ?? 0) + 1 }), {})).map(([k, n]) => `${n} ${k}`).join(', ');
  const head = report.head ? `head #${report.head.seq} · ${report.head.short}` : 'no entries yet';
  const title =
    report.state === 'ok'
      ? `OK — ${report.authenticated} audit entries verified with the installation key (${head})`
      : report.state === 'unverified'
        ? `UNVERIFIED — ${report.authenticated} of ${report.entries} entries verified with a key (${head}); nothing found broken, but not everything could be checked`
        : `BROKEN — ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} (${head})`;
  console.log(`${title} (${dataDir})`);
  for (const p of report.problems) console.log(`  ✗ ${p.message ?? p.code}`);
  if (report.problemCount > report.problems.length) console.log(`  … and ${report.problemCount - report.problems.length} more`);
  console.log(`  anchors checked: anchors file ${tally(a('anchors'))}; backups ${tally(a('backup'))}; paper ${tally(a('paper'))}`);
  for (const x of [...a('backup'), ...a('paper')]) console.log(`    ${x.source} ${x.name}: entry #${x.seq} ${x.result}`);
  if (report.tables) console.log(`  business tables: ${report.tables.rows} rows in ${report.tables.tables} audited tables reconciled with the trail`);
  if (report.content) console.log(`  content hashes recomputed: ${report.content.incidents} signed incidents, ${report.content.handovers} signed handovers, ${report.content.files} files`);
  console.log(`  protective triggers: ${report.triggers} checked by their whole definition`);
  for (const n of report.notices) console.log(`  note: ${n.message ?? n.code}`);
}

function auditVerify(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, anchor: { type: 'string', multiple: true }, lang: { type: 'string' } },
    strict: true,
  });
  const dataDir = dataDirOf(values['data-dir']);
  const paper = (values.anchor ?? []).map((text) => {
    const match = ANCHOR_ARG.exec(text.trim());
    if (!match) throw new UsageError(`--anchor takes SEQ:HEX as printed on paper (e.g. 1234:3f9a c21b 77e0 d4a8), not ${text}`);
    return { seq: Number(match[1]), link: match[2]!.replace(/\s+/g, '') };
  });
  const { keys, where, error } = readDataDirKeys(dataDir);
  if (!keys) console.log(`No installation key at ${where} (${error}): the links cannot be checked here.`);
  const report = describeReport(verifyStoreFile(dataDir, { paper, keys }), pickLanguage(values.lang ?? 'en'));
  printReport(report, dataDir);
  process.exitCode = report.state === 'ok' ? 0 : report.state === 'broken' ? 1 : 3;
}

function keyExport(args: string[]): void {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, to: { type: 'string' } }, strict: true });
  if (!values.to) throw new UsageError('key:export needs --to FILE (somewhere safe: whoever has it and the database can forge the trail)');
  const dataDir = dataDirOf(values['data-dir']);
  const secret = fileSecretStore(defaultKeyFile(dataDir)).load();
  if (!secret) throw new UsageError(`No installation key at ${defaultKeyFile(dataDir)} (the desktop app keeps its key protected by the OS: export it from Admin → Audit trail)`);
  fs.writeFileSync(values.to, formatKeyFile(secret), { mode: 0o600, flag: 'wx' });
  console.log(`Installation key ${fingerprintOf(secret)} written to ${values.to}. Keep it apart from the database and its backups.`);
}

function keyImport(args: string[]): void {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, from: { type: 'string' } }, strict: true });
  if (!values.from) throw new UsageError('key:import needs --from FILE (a file written by key:export)');
  const dataDir = dataDirOf(values['data-dir']);
  const secret = parseKeyFile(fs.readFileSync(values.from, 'utf8'));
  const fingerprint = fingerprintOf(secret);
  const live = path.join(dataDir, DATABASE_FILE);
  if (databaseInUse(live)) throw new UsageError('Lobby Desk is running on this data dir: close the desk app (and `npm run web`) first.');
  let epochs: ReturnType<typeof trailKeys> = [];
  // The key the database is bound to (the desk refuses to start without it) and the keys its trail was written with.
  let recorded: string | null = null;
  if (fs.existsSync(live)) {
    const db = new Database(live, { readonly: true, fileMustExist: true });
    try {
      const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() !== undefined;
      epochs = hasMeta ? trailKeys(db) : [];
      recorded = hasMeta ? fingerprintIn(db) : null;
    } finally {
      db.close();
    }
    const known = [...new Set([...epochs.map((e) => e.fingerprint), ...(recorded ? [recorded] : [])])];
    if (known.length > 0 && !known.includes(fingerprint)) {
      throw new UsageError(`Key ${fingerprint} is not one this database's trail was written with (${known.join(', ')}); nothing was changed.`);
    }
  }
  const store = fileSecretStore(defaultKeyFile(dataDir));
  const current = store.load();
  const latest = recorded ?? epochs[epochs.length - 1]?.fingerprint;
  if (current && fingerprintOf(current) === fingerprint) {
    console.log(`Key ${fingerprint} is already this data dir's installation key.`);
  } else if (!current || latest === fingerprint) {
    if (current) store.saveEarlier?.(current);
    store.save(secret);
    console.log(`Installation key ${fingerprint} is in place at ${store.where}${current ? ` (the one it replaces, ${fingerprintOf(current)}, is kept to check its part of the trail)` : ''}.`);
  } else {
    store.saveEarlier?.(secret);
    console.log(`Key ${fingerprint} is kept as an earlier key: verify checks the entries written with it; new entries stay under ${fingerprintOf(current)}.`);
  }
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
    const { keys } = readDataDirKeys(dataDir);
    const written = await writeBackup(db, dataDir, 'manual', Date.now(), { keys });
    const check = checkDatabaseFile(written, keys);
    console.log(`Backup written: ${written} (${describeSize(fs.statSync(written).size)})`);
    console.log(`  integrity ok, ${check.audit.authenticated} audit entries verified${check.audit.state === 'unverified' ? ` (${firstProblem(check.audit)})` : ''}, head #${check.audit.head?.seq ?? 0}`);
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
    console.log(`  integrity ok, ${result.check.audit.authenticated} audit entries verified, head #${result.check.audit.head?.seq ?? 0} (recorded in the anchors file)`);
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
    case 'key:export':
      return keyExport(rest);
    case 'key:import':
      return keyImport(rest);
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
