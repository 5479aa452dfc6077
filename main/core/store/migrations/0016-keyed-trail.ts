// The audit trail becomes evidence and small: entries keyed with the installation's audit key (kept
// outside the database), in the compact form (insert = row image, update = changed columns, compressed), with
// method, entity and actor names kept once in `audit_terms`.
//
// An existing trail is converted, not thrown away: its first form is checked as it always was (plain SHA-256,
// no key) and the result recorded; each old entry is rewritten in the new form, in order, under the key; rows the
// old trail did not describe completely (columns it never held — secrets' fingerprints, content hashes, columns
// added by migrations 0006/0007 — or personal data blanked whole by a redaction) get a `baseline` entry with their
// state now; and an `audit.migrated` entry closes the conversion with the old chain's head and what was done.
// Honestly: what was written before the key existed is only as trustworthy as the file was at this moment; the
// moment is anchored (the old head in the trail; the anchors file gets the new head when the app starts).
import type Database from 'better-sqlite3';
import type { Migration } from './types';
import { appendAudit, SYSTEM_ACTOR } from '../../audit/chain';
import { diffImages, rowImage, type Op, type Row } from '../../audit/form';
import { isLegacyTrail, legacyRows, verifyLegacyTrail } from '../../audit/legacy';
import { auditedTables, reconcileTable } from '../../audit/reconcile';
import { recordTrailKey } from '../../audit/keys';

export const AUDIT_SCHEMA = `
  -- Names that recur in every entry, kept once: 'm:<method>', 'e:<table>', 'a:[kind,id,name,device]'.
  CREATE TABLE audit_terms (
    id    INTEGER PRIMARY KEY,
    term  TEXT NOT NULL UNIQUE
  ) STRICT;

  -- The trail: one row per change. link = HMAC(audit key, previous link ‖ header ‖ payload digest), 16 bytes.
  -- A redaction rewrites the payload (personal values blanked) and keeps the digest the link covers in 'sealed'.
  CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           INTEGER NOT NULL,
    actor_term   INTEGER NOT NULL,
    method_term  INTEGER NOT NULL,
    entity_term  INTEGER NOT NULL,
    entity_id    TEXT,
    op           TEXT NOT NULL CHECK (op IN ('insert','update','event','redact','baseline')),
    payload      BLOB NOT NULL,
    link         BLOB NOT NULL CHECK (length(link) = 16),
    sealed       BLOB CHECK (sealed IS NULL OR length(sealed) = 16)
  ) STRICT;
  CREATE INDEX audit_log_entity ON audit_log(entity_term, entity_id);

  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'records are never deleted: audit_log'); END;
  CREATE TRIGGER audit_log_redact_only BEFORE UPDATE ON audit_log
  WHEN NOT (NEW.seq = OLD.seq AND NEW.at = OLD.at AND NEW.actor_term = OLD.actor_term AND NEW.method_term = OLD.method_term
            AND NEW.entity_term = OLD.entity_term AND NEW.entity_id IS OLD.entity_id AND NEW.op = OLD.op AND NEW.link = OLD.link
            AND NEW.sealed IS NOT NULL AND (OLD.sealed IS NULL OR NEW.sealed = OLD.sealed))
  BEGIN SELECT RAISE(ABORT, 'audit entries are immutable (a payload can only be redacted)'); END;
  CREATE TRIGGER audit_terms_no_update BEFORE UPDATE ON audit_terms
  BEGIN SELECT RAISE(ABORT, 'rows are immutable: audit_terms'); END;
  CREATE TRIGGER audit_terms_no_delete BEFORE DELETE ON audit_terms
  BEGIN SELECT RAISE(ABORT, 'records are never deleted: audit_terms'); END;

  -- The trail as people read it in SQL (payloads are compressed: read them with the app's decodePayload).
  CREATE VIEW audit_trail AS
  SELECT l.seq, l.at,
         json_extract(substr(a.term, 3), '$[0]') AS actor_kind, json_extract(substr(a.term, 3), '$[1]') AS actor_id,
         json_extract(substr(a.term, 3), '$[2]') AS actor_name, json_extract(substr(a.term, 3), '$[3]') AS device_id,
         substr(m.term, 3) AS method, substr(e.term, 3) AS entity, l.entity_id, l.op, l.payload, l.sealed, l.link
  FROM audit_log l
  JOIN audit_terms a ON a.id = l.actor_term
  JOIN audit_terms m ON m.id = l.method_term
  JOIN audit_terms e ON e.id = l.entity_term;
`;

function convertedPayload(op: 'insert' | 'update' | 'event', before: string | null, after: string | null, redacted: boolean): unknown {
  // Blanked whole by a redaction of the first form: what it held is gone; the row's baseline says what it is now.
  if (redacted) return { __blanked: 'before the trail was keyed' };
  const b = before === null ? null : (JSON.parse(before) as Row);
  const a = after === null ? null : (JSON.parse(after) as Row);
  if (op === 'update') return diffImages(b ?? {}, a ?? {});
  return a;
}

export function convertLegacyTrail(db: Database.Database, auditKey: Buffer, installationId: string, now: number): void {
  const legacy = verifyLegacyTrail(db);
  const rows = [...legacyRows(db)];
  const installations = new Set(rows.map((r) => r.installation_id));
  // Out of the way, and gone: the converted entries replace them (the pre-migration backup keeps the first form).
  db.exec('DROP TABLE audit_payload; DROP TABLE audit_log;');
  db.exec(AUDIT_SCHEMA);

  let renumbered = 0;
  for (const row of rows) {
    const head = appendAudit(db, auditKey, {
      at: row.at,
      installationId,
      actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name, deviceId: row.device_id },
      method: row.method,
      entity: row.entity,
      entityId: row.entity_id,
      op: row.op as Op,
      payload: convertedPayload(row.op, row.before_json, row.after_json, row.redacted_at !== null),
    });
    if (head.seq !== row.seq) renumbered += 1;
  }

  // Rows the converted trail does not describe as they are: their state now, taken as given.
  const baselined: Record<string, number> = {};
  const missing: Record<string, number> = {};
  for (const table of auditedTables(db)) {
    const result = reconcileTable(db, table, Number.MAX_SAFE_INTEGER);
    const gone = new Set(result.problems.filter((p) => p.kind === 'missing').map((p) => p.id));
    if (gone.size > 0) missing[table] = gone.size;
    const select = db.prepare(`SELECT * FROM "${table}" WHERE id = ?`);
    let count = 0;
    for (const id of result.differing) {
      if (gone.has(id)) continue;
      const current = select.get(id) as Row | undefined;
      if (!current) continue;
      appendAudit(db, auditKey, {
        at: now,
        installationId,
        actor: SYSTEM_ACTOR,
        method: 'audit.baseline',
        entity: table,
        entityId: id,
        op: 'baseline',
        payload: rowImage(table, current),
      });
      count += 1;
    }
    if (count > 0) baselined[table] = count;
  }

  appendAudit(db, auditKey, {
    at: now,
    installationId,
    actor: SYSTEM_ACTOR,
    method: 'audit.migrated',
    entity: 'audit_log',
    entityId: null,
    op: 'event',
    payload: {
      legacy: {
        entries: rows.length,
        head: legacy.head,
        check: legacy.ok ? 'ok' : legacy.firstBroken,
        otherInstallations: [...installations].filter((i) => i !== installationId),
        renumbered,
      },
      baselined,
      missing,
    },
  });
}

export const migration0016: Migration = {
  version: 16,
  name: 'keyed-trail',
  up(db, env) {
    if (!isLegacyTrail(db)) return;
    const hasEntries = db.prepare('SELECT 1 FROM audit_log LIMIT 1').get() !== undefined;
    if (!hasEntries) {
      db.exec('DROP TABLE audit_payload; DROP TABLE audit_log;');
      db.exec(AUDIT_SCHEMA);
      return;
    }
    if (!env.keys) throw new Error('migration 0016 converts the audit trail and needs the installation key');
    const installationId = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string } | undefined)?.value;
    if (!installationId) throw new Error('migration 0016: the database has audit entries but no installation id');
    recordTrailKey(db, env.keys.fingerprint, 1);
    convertLegacyTrail(db, env.keys.key('audit-trail'), installationId, env.now);
  },
};
