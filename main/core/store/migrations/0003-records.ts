// Reception record: items, handling trail, escalation events, follow-ups, audits, weekly reviews.
import type { Migration } from './types';
import { noDelete, noUpdate } from './types';

const LEVEL_RANK = (col: string) => `(CASE ${col} WHEN 'desk' THEN 0 WHEN 'supervisor' THEN 1 ELSE 2 END)`;

export const migration0003: Migration = {
  version: 3,
  name: 'records',
  up(db) {
    db.exec(`
      -- One line of 《接待业主情况记录》. tenant_id and call_id link to the directory and the phone desk when
      -- known; they are plain columns (those tables belong to other features).
      CREATE TABLE record_items (
        id                     TEXT PRIMARY KEY,
        number                 TEXT NOT NULL UNIQUE,                 -- 2026-1127-003, per building
        received_at            INTEGER NOT NULL,                     -- the ladder's clock starts here
        day_key                TEXT NOT NULL,                        -- building-local day of reception
        channel                TEXT NOT NULL CHECK (channel IN ('walk_in','phone','online','relayed')),
        relayed_by             TEXT,
        type                   TEXT NOT NULL CHECK (type IN ('complaint','repair','inquiry','suggestion','move_in','renovation','other')),
        owner_name             TEXT NOT NULL,
        owner_phone            TEXT,
        unit                   TEXT,
        tenant_id              TEXT,
        matter                 TEXT NOT NULL CHECK (length(matter) > 0),
        department             TEXT,
        about_staff_id         TEXT REFERENCES staff(id),
        status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','forwarded','resolved','unresolvable')),
        level                  TEXT NOT NULL DEFAULT 'desk' CHECK (level IN ('desk','supervisor','manager')),
        answered_at            INTEGER,
        breached_at            INTEGER,
        result                 TEXT,
        resolved_at            INTEGER,
        resolved_by            TEXT REFERENCES staff(id),
        resolved_by_name       TEXT,
        unresolvable_reason    TEXT,
        follow_up_due_at       INTEGER,
        reopen_count           INTEGER NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
        repair_location        TEXT,
        repair_appointment_at  INTEGER,
        repair_worker          TEXT,
        repair_materials       TEXT,
        repair_completed_at    INTEGER,
        call_id                TEXT,
        created_at             INTEGER NOT NULL,
        created_by             TEXT,
        created_by_name        TEXT,
        updated_at             INTEGER NOT NULL,
        CHECK (channel <> 'relayed' OR (relayed_by IS NOT NULL AND length(relayed_by) > 0)),
        CHECK (type = 'complaint' OR about_staff_id IS NULL),
        CHECK (status <> 'resolved' OR (result IS NOT NULL AND length(result) > 0 AND resolved_at IS NOT NULL)),
        CHECK (status <> 'unresolvable' OR (unresolvable_reason IS NOT NULL AND length(unresolvable_reason) > 0)),
        CHECK (follow_up_due_at IS NULL OR status = 'resolved')
      ) STRICT;
      CREATE INDEX record_items_status ON record_items(status, received_at);
      CREATE INDEX record_items_day ON record_items(day_key);
      CREATE INDEX record_items_department ON record_items(department, status);
      CREATE INDEX record_items_tenant ON record_items(tenant_id) WHERE tenant_id IS NOT NULL;
      CREATE INDEX record_items_call ON record_items(call_id) WHERE call_id IS NOT NULL;
      ${noDelete('record_items')}
      -- What was received stays as received (篇2 六: recorded truthfully).
      CREATE TRIGGER record_items_as_received BEFORE UPDATE OF number, received_at, day_key, channel, type, created_at, created_by ON record_items
      WHEN NEW.number IS NOT OLD.number OR NEW.received_at IS NOT OLD.received_at OR NEW.day_key IS NOT OLD.day_key
        OR NEW.channel IS NOT OLD.channel OR NEW.type IS NOT OLD.type OR NEW.created_at IS NOT OLD.created_at
        OR NEW.created_by IS NOT OLD.created_by
      BEGIN SELECT RAISE(ABORT, 'an item stays as it was received'); END;
      -- A complaint's 24-hour breach mark stays, also after the item is resolved (R-5).
      CREATE TRIGGER record_items_breach_stays BEFORE UPDATE OF breached_at ON record_items
      WHEN OLD.breached_at IS NOT NULL AND NEW.breached_at IS NOT OLD.breached_at
      BEGIN SELECT RAISE(ABORT, 'a complaint breach mark stays'); END;
      -- Ownership only moves up the ladder (R-4).
      CREATE TRIGGER record_items_level_rises BEFORE UPDATE OF level ON record_items
      WHEN ${LEVEL_RANK('NEW.level')} < ${LEVEL_RANK('OLD.level')}
      BEGIN SELECT RAISE(ABORT, 'an item never goes back down the ladder'); END;

      -- Owners are searched by name, phone, unit, matter or number; trigram finds parts of Chinese text.
      CREATE VIRTUAL TABLE record_items_fts USING fts5(
        number, owner_name, owner_phone, unit, matter,
        content = 'record_items', content_rowid = 'rowid', tokenize = 'trigram'
      );
      CREATE TRIGGER record_items_fts_insert AFTER INSERT ON record_items BEGIN
        INSERT INTO record_items_fts (rowid, number, owner_name, owner_phone, unit, matter)
        VALUES (NEW.rowid, NEW.number, NEW.owner_name, NEW.owner_phone, NEW.unit, NEW.matter);
      END;
      CREATE TRIGGER record_items_fts_update AFTER UPDATE OF owner_name, owner_phone, unit, matter ON record_items BEGIN
        INSERT INTO record_items_fts (record_items_fts, rowid, number, owner_name, owner_phone, unit, matter)
        VALUES ('delete', OLD.rowid, OLD.number, OLD.owner_name, OLD.owner_phone, OLD.unit, OLD.matter);
        INSERT INTO record_items_fts (rowid, number, owner_name, owner_phone, unit, matter)
        VALUES (NEW.rowid, NEW.number, NEW.owner_name, NEW.owner_phone, NEW.unit, NEW.matter);
      END;

      -- The dated handling trail. Entries are never changed; a correction is a new entry.
      CREATE TABLE record_notes (
        id          TEXT PRIMARY KEY,
        item_id     TEXT NOT NULL REFERENCES record_items(id),
        at          INTEGER NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('created','note','forward','progress','reply','resolve','reopen','unresolvable','follow_up','edit','repair')),
        text        TEXT NOT NULL DEFAULT '',
        department  TEXT,
        by_id       TEXT,
        by_name     TEXT,
        by_role     TEXT
      ) STRICT;
      CREATE INDEX record_notes_item ON record_notes(item_id, at);
      ${noUpdate('record_notes')}
      ${noDelete('record_notes')}

      -- What the escalation timer found: each warning, escalation, complaint breach and overdue follow-up once,
      -- with the time it was due and the time it was detected (R-4, R-5). cycle counts reopenings (follow-ups).
      CREATE TABLE record_clock_events (
        id           TEXT PRIMARY KEY,
        item_id      TEXT NOT NULL REFERENCES record_items(id),
        kind         TEXT NOT NULL CHECK (kind IN ('warn_supervisor','escalate_supervisor','warn_manager','escalate_manager','warn_answer','breach_answer','follow_up_overdue')),
        cycle        INTEGER NOT NULL DEFAULT 0,
        due_at       INTEGER NOT NULL,
        detected_at  INTEGER NOT NULL CHECK (detected_at >= due_at),
        UNIQUE (item_id, kind, cycle)
      ) STRICT;
      CREATE INDEX record_clock_events_detected ON record_clock_events(detected_at);
      ${noUpdate('record_clock_events')}
      ${noDelete('record_clock_events')}

      CREATE TABLE record_follow_ups (
        id        TEXT PRIMARY KEY,
        item_id   TEXT NOT NULL REFERENCES record_items(id),
        at        INTEGER NOT NULL,
        due_at    INTEGER,
        result    TEXT NOT NULL CHECK (result IN ('satisfied','unsatisfied')),
        note      TEXT NOT NULL DEFAULT '',
        by_id     TEXT NOT NULL REFERENCES staff(id),
        by_name   TEXT NOT NULL,
        CHECK (result = 'satisfied' OR length(note) > 0)
      ) STRICT;
      CREATE INDEX record_follow_ups_item ON record_follow_ups(item_id, at);
      CREATE INDEX record_follow_ups_at ON record_follow_ups(at);
      ${noUpdate('record_follow_ups')}
      ${noDelete('record_follow_ups')}

      -- The supervisor's daily audit (篇4 §4.3): once per item, who and when.
      CREATE TABLE record_audits (
        id       TEXT PRIMARY KEY,
        item_id  TEXT NOT NULL UNIQUE REFERENCES record_items(id),
        at       INTEGER NOT NULL,
        by_id    TEXT NOT NULL REFERENCES staff(id),
        by_name  TEXT NOT NULL,
        comment  TEXT NOT NULL DEFAULT ''
      ) STRICT;
      ${noUpdate('record_audits')}
      ${noDelete('record_audits')}

      -- The manager's Monday review of last week (篇4 §4.9), signed once, with what it showed at the time.
      CREATE TABLE record_weekly_reviews (
        id            TEXT PRIMARY KEY,
        week_key      TEXT NOT NULL UNIQUE CHECK (week_key GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        week_start    INTEGER NOT NULL,
        week_end      INTEGER NOT NULL CHECK (week_end > week_start),
        signed_at     INTEGER NOT NULL CHECK (signed_at >= week_end),
        by_id         TEXT NOT NULL REFERENCES staff(id),
        by_name       TEXT NOT NULL,
        comment       TEXT NOT NULL DEFAULT '',
        summary_json  TEXT NOT NULL
      ) STRICT;
      ${noUpdate('record_weekly_reviews')}
      ${noDelete('record_weekly_reviews')}
    `);
  },
};
