// Parcels and food deliveries held at the desk (V-9), and the tenant contacts' pick-up PINs.
import type { Migration } from './types';
import { noDelete } from './types';

const PERSONAL = ['recipient_name', 'collector_name', 'notes', 'photo', 'signature'];

export const migration0012: Migration = {
  version: 12,
  name: 'parcels',
  up(db) {
    db.exec(`
      -- pickup_code_hash: the code the recipient was sent, as a keyed hash (the desk shows it once, at logging).
      CREATE TABLE parcels (
        id                 TEXT PRIMARY KEY,
        number             TEXT NOT NULL UNIQUE,
        kind               TEXT NOT NULL CHECK (kind IN ('parcel','food')),
        courier            TEXT NOT NULL CHECK (length(courier) >= 1),
        tracking_number    TEXT NOT NULL DEFAULT '',
        tenant_id          TEXT NOT NULL REFERENCES tenants(id),
        recipient_name     TEXT NOT NULL DEFAULT '',
        shelf              TEXT NOT NULL DEFAULT '',
        notes              TEXT NOT NULL DEFAULT '',
        photo              BLOB,
        photo_type         TEXT CHECK (photo_type IN ('image/jpeg','image/png')),
        pickup_code_hash   TEXT NOT NULL,
        status             TEXT NOT NULL CHECK (status IN ('held','collected')),
        logged_at          INTEGER NOT NULL,
        logged_by          TEXT NOT NULL REFERENCES staff(id),
        uncollected_at     INTEGER,
        collected_at       INTEGER,
        collected_by       TEXT REFERENCES staff(id),
        collector_name     TEXT NOT NULL DEFAULT '',
        collector_contact  TEXT REFERENCES tenant_contacts(id),
        pickup_method      TEXT CHECK (pickup_method IN ('code','pin','signature')),
        signature          BLOB,
        redacted_at        INTEGER,
        CHECK (status = 'held' OR (collected_at IS NOT NULL AND collected_by IS NOT NULL AND pickup_method IS NOT NULL)),
        CHECK (pickup_method <> 'signature' OR signature IS NOT NULL OR redacted_at IS NOT NULL),
        CHECK ((photo IS NULL) = (photo_type IS NULL) OR redacted_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX parcels_status ON parcels(status, logged_at);
      CREATE INDEX parcels_logged ON parcels(logged_at);
      CREATE INDEX parcels_tracking ON parcels(tracking_number);

      CREATE TRIGGER parcels_collected_final BEFORE UPDATE OF status ON parcels
      WHEN OLD.status = 'collected' AND NEW.status <> 'collected'
      BEGIN SELECT RAISE(ABORT, 'a collected parcel stays collected'); END;

      CREATE TRIGGER parcels_redacted_stay_blank BEFORE UPDATE ON parcels
      WHEN OLD.redacted_at IS NOT NULL AND (NEW.redacted_at IS NOT OLD.redacted_at OR ${PERSONAL.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, 'redacted parcels stay redacted'); END;

      -- A contact's pick-up PIN (scrypt, salted); replaced by a new row's update, never shown.
      CREATE TABLE parcel_pickup_pins (
        id          TEXT PRIMARY KEY,
        contact_id  TEXT NOT NULL UNIQUE REFERENCES tenant_contacts(id),
        pin_hash    TEXT NOT NULL,
        set_at      INTEGER NOT NULL,
        set_by      TEXT NOT NULL REFERENCES staff(id)
      ) STRICT;

      ${noDelete('parcels')}
      ${noDelete('parcel_pickup_pins')}
    `);
  },
};
