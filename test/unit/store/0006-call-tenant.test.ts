import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open';
import { migrations } from '../../../main/core/store/migrations';
import { FakeClock } from '../../../main/core/clock';
import { tempDir } from '../../support/core';

describe('migration 0006-call-tenant', () => {
  const call = {
    id: 'C1',
    line: 1,
    status: 'ringing',
    source: 'button',
    boot_id: 'B1',
    ring_started_at: 1_000,
    seconds_per_ring: 5,
    target_rings: 3,
    created_at: 1_000,
    updated_at: 1_000,
  };

  it('P-3 calls made before it keep everything and gain an empty tenant; the tenant can be set and changed, links stay fixed', () => {
    const dir = tempDir();
    const clock = new FakeClock();
    const before = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 5) }).db;
    const cols = Object.keys(call);
    before.prepare(`INSERT INTO calls (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(call);
    before.close();

    const db = openStore({ dataDir: dir, clock, migrations: migrations.slice(0, 6) }).db;
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare("SELECT id, status, ring_started_at, tenant_id FROM calls WHERE id = 'C1'").get()).toEqual({
      id: 'C1',
      status: 'ringing',
      ring_started_at: 1_000,
      tenant_id: null,
    });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'calls_tenant'").get()).toBeTruthy();
    db.prepare("UPDATE calls SET tenant_id = 'T1' WHERE id = 'C1'").run();
    db.prepare("UPDATE calls SET tenant_id = 'T2', record_id = 'R1' WHERE id = 'C1'").run();
    expect(() => db.prepare("UPDATE calls SET record_id = 'R2' WHERE id = 'C1'").run()).toThrow(/links are fixed/);
    expect(() => db.prepare("DELETE FROM calls WHERE id = 'C1'").run()).toThrow(/never deleted/);
    // The search index still follows the row.
    db.prepare("UPDATE calls SET caller_name = '周女士' WHERE id = 'C1'").run();
    expect(db.prepare("SELECT COUNT(*) AS n FROM calls_fts WHERE calls_fts MATCH '\"周女士\"'").get()).toEqual({ n: 1 });
    db.close();
  });
});
