import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { migration0014 } from '../../../main/core/store/migrations/0014-record-clock-due';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

const VERSION = migrations.indexOf(migration0014) + 1;

function insertItem(db: Database.Database, id: string, status: string, extra = ''): void {
  db.prepare(
    `INSERT INTO record_items (id, number, received_at, day_key, channel, type, owner_name, matter, status, level, created_at, updated_at${extra ? ', result, resolved_at' : ''})
     VALUES (?, ?, 1000, '2026-11-27', 'walk_in', 'inquiry', '张业主', '咨询', ?, 'desk', 1000, 1000${extra ? ", '已处理', 2000" : ''})`,
  ).run(id, `N-${id}`, status);
}

describe('migration 0014-record-clock-due', () => {
  it('R-4 existing items the clock watches are marked for the timer to compute; closed ones have nothing pending; changes mark a row again', () => {
    const dir = tempDir();
    const old = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, VERSION - 1) }).db;
    insertItem(old, 'OPEN', 'open');
    insertItem(old, 'DONE', 'resolved', 'resolved');
    old.close();

    const { db } = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, VERSION) });
    expect(db.pragma('user_version', { simple: true })).toBe(VERSION);
    const rows = () => db.prepare('SELECT item_id, due_at, stale FROM record_clock_due ORDER BY item_id').all();
    expect(rows()).toEqual([
      { item_id: 'DONE', due_at: null, stale: 0 },
      { item_id: 'OPEN', due_at: null, stale: 1 },
    ]);
    db.prepare('UPDATE record_clock_due SET stale = 0, due_at = 5 WHERE item_id = ?').run('OPEN');
    // An edit that does not touch the clock leaves the row; a change of level, status, answer … marks it.
    db.prepare("UPDATE record_items SET matter = '改了' WHERE id = 'OPEN'").run();
    expect(rows()).toContainEqual({ item_id: 'OPEN', due_at: 5, stale: 0 });
    db.prepare("UPDATE record_items SET level = 'supervisor' WHERE id = 'OPEN'").run();
    expect(rows()).toContainEqual({ item_id: 'OPEN', due_at: 5, stale: 1 });
    insertItem(db, 'NEW', 'open');
    expect(rows()).toContainEqual({ item_id: 'NEW', due_at: null, stale: 1 });
    db.close();
  });
});
