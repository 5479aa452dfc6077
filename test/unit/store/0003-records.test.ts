import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0003-records', () => {
  const open = () => {
    const db = openStore({ dataDir: tempDir(), clock: new FakeClock(), migrations: migrations.slice(0, 3) }).db;
    db.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('S', '王经理', 'manager', 'h', 1, 1)").run();
    return db;
  };
  const insertItem = (db: ReturnType<typeof open>, overrides: Record<string, unknown> = {}) => {
    const row = {
      id: 'I1',
      number: '2026-1127-001',
      received_at: 1000,
      day_key: '2026-11-27',
      channel: 'walk_in',
      relayed_by: null,
      type: 'complaint',
      owner_name: '张三',
      owner_phone: '13800138000',
      unit: '12-0301',
      matter: '楼上漏水',
      created_at: 1000,
      updated_at: 1000,
      ...overrides,
    };
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO record_items (${columns.join(',')}) VALUES (${columns.map((c) => '@' + c).join(',')})`).run(row);
  };

  it('R-2 creates the record tables and the search index', () => {
    const db = open();
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    for (const t of ['record_items', 'record_notes', 'record_clock_events', 'record_follow_ups', 'record_audits', 'record_weekly_reviews', 'record_items_fts']) {
      expect(names).toContain(t);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('R-1 R-2 checks channels, types and that a relayed item names who relayed it', () => {
    const db = open();
    expect(() => insertItem(db, { channel: 'fax' })).toThrow(/CHECK/);
    expect(() => insertItem(db, { type: 'gossip' })).toThrow(/CHECK/);
    expect(() => insertItem(db, { channel: 'relayed' })).toThrow(/CHECK/);
    insertItem(db, { channel: 'relayed', relayed_by: '秩序部 刘' });
    db.close();
  });

  it('R-4 items are never deleted, the ladder only goes up, and what was received stays', () => {
    const db = open();
    insertItem(db);
    expect(() => db.prepare("DELETE FROM record_items WHERE id = 'I1'").run()).toThrow(/never deleted/);
    db.prepare("UPDATE record_items SET level = 'manager' WHERE id = 'I1'").run();
    expect(() => db.prepare("UPDATE record_items SET level = 'desk' WHERE id = 'I1'").run()).toThrow(/back down/);
    expect(() => db.prepare("UPDATE record_items SET type = 'inquiry' WHERE id = 'I1'").run()).toThrow(/as it was received/);
    expect(() => db.prepare("UPDATE record_items SET received_at = 5000 WHERE id = 'I1'").run()).toThrow(/as it was received/);
    db.close();
  });

  it('R-5 a complaint breach mark cannot be cleared, and unresolvable needs a reason', () => {
    const db = open();
    insertItem(db);
    db.prepare("UPDATE record_items SET breached_at = 2000 WHERE id = 'I1'").run();
    expect(() => db.prepare("UPDATE record_items SET breached_at = NULL WHERE id = 'I1'").run()).toThrow(/breach mark stays/);
    expect(() => db.prepare("UPDATE record_items SET status = 'unresolvable' WHERE id = 'I1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE record_items SET status = 'resolved' WHERE id = 'I1'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('R-4 timer events are unique per item, kind and cycle, and immutable', () => {
    const db = open();
    insertItem(db);
    const add = (id: string) =>
      db.prepare("INSERT INTO record_clock_events (id, item_id, kind, cycle, due_at, detected_at) VALUES (?, 'I1', 'escalate_supervisor', 0, 10, 20)").run(id);
    add('E1');
    expect(() => add('E2')).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE record_clock_events SET detected_at = 30 WHERE id = 'E1'").run()).toThrow(/immutable/);
    expect(() =>
      db.prepare("INSERT INTO record_clock_events (id, item_id, kind, due_at, detected_at) VALUES ('E3', 'I1', 'escalate_manager', 50, 40)").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO record_notes (id, item_id, at, kind, text) VALUES ('N1', 'I1', 1, 'note', 'x')").run();
    expect(() => db.prepare("UPDATE record_notes SET text = 'y' WHERE id = 'N1'").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM record_notes WHERE id = 'N1'").run()).toThrow(/never deleted/);
    db.close();
  });

  it('R-5 R-6 an unsatisfied follow-up needs a note; one audit per item; a week is signed once', () => {
    const db = open();
    insertItem(db);
    expect(() =>
      db.prepare("INSERT INTO record_follow_ups (id, item_id, at, result, note, by_id, by_name) VALUES ('F1', 'I1', 1, 'unsatisfied', '', 'S', '王')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO record_audits (id, item_id, at, by_id, by_name) VALUES ('A1', 'I1', 1, 'S', '王')").run();
    expect(() => db.prepare("INSERT INTO record_audits (id, item_id, at, by_id, by_name) VALUES ('A2', 'I1', 2, 'S', '王')").run()).toThrow(/UNIQUE/);
    const sign = (id: string) =>
      db
        .prepare(
          `INSERT INTO record_weekly_reviews (id, week_key, week_start, week_end, signed_at, by_id, by_name, summary_json)
           VALUES (?, '2026-11-23', 100, 200, 300, 'S', '王', '{}')`,
        )
        .run(id);
    sign('W1');
    expect(() => sign('W2')).toThrow(/UNIQUE/);
    db.close();
  });

  it('R-2 the search index follows inserts and corrections (trigram: parts of Chinese text)', () => {
    const db = open();
    insertItem(db);
    const find = (q: string) => (db.prepare('SELECT rowid FROM record_items_fts WHERE record_items_fts MATCH ?').all(`"${q}"`) as unknown[]).length;
    expect(find('138001')).toBe(1);
    expect(find('楼上漏')).toBe(1);
    db.prepare("UPDATE record_items SET matter = '电梯异响' WHERE id = 'I1'").run();
    expect(find('楼上漏')).toBe(0);
    expect(find('电梯异')).toBe(1);
    db.close();
  });
});
