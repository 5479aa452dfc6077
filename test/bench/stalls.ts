// Stalls bench (`npm run bench:stalls`): how long the thread that answers the desk is held by the work that used to
// freeze it — the records timer's wake with many open items, a backup of a large database, a 5 000-row directory
// import — measured in-process with the event loop's delay histogram (its maximum is the longest stall a request
// could have waited behind). A measurement, not a test: nothing here asserts on time.
//   npm run bench:stalls -- [--items 100,1000,10000] [--ballast-mb 300] [--import-rows 5000]
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDesk, as, type TestDesk } from '../support/core';
import { FakeClock } from '../../main/core/clock';
import { writeBackup } from '../../main/core/backup';
import { clockWork } from '../../main/core/records/clock';
import { openStore } from '../../main/core/store/open';
import Database from 'better-sqlite3';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100,1000,10000' },
    'ballast-mb': { type: 'string', default: '300' },
    'import-rows': { type: 'string', default: '5000' },
    out: { type: 'string' },
  },
  strict: true,
});

const HOUR = 3_600_000;

/** Runs `work` and reports its wall time and the longest the event loop was held meanwhile. */
async function stallOf<T>(work: () => Promise<T> | T): Promise<{ ms: number; maxStallMs: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  // A tick that must run for the histogram to see the loop; the maximum delay is what a request would have waited.
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 5));
  histogram.disable();
  return { ms, maxStallMs: Math.max(histogram.max / 1e6, 0), value };
}

/** Open record items, written straight into the table as copies of one made through the API (fast set-up). */
async function openItems(desk: TestDesk, count: number): Promise<void> {
  const lee = await desk.person('receptionist', '李前台');
  const template = await desk.core.invoke(as(lee.token), 'records.create', {
    channel: 'walk_in',
    type: 'inquiry',
    ownerName: '张业主',
    ownerPhone: '13800138000',
    unit: '3-1201',
    matter: '咨询停车月卡办理',
  } as never);
  const db = desk.core.db;
  const columns = (db.prepare('PRAGMA table_info(record_items)').all() as Array<{ name: string }>).map((c) => c.name);
  const copy = db.prepare(
    `INSERT INTO record_items (${columns.join(', ')}) SELECT ${columns
      .map((c) => (c === 'id' ? '@id' : c === 'number' ? '@number' : c === 'received_at' ? '@received' : c))
      .join(', ')} FROM record_items WHERE id = @template`,
  );
  db.transaction(() => {
    for (let i = 1; i < count; i += 1) {
      // Spread over the last 40 hours: nothing is due yet, every item is still watched.
      copy.run({ id: `bench-${i}`, number: `B-${i}`, received: desk.clock.now() - ((i * 7_919_000) % (40 * HOUR)), template: template.id });
    }
  })();
}

async function timerWake(count: number) {
  const clock = new FakeClock('2026-11-27T09:00:00+08:00');
  const desk = await createDesk({ clock });
  await openItems(desk, count);
  // Settle: the first wakes after a bulk change compute what they must.
  for (let i = 0; i < 200; i += 1) desk.core.runDueJobs();
  const idle: number[] = [];
  const touched: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    clock.advance(60_000);
    const before = clockWork(desk.core.db).itemsRead;
    const { ms } = await stallOf(() => desk.core.runDueJobs());
    touched.push(clockWork(desk.core.db).itemsRead - before);
    idle.push(ms);
  }
  desk.close();
  idle.sort((a, b) => a - b);
  return { openItems: count, wakeMedianMs: Number(idle[2]!.toFixed(2)), wakeMaxMs: Number(idle[4]!.toFixed(2)), itemsTouchedPerWake: touched };
}

/** p50, p95, p99 and the maximum of a list of milliseconds, rounded to 0.1 ms. */
function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

async function backupStall(ballastMb: number) {
  const desk = await createDesk();
  const db = desk.core.db;
  db.exec('CREATE TABLE bench_ballast (b BLOB)');
  const insert = db.prepare('INSERT INTO bench_ballast (b) VALUES (randomblob(?))');
  db.transaction(() => {
    for (let i = 0; i < ballastMb; i += 1) insert.run(1024 * 1024);
  })();
  const bytes = fs.statSync(path.join(desk.dataDir, 'lobby-desk.sqlite')).size;
  // A query every 10 ms, its time from asking to the answer (what the desk felt): first for 3 s with no backup
  // (the baseline on this machine, as loaded as it is), then while the backup runs.
  let running = true;
  const ask = async (into: number[]) => {
    while (running) {
      const t = performance.now();
      await desk.core.invoke(as(desk.admin.token), 'backup.settings', {});
      into.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const idle: number[] = [];
  const idleAsking = ask(idle);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  running = false;
  await idleAsking;
  running = true;
  const during: number[] = [];
  const asking = ask(during);
  const result = await stallOf(() => writeBackup(db, desk.dataDir, 'manual', desk.clock.now()));
  running = false;
  await asking;
  desk.close();
  // The one-time rebuild of a file written before secure_delete was on, at its first start on this version.
  const old = new Database(path.join(desk.dataDir, 'lobby-desk.sqlite'));
  old.exec("DELETE FROM meta WHERE key = 'free_space_cleared'");
  old.close();
  const opening = performance.now();
  openStore({ dataDir: desk.dataDir, clock: new FakeClock() }).db.close();
  const firstOpenMs = performance.now() - opening;
  const again = performance.now();
  openStore({ dataDir: desk.dataDir, clock: new FakeClock() }).db.close();
  const laterOpenMs = performance.now() - again;
  return {
    databaseMb: Math.round(bytes / 1024 / 1024),
    backupMs: Math.round(result.ms),
    maxStallMs: Math.round(result.maxStallMs),
    answersWithoutBackupMs: percentiles(idle),
    answersDuringBackupMs: percentiles(during),
    openRebuildingOnceMs: Math.round(firstOpenMs),
    openAfterMs: Math.round(laterOpenMs),
  };
}

async function importStall(rows: number) {
  const desk = await createDesk();
  const lines = ['名称,楼层,房号,联系人,联系电话'];
  for (let i = 0; i < rows; i += 1) lines.push(`测试公司${i}有限公司,${(i % 40) + 1},${1000 + i},联系人${i},1380013${String(i).padStart(4, '0')}`);
  const file = { fileName: 'tenants.csv', contentBase64: Buffer.from(lines.join('\r\n')).toString('base64') };
  const preview = await stallOf(() => desk.core.invoke(as(desk.admin.token), 'directory.importPreview', file));
  const apply = await stallOf(() => desk.core.invoke(as(desk.admin.token), 'directory.importApply', file));
  desk.close();
  return {
    rows,
    previewMs: Math.round(preview.ms),
    previewMaxStallMs: Math.round(preview.maxStallMs),
    applyMs: Math.round(apply.ms),
    applyMaxStallMs: Math.round(apply.maxStallMs),
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg() };
  const timer = [];
  for (const n of values.items.split(',').map(Number)) {
    const r = await timerWake(n);
    console.log('records timer', r);
    timer.push(r);
  }
  results.recordsTimer = timer;
  results.backup = await backupStall(Number(values['ballast-mb']));
  console.log('backup', results.backup);
  results.directoryImport = await importStall(Number(values['import-rows']));
  console.log('directory import', results.directoryImport);
  const out = values.out ?? path.join('test/bench/results', 'stalls.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`written ${out}`);
}

await main();
