import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0001-foundation', () => {
  const open = () => openStore({ dataDir: tempDir(), clock: new FakeClock(), migrations: migrations.slice(0, 1) }).db;

  it('X-1 creates the foundation tables', () => {
    const db = open();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
      (t) => t.name,
    );
    for (const t of ['meta', 'settings', 'staff', 'devices', 'pairing_codes', 'sessions', 'pin_failures', 'counters', 'audit_log', 'audit_payload']) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('X-1 audit rows cannot be updated or deleted, payloads only redacted', () => {
    const db = open();
    db.prepare(
      `INSERT INTO audit_log (seq, id, at, installation_id, actor_kind, method, entity, op, payload_hash, prev_hash, hash)
       VALUES (1, 'A', 1, 'I', 'system', 'm', 'e', 'event', 'p', 'h0', 'h1')`,
    ).run();
    db.prepare("INSERT INTO audit_payload (seq, before_json, after_json) VALUES (1, NULL, '{}')").run();
    expect(() => db.prepare("UPDATE audit_log SET method = 'x' WHERE seq = 1").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM audit_payload WHERE seq = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE audit_payload SET after_json = '{\"x\":1}' WHERE seq = 1").run()).toThrow(/only be redacted/);
    db.prepare('UPDATE audit_payload SET before_json = NULL, after_json = NULL, redacted_at = 5 WHERE seq = 1').run();
    expect(() => db.prepare("UPDATE audit_payload SET after_json = '{}', redacted_at = NULL WHERE seq = 1").run()).toThrow(/only be redacted/);
    db.close();
  });

  it('X-1 staff, devices and sessions are never hard-deleted', () => {
    const db = open();
    db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', 'n', 'admin', 'h', 1, 1)").run();
    expect(() => db.prepare("DELETE FROM staff WHERE id = 'S'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('T', 'n', 'janitor', 'h', 1, 1)").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
