import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0004-calls', () => {
  const open = () => openStore({ dataDir: tempDir(), clock: new FakeClock(), migrations: migrations.slice(0, 4) }).db;

  const ringing = (db: Database.Database, id: string, extra: Record<string, unknown> = {}) => {
    const row = {
      id,
      line: 1,
      status: 'ringing',
      source: 'button',
      boot_id: 'B1',
      ring_started_at: 1_000,
      seconds_per_ring: 5,
      target_rings: 3,
      created_at: 1_000,
      updated_at: 1_000,
      ...extra,
    };
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO calls (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
  };
  const answer = (db: Database.Database, id: string) =>
    db
      .prepare("UPDATE calls SET status = 'answered', answered_at = 5000, answer_latency_ms = 4000, rings_at_answer = 1, within_target = 1 WHERE id = ?")
      .run(id);

  it('P-1 creates the calls table, its indexes and its search index at version 4', () => {
    const db = open();
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'calls%'").all() as Array<{ name: string }>).map((r) => r.name);
    for (const n of ['calls', 'calls_fts', 'calls_ring_started', 'calls_open', 'calls_no_delete', 'calls_measurements_fixed', 'calls_status_flow', 'calls_links_fixed']) {
      expect(names).toContain(n);
    }
    db.close();
  });

  it('P-1 calls are never deleted; a ring’s measurements never change once written', () => {
    const db = open();
    ringing(db, 'C1');
    expect(() => db.prepare("DELETE FROM calls WHERE id = 'C1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE calls SET ring_started_at = 2 WHERE id = 'C1'").run()).toThrow(/measurements are fixed/);
    expect(() => db.prepare("UPDATE calls SET boot_id = 'B2' WHERE id = 'C1'").run()).toThrow(/measurements are fixed/);
    expect(() => db.prepare("UPDATE calls SET seconds_per_ring = 2 WHERE id = 'C1'").run()).toThrow(/measurements are fixed/);
    answer(db, 'C1');
    expect(() => db.prepare("UPDATE calls SET answer_latency_ms = 1000 WHERE id = 'C1'").run()).toThrow(/measurements are fixed/);
    expect(() => db.prepare("UPDATE calls SET within_target = 0 WHERE id = 'C1'").run()).toThrow(/measurements are fixed/);
    // The record part stays editable.
    db.prepare("UPDATE calls SET caller_name = '张三', topic = '报修' WHERE id = 'C1'").run();
    db.close();
  });

  it('P-1 status only moves forward, and each status carries what it needs', () => {
    const db = open();
    ringing(db, 'C1');
    // Answered without the measurement, missed without an end: refused by CHECKs.
    expect(() => db.prepare("UPDATE calls SET status = 'answered' WHERE id = 'C1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE calls SET status = 'missed' WHERE id = 'C1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE calls SET status = 'completed' WHERE id = 'C1'").run()).toThrow(/cannot go back/);
    answer(db, 'C1');
    expect(() => db.prepare("UPDATE calls SET status = 'completed', ended_at = 9000, end_reason = 'saved' WHERE id = 'C1'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE calls SET status = 'completed', ended_at = 9000, end_reason = 'saved', outcome = 'resolved', saved_at = 9000 WHERE id = 'C1'").run();
    expect(() => db.prepare("UPDATE calls SET status = 'ringing' WHERE id = 'C1'").run()).toThrow(/cannot go back/);
    ringing(db, 'C2', { line: 2 });
    db.prepare("UPDATE calls SET status = 'interrupted', ended_at = 9000, end_reason = 'restart' WHERE id = 'C2'").run();
    expect(() => db.prepare("UPDATE calls SET status = 'missed' WHERE id = 'C2'").run()).toThrow(/cannot go back/);
    expect(() => ringing(db, 'C3', { line: 10 })).toThrow(/CHECK/);
    expect(() => ringing(db, 'C4', { status: 'on hold' })).toThrow(/CHECK/);
    expect(() => ringing(db, 'C5', { script_steps: '{"greet":1}' })).toThrow(/CHECK/);
    db.close();
  });

  it('P-3 links to a callback or a record item are made once and kept', () => {
    const db = open();
    ringing(db, 'C1');
    db.prepare("UPDATE calls SET record_id = 'R1', callback_id = 'K1' WHERE id = 'C1'").run();
    expect(() => db.prepare("UPDATE calls SET record_id = 'R2' WHERE id = 'C1'").run()).toThrow(/links are fixed/);
    expect(() => db.prepare("UPDATE calls SET callback_id = NULL WHERE id = 'C1'").run()).toThrow(/links are fixed/);
    db.close();
  });

  it('P-3 the search index follows inserts and edits (trigram: any part of a name or number)', () => {
    const db = open();
    ringing(db, 'C1', { caller_number: '13800138000' });
    ringing(db, 'C2', { line: 2, caller_name: '欧阳娜娜' });
    const find = (q: string) =>
      (db.prepare('SELECT c.id FROM calls_fts f JOIN calls c ON c.seq = f.rowid WHERE calls_fts MATCH ? ORDER BY c.id').all(`"${q}"`) as Array<{ id: string }>).map(
        (r) => r.id,
      );
    expect(find('0013')).toEqual(['C1']);
    expect(find('欧阳娜')).toEqual(['C2']);
    db.prepare("UPDATE calls SET caller_name = '司马光', note = '电梯故障' WHERE id = 'C2'").run();
    expect(find('欧阳娜')).toEqual([]);
    expect(find('电梯故')).toEqual(['C2']);
    db.close();
  });
});
