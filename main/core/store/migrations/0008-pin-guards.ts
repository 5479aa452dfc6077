// The sign-in guard's state: per person and terminal, how many wrong PINs in a row and when the latest was
// entered; per person, the wrong PINs that count against the day's limit. Kept as state updated in the order
// things happen, not derived from timestamps, so a wall clock that jumps back cannot reorder it (a lock is
// judged by "the latest wrong PIN", which is the latest written, whatever its time says).
//
// `pin_failures` stays the log of every wrong PIN. Failures before this migration are not carried over: a lock
// in progress while the app is updated ends with the update.
import type { Migration } from './types';
import { noDelete } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'pin-guards',
  up(db) {
    db.exec(`
      CREATE TABLE pin_guards (
        id           TEXT PRIMARY KEY,        -- '<user id>' for the person, '<user id>/<source>' for one terminal
        user_id      TEXT NOT NULL REFERENCES staff(id),
        source       TEXT,                    -- NULL: the person (all terminals); '': this PC; else a paired device's id
        streak       INTEGER NOT NULL DEFAULT 0 CHECK (streak >= 0),
        failed_at    INTEGER,                 -- terminal: when the latest wrong PIN of the streak was entered
        recent_json  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recent_json) AND json_type(recent_json) = 'array'),
        updated_at   INTEGER NOT NULL,
        CHECK ((source IS NULL AND id = user_id) OR (source IS NOT NULL AND id = user_id || '/' || source))
      ) STRICT;
      CREATE INDEX pin_guards_user ON pin_guards(user_id);
      ${noDelete('pin_guards')}
    `);
  },
};
