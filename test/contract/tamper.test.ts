// an attacker with the database file (sqlite3-level access, the app stopped) but not the installation key.
// Each change below is made to a copy of one building's data dir, then `audit:verify` runs as a real process: it
// must exit non-zero and name what broke. A control with no change verifies OK.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createDesk, failure, LOCAL, tempDir } from '../support/core';
import { pairKiosk, seedDirectory } from '../support/visitors';
import { incidentDraft, startShift, tickAll } from '../support/shift';
import { CLI } from '../support/web-server';
import { DATABASE_FILE } from '../../main/core/store/open';
import { computeLink, actorOfTerm, genesisLink, type EntryHeader } from '../../main/core/audit/chain';
import { canonicalJson, decodePayloadText, encodePayload, payloadDigest, type Op } from '../../main/core/audit/form';

interface Seeded {
  dir: string;
  visitId: string;
  kioskVisitId: string;
  incidentId: string;
  handoverId: string;
  supervisorId: string;
  watchId: string;
  installationId: string;
}

let seeded: Seeded;

/** One building's afternoon: visitors at the desk and the visitor screen, a signed incident, a signed handover. */
beforeAll(async () => {
  const desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist', '李前台', '1357');
  const wang = await desk.person('security', '王保安', '2468');
  const zhao = await desk.person('supervisor', '赵主管', '8642');
  const kiosk = await pairKiosk(desk);
  await startShift(desk, lee.token);
  const visit = await desk.core.invoke(as(lee.token), 'visitors.register', {
    visitorName: '张三',
    mobile: '13812345678',
    tenantId: dir.huaxin.id,
    purpose: '商务拜访',
    partySize: 1,
    vehiclePlate: '粤B12345',
  });
  const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', {
    visitorName: '李四',
    mobile: '13900001111',
    tenantId: dir.lawyers.id,
    purpose: '面试',
    lang: 'zh-CN',
    consent: true,
  });
  await desk.core.invoke(as(lee.token), 'visitors.confirm', { id: registrationId, hostContacted: true });
  const incident = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
  await desk.core.invoke(as(lee.token), 'incidents.sign', { id: incident.id, pin: '1357' });
  const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
  await tickAll(desk, lee.token, handover.id);
  await desk.core.invoke(as(lee.token), 'handover.saveNotes', { id: handover.id, notes: '东门门禁偶尔失灵，已报工程部。' });
  await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
  await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' });
  // Two wrong PINs for the supervisor (the sign-in guard counts them) and a person on the watch list.
  for (let i = 0; i < 2; i += 1) await failure(desk.core.invoke(LOCAL, 'auth.signIn', { userId: zhao.id, pin: '0000' }));
  const watch = await desk.core.invoke(as(desk.admin.token), 'visitors.addWatch', { idNumber: '11010519491231002X', reason: '冒用他人证件' });
  const installationId = desk.core.installationId;
  desk.close();
  seeded = { dir: desk.dataDir, visitId: visit.id, kioskVisitId: registrationId, incidentId: incident.id, handoverId: handover.id, supervisorId: zhao.id, watchId: watch.id, installationId };
});

/** A fresh copy of the building's data dir (database, key, anchors, backups) for one attack. */
function copyOfBuilding(): string {
  const dir = tempDir('lobby-desk-tamper-');
  fs.cpSync(seeded.dir, dir, { recursive: true });
  return dir;
}

/** Opens the copy's database as sqlite3 would: no app, no triggers of ours in the way except those in the file. */
function withFile<T>(dir: string, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(dir, DATABASE_FILE));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function verify(dir: string): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [CLI, 'audit:verify', '--data-dir', dir], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

interface LogRow {
  seq: number;
  at: number;
  actor_term: number;
  method_term: number;
  entity_term: number;
  entity_id: string | null;
  op: Op;
  payload: Buffer;
  link: Buffer;
  sealed: Buffer | null;
}

/**
 * What a forger who has read this project's source does after changing entries: recompute every link from
 * `fromSeq` on exactly the way the code does — with a key of their own, since the installation's is not in the file.
 */
function recomputeLinks(db: Database.Database, fromSeq: number, key = crypto.randomBytes(32)): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_redact_only');
  const terms = new Map((db.prepare('SELECT id, term FROM audit_terms').all() as Array<{ id: number; term: string }>).map((t) => [t.id, t.term]));
  let previous = fromSeq === 1 ? genesisLink(key, seeded.installationId) : (db.prepare('SELECT link FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(fromSeq) as { link: Buffer }).link;
  for (const row of db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as LogRow[]) {
    const header: EntryHeader = {
      seq: row.seq,
      at: row.at,
      actor: actorOfTerm(terms.get(row.actor_term)!)!,
      method: terms.get(row.method_term)!.slice(2),
      entity: terms.get(row.entity_term)!.slice(2),
      entityId: row.entity_id,
      op: row.op,
    };
    const link = computeLink(key, seeded.installationId, previous, header, row.sealed ?? payloadDigest(decodePayloadText(row.payload)));
    db.prepare('UPDATE audit_log SET link = ? WHERE seq = ?').run(link, row.seq);
    previous = link;
  }
}

function termId(db: Database.Database, term: string): number {
  const found = db.prepare('SELECT id FROM audit_terms WHERE term = ?').get(term) as { id: number } | undefined;
  return found?.id ?? Number(db.prepare('INSERT INTO audit_terms (term) VALUES (?)').run(term).lastInsertRowid);
}

describe('X-6 tampering with the database file is reported by audit:verify', { timeout: 60_000 }, () => {
  it('X-6 control: a building nobody touched verifies OK through `npm run audit:verify`, naming what it checked', () => {
    const dir = copyOfBuilding();
    const run = spawnSync('npm', ['run', '--silent', 'audit:verify', '--', '--data-dir', dir], { encoding: 'utf8', cwd: path.resolve(__dirname, '../..') });
    expect(run.stdout).toMatch(/^OK — \d+ audit entries verified with the installation key/m);
    expect(run.stdout).toMatch(/anchors checked: anchors file \d+ ok; backups none; paper none/);
    expect(run.stdout).toMatch(/business tables: \d+ rows in \d+ audited tables reconciled with the trail/);
    expect(run.stdout).toContain('content hashes recomputed: 1 signed incidents, 1 signed handovers');
    expect(run.stdout).toMatch(/protective triggers: \d+ checked by their whole definition/);
    expect(run.status).toBe(0);
  });

  it('X-6 a visitor changed in the visits table (name, mobile, check-in time) is reported with table, id and field', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => db.prepare("UPDATE visits SET visitor_name = '张五', mobile = '13800000000', checked_in_at = checked_in_at - 3600000 WHERE id = ?").run(seeded.visitId));
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    for (const field of ['visitor_name', 'mobile', 'checked_in_at']) expect(out).toContain(`visits ${seeded.visitId}: field ${field} differs from the audit trail`);
  });

  it('X-6 a row inserted behind the app’s back (a new administrator) is reported as having no trail', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) =>
      db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('01JFORGEDADMIN000000000000', '临时管理员', 'admin', 'scrypt$x$y', 1, 1)").run(),
    );
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain("staff 01JFORGEDADMIN000000000000 has no audit trail: it was written behind the app's back");
  });

  it('X-6 a PIN hash swapped in the staff table (to sign in as the supervisor) is reported, though PIN hashes never enter the trail', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => db.prepare("UPDATE staff SET pin_hash = 'scrypt$known$hash' WHERE id = ?").run(seeded.supervisorId));
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`staff ${seeded.supervisorId}: field pin_hash differs from the audit trail`);
  });

  it('X-6 X-7 the sign-in guard’s count of wrong PINs reset and a watch-list entry switched off behind the app are each reported', () => {
    const dir = copyOfBuilding();
    const guards = withFile(dir, (db) => {
      db.prepare("UPDATE pin_guards SET streak = 0, recent_json = '[]' WHERE user_id = ?").run(seeded.supervisorId);
      db.prepare('UPDATE watch_list SET active = 0 WHERE id = ?').run(seeded.watchId);
      return (db.prepare('SELECT id, streak FROM pin_guards WHERE user_id = ?').all(seeded.supervisorId) as Array<{ id: string }>).map((g) => g.id);
    });
    expect(guards.length).toBeGreaterThan(0);
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    // The person's row holds the day's wrong PINs (recent_json), the terminal's the streak: whichever held a count.
    for (const id of guards) expect(out).toMatch(new RegExp(`pin_guards ${id.replace('/', '\\/')}: field (streak|recent_json) differs from the audit trail`));
    expect(out).toContain(`watch_list ${seeded.watchId}: field active differs from the audit trail`);
  });

  it('X-6 a signed incident edited after dropping its lock trigger: the edit, its content hash and the missing trigger are each reported', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => {
      db.exec('DROP TRIGGER incidents_signed_locked');
      db.prepare("UPDATE incidents SET outcome = '司机道歉后离开，无需跟进。' WHERE id = ?").run(seeded.incidentId);
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`incidents ${seeded.incidentId}: field outcome differs from the audit trail`);
    expect(out).toMatch(new RegExp(`signed incident SJ\\d{8}-\\d{2} \\(${seeded.incidentId}\\): its content no longer matches its content hash`));
    expect(out).toContain('protective trigger incidents_signed_locked is missing');
  });

  it('X-6 a signed incident edited with its content hash recomputed and the trigger re-created as it was: still reported', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => {
      const trigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'incidents_signed_locked'").get() as { sql: string }).sql;
      db.exec('DROP TRIGGER incidents_signed_locked');
      const row = db.prepare('SELECT * FROM incidents WHERE id = ?').get(seeded.incidentId) as Record<string, unknown>;
      const course = '出租车在门口短暂停留，司机很快离开。';
      // The hash the app prints on the sheet, recomputed the way the code does (no key is needed for it).
      const content = {
        number: row.number,
        occurredAt: row.occurred_at,
        place: row.place,
        peoplePresent: row.people_present,
        course,
        outcome: row.outcome,
        category: row.category,
        needsFollowUp: row.needs_follow_up === 1,
        author: { id: row.author_id, name: row.author_name },
        signedAt: row.signed_at,
        attachments: [],
      };
      const hash = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
      db.prepare('UPDATE incidents SET course = ?, content_hash = ? WHERE id = ?').run(course, hash, seeded.incidentId);
      db.exec(trigger);
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`incidents ${seeded.incidentId}: field course differs from the audit trail`);
    expect(out).toContain(`incidents ${seeded.incidentId}: field content_hash differs from the audit trail`);
    expect(out).not.toContain('incidents_signed_locked');
  });

  it('X-6 a signed handover’s line and notes edited after dropping their triggers, re-created afterwards: reported by table, field and content hash', () => {
    const dir = copyOfBuilding();
    const lineId = withFile(dir, (db) => {
      const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE name IN ('handovers_signed_locked', 'handover_lines_signed_locked')").all() as Array<{ sql: string }>;
      db.exec('DROP TRIGGER handovers_signed_locked; DROP TRIGGER handover_lines_signed_locked');
      const line = db.prepare('SELECT id FROM handover_lines WHERE handover_id = ? ORDER BY position LIMIT 1').get(seeded.handoverId) as { id: string };
      db.prepare("UPDATE handover_lines SET ticked = 0, comment = '未交接' WHERE id = ?").run(line.id);
      db.prepare("UPDATE handovers SET notes = '一切正常。' WHERE id = ?").run(seeded.handoverId);
      for (const t of triggers) db.exec(t.sql);
      return line.id;
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`handover_lines ${lineId}: field ticked differs from the audit trail`);
    expect(out).toContain(`handovers ${seeded.handoverId}: field notes differs from the audit trail`);
    expect(out).toMatch(new RegExp(`signed handover JB\\d{8}-\\d{2} \\(${seeded.handoverId}\\): its content no longer matches its content hash`));
  });

  it('X-6 a protective trigger replaced by a same-named one that never fires (WHEN 0) is reported as changed', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'records are never deleted: audit_log'); END;");
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain("protective trigger audit_log_no_delete is not the app's definition (changed, or made a no-op)");
  });

  it('X-6 an audit entry edited (its image and the row together) with every link recomputed the way the code does is reported at that entry', () => {
    const dir = copyOfBuilding();
    const seq = withFile(dir, (db) => {
      const entry = db.prepare("SELECT l.seq, l.payload FROM audit_log l JOIN audit_terms e ON e.id = l.entity_term WHERE e.term = 'e:visits' AND l.entity_id = ? AND l.op = 'insert'").get(seeded.visitId) as { seq: number; payload: Buffer };
      const image = JSON.parse(decodePayloadText(entry.payload)) as Record<string, unknown>;
      image.vehicle_plate = '粤B99999';
      db.exec('DROP TRIGGER audit_log_redact_only');
      db.prepare('UPDATE audit_log SET payload = ? WHERE seq = ?').run(encodePayload(canonicalJson(image)), entry.seq);
      db.prepare("UPDATE visits SET vehicle_plate = '粤B99999' WHERE id = ?").run(seeded.visitId);
      recomputeLinks(db, entry.seq);
      return entry.seq;
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`entry #${seq} does not verify with the installation key`);
    expect(out).toContain('protective trigger audit_log_redact_only is missing');
  });

  it('X-6 an entry deleted from the middle, the rest renumbered and re-linked the way the code does, is reported', () => {
    const dir = copyOfBuilding();
    const seq = withFile(dir, (db) => {
      const target = (db.prepare("SELECT l.seq FROM audit_log l JOIN audit_terms m ON m.id = l.method_term WHERE m.term = 'm:visitors.confirm'").get() as { seq: number }).seq;
      db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_redact_only');
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(target);
      db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > ?').run(target);
      recomputeLinks(db, target);
      // Put the triggers back as they were, to leave no trace there.
      db.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'records are never deleted: audit_log'); END;`);
      return target;
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`entry #${seq} does not verify with the installation key`);
    // The head the anchors file recorded at shutdown is no longer there, and the confirmed visitor has lost its trail.
    expect(out).toMatch(/the anchors file \(line \d+\) recorded entry #\d+, which the trail no longer has/);
    expect(out).toContain(`visits ${seeded.kioskVisitId}: field status differs from the audit trail`);
  });

  it('X-6 entries cut off the end (the chain that is left still links) are reported against the anchors file', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 3 FROM audit_log)').run();
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/the anchors file \(line \d+\) recorded entry #\d+, which the trail no longer has: entries were cut off the end/);
  });

  it('X-6 a forged entry appended (a supervisor resetting a PIN), linked the way the code does, is reported', () => {
    const dir = copyOfBuilding();
    const seq = withFile(dir, (db) => {
      const head = db.prepare('SELECT seq, link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: Buffer };
      const actor = termId(db, `a:${JSON.stringify(['staff', seeded.supervisorId, '赵主管', null])}`);
      const json = canonicalJson({ pin_hash: [{ fp: 'x' }, { fp: 'y' }] });
      const header: EntryHeader = { seq: head.seq + 1, at: Date.now(), actor: { kind: 'staff', id: seeded.supervisorId, name: '赵主管', deviceId: null }, method: 'staff.resetPin', entity: 'staff', entityId: seeded.supervisorId, op: 'update' };
      const link = computeLink(crypto.randomBytes(32), seeded.installationId, head.link, header, payloadDigest(json));
      db.prepare('INSERT INTO audit_log (seq, at, actor_term, method_term, entity_term, entity_id, op, payload, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        header.seq, header.at, actor, termId(db, 'm:staff.resetPin'), termId(db, 'e:staff'), seeded.supervisorId, 'update', encodePayload(json), link,
      );
      return header.seq;
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain(`entry #${seq} does not verify with the installation key`);
  });

  it('X-6 the whole chain rewritten from the first entry with a key of the forger’s own is reported from entry 1 and against the anchors', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => recomputeLinks(db, 1));
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toContain('entry #1 does not verify with the installation key');
    expect(out).toMatch(/entry #\d+ differs from what the anchors file \(line \d+\) recorded: the trail was rewritten/);
  });

  it('X-6 the record of which key wrote the trail changed to a key not here (to pass an edit off as a move without the key) is still reported as broken', () => {
    const dir = copyOfBuilding();
    withFile(dir, (db) => {
      db.prepare("UPDATE meta SET value = ? WHERE key = 'trail_keys'").run(JSON.stringify([{ fingerprint: '0123456789abcdef', from: 1 }]));
      db.exec('DROP TRIGGER audit_log_redact_only');
      const entry = db.prepare("SELECT l.seq, l.payload FROM audit_log l JOIN audit_terms e ON e.id = l.entity_term WHERE e.term = 'e:visits' AND l.entity_id = ? AND l.op = 'insert'").get(seeded.visitId) as { seq: number; payload: Buffer };
      const image = JSON.parse(decodePayloadText(entry.payload)) as Record<string, unknown>;
      image.visitor_name = '张五';
      db.prepare('UPDATE audit_log SET payload = ? WHERE seq = ?').run(encodePayload(canonicalJson(image)), entry.seq);
      db.prepare("UPDATE visits SET visitor_name = '张五' WHERE id = ?").run(seeded.visitId);
    });
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/^BROKEN/m);
    expect(out).toMatch(/from entry #1 the trail uses key 0123456789abcdef → [0-9a-f]{16} without a recorded key change/);
    expect(out).toMatch(/entry #\d+ does not verify with the installation key/);
  });

  it('X-6 an older copy of the database put back in place of the current one is reported against the anchors file', async () => {
    const dir = copyOfBuilding();
    const older = path.join(tempDir(), 'older.sqlite');
    withFile(dir, (db) => db.prepare('VACUUM INTO ?').run(older));
    // The desk goes on working after that copy was taken…
    const { openCore } = await import('../support/core');
    const { FakeClock } = await import('../../main/core/clock');
    const core = openCore(dir, new FakeClock());
    const admin = (core.db.prepare("SELECT id FROM staff WHERE role = 'admin'").get() as { id: string }).id;
    const session = await core.invoke({ origin: 'loopback' }, 'auth.signIn', { userId: admin, pin: '246810' });
    await core.invoke(as(session.token), 'staff.create', { name: '新同事', role: 'receptionist', pin: '5678', department: null });
    core.close();
    // …then someone copies the older file back over it.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, DATABASE_FILE + suffix), { force: true });
    fs.copyFileSync(older, path.join(dir, DATABASE_FILE));
    const { status, out } = verify(dir);
    expect(status).toBe(1);
    expect(out).toMatch(/recorded entry #\d+, which the trail no longer has: entries were cut off the end, or an older copy of the database was put back/);
  });
});
