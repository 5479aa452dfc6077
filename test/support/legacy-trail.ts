// Writing a database as the released versions (schema 1–13) did: the trail in its first form, through that
// version's audited write path (whole before/after images, every `*_hash` column left out, blobs by size).
import type Database from 'better-sqlite3';
import type { Actor } from '../../main/core/audit/chain';
import { SYSTEM_ACTOR } from '../../main/core/audit/chain';
import { appendLegacy } from '../../main/core/audit/legacy';

type Row = Record<string, unknown>;

/** The released write path's image of a row. */
export function legacyImage(row: Row | undefined | null): Row | null {
  if (!row) return null;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_hash')) continue;
    out[key] = Buffer.isBuffer(value) ? { bytes: value.length } : value;
  }
  return out;
}

export class LegacyTx {
  constructor(
    private readonly db: Database.Database,
    private readonly context: { installationId: string; method: string; at: number; actor?: Actor },
  ) {}

  private row(table: string, id: string): Row | undefined {
    return this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
  }

  private audit(table: string, id: string, op: 'insert' | 'update', before: Row | null, after: Row | null): void {
    const { installationId, method, at, actor = SYSTEM_ACTOR } = this.context;
    appendLegacy(this.db, { at, installationId, actor, method, entity: table, entityId: id, op, before, after });
  }

  insert(table: string, row: Row & { id: string }): void {
    const columns = Object.keys(row);
    this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(row);
    this.audit(table, row.id, 'insert', null, legacyImage(this.row(table, row.id)));
  }

  update(table: string, id: string, patch: Row): void {
    const before = legacyImage(this.row(table, id));
    const columns = Object.keys(patch);
    this.db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`).run({ ...patch, __id: id });
    this.audit(table, id, 'update', before, legacyImage(this.row(table, id)));
  }
}
