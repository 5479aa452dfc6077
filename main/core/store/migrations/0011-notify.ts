// Host notification (V-10): each tenant's channels and the outbox of notifications with their delivery state.
import type { Migration } from './types';
import { noDelete } from './types';

export const migration0011: Migration = {
  version: 11,
  name: 'notify',
  up(db) {
    db.exec(`
      -- A tenant's channel. The target (a robot webhook URL carries its key; a number; an address) and a robot's
      -- signing secret are stored encrypted under a key kept outside the database: audit images hold ciphertext.
      CREATE TABLE notify_recipients (
        id           TEXT PRIMARY KEY,
        tenant_id    TEXT NOT NULL REFERENCES tenants(id),
        channel      TEXT NOT NULL CHECK (channel IN ('wecom','dingtalk','sms','email')),
        label        TEXT NOT NULL DEFAULT '',
        target_enc   TEXT NOT NULL,
        target_hint  TEXT NOT NULL,
        secret_enc   TEXT,
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at   INTEGER NOT NULL,
        created_by   TEXT NOT NULL REFERENCES staff(id),
        updated_at   INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX notify_recipients_tenant ON notify_recipients(tenant_id, active);

      -- The outbox. A row is written in the transaction of what it is about; delivery happens after the commit, and
      -- each attempt's result is written in a transaction of its own. 'sending' is a lease: a row left 'sending' by
      -- a process that stopped is attempted again once claimed_at is old.
      CREATE TABLE notifications (
        id               TEXT PRIMARY KEY,
        subject_kind     TEXT NOT NULL CHECK (subject_kind IN ('visit','parcel','expected','test')),
        subject_id       TEXT NOT NULL,
        tenant_id        TEXT REFERENCES tenants(id),
        event            TEXT NOT NULL,
        channel          TEXT NOT NULL CHECK (channel IN ('wecom','dingtalk','sms','email','phone')),
        recipient_id     TEXT REFERENCES notify_recipients(id),
        contact_id       TEXT REFERENCES tenant_contacts(id),
        subject_line     TEXT NOT NULL DEFAULT '',
        body             TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('queued','sending','sent','failed')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        next_attempt_at  INTEGER,
        claimed_at       INTEGER,
        last_error       TEXT,
        sent_at          INTEGER,
        failed_at        INTEGER,
        created_at       INTEGER NOT NULL,
        redacted_at      INTEGER,
        CHECK (channel = 'phone' OR recipient_id IS NOT NULL),
        CHECK (status <> 'queued' OR next_attempt_at IS NOT NULL OR channel = 'phone'),
        CHECK (status <> 'sending' OR claimed_at IS NOT NULL),
        CHECK (status <> 'sent' OR sent_at IS NOT NULL),
        CHECK (status <> 'failed' OR failed_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX notifications_due ON notifications(status, next_attempt_at);
      CREATE INDEX notifications_subject ON notifications(subject_kind, subject_id);
      CREATE INDEX notifications_created ON notifications(created_at);

      -- Delivered is final.
      CREATE TRIGGER notifications_sent_final BEFORE UPDATE OF status ON notifications
      WHEN OLD.status = 'sent' AND NEW.status <> 'sent'
      BEGIN SELECT RAISE(ABORT, 'a sent notification stays sent'); END;

      ${noDelete('notify_recipients')}
      ${noDelete('notifications')}
    `);
  },
};
