import { describe, expect, it } from 'vitest';
import { upgradeThrough } from '../../support/migration';

describe('migration 0017-visit-ageing', () => {
  it('V-2 V-4 V-6 a released database gains ageing, refusal and the end-of-day roll; expiries, refusals and roll answers are final', () => {
    const { db, version } = upgradeThrough('visit-ageing');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    // The released visit is untouched and has none of the new marks.
    expect(db.prepare("SELECT status, pending_alerted_at, expired_at, refused_at FROM visits WHERE id = 'V'").get()).toEqual({
      status: 'in',
      pending_alerted_at: null,
      expired_at: null,
      refused_at: null,
    });
    const insert = db.prepare(
      `INSERT INTO visits (id, source, status, visitor_name, tenant_id, purpose, party_size, lang, registered_at, registered_by, decided_at, decided_by, decline_reason, refused_at)
       VALUES (?, 'desk', 'declined', '赵某', 'T', '商务拜访', 1, 'zh-CN', 20, 'S', 20, ?, ?, 20)`,
    );
    expect(() => insert.run('R0', 'S', null)).toThrow(/who refused and why/);
    insert.run('R1', 'S', '在黑名单上');
    expect(() => db.prepare("UPDATE visits SET refused_at = 21 WHERE id = 'R1'").run()).toThrow(/final/);
    // Only a declined visit can carry an expiry.
    expect(() => db.prepare("UPDATE visits SET expired_at = 30 WHERE id = 'V'").run()).toThrow(/final/);

    db.prepare("INSERT INTO visit_rolls (id, day_key, due_at, run_at) VALUES ('L', '2026-11-27', 1, 1)").run();
    expect(() => db.prepare("INSERT INTO visit_rolls (id, day_key, due_at, run_at) VALUES ('L2', '2026-11-27', 1, 1)").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO visit_roll_entries (id, roll_id, visit_id) VALUES ('E', 'L', 'V')").run();
    expect(() => db.prepare("UPDATE visit_roll_entries SET answer = 'confirmed' WHERE id = 'E'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE visit_roll_entries SET answer = 'confirmed', answered_at = 5, answered_by = 'S' WHERE id = 'E'").run();
    expect(() => db.prepare("UPDATE visit_roll_entries SET answer = 'signedOut' WHERE id = 'E'").run()).toThrow(/answered once/);
    expect(() => db.prepare('DELETE FROM visit_roll_entries').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM visit_rolls').run()).toThrow(/never deleted/);
    db.close();
  });
});
