import { describe, expect, it } from 'vitest';
import { upgradeThrough } from '../../support/migration';

const invitation = (id: string, number = id.charCodeAt(0)) =>
  `INSERT INTO expected_visits (id, visitor_name, mobile, tenant_id, purpose, party_size, first_day, last_day, start_minute, end_minute, recurrence, source, invite_number, status, created_at, created_by)
   VALUES ('${id}', '周访客', '13766668888', 'T', '商务拜访', 1, '2026-11-27', '2026-11-27', 540, 660, 'once', 'desk', ${number}, 'active', 1, 'S')`;

describe('migration 0010-expected', () => {
  it('V-8 a released database gains invitations and arrivals; windows, recurrences and one arrival a day are held by the schema', () => {
    const { db, version, backup } = upgradeThrough('expected');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(backup).toBeTruthy();
    expect(db.prepare("SELECT COUNT(*) AS n FROM visits WHERE id = 'V'").get()).toEqual({ n: 1 });
    db.prepare(invitation('A')).run();
    expect(() => db.prepare(invitation('B').replace("540, 660", "660, 540")).run()).toThrow(/CHECK/);
    expect(() => db.prepare(invitation('C').replace("'2026-11-27', '2026-11-27'", "'2026-11-27', '2026-12-27'")).run()).toThrow(/CHECK/); // 'once' spans one day
    expect(() => db.prepare(invitation('D', 'A'.charCodeAt(0))).run()).toThrow(/UNIQUE/); // one number, one invitation
    db.prepare("INSERT INTO expected_arrivals (id, expected_id, day, visit_id, via, arrived_at) VALUES ('X1', 'A', '2026-11-27', 'V', 'scan', 20)").run();
    expect(() => db.prepare("INSERT INTO expected_arrivals (id, expected_id, day, visit_id, via, arrived_at) VALUES ('X2', 'A', '2026-11-27', 'V', 'desk', 30)").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE expected_arrivals SET via = 'desk'").run()).toThrow(/immutable/);
    db.prepare("UPDATE expected_visits SET status = 'cancelled', cancelled_at = 5 WHERE id = 'A'").run();
    expect(() => db.prepare("UPDATE expected_visits SET status = 'active' WHERE id = 'A'").run()).toThrow(/stays cancelled/);
    db.prepare("UPDATE expected_visits SET visitor_name = '', mobile = NULL, redacted_at = 9 WHERE id = 'A'").run();
    expect(() => db.prepare("UPDATE expected_visits SET visitor_name = '周' WHERE id = 'A'").run()).toThrow(/stay redacted/);
    expect(() => db.prepare("DELETE FROM expected_visits WHERE id = 'A'").run()).toThrow(/never deleted/);
    db.close();
  });
});
