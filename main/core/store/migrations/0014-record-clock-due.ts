// When the records timer next has something to do for each item: computed once per item change and per
// settings change, stored and indexed, so that a wake reads only what is due — not every open item's deadlines.
// Derived data, like an index: rebuilt from the items, their recorded steps and the settings at any time.
import type { Migration } from './types';

export const migration0014: Migration = {
  version: 14,
  name: 'record-clock-due',
  up(db) {
    db.exec(`
      CREATE TABLE record_clock_due (
        item_id   TEXT PRIMARY KEY REFERENCES record_items(id),
        due_at    INTEGER,                       -- the next pending step's time; NULL: nothing pending
        start_at  INTEGER,                       -- what that step counts from (reception; resolution for a follow-up)
        stale     INTEGER NOT NULL DEFAULT 1 CHECK (stale IN (0, 1))  -- the item changed since due_at was computed
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX record_clock_due_at ON record_clock_due(due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX record_clock_due_start ON record_clock_due(start_at) WHERE due_at IS NOT NULL;
      CREATE INDEX record_clock_due_stale ON record_clock_due(stale) WHERE stale = 1;

      -- The settings the stored times were computed with; another basis makes every row stale.
      CREATE TABLE record_clock_basis (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        basis  TEXT NOT NULL
      ) STRICT;

      -- Whatever changes an item's clock marks its row, whichever code path wrote it.
      CREATE TRIGGER record_items_clock_new AFTER INSERT ON record_items BEGIN
        INSERT INTO record_clock_due (item_id, stale) VALUES (NEW.id, 1);
      END;
      CREATE TRIGGER record_items_clock_changed
      AFTER UPDATE OF status, level, answered_at, breached_at, resolved_at, follow_up_due_at, reopen_count ON record_items BEGIN
        INSERT INTO record_clock_due (item_id, stale) VALUES (NEW.id, 1) ON CONFLICT (item_id) DO UPDATE SET stale = 1;
      END;
      CREATE TRIGGER record_clock_events_step AFTER INSERT ON record_clock_events BEGIN
        INSERT INTO record_clock_due (item_id, stale) VALUES (NEW.item_id, 1) ON CONFLICT (item_id) DO UPDATE SET stale = 1;
      END;

      -- Items already there: those the clock still watches are computed by the timer's first wakes, a batch at a
      -- time; the others have nothing pending.
      INSERT INTO record_clock_due (item_id, stale)
      SELECT id, CASE WHEN status IN ('open','forwarded') OR follow_up_due_at IS NOT NULL THEN 1 ELSE 0 END FROM record_items;
    `);
  },
};
