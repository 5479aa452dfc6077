// Shifts, opening checks, incidents, key register, handovers, work diaries (I-1, S-1, S-2, S-3).
// What has been signed is locked by the database itself: triggers refuse to change a signed incident, a signed
// handover or its lines, an ended shift (its diary), a returned loan; nothing here can be deleted.
import type { Migration } from './types';
import { noDelete, noUpdate } from './types';

const nonEmpty = (column: string) => `CHECK (length(trim(${column})) > 0)`;

export const migration0005: Migration = {
  version: 5,
  name: 'shift',
  up(db) {
    db.exec(`
      -- A receptionist's duty, from the opening check (S-3) to the handover. The diary (S-2) lives here: free
      -- text while the shift is open, and the assembled sections frozen as JSON when it ends.
      CREATE TABLE shifts (
        id                  TEXT PRIMARY KEY,
        person_id           TEXT NOT NULL REFERENCES staff(id),
        person_name         TEXT NOT NULL,
        device_id           TEXT,
        started_at          INTEGER NOT NULL,
        opening_check_json  TEXT NOT NULL CHECK (json_valid(opening_check_json)),
        opening_all_ok      INTEGER NOT NULL CHECK (opening_all_ok IN (0,1)),
        diary_text          TEXT NOT NULL DEFAULT '',
        diary_updated_at    INTEGER,
        ended_at            INTEGER,
        end_reason          TEXT CHECK (end_reason IN ('handover','closed')),
        ended_by_id         TEXT REFERENCES staff(id),
        ended_by_name       TEXT,
        close_reason        TEXT NOT NULL DEFAULT '',
        diary_json          TEXT CHECK (diary_json IS NULL OR json_valid(diary_json)),
        CHECK ((ended_at IS NULL AND end_reason IS NULL AND diary_json IS NULL)
            OR (ended_at IS NOT NULL AND end_reason IS NOT NULL AND diary_json IS NOT NULL AND ended_at >= started_at)),
        CHECK (end_reason IS NOT 'closed' OR length(trim(close_reason)) > 0)
      ) STRICT;
      -- One open shift per person.
      CREATE UNIQUE INDEX shifts_one_open ON shifts(person_id) WHERE ended_at IS NULL;
      CREATE INDEX shifts_started ON shifts(started_at);
      ${noDelete('shifts')}
      CREATE TRIGGER shifts_ended_locked BEFORE UPDATE ON shifts WHEN OLD.ended_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'an ended shift and its diary cannot change'); END;

      -- Incidents (I-1). Every required part is non-empty even in a draft; signed rows never change.
      CREATE TABLE incidents (
        id               TEXT PRIMARY KEY,
        number           TEXT NOT NULL UNIQUE,
        occurred_at      INTEGER NOT NULL,
        place            TEXT NOT NULL ${nonEmpty('place')},
        people_present   TEXT NOT NULL ${nonEmpty('people_present')},
        course           TEXT NOT NULL ${nonEmpty('course')},
        outcome          TEXT NOT NULL ${nonEmpty('outcome')},
        category         TEXT NOT NULL CHECK (category IN ('security','facilities','medical','dispute','loitering','other')),
        needs_follow_up  INTEGER NOT NULL CHECK (needs_follow_up IN (0,1)),
        author_id        TEXT NOT NULL REFERENCES staff(id),
        author_name      TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        signed_at        INTEGER,
        signed_by        TEXT,
        content_hash     TEXT,
        -- Only the author signs, and a signature always comes with the hash of what was signed.
        CHECK ((signed_at IS NULL AND signed_by IS NULL AND content_hash IS NULL)
            OR (signed_at IS NOT NULL AND signed_by = author_id AND length(content_hash) = 64))
      ) STRICT;
      CREATE INDEX incidents_occurred ON incidents(occurred_at);
      CREATE INDEX incidents_unsigned ON incidents(created_at) WHERE signed_at IS NULL;
      ${noDelete('incidents')}
      CREATE TRIGGER incidents_signed_locked BEFORE UPDATE ON incidents WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed incident cannot change; append an amendment'); END;

      -- Corrections and later developments of a signed incident, dated and by a named person.
      CREATE TABLE incident_amendments (
        id                 TEXT PRIMARY KEY,
        incident_id        TEXT NOT NULL REFERENCES incidents(id),
        at                 INTEGER NOT NULL,
        by_id              TEXT NOT NULL REFERENCES staff(id),
        by_name            TEXT NOT NULL,
        text               TEXT NOT NULL,
        closes_follow_up   INTEGER NOT NULL CHECK (closes_follow_up IN (0,1))
      ) STRICT;
      CREATE INDEX incident_amendments_incident ON incident_amendments(incident_id, at);
      ${noUpdate('incident_amendments')}
      ${noDelete('incident_amendments')}
      CREATE TRIGGER incident_amendments_signed_only BEFORE INSERT ON incident_amendments
      WHEN (SELECT signed_at FROM incidents WHERE id = NEW.incident_id) IS NULL
      BEGIN SELECT RAISE(ABORT, 'only a signed incident takes amendments'); END;

      -- The supervisor's or manager's review mark.
      CREATE TABLE incident_reviews (
        id           TEXT PRIMARY KEY,
        incident_id  TEXT NOT NULL REFERENCES incidents(id),
        at           INTEGER NOT NULL,
        by_id        TEXT NOT NULL REFERENCES staff(id),
        by_name      TEXT NOT NULL,
        by_role      TEXT NOT NULL CHECK (by_role IN ('supervisor','manager')),
        note         TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX incident_reviews_incident ON incident_reviews(incident_id);
      ${noUpdate('incident_reviews')}
      ${noDelete('incident_reviews')}
      CREATE TRIGGER incident_reviews_signed_only BEFORE INSERT ON incident_reviews
      WHEN (SELECT signed_at FROM incidents WHERE id = NEW.incident_id) IS NULL
      BEGIN SELECT RAISE(ABORT, 'only a signed incident can be reviewed'); END;

      -- Photos and files, stored in the database so a backup holds everything. Before signing the author may
      -- withdraw one (it stays, marked); after signing they are added only with an amendment and never change.
      CREATE TABLE incident_attachments (
        id             TEXT PRIMARY KEY,
        incident_id    TEXT NOT NULL REFERENCES incidents(id),
        amendment_id   TEXT REFERENCES incident_amendments(id),
        name           TEXT NOT NULL,
        mime           TEXT NOT NULL CHECK (mime IN ('image/jpeg','image/png','image/webp','application/pdf')),
        size           INTEGER NOT NULL CHECK (size > 0 AND size <= 4194304),
        sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
        data           BLOB NOT NULL CHECK (length(data) = size),
        added_at       INTEGER NOT NULL,
        added_by_id    TEXT NOT NULL REFERENCES staff(id),
        added_by_name  TEXT NOT NULL,
        withdrawn_at   INTEGER
      ) STRICT;
      CREATE INDEX incident_attachments_incident ON incident_attachments(incident_id, added_at);
      ${noDelete('incident_attachments')}
      CREATE TRIGGER incident_attachments_after_signing BEFORE INSERT ON incident_attachments
      WHEN NEW.amendment_id IS NULL AND (SELECT signed_at FROM incidents WHERE id = NEW.incident_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed incident takes attachments only with an amendment'); END;
      CREATE TRIGGER incident_attachments_locked BEFORE UPDATE ON incident_attachments
      WHEN (SELECT signed_at FROM incidents WHERE id = OLD.incident_id) IS NOT NULL
        OR NOT (OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
                AND NEW.id IS OLD.id AND NEW.incident_id IS OLD.incident_id AND NEW.amendment_id IS OLD.amendment_id
                AND NEW.name IS OLD.name AND NEW.mime IS OLD.mime AND NEW.size IS OLD.size AND NEW.sha256 IS OLD.sha256
                AND NEW.data IS OLD.data AND NEW.added_at IS OLD.added_at AND NEW.added_by_id IS OLD.added_by_id
                AND NEW.added_by_name IS OLD.added_by_name)
      BEGIN SELECT RAISE(ABORT, 'attachments cannot change (an unsigned incident''s may only be withdrawn)'); END;

      -- Words people search incidents by (trigram: Chinese has no spaces; substrings of 3+ characters use the
      -- index, shorter ones scan it). Kept by triggers; the index is derived data, not a record.
      CREATE VIRTUAL TABLE incidents_fts USING fts5(number, place, people, course, outcome, author, amendments, tokenize = 'trigram');
      CREATE TRIGGER incidents_fts_insert AFTER INSERT ON incidents BEGIN
        INSERT INTO incidents_fts (rowid, number, place, people, course, outcome, author, amendments)
        VALUES (NEW.rowid, NEW.number, NEW.place, NEW.people_present, NEW.course, NEW.outcome, NEW.author_name, '');
      END;
      CREATE TRIGGER incidents_fts_update AFTER UPDATE ON incidents BEGIN
        UPDATE incidents_fts SET place = NEW.place, people = NEW.people_present, course = NEW.course, outcome = NEW.outcome
        WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER incidents_fts_amend AFTER INSERT ON incident_amendments BEGIN
        UPDATE incidents_fts SET amendments = amendments || char(10) || NEW.by_name || ' ' || NEW.text
        WHERE rowid = (SELECT rowid FROM incidents WHERE id = NEW.incident_id);
      END;

      -- Keys, access cards and equipment lent out. A returned loan is closed for good.
      CREATE TABLE key_loans (
        id                TEXT PRIMARY KEY,
        kind              TEXT NOT NULL CHECK (kind IN ('key','card','equipment','other')),
        item              TEXT NOT NULL ${nonEmpty('item')},
        item_code         TEXT NOT NULL DEFAULT '',
        borrower          TEXT NOT NULL ${nonEmpty('borrower')},
        borrower_unit     TEXT NOT NULL DEFAULT '',
        note              TEXT NOT NULL DEFAULT '',
        lent_at           INTEGER NOT NULL,
        lent_by_id        TEXT NOT NULL REFERENCES staff(id),
        lent_by_name      TEXT NOT NULL,
        expected_back_at  INTEGER CHECK (expected_back_at IS NULL OR expected_back_at >= lent_at),
        returned_at       INTEGER CHECK (returned_at IS NULL OR returned_at >= lent_at),
        returned_to_id    TEXT REFERENCES staff(id),
        returned_to_name  TEXT,
        return_note       TEXT NOT NULL DEFAULT '',
        CHECK ((returned_at IS NULL) = (returned_to_id IS NULL))
      ) STRICT;
      CREATE INDEX key_loans_out ON key_loans(lent_at) WHERE returned_at IS NULL;
      CREATE INDEX key_loans_lent ON key_loans(lent_at);
      CREATE INDEX key_loans_returned ON key_loans(returned_at) WHERE returned_at IS NOT NULL;
      ${noDelete('key_loans')}
      CREATE TRIGGER key_loans_returned_locked BEFORE UPDATE ON key_loans WHEN OLD.returned_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a returned loan cannot change'); END;

      -- The handover of one shift (S-1). Signed by the outgoing person; from then on it and its lines are locked.
      CREATE TABLE handovers (
        id             TEXT PRIMARY KEY,
        number         TEXT NOT NULL UNIQUE,
        shift_id       TEXT NOT NULL UNIQUE REFERENCES shifts(id),
        outgoing_id    TEXT NOT NULL REFERENCES staff(id),
        outgoing_name  TEXT NOT NULL,
        previous_id    TEXT REFERENCES handovers(id),
        notes          TEXT NOT NULL DEFAULT '',
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        signed_at      INTEGER,
        signed_by      TEXT,
        content_hash   TEXT,
        CHECK ((signed_at IS NULL AND signed_by IS NULL AND content_hash IS NULL)
            OR (signed_at IS NOT NULL AND signed_by = outgoing_id AND length(content_hash) = 64))
      ) STRICT;
      CREATE INDEX handovers_created ON handovers(created_at);
      CREATE INDEX handovers_signed ON handovers(signed_at) WHERE signed_at IS NOT NULL;
      ${noDelete('handovers')}
      CREATE TRIGGER handovers_signed_locked BEFORE UPDATE ON handovers WHEN OLD.signed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed handover cannot change'); END;

      -- Its lines: template items, each feature's live section, lines carried from the previous handover.
      CREATE TABLE handover_lines (
        id                   TEXT PRIMARY KEY,
        handover_id          TEXT NOT NULL REFERENCES handovers(id),
        position             INTEGER NOT NULL,
        key                  TEXT NOT NULL,
        section              TEXT NOT NULL,
        section_title        TEXT NOT NULL,
        section_order        INTEGER NOT NULL,
        kind                 TEXT NOT NULL,
        params_json          TEXT NOT NULL CHECK (json_valid(params_json)),
        attention            INTEGER NOT NULL CHECK (attention IN (0,1)),
        current              INTEGER NOT NULL CHECK (current IN (0,1)),
        ticked               INTEGER NOT NULL DEFAULT 0 CHECK (ticked IN (0,1)),
        comment              TEXT NOT NULL DEFAULT '',
        carried_from_id      TEXT REFERENCES handovers(id),
        carried_from_number  TEXT,
        carried_count        INTEGER NOT NULL DEFAULT 0 CHECK (carried_count >= 0),
        carried_comment      TEXT NOT NULL DEFAULT '',
        withdrawn            INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0,1)),
        updated_at           INTEGER NOT NULL,
        UNIQUE (handover_id, key)
      ) STRICT;
      ${noDelete('handover_lines')}
      CREATE TRIGGER handover_lines_signed_locked BEFORE UPDATE ON handover_lines
      WHEN (SELECT signed_at FROM handovers WHERE id = OLD.handover_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'the lines of a signed handover cannot change'); END;
      CREATE TRIGGER handover_lines_signed_closed BEFORE INSERT ON handover_lines
      WHEN (SELECT signed_at FROM handovers WHERE id = NEW.handover_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed handover takes no new lines'); END;

      -- The incoming guard's acknowledgement: once, of a signed handover, by someone other than who signed it.
      CREATE TABLE handover_acknowledgements (
        id             TEXT PRIMARY KEY,
        handover_id    TEXT NOT NULL UNIQUE REFERENCES handovers(id),
        incoming_id    TEXT NOT NULL REFERENCES staff(id),
        incoming_name  TEXT NOT NULL,
        incoming_role  TEXT NOT NULL,
        at             INTEGER NOT NULL,
        note           TEXT NOT NULL DEFAULT '',
        device_id      TEXT
      ) STRICT;
      ${noUpdate('handover_acknowledgements')}
      ${noDelete('handover_acknowledgements')}
      CREATE TRIGGER handover_acknowledgements_rules BEFORE INSERT ON handover_acknowledgements
      WHEN (SELECT signed_at FROM handovers WHERE id = NEW.handover_id) IS NULL
        OR (SELECT outgoing_id FROM handovers WHERE id = NEW.handover_id) = NEW.incoming_id
      BEGIN SELECT RAISE(ABORT, 'only a signed handover is acknowledged, and not by who signed it'); END;
    `);
  },
};
