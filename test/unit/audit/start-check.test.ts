// The trail at start: checked from the last anchor, a broken trail opens the desk in a marked state that
// tells the administrator, an alert entry stays until acknowledged; a database moved without its key says so.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { as, createDesk, LOCAL, openCore, tempDir } from '../../support/core';
import { auditEntries, verifyDesk } from '../../support/audit';
import { seedDirectory } from '../../support/visitors';
import { CLI } from '../../support/web-server';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { ANCHOR_EVERY, readAnchors } from '../../../main/core/audit/anchors';
import { trailKeys } from '../../../main/core/audit/keys';
import { InstallationKeyMissingError } from '../../../main/core/keyring/binding';
import { defaultKeyFile, fileSecretStore, openKeyRing } from '../../../main/core/keyring';

const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

// These start the CLI as a real process several times: on a loaded machine that takes a while.
describe('the trail at start', { timeout: 120_000 }, () => {
  it('X-6 a trail cut short while the app was off: the desk opens marked, the admin is told why, the alert stays until acknowledged', async () => {
    const desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    desk.close();
    const db = new Database(path.join(desk.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)').run();
    db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n  BEGIN SELECT RAISE(ABORT, 'records are never deleted: audit_log'); END;");
    db.close();

    const core = openCore(desk.dataDir, desk.clock);
    expect(core.trail.lastReport).toMatchObject({ state: 'broken', scope: 'start', problems: [expect.objectContaining({ code: 'anchors.beyond' })] });
    // On record in the trail itself, by the app.
    expect(auditEntries(core.db).filter((e) => e.method === 'audit.problemsFound')).toEqual([expect.objectContaining({ actor_kind: 'system' })]);
    const admin = as((await core.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin })).token);
    const desker = as((await core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: lee.pin })).token);
    // The admin sees why, in their language; the desk sees only that it is so, and keeps working.
    const forAdmin = await core.invoke(admin, 'audit.status', {}, 'en');
    expect(forAdmin.state).toBe('broken');
    expect(forAdmin.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/recorded entry #\d+, which the trail no longer has/));
    const forDesk = await core.invoke(desker, 'audit.status', {}, 'zh-CN');
    expect(forDesk).toMatchObject({ state: 'broken', problems: [] });
    expect(forDesk.problemCount).toBeGreaterThan(0);
    await core.invoke(desker, 'visitors.register', { visitorName: '王五', mobile: '13700001111', tenantId: dir.huaxin.id, purpose: '送货', partySize: 1 });
    core.close();

    // A restart does not make it go away…
    const again = openCore(desk.dataDir, desk.clock);
    const admin2 = as((await again.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin })).token);
    expect((await again.invoke(admin2, 'audit.status', {})).state).toBe('broken');
    expect(auditEntries(again.db).filter((e) => e.method === 'audit.problemsFound')).toHaveLength(1); // one alert, not one per start
    // …an administrator's acknowledgement does, recorded with their note.
    const acknowledged = await again.invoke(admin2, 'audit.acknowledge', { note: '已查明：测试时误删，已报告物业经理。' });
    expect(acknowledged.state).not.toBe('broken');
    expect(auditEntries(again.db).find((e) => e.method === 'audit.acknowledge')).toMatchObject({ actor_kind: 'staff', payload: expect.objectContaining({ note: '已查明：测试时误删，已报告物业经理。' }) });
    again.close();
    const third = openCore(desk.dataDir, desk.clock);
    const admin3 = as((await third.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin })).token);
    expect((await third.invoke(admin3, 'audit.status', {})).state).toBe('ok');
    // The full check still reports what happened: acknowledging is for the banner, not for the evidence. (The entry
    // numbers cut off have been used again since, so the anchor now differs; the rows whose entries went are untracked.)
    const full = verifyDesk({ core: third, dataDir: desk.dataDir });
    expect(full.problems).toContainEqual(expect.objectContaining({ code: 'anchors.differs' }));
    expect(full.problems).toContainEqual(expect.objectContaining({ code: 'table.untracked', table: 'staff', id: lee.id }));
    third.close();
  });

  it(`X-6 the start check walks only what came after the last anchor (at most ${ANCHOR_EVERY} entries and a few), however long the trail`, async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台');
    for (let i = 0; i < 3 * ANCHOR_EVERY; i += 1) await desk.core.invoke(as(desk.admin.token), 'staff.update', { id: lee.id, name: `李前台${i % 7}` });
    const head = (desk.core.db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n;
    // The app crashes: no shutdown anchor; the interval anchors are there.
    (desk.core as unknown as { trail: { close(): void } }).trail.close = () => {};
    desk.close();
    const lines = readAnchors(desk.dataDir, null).lines;
    expect(lines.filter((l) => l.anchor?.why === 'interval').length).toBeGreaterThanOrEqual(3);
    const core = openCore(desk.dataDir, desk.clock);
    const report = core.trail.lastReport!;
    expect(report).toMatchObject({ state: 'ok', scope: 'start' });
    expect(report.entries).toBeLessThanOrEqual(ANCHOR_EVERY + 1);
    expect(report.fromSeq).toBeGreaterThan(head - ANCHOR_EVERY - 1);
    expect(report.tables).toBeNull(); // tables are reconciled by the full check, not at start
    core.close();
  });

  it('X-6 X-2 a database moved to a PC without its key: the desk refuses it and makes no key, verify says it cannot check the links, and importing the exported key (only that one) opens it whole', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台');
    desk.close();
    const exported = path.join(tempDir(), 'installation-key.txt');
    const out = cli('key:export', '--data-dir', desk.dataDir, '--to', exported);
    expect(out.stdout).toMatch(/Installation key [0-9a-f]{16} written to/);
    if (process.platform !== 'win32') expect(fs.statSync(exported).mode & 0o077).toBe(0);

    // The new PC: the database and its anchors, not the key.
    const moved = tempDir();
    for (const name of [DATABASE_FILE, 'audit-anchors.jsonl']) fs.copyFileSync(path.join(desk.dataDir, name), path.join(moved, name));
    const bytes = fs.readFileSync(path.join(moved, DATABASE_FILE));
    expect(() => openCore(moved, desk.clock)).toThrow(InstallationKeyMissingError);
    expect(fs.existsSync(path.join(moved, 'keys', 'installation.key'))).toBe(false);
    expect(fs.readFileSync(path.join(moved, DATABASE_FILE)).equals(bytes)).toBe(true);

    const before = cli('audit:verify', '--data-dir', moved);
    expect(before.stdout).toMatch(/No installation key at/);
    expect(before.stdout).toMatch(/^UNVERIFIED/m);
    expect(before.status).toBe(3);

    // A key that is not the one this database was written with is refused.
    const stranger = path.join(tempDir(), 'other.txt');
    fs.writeFileSync(stranger, 'ab'.repeat(32));
    expect(cli('key:import', '--data-dir', moved, '--from', stranger)).toMatchObject({ status: 2 });
    const imported = cli('key:import', '--data-dir', moved, '--from', exported);
    expect(imported.stdout).toMatch(/is in place/);
    const core = openCore(moved, desk.clock);
    expect(core.trail.lastReport!.state).toBe('ok');
    expect(auditEntries(core.db).some((e) => e.method === 'audit.keyChanged')).toBe(false);
    core.close();
    const after = cli('audit:verify', '--data-dir', moved);
    expect(after.stdout).toMatch(/^OK — \d+ audit entries verified/m);
    expect(after.status).toBe(0);
  });

  it('X-6 a key record edited behind the app (the binding names another key than the trail): the start records the change, verify says which stretch it cannot check, and importing the earlier key makes it whole', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台');
    desk.close();
    const exported = path.join(tempDir(), 'installation-key.txt');
    expect(cli('key:export', '--data-dir', desk.dataDir, '--to', exported).status).toBe(0);
    // Someone with the file and a key of their own: the key file swapped and the binding rewritten to match it.
    const other = tempDir();
    const { ring } = openKeyRing(fileSecretStore(defaultKeyFile(other)));
    fs.copyFileSync(defaultKeyFile(other), defaultKeyFile(desk.dataDir));
    const db = new Database(path.join(desk.dataDir, DATABASE_FILE));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'key_fingerprint'").run(ring.fingerprint);
    db.close();

    const core = openCore(desk.dataDir, desk.clock);
    expect(trailKeys(core.db)).toHaveLength(2);
    const changed = auditEntries(core.db).find((e) => e.method === 'audit.keyChanged')!;
    expect(changed.payload).toMatchObject({ previousKey: trailKeys(core.db)[0]!.fingerprint, key: ring.fingerprint });
    expect(core.trail.lastReport!.state).toBe('unverified');
    core.close();

    const before = cli('audit:verify', '--data-dir', desk.dataDir);
    expect(before.stdout).toMatch(/^UNVERIFIED/m);
    expect(before.stdout).toMatch(/entries #1–#\d+ were written with installation key [0-9a-f]{16}, which is not here/);
    expect(before.stdout).toMatch(/the installation key changed at entry #\d+/);
    expect(before.status).toBe(3);

    const imported = cli('key:import', '--data-dir', desk.dataDir, '--from', exported);
    expect(imported.stdout).toMatch(/kept as an earlier key/);
    const after = cli('audit:verify', '--data-dir', desk.dataDir);
    expect(after.stdout).toMatch(/^OK — \d+ audit entries verified/m);
    expect(after.stdout).toMatch(/note: the installation key changed at entry #\d+/);
    expect(after.status).toBe(0);
  });

  it('X-6 restoring a backup is recorded in the anchors file, so what it replaced is superseded rather than missing', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台');
    desk.close();
    const backup = cli('backup', '--data-dir', desk.dataDir);
    expect(backup.status).toBe(0);
    const file = /Backup written: (\S+)/.exec(backup.stdout)![1]!;
    const core = openCore(desk.dataDir, desk.clock);
    const session = await core.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
    await core.invoke(as(session.token), 'staff.create', { name: '备份后入职', role: 'receptionist', pin: '1357', department: null });
    core.close();
    expect(cli('audit:verify', '--data-dir', desk.dataDir).stdout).toMatch(/backups 1 ok/);
    expect(cli('restore', '--data-dir', desk.dataDir, '--from', path.basename(file)).status).toBe(0);
    const verified = cli('audit:verify', '--data-dir', desk.dataDir);
    expect(verified.stdout).toMatch(/^OK/m);
    expect(verified.stdout).toMatch(/superseded/);
    expect(verified.stdout).toMatch(/note: backup manual-.*\.sqlite was restored at entry #\d+/);
    expect(verified.status).toBe(0);
  });
});

describe('the anchors file after a power cut', () => {
  it('X-2 X-6 a line cut short while it was written is closed by the next one, which names it: a note, not a problem', async () => {
    const desk = await createDesk();
    desk.close();
    const file = path.join(desk.dataDir, 'audit-anchors.jsonl');
    const lines = fs.readFileSync(file, 'utf8');
    fs.appendFileSync(file, lines.split('\n')[0]!.slice(0, 40)); // half a line, no newline: the power went
    const torn = lines.split('\n').length; // its line number
    const core = openCore(desk.dataDir, desk.clock);
    expect(core.trail.lastReport).toMatchObject({ state: 'ok', problems: [] });
    core.close();
    const reopened = openCore(desk.dataDir, desk.clock);
    const report = verifyDesk({ core: reopened, dataDir: desk.dataDir });
    reopened.close();
    expect(report.problems).toEqual([]);
    expect(report.notices).toContainEqual(expect.objectContaining({ code: 'anchors.tornLine', detail: String(torn) }));
    // Garbage put into the middle of the file by hand is another matter.
    fs.appendFileSync(file, 'not an anchor\n');
    fs.appendFileSync(file, lines.split('\n')[0]! + '\n');
    const second = openCore(desk.dataDir, desk.clock);
    expect(verifyDesk({ core: second, dataDir: desk.dataDir }).problems).toContainEqual(expect.objectContaining({ code: 'anchors.damaged' }));
    second.close();
  });
});
