import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDesk, as } from '../../support/core';
import { verifyTrail } from '../../../main/core/audit/verify';
import { verifyStoreFile } from '../../../main/core/audit/verify-file';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { CLI } from '../../support/web-server';

describe('audit trail', () => {
  it('X-1 every mutation leaves an attributed entry with what changed, in the same transaction', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台');
    await desk.core.invoke(as(desk.admin.token), 'staff.update', { id: lee.id, name: '李晓' });
    const entries = await desk.core.invoke(as(desk.admin.token), 'audit.list', { entity: 'staff', entityId: lee.id, limit: 10 });
    const rename = entries.entries.find((e) => e.op === 'update')!;
    expect(rename).toMatchObject({ method: 'staff.update', actorKind: 'staff', actorName: '管理员', entity: 'staff', entityId: lee.id });
    expect(rename.before).toMatchObject({ name: '李前台' });
    expect(rename.after).toMatchObject({ name: '李晓' });
    // Only what changed: the role, the PIN's fingerprint and the rest are not repeated in an update.
    const changed = Object.keys(rename.after as object);
    expect(changed).toContain('name');
    expect(changed.filter((k) => k !== 'name' && k !== 'updated_at')).toEqual([]);
    expect(verifyTrail(desk.core.db, { keys: desk.core.keys, dataDir: desk.dataDir })).toMatchObject({ ok: true, state: 'ok', problemCount: 0 });
    desk.close();
  });

  it('X-6 a column a later migration adds holds NULL in older rows and verify accepts it; a value put there behind the trail is named', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台');
    // What ALTER TABLE … ADD COLUMN in a migration does to rows the trail described before it existed.
    desk.core.db.exec('ALTER TABLE staff ADD COLUMN nickname TEXT');
    expect(verifyTrail(desk.core.db, { keys: desk.core.keys, dataDir: desk.dataDir })).toMatchObject({ ok: true, state: 'ok', problemCount: 0 });
    desk.core.db.prepare("UPDATE staff SET nickname = '小李' WHERE id = ?").run(lee.id);
    const report = verifyTrail(desk.core.db, { keys: desk.core.keys, dataDir: desk.dataDir });
    expect(report).toMatchObject({ ok: false, state: 'broken' });
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'table.field', table: 'staff', id: lee.id, field: 'nickname' }));
    desk.close();
  });

  it('X-1 a failed call writes nothing, not even its audit entry', async () => {
    const desk = await createDesk();
    const count = () => (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    await expect(desk.core.invoke(as(desk.admin.token), 'staff.update', { id: desk.admin.id, role: 'receptionist' })).rejects.toThrow();
    expect(count()).toBe(before);
    desk.close();
  });

  it('X-1 raw SQL cannot edit or delete audit rows while the triggers stand', async () => {
    const desk = await createDesk();
    expect(() => desk.core.db.prepare("UPDATE audit_log SET at = 5 WHERE seq = 1").run()).toThrow(/immutable/);
    expect(() => desk.core.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/never deleted/);
    expect(() => desk.core.db.prepare("UPDATE audit_terms SET term = 'm:x' WHERE id = 1").run()).toThrow(/immutable/);
    desk.close();
  });

  it('X-1 X-6 the verify command prints OK with what it checked, and exits non-zero naming the entry an attacker changed', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台');
    await desk.person('security', '张保安');
    desk.close();
    const ok = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', desk.dataDir], { encoding: 'utf8' });
    expect(ok.stdout).toMatch(/^OK — \d+ audit entries verified with the installation key \(head #\d+ · [0-9a-f ]{19}\)/);
    expect(ok.stdout).toMatch(/anchors checked: anchors file \d+ ok/);
    expect(ok.stdout).toMatch(/business tables: \d+ rows in \d+ audited tables reconciled/);
    expect(ok.status).toBe(0);

    const db = new Database(path.join(desk.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_log_redact_only');
    db.prepare('UPDATE audit_log SET at = at + 1 WHERE seq = 3').run();
    db.close();
    const broken = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', desk.dataDir], { encoding: 'utf8' });
    expect(broken.stdout).toContain('BROKEN');
    expect(broken.stdout).toContain('entry #3 does not verify with the installation key');
    expect(broken.stdout).toContain('protective trigger audit_log_redact_only is missing');
    expect(broken.status).toBe(1);
    expect(verifyStoreFile(desk.dataDir).problems).toContainEqual(expect.objectContaining({ code: 'chain.link', seq: 3 }));
  });
});
