import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

function open(): Database.Database {
  const db = openStore({ dataDir: tempDir(), clock: new FakeClock(), migrations: migrations.slice(0, 2) }).db;
  db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', '李前台', 'receptionist', 'h', 1, 1)").run();
  db.prepare(
    `INSERT INTO tenants (id, kind, name, display_name, floor, room, search_text, public_search_text, created_at, updated_at)
     VALUES ('T', 'company', '华信科技有限公司', '华信科技', '12', '1201', '', '', 1, 1)`,
  ).run();
  return db;
}

function insertVisit(db: Database.Database, id: string, status: string, extra = ''): void {
  db.prepare(
    `INSERT INTO visits (id, source, status, pass_number, visitor_name, mobile, tenant_id, purpose, party_size, lang, registered_at, registered_by, checked_in_at ${extra ? ',' + extra.split('=')[0] : ''})
     VALUES (?, 'desk', ?, '1127-001', '张三', '13800138000', 'T', '商务拜访', 1, 'zh-CN', 1, 'S', 1 ${extra ? ',' + extra.split('=')[1] : ''})`,
  ).run(id, status);
}

describe('migration 0002-visitors', () => {
  it('V-1 V-3 V-6 creates the directory, visits, watch list, callbacks and notices tables, at schema version 2', () => {
    const db = open();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const t of ['tenants', 'tenant_contacts', 'visits', 'watch_list', 'callbacks', 'notices']) expect(tables).toContain(t);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    const strict = db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name IN ('tenants','tenant_contacts','visits','watch_list','callbacks','notices')").all();
    expect(strict).toHaveLength(6);
    db.close();
  });

  it('V-7 no row of the new tables can be deleted', () => {
    const db = open();
    insertVisit(db, 'V', 'in');
    db.prepare("INSERT INTO watch_list (id, name, name_key, reason, created_at, created_by, updated_at) VALUES ('W', '张三', '张三', '闹事', 1, 'S', 1)").run();
    db.prepare(
      "INSERT INTO callbacks (id, source, tenant_id, caller_name, caller_phone, due_at, owner_id, status, created_at, created_by) VALUES ('C', 'desk', 'T', '刘', '13800000000', 2, 'S', 'open', 1, 'S')",
    ).run();
    db.prepare("INSERT INTO notices (id, title, target, active_from, created_at, created_by, updated_at) VALUES ('N', '停水通知', 'all', 1, 1, 'S', 1)").run();
    for (const table of ['tenants', 'visits', 'watch_list', 'callbacks', 'notices']) {
      expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/never deleted/);
    }
    db.close();
  });

  it('V-4 a visit moves only pending → in | declined and in → out', () => {
    const db = open();
    insertVisit(db, 'V', 'in');
    expect(() => db.prepare("UPDATE visits SET status = 'pending' WHERE id = 'V'").run()).toThrow(/cannot go/);
    db.prepare("UPDATE visits SET status = 'out', checked_out_at = 2 WHERE id = 'V'").run();
    expect(() => db.prepare("UPDATE visits SET status = 'in' WHERE id = 'V'").run()).toThrow(/cannot go/);
    // An 'out' visit needs its check-out time; an 'in' visit its pass number.
    insertVisit(db, 'W', 'in');
    expect(() => db.prepare("UPDATE visits SET status = 'out' WHERE id = 'W'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE visits SET pass_number = NULL WHERE id = 'W'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('V-7 a redacted visit stays redacted', () => {
    const db = open();
    insertVisit(db, 'V', 'out', 'checked_out_at=2');
    db.prepare("UPDATE visits SET visitor_name = '', mobile = NULL, redacted_at = 5 WHERE id = 'V'").run();
    expect(() => db.prepare("UPDATE visits SET visitor_name = '张三' WHERE id = 'V'").run()).toThrow(/stay redacted/);
    expect(() => db.prepare("UPDATE visits SET redacted_at = NULL WHERE id = 'V'").run()).toThrow(/stay redacted/);
    db.close();
  });

  it('V-3 callbacks need an outcome to close and stay closed; a withdrawn notice cannot change', () => {
    const db = open();
    db.prepare(
      "INSERT INTO callbacks (id, source, tenant_id, caller_name, caller_phone, due_at, owner_id, status, created_at, created_by) VALUES ('C', 'desk', 'T', '刘', '13800000000', 2, 'S', 'open', 1, 'S')",
    ).run();
    expect(() => db.prepare("UPDATE callbacks SET status = 'closed' WHERE id = 'C'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE callbacks SET status = 'closed', outcome = 'relayed', closed_at = 3, closed_by = 'S' WHERE id = 'C'").run();
    expect(() => db.prepare("UPDATE callbacks SET status = 'open' WHERE id = 'C'").run()).toThrow(/stays closed/);
    db.prepare("INSERT INTO notices (id, title, target, active_from, withdrawn_at, created_at, created_by, updated_at) VALUES ('N', '停水', 'all', 1, 2, 1, 'S', 1)").run();
    expect(() => db.prepare("UPDATE notices SET title = '停电' WHERE id = 'N'").run()).toThrow(/withdrawn/);
    expect(() =>
      db.prepare("INSERT INTO notices (id, title, target, active_from, created_at, created_by, updated_at) VALUES ('M', '通知', 'unit', 1, 1, 'S', 1)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('V-6 a watch-list entry needs a name, mobile or ID number, and a reason', () => {
    const db = open();
    expect(() => db.prepare("INSERT INTO watch_list (id, reason, created_at, created_by, updated_at) VALUES ('W', 'x', 1, 'S', 1)").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO watch_list (id, mobile, reason, created_at, created_by, updated_at) VALUES ('W', '13800138000', '', 1, 'S', 1)").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
