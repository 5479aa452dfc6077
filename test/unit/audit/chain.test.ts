import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDesk, as } from '../../support/core';
import { verifyAuditChain } from '../../../main/core/audit/chain';
import { verifyStoreFile } from '../../../main/core/audit/verify-file';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { CLI } from '../../support/web-server';

describe('audit trail', () => {
  it('X-1 every mutation leaves an attributed entry with before and after in the same transaction', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台');
    await desk.core.invoke(as(desk.admin.token), 'staff.update', { id: lee.id, name: '李晓' });
    const entries = await desk.core.invoke(as(desk.admin.token), 'audit.list', { entity: 'staff', entityId: lee.id, limit: 10 });
    const rename = entries.entries.find((e) => e.op === 'update')!;
    expect(rename).toMatchObject({ method: 'staff.update', actorKind: 'staff', actorName: '管理员', entity: 'staff', entityId: lee.id });
    expect(rename.before).toMatchObject({ name: '李前台' });
    expect(rename.after).toMatchObject({ name: '李晓' });
    expect(verifyAuditChain(desk.core.db)).toEqual({ ok: true, checked: expect.any(Number), firstBroken: null });
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
    expect(() => desk.core.db.prepare("UPDATE audit_log SET actor_name = 'x' WHERE seq = 1").run()).toThrow(/immutable/);
    expect(() => desk.core.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/never deleted/);
    desk.close();
  });

  it('X-1 tampering with a row (triggers dropped first) is reported at that entry by the verify command, which exits non-zero', async () => {
    const desk = await createDesk();
    await desk.person('receptionist', '李前台');
    await desk.person('security', '张保安');
    desk.close();
    const ok = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', desk.dataDir], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK — \d+ audit entries verified/);

    const db = new Database(path.join(desk.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_payload_redact_only');
    const target = db.prepare("SELECT l.seq FROM audit_log l JOIN audit_payload p ON p.seq = l.seq WHERE p.after_json LIKE '%张保安%'").get() as { seq: number };
    db.prepare("UPDATE audit_payload SET after_json = replace(after_json, '张保安', '王保安') WHERE seq = ?").run(target.seq);
    db.close();

    const broken = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', desk.dataDir], { encoding: 'utf8' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at entry ${target.seq}: payload was altered`);
  });

  it('X-1 verify reports an edited entry, a deleted entry and removed triggers', async () => {
    const desk = await createDesk();
    await desk.person('receptionist');
    await desk.person('receptionist');
    desk.close();
    const file = path.join(desk.dataDir, DATABASE_FILE);

    const edit = new Database(file);
    edit.exec('DROP TRIGGER audit_log_no_update');
    edit.prepare("UPDATE audit_log SET actor_name = 'someone else' WHERE seq = 3").run();
    edit.close();
    expect(verifyStoreFile(desk.dataDir).firstBroken).toEqual({ seq: 3, reason: expect.stringContaining('altered') });

    const again = await createDesk();
    await again.person('receptionist');
    again.close();
    const del = new Database(path.join(again.dataDir, DATABASE_FILE));
    del.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_payload_no_delete');
    del.prepare('DELETE FROM audit_payload WHERE seq = 2').run();
    del.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    del.close();
    expect(verifyStoreFile(again.dataDir).firstBroken).toEqual({ seq: 2, reason: expect.stringContaining('missing') });

    const third = await createDesk();
    third.close();
    const trig = new Database(path.join(third.dataDir, DATABASE_FILE));
    trig.exec('DROP TRIGGER audit_log_no_update');
    trig.close();
    const result = verifyStoreFile(third.dataDir);
    expect(result.ok).toBe(false);
    expect(result.firstBroken?.reason).toContain('triggers removed');
  });
});
