import { describe, expect, it } from 'vitest';
import { upgradeThrough } from '../../support/migration';

describe('migration 0012-parcels', () => {
  it('V-9 a released database gains parcels and pick-up PINs; a collected parcel says how and stays collected', () => {
    const { db, version } = upgradeThrough('parcels');
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    db.prepare(
      `INSERT INTO parcels (id, number, kind, courier, tenant_id, pickup_code_hash, status, logged_at, logged_by)
       VALUES ('P', 'K1127-001', 'parcel', '顺丰', 'T', 'h', 'held', 1, 'S')`,
    ).run();
    expect(() => db.prepare("INSERT INTO parcels (id, number, kind, courier, tenant_id, pickup_code_hash, status, logged_at, logged_by) VALUES ('Q', 'K1127-001', 'food', '美团', 'T', 'h', 'held', 1, 'S')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE parcels SET status = 'collected' WHERE id = 'P'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE parcels SET status = 'collected', collected_at = 2, collected_by = 'S', pickup_method = 'signature' WHERE id = 'P'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE parcels SET status = 'collected', collected_at = 2, collected_by = 'S', pickup_method = 'code' WHERE id = 'P'").run();
    expect(() => db.prepare("UPDATE parcels SET status = 'held' WHERE id = 'P'").run()).toThrow(/stays collected/);
    db.prepare("UPDATE parcels SET recipient_name = '', redacted_at = 3 WHERE id = 'P'").run();
    expect(() => db.prepare("UPDATE parcels SET recipient_name = '王' WHERE id = 'P'").run()).toThrow(/stay redacted/);
    db.prepare("INSERT INTO parcel_pickup_pins (id, contact_id, pin_hash, set_at, set_by) VALUES ('X', 'C', 'scrypt$…', 1, 'S')").run();
    expect(() => db.prepare("INSERT INTO parcel_pickup_pins (id, contact_id, pin_hash, set_at, set_by) VALUES ('Y', 'C', 'scrypt$…', 1, 'S')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM parcels').run()).toThrow(/never deleted/);
    db.close();
  });
});
