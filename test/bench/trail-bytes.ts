// Bytes per visit, audit trail included (issue: a record that does not grow 6.5 kB per visit). A visitor registers
// on the visitor screen, the desk confirms, signs them out, and the retention run redacts the visit later — through
// the real core, on a real SQLite file. Prints what the visits and the trail take per visit, measured with SQLite's
// dbstat (the pages each table and index uses) after a VACUUM, and the file's size.
//   node scripts/run-ts.mjs test/bench/trail-bytes.ts [--visits 2000]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { as, createDesk, LOCAL } from '../support/core';
import { pairKiosk, seedDirectory } from '../support/visitors';
import { DAY } from '../../shared/rules/time';
import { DATABASE_FILE } from '../../main/core/store/open';

const { values } = parseArgs({ options: { visits: { type: 'string', default: '2000' } }, strict: true });
const VISITS = Number(values.visits);

interface Usage {
  file: number;
  byObject: Map<string, number>;
}

function usage(dataDir: string): Usage {
  const source = path.join(dataDir, DATABASE_FILE);
  const copy = path.join(dataDir, 'measure.sqlite');
  fs.rmSync(copy, { force: true });
  const live = new Database(source, { readonly: true });
  live.prepare('VACUUM INTO ?').run(copy);
  live.close();
  const db = new Database(copy, { readonly: true });
  const byObject = new Map<string, number>();
  for (const row of db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{ name: string; bytes: number }>) {
    byObject.set(row.name, row.bytes);
  }
  db.close();
  const file = fs.statSync(copy).size;
  fs.rmSync(copy, { force: true });
  return { file, byObject };
}

const desk = await createDesk();
const dir = await seedDirectory(desk);
const lee = await desk.person('receptionist', '李前台');
let leeToken = lee.token;
const kiosk = await pairKiosk(desk);
const before = usage(desk.dataDir);

const start = desk.clock.now();
for (let i = 0; i < VISITS; i += 1) {
  // A shift signs in again now and then (sessions expire); that is not part of a visit, and rare.
  if (i > 0 && i % 500 === 0) leeToken = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: lee.pin })).token;
  const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', {
    visitorName: i % 2 ? `访客${i}` : `Visitor Number ${i}`,
    mobile: `139${String(10_000_000 + i).slice(-8)}`,
    tenantId: i % 3 ? dir.huaxin.id : dir.lawyers.id,
    purpose: i % 2 ? '商务拜访' : '面试',
    lang: i % 2 ? 'zh-CN' : 'en',
    consent: true,
  });
  desk.clock.advance(10_000);
  await desk.core.invoke(as(leeToken), 'visitors.confirm', { id: registrationId, hostContacted: true });
  desk.clock.advance(15_000);
  await desk.core.invoke(as(leeToken), 'visitors.signOut', { id: registrationId });
  desk.clock.advance(5_000);
}
const signedOut = usage(desk.dataDir);
// Retention redacts them all (default 180 days).
desk.clock.set(start + 200 * DAY);
desk.core.runDueJobs();
const redacted = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits WHERE redacted_at IS NOT NULL').get() as { n: number }).n;
const after = usage(desk.dataDir);

const entries = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
desk.close();

const perVisit = (bytes: number) => (bytes / VISITS).toFixed(0).padStart(6);
function report(title: string, at: Usage): void {
  const grown = (name: string) => (at.byObject.get(name) ?? 0) - (before.byObject.get(name) ?? 0);
  const names = [...at.byObject.keys()].filter((n) => grown(n) !== 0).sort((a, b) => grown(b) - grown(a));
  const trail = names.filter((n) => /^(audit|sqlite_autoindex_audit)/.test(n)).reduce((s, n) => s + grown(n), 0);
  console.log(title);
  for (const n of names) console.log(`  ${n.padEnd(36)} ${perVisit(grown(n))} B/visit`);
  console.log(`  = trail (audit tables and indexes)   ${perVisit(trail)} B/visit`);
  console.log(`  = file after VACUUM                  ${perVisit(at.file - before.file)} B/visit`);
}
console.log(`${VISITS} visits: registered on the visitor screen, confirmed, signed out; then redacted (${redacted}); ${entries} audit entries in all`);
report('after sign-out (within retention):', signedOut);
report('after the retention run redacted them:', after);
