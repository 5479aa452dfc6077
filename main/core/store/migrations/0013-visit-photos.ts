// Visitor photos (V-11): one per visit, with the time of the visitor's separate consent; blanked with the visit.
import type { Migration } from './types';
import { noDelete } from './types';

export const migration0013: Migration = {
  version: 13,
  name: 'visit-photos',
  up(db) {
    db.exec(`
      CREATE TABLE visit_photos (
        id           TEXT PRIMARY KEY,
        visit_id     TEXT NOT NULL UNIQUE REFERENCES visits(id),
        image        BLOB,
        mime         TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png')),
        consent_at   INTEGER NOT NULL,
        taken_at     INTEGER NOT NULL,
        taken_by     TEXT NOT NULL REFERENCES staff(id),
        redacted_at  INTEGER,
        CHECK (image IS NOT NULL OR redacted_at IS NOT NULL)
      ) STRICT;

      -- A photo is never replaced; once blanked it stays blank.
      CREATE TRIGGER visit_photos_only_redact BEFORE UPDATE ON visit_photos
      WHEN OLD.redacted_at IS NOT NULL OR NEW.redacted_at IS NULL OR NEW.image IS NOT NULL
        OR NEW.visit_id IS NOT OLD.visit_id OR NEW.consent_at IS NOT OLD.consent_at OR NEW.taken_at IS NOT OLD.taken_at
      BEGIN SELECT RAISE(ABORT, 'a visit photo can only be redacted'); END;

      ${noDelete('visit_photos')}
    `);
  },
};
