import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0008-pin-guards', () => {
  it('X-7 a released database gains the sign-in guard’s table: one row per person and per person and terminal, never deleted', () => {
    const dir = tempDir();
    const released = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 7) }).db;
    released.prepare("INSERT INTO staff (id, name, role, pin_hash, created_at, updated_at) VALUES ('U', '李前台', 'receptionist', 'h', 1, 1)").run();
    released.prepare("INSERT INTO pin_failures (id, user_id, at, device_id) VALUES ('F', 'U', 5, NULL)").run();
    released.close();
    const opened = openStore({ dataDir: dir, clock: new FakeClock(), migrations: migrations.slice(0, 8) });
    expect(opened.preMigrationBackup).toBeTruthy();
    const db = opened.db;
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'pin_guards'").get()).toEqual({ strict: 1 });
    // Earlier wrong PINs stay in their log; the guard starts empty.
    expect(db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM pin_guards').get()).toEqual({ n: 0 });
    const insert = db.prepare('INSERT INTO pin_guards (id, user_id, source, streak, recent_json, updated_at) VALUES (?, ?, ?, ?, ?, 1)');
    insert.run('U', 'U', null, 0, '[1,2]');
    insert.run('U/', 'U', '', 3, '[]');
    insert.run('U/DEV', 'U', 'DEV', 1, '[]');
    expect(() => insert.run('U/X', 'U', 'Y', 0, '[]')).toThrow(/CHECK/);
    expect(() => insert.run('V', 'U', null, 0, '[]')).toThrow(/CHECK/);
    expect(() => insert.run('U/Z', 'U', 'Z', -1, '[]')).toThrow(/CHECK/);
    expect(() => insert.run('U/W', 'U', 'W', 0, '{}')).toThrow(/CHECK/);
    expect(() => insert.run('N', 'N', null, 0, '[]')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM pin_guards WHERE id = 'U'").run()).toThrow(/never deleted/);
    db.close();
  });
});
