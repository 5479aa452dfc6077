// The one write path: every insert and update goes through here and leaves an audit entry in the same
// transaction. There is no delete.
import type Database from 'better-sqlite3';
import { appendAudit, type Actor } from '../audit/chain';

export type Row = Record<string, unknown>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

/** What goes into the audit image of a row: secrets (`*_hash` columns) never, blobs by size and digest. */
export function auditImage(row: Row | undefined | null): Row | null {
  if (!row) return null;
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_hash')) continue;
    out[key] = Buffer.isBuffer(value) ? { bytes: value.length } : value;
  }
  return out;
}

export interface TxContext {
  db: Database.Database;
  installationId: string;
  actor: Actor;
  method: string;
  at: number;
}

export class Tx {
  readonly db: Database.Database;
  readonly actor: Actor;
  readonly method: string;
  readonly at: number;
  private readonly installationId: string;

  constructor(context: TxContext) {
    this.db = context.db;
    this.actor = context.actor;
    this.method = context.method;
    this.at = context.at;
    this.installationId = context.installationId;
    if (!this.db.inTransaction) throw new Error('Tx must be used inside a transaction');
  }

  private audit(entity: string, entityId: string | null, op: 'insert' | 'update' | 'event', before: unknown, after: unknown): void {
    appendAudit(this.db, {
      at: this.at,
      installationId: this.installationId,
      actor: this.actor,
      method: this.method,
      entity,
      entityId,
      op,
      before,
      after,
    });
  }

  get<T extends Row = Row>(table: string, id: string): T | undefined {
    return this.db.prepare(`SELECT * FROM ${checkIdentifier(table)} WHERE id = ?`).get(id) as T | undefined;
  }

  /** Inserts a row (it must carry its `id`) and audits it. */
  insert<T extends { id: string }>(table: string, row: T): T {
    const columns = Object.keys(row).map(checkIdentifier);
    this.db
      .prepare(`INSERT INTO ${checkIdentifier(table)} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`)
      .run(row as unknown as Row);
    this.audit(table, row.id, 'insert', null, auditImage(this.get(table, row.id)));
    return row;
  }

  /** Updates some columns of one row and audits the before and after images. Returns both. */
  update<T extends Row = Row>(table: string, id: string, patch: Row): { before: T; after: T } {
    const before = this.get<T>(table, id);
    if (!before) throw new Error(`${table} ${id} not found for update`);
    const columns = Object.keys(patch).map(checkIdentifier);
    if (columns.length === 0) return { before, after: before };
    this.db
      .prepare(`UPDATE ${checkIdentifier(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...patch, __id: id });
    const after = this.get<T>(table, id) as T;
    this.audit(table, id, 'update', auditImage(before), auditImage(after));
    return { before, after };
  }

  /** Records something that happened without a row of its own (a refused sign-in, an escalation run). */
  note(entity: string, entityId: string | null, details: Row): void {
    this.audit(entity, entityId, 'event', null, details);
  }

  /** Next value of a per-building running number, e.g. the day's pass numbers. */
  nextNumber(key: string): number {
    const current = this.db.prepare('SELECT value FROM counters WHERE id = ?').get(key) as { value: number } | undefined;
    const value = (current?.value ?? 0) + 1;
    if (current) this.db.prepare('UPDATE counters SET value = ? WHERE id = ?').run(value, key);
    else this.db.prepare('INSERT INTO counters (id, value) VALUES (?, ?)').run(key, value);
    return value;
  }

  /**
   * Blanks personal data in place after its retention period: the row's columns are overwritten, the earlier
   * audit images of that row are redacted, and the run itself is audited (naming what, never the values).
   */
  redactRow(table: string, id: string, replacements: Row): void {
    const columns = Object.keys(replacements).map(checkIdentifier);
    if (columns.length === 0) return;
    this.db
      .prepare(`UPDATE ${checkIdentifier(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...replacements, __id: id });
    const seqs = (
      this.db
        .prepare(
          `SELECT l.seq FROM audit_log l JOIN audit_payload p ON p.seq = l.seq
           WHERE l.entity = ? AND l.entity_id = ? AND p.redacted_at IS NULL`,
        )
        .all(table, id) as Array<{ seq: number }>
    ).map((r) => r.seq);
    const blank = this.db.prepare('UPDATE audit_payload SET before_json = NULL, after_json = NULL, redacted_at = ? WHERE seq = ?');
    for (const seq of seqs) blank.run(this.at, seq);
    appendAudit(this.db, {
      at: this.at,
      installationId: this.installationId,
      actor: this.actor,
      method: 'audit.redact',
      entity: table,
      entityId: id,
      op: 'event',
      before: null,
      after: { seqs, columns, run: this.method },
    });
  }
}
