import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore, StoreTooNewError, DATABASE_FILE, BACKUP_DIR } from '../../../main/core/store/open';
import { migrations, LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('store', () => {
  it('X-2 opens with WAL, synchronous=FULL and foreign keys on', () => {
    const { db } = openStore({ dataDir: tempDir(), clock: new FakeClock() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('X-2 migrations are numbered 1…n without gaps and the schema reaches the latest version', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const { db } = openStore({ dataDir: tempDir(), clock: new FakeClock() });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('X-2 refuses to open a database written by a newer version, and leaves it untouched', () => {
    const dir = tempDir();
    const first = openStore({ dataDir: dir, clock: new FakeClock() });
    first.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    first.db.close();
    const before = fs.readFileSync(path.join(dir, DATABASE_FILE));
    expect(() => openStore({ dataDir: dir, clock: new FakeClock() })).toThrow(StoreTooNewError);
    const raw = new Database(path.join(dir, DATABASE_FILE));
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    raw.close();
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE)).length).toBe(before.length);
  });

  it('X-2 backs the file up before migrating an existing database', () => {
    const dir = tempDir();
    const clock = new FakeClock('2026-11-27T10:00:00Z');
    const old = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 1) });
    old.db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
    old.db.close();
    const extra = { version: 2, name: 'test-step', up: (db: Database.Database) => db.exec('CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT') };
    const next = openStore({ dataDir: dir, clock, migrations: [migrations[0]!, extra] });
    expect(next.preMigrationBackup).not.toBeNull();
    expect(path.dirname(next.preMigrationBackup!)).toBe(path.join(dir, BACKUP_DIR));
    const backup = new Database(next.preMigrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare("SELECT value FROM meta WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    backup.close();
    expect(next.db.pragma('user_version', { simple: true })).toBe(2);
    next.db.close();
  });

  it('X-2 a failing migration leaves the database at the version before it', () => {
    const dir = tempDir();
    const clock = new FakeClock();
    openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 1) }).db.close();
    const broken = {
      version: 2,
      name: 'broken',
      up: (db: Database.Database) => {
        db.exec('CREATE TABLE half (id TEXT PRIMARY KEY) STRICT');
        throw new Error('boom');
      },
    };
    expect(() => openStore({ dataDir: dir, clock, migrations: [migrations[0]!, broken] })).toThrow('boom');
    const raw = new Database(path.join(dir, DATABASE_FILE));
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    raw.close();
  });
});
