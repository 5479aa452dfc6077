// The watch list stops keeping ID and document numbers in full (V-6, V-1, X-7): each becomes a keyed hash to match
// on (HMAC-SHA256 with the installation's `watch-list` key, kept outside the database) and its masked form to
// show. What was stored is converted; the earlier audit images of every converted entry, which hold the full
// number, are blanked by the audited redaction path, as retention does for visits. The trail is still in its
// first form when this runs (migration 0016 keys it), so the redaction is the first form's (`redactLegacyRow`);
// 0016 then gives each converted entry a baseline entry with its state.
//
// The table is rebuilt by SQLite's documented procedure (its CHECK names the old column): new table, copy, drop,
// rename, index and trigger again. Nothing references `watch_list` by foreign key (a visit stores matched entry
// ids as JSON), so it runs with foreign keys on inside the runner's transaction.
import type Database from 'better-sqlite3';
import type { Migration } from './types';
import { noDelete } from './types';
import { SYSTEM_ACTOR } from '../../audit/chain';
import { isLegacyTrail, redactLegacyRow } from '../../audit/legacy';
import { documentMac, documentMasked } from '../../visitors/watch-list';

interface OldRow {
  id: string;
  id_number: string;
}

export const migration0009: Migration = {
  version: 9,
  name: 'watch-list-keyed',
  up(db, env) {
    const numbered = db.prepare("SELECT id, id_number FROM watch_list WHERE id_number <> '' ORDER BY created_at, id").all() as OldRow[];
    if (numbered.length > 0 && !env.keys) throw new Error('migration 0009 needs the installation key to convert watch-list numbers');
    const converted = new Map(numbered.map((r) => [r.id, { mac: documentMac(env.keys!, r.id_number), masked: documentMasked(r.id_number) }]));

    db.exec(`
      CREATE TABLE watch_list_new (
        id                TEXT PRIMARY KEY,
        name              TEXT NOT NULL DEFAULT '',
        name_key          TEXT NOT NULL DEFAULT '',
        mobile            TEXT NOT NULL DEFAULT '',
        id_number_mac     TEXT NOT NULL DEFAULT '',   -- HMAC-SHA256 (hex) of the normalised number; '' for none
        id_number_masked  TEXT NOT NULL DEFAULT '',   -- what the desk sees, e.g. 1101**********002X
        reason            TEXT NOT NULL CHECK (length(reason) >= 1),
        active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at        INTEGER NOT NULL,
        created_by        TEXT NOT NULL REFERENCES staff(id),
        updated_at        INTEGER NOT NULL,
        CHECK (id_number_mac = '' OR (length(id_number_mac) = 64 AND id_number_mac NOT GLOB '*[^0-9a-f]*')),
        CHECK (name_key <> '' OR mobile <> '' OR id_number_mac <> '')
      ) STRICT;
    `);
    const insert = db.prepare(
      `INSERT INTO watch_list_new (id, name, name_key, mobile, id_number_mac, id_number_masked, reason, active, created_at, created_by, updated_at)
       SELECT id, name, name_key, mobile, ?, ?, reason, active, created_at, created_by, updated_at FROM watch_list WHERE id = ?`,
    );
    for (const { id } of db.prepare('SELECT id FROM watch_list').all() as Array<{ id: string }>) {
      const value = converted.get(id);
      insert.run(value?.mac ?? '', value?.masked ?? '', id);
    }
    db.exec(`
      DROP TABLE watch_list;
      ALTER TABLE watch_list_new RENAME TO watch_list;
      CREATE INDEX watch_list_active ON watch_list(active);
      CREATE INDEX watch_list_mac ON watch_list(id_number_mac) WHERE id_number_mac <> '';
      ${noDelete('watch_list')}
    `);
    const broken = db.pragma('foreign_key_check(watch_list)') as unknown[];
    if (broken.length > 0) throw new Error(`watch_list rebuild: ${broken.length} rows with broken references`);

    if (converted.size === 0) return;
    if (!isLegacyTrail(db)) throw new Error('migration 0009 runs before the trail is keyed (0016): it expects the first form');
    const context = { installationId: installationIdOf(db), actor: SYSTEM_ACTOR, method: 'migration.watchListKeyed', at: env.now };
    for (const [id, value] of converted) {
      // Writes the converted columns (already in place) and blanks every earlier image of the entry, audited.
      redactLegacyRow(db, context, 'watch_list', id, { id_number_mac: value.mac, id_number_masked: value.masked });
    }
  },
};

function installationIdOf(db: Database.Database): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined;
  // A file with watch-list entries has been opened before, so it has its id; a bare copy is still attributed.
  return row?.value ?? 'unknown';
}
