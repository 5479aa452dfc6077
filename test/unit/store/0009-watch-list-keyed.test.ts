import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { verifyLegacyTrail } from '../../../main/core/audit/legacy';
import { verifyTrail } from '../../../main/core/audit/verify';
import { defaultKeyFile, fileSecretStore, openKeyRing, type KeyRing } from '../../../main/core/keyring';
import { documentMac } from '../../../main/core/visitors/watch-list';
import { hashPin } from '../../../main/core/auth/secrets';
import { as, LOCAL, openCore, tempDir } from '../../support/core';
import { auditText } from '../../support/audit';
import { LegacyTx } from '../../support/legacy-trail';

const S = '01JDSTAFF00000000000000000';
const STAFF = { kind: 'staff' as const, id: S, name: '王主管', deviceId: null };
const FULL = '11010519491231002X';
const PASSPORT = 'E12345678';

/**
 * A database as the released version (schema 8) left it: watch-list entries written through the audited path,
 * so the full numbers are in the table and in the audit images of the insert and of a later change.
 */
function releasedDatabase(): { dir: string; keys: KeyRing } {
  const dir = tempDir();
  const { ring } = openKeyRing(fileSecretStore(defaultKeyFile(dir)));
  const clock = new FakeClock();
  const { db } = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 8), keys: ring });
  db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES (?, '王主管', 'supervisor', ?, 1, 1)").run(S, hashPin('8642'));
  db.transaction(() => {
    const tx = new LegacyTx(db, { installationId: 'I', actor: STAFF, method: 'visitors.addWatch', at: clock.now() });
    const row = (id: string, idNumber: string, name: string) => ({
      id,
      name,
      name_key: name,
      mobile: '',
      id_number: idNumber,
      reason: '冒用他人证件',
      active: 1,
      created_at: clock.now(),
      created_by: S,
      updated_at: clock.now(),
    });
    tx.insert('watch_list', row('W1', FULL, ''));
    tx.insert('watch_list', row('W2', PASSPORT, '某外籍人士'));
    tx.insert('watch_list', row('W3', '', '李四'));
    tx.update('watch_list', 'W1', { reason: '冒用他人证件，已报警', updated_at: clock.now() + 1 });
  }).immediate();
  db.close();
  return { dir, keys: ring };
}

function upgrade(dir: string, keys: KeyRing): Database.Database {
  const opened = openStore({ dataDir: dir, clock: new FakeClock('2026-12-01T09:00:00+08:00'), migrations: migrations.slice(0, 9), keys });
  expect(opened.preMigrationBackup).toBeTruthy();
  return opened.db;
}

const everything = (db: Database.Database): string =>
  JSON.stringify([db.prepare('SELECT * FROM watch_list').all(), db.prepare('SELECT * FROM audit_payload').all()]);

describe('migration 0009-watch-list-keyed', () => {
  it('V-6 X-7 full ID and document numbers become a keyed hash and a masked form; every other column is kept', () => {
    const { dir, keys } = releasedDatabase();
    const db = upgrade(dir, keys);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT id, name, name_key, id_number_mac, id_number_masked, reason, active FROM watch_list ORDER BY id').all()).toEqual([
      { id: 'W1', name: '', name_key: '', id_number_mac: documentMac(keys, FULL), id_number_masked: '1101**********002X', reason: '冒用他人证件，已报警', active: 1 },
      { id: 'W2', name: '某外籍人士', name_key: '某外籍人士', id_number_mac: documentMac(keys, PASSPORT), id_number_masked: 'E******78', reason: '冒用他人证件', active: 1 },
      { id: 'W3', name: '李四', name_key: '李四', id_number_mac: '', id_number_masked: '', reason: '冒用他人证件', active: 1 },
    ]);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('watch_list')").all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('id_number');
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'watch_list'").get()).toEqual({ strict: 1 });
    expect(() => db.prepare("DELETE FROM watch_list WHERE id = 'W3'").run()).toThrow(/never deleted/);
    // Only a hash (or a name or mobile) makes an entry; a hash is 64 hex characters.
    expect(() =>
      db.prepare("INSERT INTO watch_list (id, reason, created_at, created_by, updated_at) VALUES ('W4', 'x', 1, ?, 1)").run(S),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO watch_list (id, id_number_mac, reason, created_at, created_by, updated_at) VALUES ('W4', ?, 'x', 1, ?, 1)").run(FULL, S),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('V-6 V-7 X-7 the full numbers are gone from the table and from the audit images, blanked by audited redactions; the chain verifies', () => {
    const { dir, keys } = releasedDatabase();
    const db = upgrade(dir, keys);
    const text = everything(db);
    expect(text).not.toContain(FULL.slice(4, 14));
    expect(text).not.toContain(PASSPORT.slice(1, 7));
    const redactions = db
      .prepare("SELECT l.entity_id, l.actor_kind, l.method, p.after_json FROM audit_log l JOIN audit_payload p USING (seq) WHERE l.method = 'audit.redact' ORDER BY l.seq")
      .all() as Array<{ entity_id: string; actor_kind: string; after_json: string }>;
    expect(redactions.map((r) => [r.entity_id, r.actor_kind, JSON.parse(r.after_json).run])).toEqual([
      ['W1', 'system', 'migration.watchListKeyed'],
      ['W2', 'system', 'migration.watchListKeyed'],
    ]);
    // W1's insert and update images and W2's insert image are blanked; W3 had no number and keeps its image.
    const blanked = db
      .prepare("SELECT l.entity_id, COUNT(*) AS n FROM audit_log l JOIN audit_payload p USING (seq) WHERE l.entity = 'watch_list' AND p.redacted_at IS NOT NULL GROUP BY l.entity_id ORDER BY 1")
      .all();
    expect(blanked).toEqual([
      { entity_id: 'W1', n: 2 },
      { entity_id: 'W2', n: 1 },
    ]);
    expect(verifyLegacyTrail(db).ok).toBe(true);
    db.close();
  });

  it('V-6 X-6 then 0016 keys the trail: the converted entries get their state as a baseline, the numbers stay out, verify holds', () => {
    const { dir, keys } = releasedDatabase();
    const { db } = openStore({ dataDir: dir, clock: new FakeClock('2026-12-01T09:00:00+08:00'), keys });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const text = auditText(db);
    expect(text).not.toContain(FULL.slice(4, 14));
    expect(text).not.toContain(PASSPORT.slice(1, 7));
    expect(text).toContain(documentMac(keys, FULL));
    const baselined = db.prepare("SELECT entity_id FROM audit_trail WHERE op = 'baseline' AND entity = 'watch_list' ORDER BY entity_id").all();
    // Every entry: the first form's images of all three lack the columns 0009 added.
    expect(baselined).toEqual([{ entity_id: 'W1' }, { entity_id: 'W2' }, { entity_id: 'W3' }]);
    expect(verifyTrail(db, { keys })).toMatchObject({ state: 'ok', problems: [] });
    db.close();
  });

  it('V-6 after the upgrade the desk still matches the converted entries (also by the old 15-digit form) and shows them masked', async () => {
    const { dir, keys } = releasedDatabase();
    upgrade(dir, keys).close();
    // The same data folder and key file, opened by the app; the supervisor signs in.
    const core = openCore(dir, new FakeClock('2026-12-01T09:00:00+08:00'));
    const desk = { core, close: () => core.close() };
    const admin = as((await core.invoke(LOCAL, 'auth.signIn', { userId: S, pin: '8642' })).token);
    const byNumber = await desk.core.invoke(admin, 'visitors.watchCheck', { idNumber: '110105491231002' });
    expect(byNumber.matches).toEqual([{ entryId: 'W1', reason: '冒用他人证件，已报警', fields: ['idNumber'] }]);
    expect((await desk.core.invoke(admin, 'visitors.watchCheck', { idNumber: 'e 1234 5678' })).matches.map((m) => m.entryId)).toEqual(['W2']);
    const list = await desk.core.invoke(admin, 'visitors.watchList', {});
    expect(list.entries.map((e) => [e.id, e.idNumberMasked]).sort()).toEqual([
      ['W1', '1101**********002X'],
      ['W2', 'E******78'],
      ['W3', ''],
    ]);
    desk.close();
  });

  it('V-6 without the installation key it refuses to convert and leaves the file as it was', () => {
    const { dir } = releasedDatabase();
    expect(() => openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 9) })).toThrow(/installation key/);
    const { db } = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 8) });
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare("SELECT id_number FROM watch_list WHERE id = 'W1'").get()).toEqual({ id_number: FULL });
    db.close();
  });
});
