// Expected visitors (V-8): invitations with a window (once or recurring) and the visits they turned into.
import type { Migration } from './types';
import { noDelete } from './types';

/** Personal columns of an invitation, blank once redacted with the visits (V-7). */
const PERSONAL = ['visitor_name', 'mobile', 'host_name', 'requested_by', 'notes', 'cancel_reason'];

export const migration0010: Migration = {
  version: 10,
  name: 'expected',
  up(db) {
    db.exec(`
      -- An invitation: a window on one day, or the same window every weekday / every day from first_day to last_day
      -- (days in the building's time zone, minutes after local midnight). invite_number and invite_rev make the code;
      -- its tag is a MAC under a key kept outside the database, so the code is neither guessable nor alterable.
      CREATE TABLE expected_visits (
        id             TEXT PRIMARY KEY,
        visitor_name   TEXT NOT NULL,
        mobile         TEXT,
        tenant_id      TEXT NOT NULL REFERENCES tenants(id),
        host_name      TEXT NOT NULL DEFAULT '',
        purpose        TEXT NOT NULL CHECK (length(purpose) >= 1),
        party_size     INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 99),
        first_day      TEXT NOT NULL,
        last_day       TEXT NOT NULL CHECK (last_day >= first_day),
        start_minute   INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute     INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
        recurrence     TEXT NOT NULL CHECK (recurrence IN ('once','weekdays','daily')),
        source         TEXT NOT NULL CHECK (source IN ('desk','phone','import')),
        requested_by   TEXT NOT NULL DEFAULT '',
        notes          TEXT NOT NULL DEFAULT '',
        invite_number  INTEGER NOT NULL UNIQUE,
        invite_rev     INTEGER NOT NULL DEFAULT 1,
        status         TEXT NOT NULL CHECK (status IN ('active','cancelled')),
        cancel_reason  TEXT,
        cancelled_at   INTEGER,
        created_at     INTEGER NOT NULL,
        created_by     TEXT NOT NULL REFERENCES staff(id),
        redacted_at    INTEGER,
        CHECK (end_minute > start_minute),
        CHECK (recurrence <> 'once' OR last_day = first_day),
        CHECK (status = 'active' OR cancelled_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX expected_visits_days ON expected_visits(status, first_day, last_day);

      -- One arrival per invitation and day: a second scan the same day is refused, not a second visit.
      CREATE TABLE expected_arrivals (
        id           TEXT PRIMARY KEY,
        expected_id  TEXT NOT NULL REFERENCES expected_visits(id),
        day          TEXT NOT NULL,
        visit_id     TEXT NOT NULL UNIQUE REFERENCES visits(id),
        via          TEXT NOT NULL CHECK (via IN ('kiosk','scan','desk')),
        arrived_at   INTEGER NOT NULL,
        UNIQUE (expected_id, day)
      ) STRICT;

      CREATE TRIGGER expected_cancelled_final BEFORE UPDATE OF status ON expected_visits
      WHEN OLD.status = 'cancelled' AND NEW.status <> 'cancelled'
      BEGIN SELECT RAISE(ABORT, 'a cancelled invitation stays cancelled'); END;

      CREATE TRIGGER expected_redacted_stay_blank BEFORE UPDATE ON expected_visits
      WHEN OLD.redacted_at IS NOT NULL AND (NEW.redacted_at IS NOT OLD.redacted_at OR ${PERSONAL.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
      BEGIN SELECT RAISE(ABORT, 'redacted invitations stay redacted'); END;

      CREATE TRIGGER expected_arrivals_no_update BEFORE UPDATE ON expected_arrivals
      BEGIN SELECT RAISE(ABORT, 'rows are immutable: expected_arrivals'); END;

      ${noDelete('expected_visits')}
      ${noDelete('expected_arrivals')}
    `);
  },
};
