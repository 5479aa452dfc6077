import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0005-shift', () => {
  const open = () => openStore({ dataDir: tempDir(), clock: new FakeClock(), migrations: migrations.slice(0, 5) }).db;
  const HASH = 'a'.repeat(64);

  function seed(db: Database.Database): void {
    db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('R', '李前台', 'receptionist', 'h', 1, 1)").run();
    db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('G', '王保安', 'security', 'h', 1, 1)").run();
    db.prepare(
      `INSERT INTO shifts (id, person_id, person_name, started_at, opening_check_json, opening_all_ok) VALUES ('S1', 'R', '李前台', 10, '[]', 1)`,
    ).run();
  }

  function incident(db: Database.Database, id: string, signed: boolean): void {
    db.prepare(
      `INSERT INTO incidents (id, number, occurred_at, place, people_present, course, outcome, category, needs_follow_up,
         author_id, author_name, created_at, updated_at, signed_at, signed_by, content_hash)
       VALUES (?, ?, 5, '大堂', '李前台', '经过', '结果', 'security', 0, 'R', '李前台', 5, 5, ?, ?, ?)`,
    ).run(id, `SJ-${id}`, signed ? 6 : null, signed ? 'R' : null, signed ? HASH : null);
  }

  it('S-1 S-2 S-3 I-1 creates the shift, incident, key register and handover tables', () => {
    const db = open();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const t of [
      'shifts',
      'incidents',
      'incident_amendments',
      'incident_reviews',
      'incident_attachments',
      'incidents_fts',
      'key_loans',
      'handovers',
      'handover_lines',
      'handover_acknowledgements',
    ]) {
      expect(tables).toContain(t);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.close();
  });

  it('I-1 every required part of an incident must be present, and only the author signs, with a content hash', () => {
    const db = open();
    seed(db);
    const insert = (place: string, course: string, signedBy: string | null) =>
      db
        .prepare(
          `INSERT INTO incidents (id, number, occurred_at, place, people_present, course, outcome, category, needs_follow_up,
             author_id, author_name, created_at, updated_at, signed_at, signed_by, content_hash)
           VALUES (lower(hex(randomblob(8))), lower(hex(randomblob(8))), 5, ?, '李', ?, '结果', 'security', 0, 'R', '李前台', 5, 5, ?, ?, ?)`,
        )
        .run(place, course, signedBy ? 6 : null, signedBy, signedBy ? HASH : null);
    expect(() => insert('  ', '经过', null)).toThrow(/CHECK/);
    expect(() => insert('大堂', '', null)).toThrow(/CHECK/);
    expect(() => insert('大堂', '经过', 'G')).toThrow(/CHECK/);
    expect(() => insert('大堂', '经过', 'R')).not.toThrow();
    db.close();
  });

  it('I-1 a signed incident refuses UPDATE and DELETE; a draft may change but never be deleted', () => {
    const db = open();
    seed(db);
    incident(db, 'D', false);
    incident(db, 'X', true);
    db.prepare("UPDATE incidents SET place = '大堂东门' WHERE id = 'D'").run();
    expect(() => db.prepare("DELETE FROM incidents WHERE id = 'D'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE incidents SET course = '改过' WHERE id = 'X'").run()).toThrow(/signed incident cannot change/);
    expect(() => db.prepare("UPDATE incidents SET signed_at = NULL, signed_by = NULL, content_hash = NULL WHERE id = 'X'").run()).toThrow(
      /signed incident cannot change/,
    );
    expect(() => db.prepare("DELETE FROM incidents WHERE id = 'X'").run()).toThrow(/never deleted/);
    db.close();
  });

  it('I-1 amendments and reviews only on signed incidents, and never change; attachments lock with the signature', () => {
    const db = open();
    seed(db);
    incident(db, 'D', false);
    incident(db, 'X', true);
    const amend = (incidentId: string) =>
      db
        .prepare("INSERT INTO incident_amendments (id, incident_id, at, by_id, by_name, text, closes_follow_up) VALUES (?, ?, 7, 'G', '王保安', '补充', 0)")
        .run(`A-${incidentId}`, incidentId);
    expect(() => amend('D')).toThrow(/only a signed incident/);
    amend('X');
    expect(() => db.prepare("UPDATE incident_amendments SET text = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM incident_amendments').run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare("INSERT INTO incident_reviews (id, incident_id, at, by_id, by_name, by_role) VALUES ('V', 'D', 8, 'G', '王', 'supervisor')").run(),
    ).toThrow(/only a signed incident/);

    const attach = (id: string, incidentId: string, amendmentId: string | null) =>
      db
        .prepare(
          `INSERT INTO incident_attachments (id, incident_id, amendment_id, name, mime, size, sha256, data, added_at, added_by_id, added_by_name)
           VALUES (?, ?, ?, 'p.jpg', 'image/jpeg', 3, ?, x'FFD8FF', 9, 'R', '李前台')`,
        )
        .run(id, incidentId, amendmentId, HASH);
    attach('F1', 'D', null);
    expect(() => attach('F2', 'X', null)).toThrow(/only with an amendment/);
    attach('F3', 'X', 'A-X');
    expect(() => db.prepare("UPDATE incident_attachments SET name = 'q.jpg' WHERE id = 'F1'").run()).toThrow(/cannot change/);
    db.prepare("UPDATE incident_attachments SET withdrawn_at = 10 WHERE id = 'F1'").run();
    expect(() => db.prepare("UPDATE incident_attachments SET withdrawn_at = 10 WHERE id = 'F3'").run()).toThrow(/cannot change/);
    expect(() => db.prepare("DELETE FROM incident_attachments WHERE id = 'F3'").run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO incident_attachments (id, incident_id, name, mime, size, sha256, data, added_at, added_by_id, added_by_name)
           VALUES ('F4', 'D', 'x.exe', 'application/x-msdownload', 1, ?, x'00', 9, 'R', '李')`,
        )
        .run(HASH),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('I-1 the search index follows drafts and amendments (trigram: Chinese substrings)', () => {
    const db = open();
    seed(db);
    incident(db, 'D', false);
    db.prepare("UPDATE incidents SET place = '地下车库入口' WHERE id = 'D'").run();
    const find = (q: string) => (db.prepare('SELECT rowid FROM incidents_fts WHERE incidents_fts MATCH ?').all(`"${q}"`) as unknown[]).length;
    expect(find('车库入')).toBe(1);
    incident(db, 'X', true);
    db.prepare("INSERT INTO incident_amendments (id, incident_id, at, by_id, by_name, text, closes_follow_up) VALUES ('A', 'X', 7, 'G', '王保安', '派出所已处理完毕', 1)").run();
    expect(find('派出所')).toBe(1);
    db.close();
  });

  it('S-3 S-2 one open shift per person; an ended shift (its diary) is locked', () => {
    const db = open();
    seed(db);
    expect(() =>
      db.prepare(`INSERT INTO shifts (id, person_id, person_name, started_at, opening_check_json, opening_all_ok) VALUES ('S2', 'R', '李前台', 11, '[]', 1)`).run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE shifts SET ended_at = 20, end_reason = 'handover' WHERE id = 'S1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE shifts SET diary_text = '今日平稳' WHERE id = 'S1'").run();
    db.prepare(`UPDATE shifts SET ended_at = 20, end_reason = 'handover', diary_json = '{"sections":[]}' WHERE id = 'S1'`).run();
    expect(() => db.prepare("UPDATE shifts SET diary_text = '改写' WHERE id = 'S1'").run()).toThrow(/ended shift/);
    expect(() => db.prepare("DELETE FROM shifts WHERE id = 'S1'").run()).toThrow(/never deleted/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO shifts (id, person_id, person_name, started_at, opening_check_json, opening_all_ok, ended_at, end_reason, diary_json)
           VALUES ('S3', 'R', '李前台', 30, '[]', 1, 40, 'closed', '{}')`,
        )
        .run(),
    ).toThrow(/CHECK/); // closed without a reason
    db.close();
  });

  it('S-1 a signed handover and its lines refuse UPDATE, DELETE and new lines; only someone else acknowledges, once', () => {
    const db = open();
    seed(db);
    db.prepare("INSERT INTO handovers (id, number, shift_id, outgoing_id, outgoing_name, created_at, updated_at) VALUES ('H', 'JB-1', 'S1', 'R', '李前台', 12, 12)").run();
    const line = (id: string, key: string) =>
      db
        .prepare(
          `INSERT INTO handover_lines (id, handover_id, position, key, section, section_title, section_order, kind, params_json, attention, current, updated_at)
           VALUES (?, 'H', 0, ?, 'keys', 'keys:handover.section', 30, 'keys:handover.out', '{}', 0, 1, 12)`,
        )
        .run(id, key);
    line('L1', 'key-loan:1');
    expect(() => line('L2', 'key-loan:1')).toThrow(/UNIQUE/);
    db.prepare("UPDATE handover_lines SET ticked = 1 WHERE id = 'L1'").run();
    expect(() =>
      db.prepare("INSERT INTO handover_acknowledgements (id, handover_id, incoming_id, incoming_name, incoming_role, at) VALUES ('K0', 'H', 'G', '王保安', 'security', 13)").run(),
    ).toThrow(/only a signed handover/);
    expect(() => db.prepare("UPDATE handovers SET signed_at = 13, signed_by = 'G', content_hash = ? WHERE id = 'H'").run(HASH)).toThrow(/CHECK/);
    db.prepare("UPDATE handovers SET signed_at = 13, signed_by = 'R', content_hash = ? WHERE id = 'H'").run(HASH);

    expect(() => db.prepare("UPDATE handovers SET notes = '补记' WHERE id = 'H'").run()).toThrow(/signed handover cannot change/);
    expect(() => db.prepare("DELETE FROM handovers WHERE id = 'H'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE handover_lines SET ticked = 0 WHERE id = 'L1'").run()).toThrow(/signed handover cannot change/);
    expect(() => db.prepare("DELETE FROM handover_lines WHERE id = 'L1'").run()).toThrow(/never deleted/);
    expect(() => line('L3', 'key-loan:3')).toThrow(/takes no new lines/);

    const ack = (id: string, who: string) =>
      db
        .prepare("INSERT INTO handover_acknowledgements (id, handover_id, incoming_id, incoming_name, incoming_role, at) VALUES (?, 'H', ?, 'x', 'security', 14)")
        .run(id, who);
    expect(() => ack('K1', 'R')).toThrow(/not by who signed it/);
    ack('K2', 'G');
    expect(() => ack('K3', 'G')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE handover_acknowledgements SET note = 'x'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM handover_acknowledgements').run()).toThrow(/never deleted/);
    db.close();
  });

  it('S-1 a returned loan is closed for good; loans are never deleted', () => {
    const db = open();
    seed(db);
    db.prepare(
      "INSERT INTO key_loans (id, kind, item, borrower, lent_at, lent_by_id, lent_by_name) VALUES ('K', 'key', '3F 机房钥匙', '张师傅', 10, 'R', '李前台')",
    ).run();
    expect(() => db.prepare("UPDATE key_loans SET returned_at = 20 WHERE id = 'K'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE key_loans SET returned_at = 20, returned_to_id = 'G', returned_to_name = '王保安' WHERE id = 'K'").run();
    expect(() => db.prepare("UPDATE key_loans SET returned_at = NULL, returned_to_id = NULL WHERE id = 'K'").run()).toThrow(/returned loan/);
    expect(() => db.prepare("DELETE FROM key_loans WHERE id = 'K'").run()).toThrow(/never deleted/);
    expect(() =>
      db.prepare("INSERT INTO key_loans (id, kind, item, borrower, lent_at, lent_by_id, lent_by_name) VALUES ('Z', 'car', 'x', 'y', 1, 'R', 'r')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
