import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

const triggers = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'callbacks' ORDER BY name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
const indexes = (db: Database.Database): string[] =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'callbacks' AND sql IS NOT NULL ORDER BY name").all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);

/** A database as the released version (schema 6) left it, with an open, a closed and a redacted callback. */
function releasedDatabase(): { dir: string; triggersBefore: string[]; indexesBefore: string[] } {
  const dir = tempDir();
  const db = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 6) }).db;
  db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', '李前台', 'receptionist', 'h', 1, 1)").run();
  db.prepare(
    `INSERT INTO tenants (id, kind, name, display_name, floor, room, search_text, public_search_text, created_at, updated_at)
     VALUES ('T', 'company', '华信科技有限公司', '华信科技', '12', '1201', '', '', 1, 1)`,
  ).run();
  const insert = db.prepare(
    `INSERT INTO callbacks (id, source, tenant_id, caller_name, caller_phone, message, due_at, owner_id, status, call_id, created_at, created_by)
     VALUES (?, ?, 'T', ?, ?, ?, ?, 'S', 'open', ?, ?, 'S')`,
  );
  insert.run('A', 'desk', '刘先生', '13800000000', '请回电', 100, null, 10);
  insert.run('B', 'phone', '周女士', '010-12345678', '快递', 200, 'CALL-1', 20);
  insert.run('C', 'visitor', '王五', '13911112222', '面试', 300, null, 30);
  db.prepare("UPDATE callbacks SET status = 'closed', outcome = 'relayed', outcome_note = '已转告', closed_at = 50, closed_by = 'S' WHERE id = 'B'").run();
  db.prepare("UPDATE callbacks SET status = 'closed', outcome = 'other', outcome_note = 'x', closed_at = 60, closed_by = 'S' WHERE id = 'C'").run();
  db.prepare("UPDATE callbacks SET caller_name = '', caller_phone = '', message = '', outcome_note = '', redacted_at = 70 WHERE id = 'C'").run();
  const before = { dir, triggersBefore: triggers(db), indexesBefore: indexes(db) };
  db.close();
  return before;
}

function upgraded(): { db: Database.Database; triggersBefore: string[]; indexesBefore: string[] } {
  const { dir, triggersBefore, indexesBefore } = releasedDatabase();
  const opened = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 7) });
  expect(opened.preMigrationBackup).toBeTruthy();
  return { db: opened.db, triggersBefore, indexesBefore };
}

describe('migration 0007-callback-kind', () => {
  it('V-3 P-1 callbacks of a released database upgrade as messages with every column kept, in a STRICT table', () => {
    const { db } = upgraded();
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT id, kind, source, tenant_id, caller_name, caller_phone, message, due_at, status, outcome, outcome_note, call_id, created_at, closed_at, redacted_at FROM callbacks ORDER BY id').all()).toEqual([
      { id: 'A', kind: 'message', source: 'desk', tenant_id: 'T', caller_name: '刘先生', caller_phone: '13800000000', message: '请回电', due_at: 100, status: 'open', outcome: null, outcome_note: '', call_id: null, created_at: 10, closed_at: null, redacted_at: null },
      { id: 'B', kind: 'message', source: 'phone', tenant_id: 'T', caller_name: '周女士', caller_phone: '010-12345678', message: '快递', due_at: 200, status: 'closed', outcome: 'relayed', outcome_note: '已转告', call_id: 'CALL-1', created_at: 20, closed_at: 50, redacted_at: null },
      { id: 'C', kind: 'message', source: 'visitor', tenant_id: 'T', caller_name: '', caller_phone: '', message: '', due_at: 300, status: 'closed', outcome: 'other', outcome_note: '', call_id: null, created_at: 30, closed_at: 60, redacted_at: 70 },
    ]);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'callbacks'").get()).toEqual({ strict: 1 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'callbacks_new'").get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('V-3 V-7 every trigger and index the old table had is back, plus the kind-fixed trigger; they still refuse', () => {
    const { db, triggersBefore, indexesBefore } = upgraded();
    expect(triggersBefore).toEqual(['callbacks_closed_stay_closed', 'callbacks_no_delete', 'callbacks_redacted_stay_blank']);
    expect(triggers(db)).toEqual([...triggersBefore, 'callbacks_kind_fixed'].sort());
    expect(indexes(db)).toEqual(expect.arrayContaining(indexesBefore));
    expect(() => db.prepare("DELETE FROM callbacks WHERE id = 'A'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE callbacks SET status = 'open' WHERE id = 'B'").run()).toThrow(/stays closed/);
    expect(() => db.prepare("UPDATE callbacks SET caller_name = '王五' WHERE id = 'C'").run()).toThrow(/stay redacted/);
    expect(() => db.prepare("UPDATE callbacks SET kind = 'callBack' WHERE id = 'A'").run()).toThrow(/keeps its kind/);
    expect(() => db.prepare("UPDATE callbacks SET status = 'closed' WHERE id = 'A'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM callbacks').get()).toEqual({ n: 3 });
    db.close();
  });

  it('V-3 P-1 a message names its tenant, a call back may not; each kind closes only with its own outcomes', () => {
    const { db } = upgraded();
    const insert = db.prepare(
      "INSERT INTO callbacks (id, kind, source, tenant_id, caller_name, caller_phone, due_at, owner_id, status, created_at, created_by) VALUES (?, ?, 'phone', ?, '', '13912345678', 2, 'S', 'open', 1, 'S')",
    );
    expect(() => insert.run('M', 'message', null)).toThrow(/CHECK/);
    expect(() => insert.run('X', 'visit', 'T')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO callbacks (id, source, tenant_id, caller_name, caller_phone, due_at, owner_id, status, created_at, created_by) VALUES ('N', 'desk', 'T', '', '1', 2, 'S', 'open', 1, 'S')").run()).toThrow(/NOT NULL/);
    expect(() => insert.run('U', 'callBack', 'NO-SUCH-TENANT')).toThrow(/FOREIGN KEY/);
    insert.run('K', 'callBack', null);
    insert.run('D', 'callBack', 'T');
    insert.run('M', 'message', 'T');
    const close = db.prepare("UPDATE callbacks SET status = 'closed', outcome = ?, closed_at = 3, closed_by = 'S' WHERE id = ?");
    expect(() => close.run('relayed', 'K')).toThrow(/CHECK/);
    expect(() => close.run('tenantWillCall', 'D')).toThrow(/CHECK/);
    expect(() => close.run('calledBack', 'M')).toThrow(/CHECK/);
    expect(() => close.run('nonsense', 'D')).toThrow(/CHECK/);
    close.run('calledBack', 'K');
    close.run('unreachable', 'D');
    close.run('relayed', 'M');
    expect(db.prepare("SELECT id, kind, tenant_id, outcome FROM callbacks WHERE id IN ('K','D','M') ORDER BY id").all()).toEqual([
      { id: 'D', kind: 'callBack', tenant_id: 'T', outcome: 'unreachable' },
      { id: 'K', kind: 'callBack', tenant_id: null, outcome: 'calledBack' },
      { id: 'M', kind: 'message', tenant_id: 'T', outcome: 'relayed' },
    ]);
    db.close();
  });
});
