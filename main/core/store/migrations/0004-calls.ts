// Phone desk: one row per call, from the first ring to the saved record (P-1 … P-5), and its search index.
import type { Migration } from './types';
import { noDelete } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'calls',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        -- An explicit rowid: VACUUM (and VACUUM INTO backups) keep it, so the search index stays aligned.
        seq                    INTEGER PRIMARY KEY,
        id                     TEXT NOT NULL UNIQUE,
        line                   INTEGER NOT NULL CHECK (line BETWEEN 1 AND 9),
        status                 TEXT NOT NULL CHECK (status IN ('ringing','answered','completed','missed','interrupted')),
        source                 TEXT NOT NULL CHECK (source IN ('button','key','hotkey','api')),
        -- The process that holds the ring's monotonic start in memory; a ring left open by another one was
        -- interrupted by a restart.
        boot_id                TEXT NOT NULL,
        ring_started_at        INTEGER NOT NULL,
        -- The cadence in force when it rang: later changes to the settings do not rewrite the figures.
        seconds_per_ring       INTEGER NOT NULL CHECK (seconds_per_ring BETWEEN 1 AND 30),
        target_rings           INTEGER NOT NULL CHECK (target_rings BETWEEN 1 AND 10),
        started_by             TEXT REFERENCES staff(id),
        answered_at            INTEGER,
        answered_by            TEXT REFERENCES staff(id),
        answer_latency_ms      INTEGER CHECK (answer_latency_ms >= 0),
        rings_at_answer        INTEGER CHECK (rings_at_answer >= 1),
        within_target          INTEGER CHECK (within_target IN (0,1)),
        ended_at               INTEGER,
        end_reason             TEXT CHECK (end_reason IN ('saved','gaveUp','timeout','restart')),
        caller_name            TEXT NOT NULL DEFAULT '',
        caller_number          TEXT NOT NULL DEFAULT '',
        unit                   TEXT NOT NULL DEFAULT '',
        topic                  TEXT NOT NULL DEFAULT '',
        note                   TEXT NOT NULL DEFAULT '',
        outcome                TEXT CHECK (outcome IN ('resolved','messageTaken','forwarded','followUp','wrongNumber','other')),
        script_steps           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(script_steps) AND json_type(script_steps) = 'array'),
        confidentiality_asked  INTEGER NOT NULL DEFAULT 0 CHECK (confidentiality_asked IN (0,1)),
        saved_at               INTEGER,
        saved_by               TEXT REFERENCES staff(id),
        -- Links made by other features (a callback; a reception-record item). No foreign keys on purpose: those
        -- tables belong to their features and may live in another migration.
        callback_id            TEXT,
        record_id              TEXT,
        created_at             INTEGER NOT NULL,
        updated_at             INTEGER NOT NULL,
        CHECK (status <> 'ringing' OR (answered_at IS NULL AND ended_at IS NULL)),
        CHECK (status NOT IN ('answered','completed')
               OR (answered_at IS NOT NULL AND answer_latency_ms IS NOT NULL AND within_target IS NOT NULL AND rings_at_answer IS NOT NULL)),
        CHECK (status NOT IN ('missed','interrupted') OR (answered_at IS NULL AND ended_at IS NOT NULL AND end_reason IS NOT NULL)),
        CHECK (status <> 'completed' OR (outcome IS NOT NULL AND saved_at IS NOT NULL AND ended_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX calls_ring_started ON calls(ring_started_at);
      CREATE INDEX calls_open ON calls(status, ring_started_at) WHERE status IN ('ringing','answered');
      CREATE INDEX calls_answered_by ON calls(answered_by, ring_started_at);
      CREATE INDEX calls_callback ON calls(callback_id) WHERE callback_id IS NOT NULL;
      CREATE INDEX calls_record ON calls(record_id) WHERE record_id IS NOT NULL;

      ${noDelete('calls')}

      -- What the ring timer measured is evidence: once written it never changes.
      CREATE TRIGGER calls_measurements_fixed BEFORE UPDATE ON calls
      WHEN NEW.id IS NOT OLD.id OR NEW.ring_started_at IS NOT OLD.ring_started_at OR NEW.boot_id IS NOT OLD.boot_id
        OR NEW.seconds_per_ring IS NOT OLD.seconds_per_ring OR NEW.target_rings IS NOT OLD.target_rings
        OR NEW.source IS NOT OLD.source OR NEW.started_by IS NOT OLD.started_by OR NEW.created_at IS NOT OLD.created_at
        OR NEW.line IS NOT OLD.line
        OR (OLD.answered_at IS NOT NULL AND (NEW.answered_at IS NOT OLD.answered_at OR NEW.answered_by IS NOT OLD.answered_by
            OR NEW.answer_latency_ms IS NOT OLD.answer_latency_ms OR NEW.within_target IS NOT OLD.within_target
            OR NEW.rings_at_answer IS NOT OLD.rings_at_answer))
      BEGIN SELECT RAISE(ABORT, 'a call''s ring measurements are fixed: calls'); END;

      -- ringing → answered | missed | interrupted; answered → completed; nothing goes back.
      CREATE TRIGGER calls_status_flow BEFORE UPDATE OF status ON calls
      WHEN NOT (NEW.status = OLD.status
                OR (OLD.status = 'ringing' AND NEW.status IN ('answered','missed','interrupted'))
                OR (OLD.status = 'answered' AND NEW.status = 'completed'))
      BEGIN SELECT RAISE(ABORT, 'a call cannot go back: calls'); END;

      -- A link, once made, is kept (the other record points back at this call).
      CREATE TRIGGER calls_links_fixed BEFORE UPDATE OF callback_id, record_id ON calls
      WHEN (OLD.callback_id IS NOT NULL AND NEW.callback_id IS NOT OLD.callback_id)
        OR (OLD.record_id IS NOT NULL AND NEW.record_id IS NOT OLD.record_id)
      BEGIN SELECT RAISE(ABORT, 'a call''s links are fixed: calls'); END;

      -- The call log's search: caller, number, unit, topic, note. Trigram: finds any part of a Chinese name or a
      -- phone number (three characters or more; shorter searches fall back to LIKE).
      CREATE VIRTUAL TABLE calls_fts USING fts5(
        caller_name, caller_number, unit, topic, note,
        content = 'calls', content_rowid = 'seq', tokenize = 'trigram'
      );
      CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
        INSERT INTO calls_fts (rowid, caller_name, caller_number, unit, topic, note)
        VALUES (NEW.seq, NEW.caller_name, NEW.caller_number, NEW.unit, NEW.topic, NEW.note);
      END;
      CREATE TRIGGER calls_fts_update AFTER UPDATE OF caller_name, caller_number, unit, topic, note ON calls BEGIN
        INSERT INTO calls_fts (calls_fts, rowid, caller_name, caller_number, unit, topic, note)
        VALUES ('delete', OLD.seq, OLD.caller_name, OLD.caller_number, OLD.unit, OLD.topic, OLD.note);
        INSERT INTO calls_fts (rowid, caller_name, caller_number, unit, topic, note)
        VALUES (NEW.seq, NEW.caller_name, NEW.caller_number, NEW.unit, NEW.topic, NEW.note);
      END;
    `);
  },
};
