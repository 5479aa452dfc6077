// Nothing waits forever, and a refusal leaves a trace (V-2, V-4, V-6): a self-registration's ageing (alerted, then
// expired by the system), a watch-listed visitor refused at the desk, and the end-of-day roll of who is still in.
import type { Migration } from './types';
import { noDelete } from './types';

export const migration0017: Migration = {
  version: 17,
  name: 'visit-ageing',
  up(db) {
    db.exec(`
      -- V-2: when the desk was alerted that a self-registration waits, and when the system let it expire (it is then
      -- 'declined' with expired_at set and nobody as decider). V-6: a visitor refused (不予放行) — decided_by and
      -- decline_reason say who and why.
      ALTER TABLE visits ADD COLUMN pending_alerted_at INTEGER;
      ALTER TABLE visits ADD COLUMN expired_at INTEGER;
      ALTER TABLE visits ADD COLUMN refused_at INTEGER;

      -- An expiry and a refusal are final, as a decline is (the status trigger already keeps declined visits).
      CREATE TRIGGER visits_expiry_refusal_stay BEFORE UPDATE OF expired_at, refused_at ON visits
      WHEN (OLD.expired_at IS NOT NULL AND NEW.expired_at IS NOT OLD.expired_at)
        OR (OLD.refused_at IS NOT NULL AND NEW.refused_at IS NOT OLD.refused_at)
        OR (NEW.expired_at IS NOT NULL AND NEW.status <> 'declined')
        OR (NEW.refused_at IS NOT NULL AND (NEW.status <> 'declined' OR NEW.decided_by IS NULL OR NEW.decline_reason IS NULL))
      BEGIN SELECT RAISE(ABORT, 'an expiry or a refusal is final'); END;
      CREATE TRIGGER visits_refused_insert BEFORE INSERT ON visits
      WHEN NEW.refused_at IS NOT NULL AND (NEW.status <> 'declined' OR NEW.decided_by IS NULL OR NEW.decline_reason IS NULL)
      BEGIN SELECT RAISE(ABORT, 'a refusal names who refused and why'); END;

      -- V-4: the end-of-day roll, one per building day, listing who was still in when it ran.
      CREATE TABLE visit_rolls (
        id        TEXT PRIMARY KEY,
        day_key   TEXT NOT NULL UNIQUE CHECK (day_key GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        due_at    INTEGER NOT NULL,
        run_at    INTEGER NOT NULL
      ) STRICT;
      ${noDelete('visit_rolls')}
      CREATE TRIGGER visit_rolls_no_update BEFORE UPDATE ON visit_rolls
      BEGIN SELECT RAISE(ABORT, 'rows are immutable: visit_rolls'); END;

      -- Each entry is answered once: still in (confirmed by the guard) or signed out by the roll.
      CREATE TABLE visit_roll_entries (
        id           TEXT PRIMARY KEY,
        roll_id      TEXT NOT NULL REFERENCES visit_rolls(id),
        visit_id     TEXT NOT NULL REFERENCES visits(id),
        answer       TEXT CHECK (answer IN ('confirmed','signedOut')),
        answered_at  INTEGER,
        answered_by  TEXT REFERENCES staff(id),
        UNIQUE (roll_id, visit_id),
        CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answered_by IS NULL))
      ) STRICT;
      CREATE INDEX visit_roll_entries_open ON visit_roll_entries(answer, roll_id);
      ${noDelete('visit_roll_entries')}
      CREATE TRIGGER visit_roll_entries_answered_once BEFORE UPDATE ON visit_roll_entries
      WHEN OLD.answer IS NOT NULL OR NEW.roll_id IS NOT OLD.roll_id OR NEW.visit_id IS NOT OLD.visit_id
      BEGIN SELECT RAISE(ABORT, 'a roll entry is answered once'); END;
    `);
  },
};
