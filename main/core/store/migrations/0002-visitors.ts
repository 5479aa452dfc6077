// Visitors: tenant directory, visits, callbacks, watch list, notices.
import type { Migration } from './types';
import { noDelete } from './types';

/** Personal columns of a visit, blank once redacted (V-7). */
const VISIT_PERSONAL = ['visitor_name', 'mobile', 'host_name', 'id_number_masked', 'id_number', 'vehicle_plate', 'notes', 'decline_reason'];
const CALLBACK_PERSONAL = ['caller_name', 'caller_phone', 'message', 'outcome_note'];

function changed(columns: string[]): string {
  return columns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
}

export const migration0002: Migration = {
  version: 2,
  name: 'visitors',
  up(db) {
    db.exec(`
      -- Tenant companies and households. search_text serves staff search (names, pinyin, initials, floor, room,
      -- contact names); public_search_text serves the visitor screen (display names, their pinyin, floor) so a
      -- visitor can never find a tenant by a person's name. Both lower-case, precomputed on every write.
      CREATE TABLE tenants (
        id                  TEXT PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('company','household')),
        name                TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        name_en             TEXT NOT NULL DEFAULT '',
        display_name        TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
        display_name_en     TEXT NOT NULL DEFAULT '',
        floor               TEXT NOT NULL CHECK (length(floor) BETWEEN 1 AND 10),
        room                TEXT NOT NULL DEFAULT '',
        listed              INTEGER NOT NULL DEFAULT 1 CHECK (listed IN (0,1)),
        active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        notes               TEXT NOT NULL DEFAULT '',
        search_text         TEXT NOT NULL,
        public_search_text  TEXT NOT NULL,
        created_at          INTEGER NOT NULL,
        updated_at          INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tenants_active ON tenants(active, floor);
      CREATE INDEX tenants_place ON tenants(name, floor, room);

      -- Contact people. phone is private: only the desk roles receive it, a visitor screen never.
      CREATE TABLE tenant_contacts (
        id          TEXT PRIMARY KEY,
        tenant_id   TEXT NOT NULL REFERENCES tenants(id),
        name        TEXT NOT NULL CHECK (length(name) >= 1),
        title       TEXT NOT NULL DEFAULT '',
        phone       TEXT NOT NULL CHECK (length(phone) >= 5),
        is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0,1)),
        active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at  INTEGER NOT NULL,
        updated_at  INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX tenant_contacts_tenant ON tenant_contacts(tenant_id, active);

      -- Visits. A self-registration is 'pending' until the desk confirms ('in') or declines it; 'out' once signed
      -- out. Personal columns are blanked after the retention period (redacted_at); counts and times survive.
      CREATE TABLE visits (
        id                   TEXT PRIMARY KEY,
        source               TEXT NOT NULL CHECK (source IN ('desk','kiosk')),
        status               TEXT NOT NULL CHECK (status IN ('pending','declined','in','out')),
        pass_number          TEXT,
        visitor_name         TEXT NOT NULL,
        mobile               TEXT,
        tenant_id            TEXT NOT NULL REFERENCES tenants(id),
        host_name            TEXT NOT NULL DEFAULT '',
        purpose              TEXT NOT NULL CHECK (length(purpose) >= 1),
        party_size           INTEGER NOT NULL CHECK (party_size BETWEEN 1 AND 99),
        id_number_masked     TEXT,
        id_number            TEXT,            -- the full number only where the building's setting allows it
        vehicle_plate        TEXT,
        badge_number         TEXT NOT NULL DEFAULT '',
        notes                TEXT NOT NULL DEFAULT '',
        lang                 TEXT NOT NULL CHECK (lang IN ('zh-CN','en')),
        device_id            TEXT REFERENCES devices(id),
        consent_at           INTEGER,
        id_consent_at        INTEGER,
        watch_matches        TEXT NOT NULL DEFAULT '[]',   -- JSON [{entryId, fields}] found at registration
        registered_at        INTEGER NOT NULL,
        registered_by        TEXT REFERENCES staff(id),
        decided_at           INTEGER,
        decided_by           TEXT REFERENCES staff(id),
        decline_reason       TEXT,
        host_contacted       INTEGER NOT NULL DEFAULT 0 CHECK (host_contacted IN (0,1)),
        checked_in_at        INTEGER,
        checked_out_at       INTEGER,
        checked_out_by       TEXT,
        checkout_via         TEXT CHECK (checkout_via IN ('click','pass','scan')),
        overstay_alerted_at  INTEGER,
        redacted_at          INTEGER,
        CHECK (source = 'kiosk' OR registered_by IS NOT NULL),
        CHECK (source = 'desk' OR (device_id IS NOT NULL AND consent_at IS NOT NULL)),
        CHECK (status NOT IN ('in','out') OR (checked_in_at IS NOT NULL AND pass_number IS NOT NULL)),
        CHECK (status <> 'out' OR checked_out_at IS NOT NULL),
        CHECK (status <> 'declined' OR decided_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX visits_status ON visits(status, checked_in_at);
      CREATE INDEX visits_mobile ON visits(mobile, registered_at);
      CREATE INDEX visits_registered ON visits(registered_at);
      CREATE INDEX visits_pass ON visits(pass_number);
      CREATE INDEX visits_device ON visits(device_id, registered_at);

      -- Where a visit may go: pending → in | declined; in → out. Finished visits do not come back.
      CREATE TRIGGER visits_status_flow BEFORE UPDATE OF status ON visits
      WHEN NEW.status IS NOT OLD.status AND NOT (
        (OLD.status = 'pending' AND NEW.status IN ('in','declined')) OR (OLD.status = 'in' AND NEW.status = 'out'))
      BEGIN SELECT RAISE(ABORT, 'visit status cannot go from there to there'); END;

      -- Redacted personal data stays redacted.
      CREATE TRIGGER visits_redacted_stay_blank BEFORE UPDATE ON visits
      WHEN OLD.redacted_at IS NOT NULL AND (NEW.redacted_at IS NOT OLD.redacted_at OR ${changed(VISIT_PERSONAL)})
      BEGIN SELECT RAISE(ABORT, 'redacted visits stay redacted'); END;

      -- People not to admit. Keys are normalised (width, spaces, case) so matching is tolerant.
      CREATE TABLE watch_list (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL DEFAULT '',
        name_key     TEXT NOT NULL DEFAULT '',
        mobile       TEXT NOT NULL DEFAULT '',
        id_number    TEXT NOT NULL DEFAULT '',
        reason       TEXT NOT NULL CHECK (length(reason) >= 1),
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at   INTEGER NOT NULL,
        created_by   TEXT NOT NULL REFERENCES staff(id),
        updated_at   INTEGER NOT NULL,
        CHECK (name_key <> '' OR mobile <> '' OR id_number <> '')
      ) STRICT;
      CREATE INDEX watch_list_active ON watch_list(active);

      -- Callbacks / messages for tenants (V-3), from the desk, the visitor flow or the phone desk.
      CREATE TABLE callbacks (
        id              TEXT PRIMARY KEY,
        source          TEXT NOT NULL CHECK (source IN ('desk','visitor','phone')),
        tenant_id       TEXT NOT NULL REFERENCES tenants(id),
        caller_name     TEXT NOT NULL,
        caller_phone    TEXT NOT NULL,
        message         TEXT NOT NULL DEFAULT '',
        due_at          INTEGER NOT NULL,
        owner_id        TEXT NOT NULL REFERENCES staff(id),
        status          TEXT NOT NULL CHECK (status IN ('open','closed')),
        outcome         TEXT CHECK (outcome IN ('relayed','tenantWillCall','unreachable','tenantDeclined','other')),
        outcome_note    TEXT NOT NULL DEFAULT '',
        visit_id        TEXT REFERENCES visits(id),
        call_id         TEXT,
        created_at      INTEGER NOT NULL,
        created_by      TEXT NOT NULL REFERENCES staff(id),
        closed_at       INTEGER,
        closed_by       TEXT REFERENCES staff(id),
        due_alerted_at  INTEGER,
        redacted_at     INTEGER,
        CHECK (status = 'open' OR (outcome IS NOT NULL AND closed_at IS NOT NULL AND closed_by IS NOT NULL))
      ) STRICT;
      CREATE INDEX callbacks_open ON callbacks(status, due_at);
      CREATE INDEX callbacks_created ON callbacks(created_at);

      CREATE TRIGGER callbacks_closed_stay_closed BEFORE UPDATE OF status ON callbacks
      WHEN OLD.status = 'closed' AND NEW.status <> 'closed'
      BEGIN SELECT RAISE(ABORT, 'a closed callback stays closed'); END;

      CREATE TRIGGER callbacks_redacted_stay_blank BEFORE UPDATE ON callbacks
      WHEN OLD.redacted_at IS NOT NULL AND (NEW.redacted_at IS NOT OLD.redacted_at OR ${changed(CALLBACK_PERSONAL)})
      BEGIN SELECT RAISE(ABORT, 'redacted callbacks stay redacted'); END;

      -- Notices (R-10, minimal). Withdrawn notices stay on record.
      CREATE TABLE notices (
        id            TEXT PRIMARY KEY,
        title         TEXT NOT NULL CHECK (length(title) >= 1),
        title_en      TEXT NOT NULL DEFAULT '',
        body          TEXT NOT NULL DEFAULT '',
        body_en       TEXT NOT NULL DEFAULT '',
        public        INTEGER NOT NULL DEFAULT 0 CHECK (public IN (0,1)),
        target        TEXT NOT NULL CHECK (target IN ('all','building','unit')),
        target_value  TEXT NOT NULL DEFAULT '',
        active_from   INTEGER NOT NULL,
        active_until  INTEGER,
        withdrawn_at  INTEGER,
        withdrawn_by  TEXT REFERENCES staff(id),
        created_at    INTEGER NOT NULL,
        created_by    TEXT NOT NULL REFERENCES staff(id),
        updated_at    INTEGER NOT NULL,
        CHECK (active_until IS NULL OR active_until > active_from),
        CHECK (target = 'all' OR target_value <> '')
      ) STRICT;
      CREATE INDEX notices_active ON notices(withdrawn_at, active_from);

      CREATE TRIGGER notices_withdrawn_final BEFORE UPDATE ON notices
      WHEN OLD.withdrawn_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a withdrawn notice cannot change'); END;

      ${noDelete('tenants')}
      ${noDelete('tenant_contacts')}
      ${noDelete('visits')}
      ${noDelete('watch_list')}
      ${noDelete('callbacks')}
      ${noDelete('notices')}
    `);
  },
};
