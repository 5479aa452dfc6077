// Foundation schema: installation, settings, staff and sessions, paired devices, the audit trail.
import type { Migration } from './types';
import { noDelete, noUpdate } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        id          TEXT PRIMARY KEY,          -- the section name, e.g. 'building'
        value_json  TEXT NOT NULL,
        updated_at  INTEGER NOT NULL,
        updated_by  TEXT
      ) STRICT;

      CREATE TABLE staff (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('receptionist','supervisor','manager','security','department','admin')),
        department  TEXT,
        pin_hash    TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE devices (
        id            TEXT PRIMARY KEY,
        name          TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('kiosk','desk')),
        token_hash    TEXT NOT NULL UNIQUE,
        paired_at     INTEGER NOT NULL,
        revoked_at    INTEGER
      ) STRICT;

      CREATE TABLE pairing_codes (
        id          TEXT PRIMARY KEY,
        code_hash   TEXT NOT NULL UNIQUE,
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('kiosk','desk')),
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        used_at     INTEGER,
        device_id   TEXT REFERENCES devices(id)
      ) STRICT;

      CREATE TABLE sessions (
        id          TEXT PRIMARY KEY,
        token_hash  TEXT NOT NULL UNIQUE,
        user_id     TEXT NOT NULL REFERENCES staff(id),
        device_id   TEXT REFERENCES devices(id),
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL,
        ended_at    INTEGER,
        end_reason  TEXT
      ) STRICT;
      CREATE INDEX sessions_user ON sessions(user_id, created_at);

      CREATE TABLE pin_failures (
        id         TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL REFERENCES staff(id),
        at         INTEGER NOT NULL,
        device_id  TEXT
      ) STRICT;
      CREATE INDEX pin_failures_user ON pin_failures(user_id, at);

      -- Human-facing running numbers (pass numbers, record numbers), per key such as 'visit:2026-11-27'.
      CREATE TABLE counters (
        id     TEXT PRIMARY KEY,
        value  INTEGER NOT NULL
      ) STRICT;

      -- The audit trail: one row per change, hash-chained; rows can never change or go away.
      CREATE TABLE audit_log (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        at               INTEGER NOT NULL,
        installation_id  TEXT NOT NULL,
        actor_kind       TEXT NOT NULL CHECK (actor_kind IN ('staff','kiosk','system','anonymous')),
        actor_id         TEXT,
        actor_name       TEXT,
        device_id        TEXT,
        method           TEXT NOT NULL,
        entity           TEXT NOT NULL,
        entity_id        TEXT,
        op               TEXT NOT NULL CHECK (op IN ('insert','update','event')),
        payload_hash     TEXT NOT NULL,
        prev_hash        TEXT NOT NULL,
        hash             TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

      -- Before/after images, kept apart so personal data can be redacted after its retention period
      -- without breaking the chain (the chain holds each payload's hash).
      CREATE TABLE audit_payload (
        seq          INTEGER PRIMARY KEY REFERENCES audit_log(seq),
        before_json  TEXT,
        after_json   TEXT,
        redacted_at  INTEGER
      ) STRICT;

      ${noUpdate('audit_log')}
      ${noDelete('audit_log')}
      ${noDelete('audit_payload')}
      CREATE TRIGGER audit_payload_redact_only BEFORE UPDATE ON audit_payload
      WHEN NOT (OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
                AND NEW.before_json IS NULL AND NEW.after_json IS NULL AND NEW.seq = OLD.seq)
      BEGIN SELECT RAISE(ABORT, 'audit payloads can only be redacted'); END;

      ${noDelete('settings')}
      ${noDelete('staff')}
      ${noDelete('devices')}
      ${noDelete('pairing_codes')}
      ${noDelete('sessions')}
      ${noDelete('pin_failures')}
      ${noDelete('counters')}
    `);
  },
};
