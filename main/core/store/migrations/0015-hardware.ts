// The desk's hardware (P-6): which telephone system reported a ring and under what id (so its "answered" and
// "hung up" find the same line), and the desk phones paired to call the action-URL endpoint.
// `version` is its place in the list (kept contiguous).
import { noDelete, type Migration } from './types';

export const migration0015: Migration = {
  version: 15,
  name: 'hardware',
  up(db) {
    db.exec(`
      -- Set once when the ring starts (or when a phone system adopts a ring the desk marked by hand a moment before).
      ALTER TABLE calls ADD COLUMN phone_source TEXT CHECK (phone_source IS NULL OR phone_source IN ('actionUrl','sip','callerIdBox'));
      ALTER TABLE calls ADD COLUMN phone_ref TEXT CHECK (phone_ref IS NULL OR length(phone_ref) BETWEEN 1 AND 200);
      CREATE INDEX calls_phone_ref ON calls(phone_source, phone_ref) WHERE phone_ref IS NOT NULL;
      CREATE TRIGGER calls_phone_ref_fixed BEFORE UPDATE OF phone_source, phone_ref ON calls
      WHEN (OLD.phone_ref IS NOT NULL AND (NEW.phone_ref IS NOT OLD.phone_ref OR NEW.phone_source IS NOT OLD.phone_source))
      BEGIN SELECT RAISE(ABORT, 'a call''s phone reference is fixed: calls'); END;

      -- Desk phones allowed to call /phone-event: only from their own address, only with their token.
      CREATE TABLE desk_phones (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        address     TEXT NOT NULL CHECK (length(address) BETWEEN 2 AND 45),
        token_hash  TEXT NOT NULL,
        created_at  INTEGER NOT NULL,
        created_by  TEXT,
        revoked_at  INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX desk_phones_address ON desk_phones(address) WHERE revoked_at IS NULL;
      CREATE UNIQUE INDEX desk_phones_token ON desk_phones(token_hash);
      ${noDelete('desk_phones')}
    `);
  },
};
