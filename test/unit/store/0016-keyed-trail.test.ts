import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore, BACKUP_DIR } from '../../../main/core/store/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { openKeyRing, memorySecretStore } from '../../../main/core/keyring';
import { appendLegacy, legacyEntryHash, legacyPayloadHash, LEGACY_GENESIS_HASH, verifyLegacyTrail } from '../../../main/core/audit/legacy';
import { SYSTEM_ACTOR } from '../../../main/core/audit/chain';
import { verifyTrail } from '../../../main/core/audit/verify';
import { checkDatabaseFile } from '../../../main/core/store/backup-files';
import { trailKeys } from '../../../main/core/audit/keys';
import { incidentContentHash } from '../../../main/core/incidents/rows';
import { auditEntries } from '../../support/audit';
import { openCore, tempDir } from '../../support/core';
import { readAnchors } from '../../../main/core/audit/anchors';

const INSTALLATION = '01JINSTALLATION00000000000';

function legacyAppend(db: Database.Database, entry: { at: number; method: string; entity: string; entityId: string | null; op: 'insert' | 'update' | 'event'; before: unknown; after: unknown }) {
  return appendLegacy(db, { ...entry, installationId: INSTALLATION, actor: SYSTEM_ACTOR });
}

const without = (row: Record<string, unknown>, ...columns: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !columns.includes(k)));

/**
 * A database as the released version (schema 15) left it: a member of staff, a tenant, a callback from before
 * migration 0007 (its image has no kind), a visit redacted by the first form (its images blanked whole), a signed
 * incident (content hashes never entered the first form's images). Written through that version's audit path.
 */
function releasedDatabase(): string {
  const dir = tempDir();
  const db = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 15) }).db;
  db.prepare("UPDATE meta SET value = ? WHERE key = 'installation_id'").run(INSTALLATION);
  const rowOf = (table: string, id: string) => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
  const insert = (table: string, sql: string, id: string) => {
    db.prepare(sql).run();
    legacyAppend(db, { at: 10, method: `${table}.create`, entity: table, entityId: id, op: 'insert', before: null, after: without(rowOf(table, id), 'pin_hash', 'content_hash') });
  };
  insert('staff', "INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', '李前台', 'receptionist', 'scrypt$salt$hash', 1, 1)", 'S');
  insert('tenants', "INSERT INTO tenants (id, kind, name, display_name, floor, search_text, public_search_text, created_at, updated_at) VALUES ('T', 'company', '华信科技有限公司', '华信科技', '12', '', '', 1, 1)", 'T');
  insert(
    'callbacks',
    "INSERT INTO callbacks (id, kind, source, tenant_id, caller_name, caller_phone, message, due_at, owner_id, status, created_at, created_by) VALUES ('C', 'message', 'desk', 'T', '王五', '13711112222', '请回电', 100, 'S', 'open', 20, 'S')",
    'C',
  );
  // The callback's image as written before 0007: no kind.
  db.exec("DROP TRIGGER audit_payload_redact_only");
  const callbackSeq = (db.prepare("SELECT seq FROM audit_log WHERE entity_id = 'C'").get() as { seq: number }).seq;
  const image = JSON.parse((db.prepare('SELECT after_json FROM audit_payload WHERE seq = ?').get(callbackSeq) as { after_json: string }).after_json) as Record<string, unknown>;
  delete image.kind;
  const imageJson = JSON.stringify(Object.fromEntries(Object.entries(image).sort(([a], [b]) => (a < b ? -1 : 1))));
  db.prepare('UPDATE audit_payload SET after_json = ? WHERE seq = ?').run(imageJson, callbackSeq);
  db.exec(`CREATE TRIGGER audit_payload_redact_only BEFORE UPDATE ON audit_payload
      WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
                AND NEW.before_json IS NULL AND NEW.after_json IS NULL AND NEW.seq = OLD.seq)
      BEGIN SELECT RAISE(ABORT, 'audit payloads can only be redacted'); END;`);
  // Re-hash that entry and every later one, as the chain of the released version had it with that image.
  rehashLegacy(db);

  insert(
    'visits',
    "INSERT INTO visits (id, source, status, visitor_name, mobile, tenant_id, purpose, party_size, lang, registered_at, registered_by) VALUES ('V', 'desk', 'pending', '张三', '13812345678', 'T', '商务拜访', 1, 'zh-CN', 30, 'S')",
    'V',
  );
  // The first form's redaction: the row blanked, its payloads blanked whole, a note naming them.
  const visitSeqs = (db.prepare("SELECT seq FROM audit_log WHERE entity_id = 'V'").all() as Array<{ seq: number }>).map((r) => r.seq);
  db.prepare("UPDATE visits SET visitor_name = '', mobile = NULL, redacted_at = 40 WHERE id = 'V'").run();
  for (const seq of visitSeqs) db.prepare('UPDATE audit_payload SET before_json = NULL, after_json = NULL, redacted_at = 40 WHERE seq = ?').run(seq);
  legacyAppend(db, { at: 40, method: 'audit.redact', entity: 'visits', entityId: 'V', op: 'event', before: null, after: { seqs: visitSeqs, columns: ['visitor_name', 'mobile', 'redacted_at'], run: 'visitors.retention' } });

  insert(
    'incidents',
    `INSERT INTO incidents (id, number, occurred_at, place, people_present, course, outcome, category, needs_follow_up, author_id, author_name, created_at, updated_at)
     VALUES ('I', 'SJ20261127-01', 50, '大堂', '李前台', '访客摔倒', '已送医', 'medical', 0, 'S', '李前台', 50, 50)`,
    'I',
  );
  const before = without(rowOf('incidents', 'I'), 'content_hash');
  db.prepare("UPDATE incidents SET signed_at = 60, signed_by = 'S', content_hash = ? WHERE id = 'I'").run(incidentContentHash(rowOf('incidents', 'I') as never, 60, []));
  legacyAppend(db, { at: 60, method: 'incidents.sign', entity: 'incidents', entityId: 'I', op: 'update', before, after: without(rowOf('incidents', 'I'), 'content_hash') });
  expect(verifyLegacyTrail(db)).toMatchObject({ ok: true });
  db.close();
  return dir;
}

function rehashLegacy(db: Database.Database): void {
  db.exec('DROP TRIGGER audit_log_no_update');
  let prev = LEGACY_GENESIS_HASH;
  for (const row of db.prepare('SELECT l.*, p.before_json, p.after_json FROM audit_log l JOIN audit_payload p ON p.seq = l.seq ORDER BY l.seq').all() as Array<Record<string, unknown>>) {
    const payload_hash = legacyPayloadHash(row.before_json as string | null, row.after_json as string | null);
    const fixed = { ...row, payload_hash, prev_hash: prev } as Parameters<typeof legacyEntryHash>[0];
    const hash = legacyEntryHash(fixed);
    db.prepare('UPDATE audit_log SET payload_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(payload_hash, prev, hash, row.seq);
    prev = hash;
  }
  db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'rows are immutable: audit_log'); END;");
}

function upgrade(dir: string, keys = openKeyRing(memorySecretStore()).ring) {
  const opened = openStore({ dataDir: dir, clock: new FakeClock(), keys });
  return { ...opened, keys };
}

describe('migration 0016-keyed-trail', () => {
  it('X-6 a released trail is checked as it was, converted entry by entry under the installation key, and the moment is recorded', () => {
    const dir = releasedDatabase();
    const { db, keys, preMigrationBackup } = upgrade(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'audit_payload'").get()).toEqual({ n: 0 });
    const entries = auditEntries(db);
    // The old entries keep their numbers, times, methods and what they said, in the compact form.
    expect(entries.slice(0, 7).map((e) => [e.seq, e.method, e.entity_id, e.op])).toEqual([
      [1, 'staff.create', 'S', 'insert'],
      [2, 'tenants.create', 'T', 'insert'],
      [3, 'callbacks.create', 'C', 'insert'],
      [4, 'visits.create', 'V', 'insert'],
      [5, 'audit.redact', 'V', 'event'],
      [6, 'incidents.create', 'I', 'insert'],
      [7, 'incidents.sign', 'I', 'update'],
    ]);
    expect(entries[6]!.payload).toMatchObject({ signed_at: [null, 60], signed_by: [null, 'S'] });
    expect(entries[3]!.payload).toEqual({ __blanked: 'before the trail was keyed' });
    // Rows the old trail did not describe fully get their state now: the PIN hash's fingerprint, the callback's kind
    // (added by 0007), the redacted visit, the incident's content hash.
    const baselines = entries.filter((e) => e.op === 'baseline');
    expect(baselines.map((e) => e.entity_id).sort()).toEqual(['C', 'I', 'S', 'V']);
    expect(baselines.find((e) => e.entity_id === 'I')!.payload).toMatchObject({ content_hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.stringify(baselines.find((e) => e.entity_id === 'S')!.payload)).not.toContain('scrypt$salt$hash');
    const migrated = entries[entries.length - 1]!;
    expect(migrated).toMatchObject({ method: 'audit.migrated', op: 'event', actor_kind: 'system' });
    expect(migrated.payload).toMatchObject({ legacy: { entries: 7, head: { seq: 7 }, check: 'ok', renumbered: 0 }, baselined: { staff: 1, callbacks: 1, visits: 1, incidents: 1 } });
    expect(trailKeys(db)).toEqual([{ fingerprint: keys.fingerprint, from: 1 }]);
    // From here the trail is evidence: every link verifies under the key and every row equals its trail.
    const report = verifyTrail(db, { keys });
    expect(report).toMatchObject({ state: 'ok', problems: [], authenticated: entries.length });
    // The file before the migration is kept, in the first form, and its own check still reads it.
    expect(preMigrationBackup && fs.existsSync(preMigrationBackup)).toBe(true);
    expect(path.dirname(preMigrationBackup!)).toBe(path.join(dir, BACKUP_DIR));
    expect(checkDatabaseFile(preMigrationBackup!, keys).audit).toMatchObject({ state: 'unverified', notices: [expect.objectContaining({ code: 'legacy.format' })] });
    db.close();
  });

  it('X-6 a released trail that was already broken is converted all the same, and the migration records where it broke', () => {
    const dir = releasedDatabase();
    const tamper = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 15) }).db;
    tamper.exec('DROP TRIGGER audit_log_no_update');
    tamper.prepare("UPDATE audit_log SET method = 'staff.resetPin' WHERE seq = 2").run();
    tamper.close();
    const { db, keys } = upgrade(dir);
    const migrated = auditEntries(db).find((e) => e.method === 'audit.migrated')!;
    expect(migrated.payload).toMatchObject({ legacy: { entries: 7, check: { seq: 2, reason: expect.stringContaining('altered') } } });
    // Honest about its limits: what the file held at that moment is taken as given, and said so.
    expect(verifyTrail(db, { keys }).state).toBe('ok');
    db.close();
  });

  it('X-6 without the installation key the conversion refuses and leaves the file at schema 15', () => {
    const dir = releasedDatabase();
    expect(() => openStore({ dataDir: dir, clock: new FakeClock() })).toThrow(/needs the installation key/);
    const db = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 15) }).db;
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    expect(verifyLegacyTrail(db)).toMatchObject({ ok: true, checked: 7 });
    db.close();
  });

  it('X-6 the app’s first start after the conversion anchors the converted head and checks out (no anchors are missing yet)', () => {
    const dir = releasedDatabase();
    const core = openCore(dir, new FakeClock());
    expect(core.trail.lastReport).toMatchObject({ state: 'ok', problems: [] });
    const lines = readAnchors(dir, core.keys).lines;
    expect(lines.map((l) => [l.anchor?.why, l.anchor?.seq, l.problem])).toEqual([['start', (core.db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n, null]]);
    expect(verifyTrail(core.db, { keys: core.keys, dataDir: dir })).toMatchObject({ state: 'ok', problems: [] });
    core.close();
  });

  it('X-6 a new database gets the keyed trail directly, with its protective triggers', () => {
    const { db } = upgrade(tempDir());
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(triggers).toEqual(['audit_log_no_delete', 'audit_log_redact_only', 'audit_terms_no_delete', 'audit_terms_no_update']);
    db.prepare("INSERT INTO audit_terms (term) VALUES ('m:x')").run();
    db.prepare("INSERT INTO audit_log (seq, at, actor_term, method_term, entity_term, op, payload, link) VALUES (1, 1, 1, 1, 1, 'event', x'00', zeroblob(16))").run();
    expect(() => db.prepare('UPDATE audit_log SET at = 2 WHERE seq = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE audit_log SET payload = x\'0000\' WHERE seq = 1').run()).toThrow(/immutable/); // a redaction keeps the sealed digest
    db.prepare('UPDATE audit_log SET payload = x\'0000\', sealed = zeroblob(16) WHERE seq = 1').run();
    expect(() => db.prepare('UPDATE audit_log SET sealed = randomblob(16) WHERE seq = 1').run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE audit_terms SET term = 'm:y'").run()).toThrow(/immutable/);
    db.close();
  });
});
