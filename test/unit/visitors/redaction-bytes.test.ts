// Redaction leaves no recoverable copy (V-7): after the retention run the old values are gone from the raw bytes
// of the database file, its -wal and any backup made after the run — not only from what SQL returns. Backups made
// before the run still hold them, until rotation removes them (docs/architecture.md).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { dailyBackupInProgress, writeBackup } from '../../../main/core/backup';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { DAY } from '../../../shared/rules/time';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

/** Values no other row holds, so that finding their bytes anywhere means a copy survived. */
const VISITOR = { visitorName: '甄士隐', mobile: '13987651234', hostName: '贾雨村', vehiclePlate: '粤B7Q3K9', notes: '备注-带了一箱样品-ZQX7781' };
const CALLER = { callerName: '封肃先生', callerPhone: '13655554444', message: '请回电-合同续约-QWK5530' };
const SECRETS = [...Object.values(VISITOR), ...Object.values(CALLER), '已转告-封肃-MMX2208'];

function found(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const bytes = fs.readFileSync(file);
  return SECRETS.filter((value) => bytes.includes(Buffer.from(value, 'utf8')));
}

describe('redaction in the raw bytes', () => {
  it('V-7 after the retention run the redacted values are absent from the database file, its -wal and a backup made after it', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist');
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { ...VISITOR, tenantId: dir.huaxin.id, purpose: '商务拜访' });
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: visit.id });
    const callback = await desk.core.invoke(as(lee.token), 'callbacks.create', { ...CALLER, tenantId: dir.huaxin.id });
    await desk.core.invoke(as(lee.token), 'callbacks.recordOutcome', { id: callback.id, outcome: 'relayed', note: '已转告-封肃-MMX2208' });
    // Lots of later activity, so that the values' pages are rewritten many times (free space, WAL frames).
    for (let i = 0; i < 30; i += 1) {
      await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: `访客${i}`, mobile: `1390000${String(i).padStart(4, '0')}`, tenantId: dir.huaxin.id, purpose: '面试' });
    }
    const live = path.join(desk.dataDir, DATABASE_FILE);
    const before = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());
    expect(found(before)).toEqual(SECRETS); // the search works: a backup from before the run holds them all
    expect([...found(live), ...found(`${live}-wal`)].length).toBeGreaterThan(0);

    desk.clock.set(desk.clock.now() + 181 * DAY);
    desk.core.runDueJobs();
    expect((desk.core.db.prepare('SELECT visitor_name FROM visits WHERE id = ?').get(visit.id) as { visitor_name: string }).visitor_name).toBe('');
    await dailyBackupInProgress(desk.core.db);
    const after = await writeBackup(desk.core.db, desk.dataDir, 'manual', desk.clock.now());

    expect(found(live)).toEqual([]);
    expect(found(`${live}-wal`)).toEqual([]);
    expect(found(after)).toEqual([]);
    for (const daily of fs.readdirSync(path.dirname(after)).filter((n) => n.startsWith('daily-'))) expect(found(path.join(path.dirname(after), daily))).toEqual([]);
    // Still so once the app has closed (the -wal folded into the file).
    desk.close();
    expect(found(live)).toEqual([]);
  });
});
