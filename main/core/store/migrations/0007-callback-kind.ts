// Callbacks of two kinds (V-3, P-1). A 'message': a visitor or caller left their number and a message for a
// tenant, whom the desk contacts (tenant required; outcomes relayed / tenantWillCall / unreachable /
// tenantDeclined / other). A 'callBack': the desk owes this caller a call back, e.g. a missed call (tenant only
// when the number matched a directory contact; outcomes calledBack / unreachable / other). A kind never changes.
//
// SQLite cannot drop a NOT NULL or change a CHECK in place, so the table is rebuilt by its documented procedure
// (https://www.sqlite.org/lang_altertable.html#otheralter): create the new table, copy every row (all of them
// messages: before this a callback always had a tenant), drop the old one, rename, then recreate its indexes
// and every trigger it had. Nothing references `callbacks` by foreign key (calls.callback_id has none), so the
// rebuild may run with foreign keys on, inside the runner's one transaction; the copy is checked afterwards.
import type { Migration } from './types';
import { noDelete } from './types';

/** Personal columns of a callback, blank once redacted (V-7) — as in 0002. */
const CALLBACK_PERSONAL = ['caller_name', 'caller_phone', 'message', 'outcome_note'];
const changed = CALLBACK_PERSONAL.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');

const COLUMNS = [
  'id',
  'source',
  'tenant_id',
  'caller_name',
  'caller_phone',
  'message',
  'due_at',
  'owner_id',
  'status',
  'outcome',
  'outcome_note',
  'visit_id',
  'call_id',
  'created_at',
  'created_by',
  'closed_at',
  'closed_by',
  'due_alerted_at',
  'redacted_at',
].join(', ');

export const migration0007: Migration = {
  version: 7,
  name: 'callback-kind',
  up(db) {
    db.exec(`
      CREATE TABLE callbacks_new (
        id              TEXT PRIMARY KEY,
        kind            TEXT NOT NULL CHECK (kind IN ('message','callBack')),
        source          TEXT NOT NULL CHECK (source IN ('desk','visitor','phone')),
        tenant_id       TEXT REFERENCES tenants(id),
        caller_name     TEXT NOT NULL,
        caller_phone    TEXT NOT NULL,
        message         TEXT NOT NULL DEFAULT '',
        due_at          INTEGER NOT NULL,
        owner_id        TEXT NOT NULL REFERENCES staff(id),
        status          TEXT NOT NULL CHECK (status IN ('open','closed')),
        outcome         TEXT,
        outcome_note    TEXT NOT NULL DEFAULT '',
        visit_id        TEXT REFERENCES visits(id),
        call_id         TEXT,
        created_at      INTEGER NOT NULL,
        created_by      TEXT NOT NULL REFERENCES staff(id),
        closed_at       INTEGER,
        closed_by       TEXT REFERENCES staff(id),
        due_alerted_at  INTEGER,
        redacted_at     INTEGER,
        -- A message is for a tenant; a call back is for the caller, with a tenant only when the directory knew them.
        CHECK (kind = 'callBack' OR tenant_id IS NOT NULL),
        -- Each kind closes with its own outcomes: a call back is not "passed on to the tenant".
        CHECK (outcome IS NULL
          OR (kind = 'message' AND outcome IN ('relayed','tenantWillCall','unreachable','tenantDeclined','other'))
          OR (kind = 'callBack' AND outcome IN ('calledBack','unreachable','other'))),
        CHECK (status = 'open' OR (outcome IS NOT NULL AND closed_at IS NOT NULL AND closed_by IS NOT NULL))
      ) STRICT;

      INSERT INTO callbacks_new (kind, ${COLUMNS}) SELECT 'message', ${COLUMNS} FROM callbacks;
      DROP TABLE callbacks;
      ALTER TABLE callbacks_new RENAME TO callbacks;

      CREATE INDEX callbacks_open ON callbacks(status, due_at);
      CREATE INDEX callbacks_created ON callbacks(created_at);
      CREATE INDEX callbacks_tenant ON callbacks(tenant_id) WHERE tenant_id IS NOT NULL;

      CREATE TRIGGER callbacks_kind_fixed BEFORE UPDATE OF kind ON callbacks
      WHEN NEW.kind IS NOT OLD.kind
      BEGIN SELECT RAISE(ABORT, 'a callback keeps its kind'); END;

      CREATE TRIGGER callbacks_closed_stay_closed BEFORE UPDATE OF status ON callbacks
      WHEN OLD.status = 'closed' AND NEW.status <> 'closed'
      BEGIN SELECT RAISE(ABORT, 'a closed callback stays closed'); END;

      CREATE TRIGGER callbacks_redacted_stay_blank BEFORE UPDATE ON callbacks
      WHEN OLD.redacted_at IS NOT NULL AND (NEW.redacted_at IS NOT OLD.redacted_at OR ${changed})
      BEGIN SELECT RAISE(ABORT, 'redacted callbacks stay redacted'); END;

      ${noDelete('callbacks')}
    `);
    const broken = db.pragma('foreign_key_check(callbacks)') as unknown[];
    if (broken.length > 0) throw new Error(`callbacks rebuild: ${broken.length} rows with broken references`);
  },
};
