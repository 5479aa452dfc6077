// Opening a store just before and just after one migration (found by name, so a renumbering at merge changes nothing),
// with the rows most migrations refer to: a person, a tenant with a contact, a visit.
import type Database from 'better-sqlite3';
import { openStore } from '../../main/core/store/open';
import { migrations } from '../../main/core/store/migrations';
import { FakeClock } from '../../main/core/clock';
import { tempDir } from './core';

export function upgradeThrough(name: string, seed: (db: Database.Database) => void = seedBase): { db: Database.Database; version: number; backup: string | null } {
  const at = migrations.findIndex((m) => m.name === name);
  if (at < 0) throw new Error(`no migration named ${name}`);
  const dir = tempDir();
  const clock = new FakeClock();
  const before = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, at) }).db;
  seed(before);
  before.close();
  const opened = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, at + 1) });
  return { db: opened.db, version: migrations[at]!.version, backup: opened.preMigrationBackup };
}

export function seedBase(db: Database.Database): void {
  db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', '李前台', 'receptionist', 'h', 1, 1)").run();
  db.prepare(
    `INSERT INTO tenants (id, kind, name, display_name, floor, room, search_text, public_search_text, created_at, updated_at)
     VALUES ('T', 'company', '华信科技有限公司', '华信科技', '12', '1201', '', '', 1, 1)`,
  ).run();
  db.prepare("INSERT INTO tenant_contacts (id, tenant_id, name, phone, created_at, updated_at) VALUES ('C', 'T', '王经理', '13800138000', 1, 1)").run();
  db.prepare(
    `INSERT INTO visits (id, source, status, pass_number, visitor_name, mobile, tenant_id, purpose, party_size, lang, registered_at, registered_by, checked_in_at)
     VALUES ('V', 'desk', 'in', '1127-001', '张三', '13812345678', 'T', '商务拜访', 1, 'zh-CN', 10, 'S', 10)`,
  ).run();
}
