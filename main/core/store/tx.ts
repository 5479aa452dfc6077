// The one write path: every insert and update goes through here and leaves an audit entry in the same
// transaction. There is no delete.
import type Database from 'better-sqlite3';
import { appendAudit, type Actor } from '../audit/chain';
import { diffImages, rowImage, type Op } from '../audit/form';
import { redactTrail } from '../audit/redact';

export type Row = Record<string, unknown>;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function checkIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

export interface TxContext {
  db: Database.Database;
  installationId: string;
  actor: Actor;
  method: string;
  at: number;
  /** The trail's key (from the key ring, kept outside the database). */
  auditKey: Buffer;
}

export class Tx {
  readonly db: Database.Database;
  readonly actor: Actor;
  readonly method: string;
  readonly at: number;
  private readonly installationId: string;
  private readonly auditKey: Buffer;

  constructor(context: TxContext) {
    this.db = context.db;
    this.actor = context.actor;
    this.method = context.method;
    this.at = context.at;
    this.installationId = context.installationId;
    this.auditKey = context.auditKey;
    if (!this.db.inTransaction) throw new Error('Tx must be used inside a transaction');
  }

  private audit(entity: string, entityId: string | null, op: Op, payload: unknown, method = this.method): void {
    appendAudit(this.db, this.auditKey, { at: this.at, installationId: this.installationId, actor: this.actor, method, entity, entityId, op, payload });
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
    this.audit(table, row.id, 'insert', rowImage(table, this.get(table, row.id)!));
    return row;
  }

  /** Updates some columns of one row and audits what changed (before and after of those columns). Returns both rows. */
  update<T extends Row = Row>(table: string, id: string, patch: Row): { before: T; after: T } {
    const before = this.get<T>(table, id);
    if (!before) throw new Error(`${table} ${id} not found for update`);
    const columns = Object.keys(patch).map(checkIdentifier);
    if (columns.length === 0) return { before, after: before };
    this.db
      .prepare(`UPDATE ${checkIdentifier(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...patch, __id: id });
    const after = this.get<T>(table, id) as T;
    this.audit(table, id, 'update', diffImages(rowImage(table, before), rowImage(table, after)));
    return { before, after };
  }

  /** Records something that happened without a row of its own (a refused sign-in, an escalation run). */
  note(entity: string, entityId: string | null, details: Row): void {
    this.audit(entity, entityId, 'event', details);
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
   * Blanks personal data in place after its retention period: the row's columns are overwritten, the same columns
   * are blanked in every earlier image of that row, and the redaction itself is an entry (what it set, which images
   * it blanked and their digests since; never the values it removed).
   */
  redactRow(table: string, id: string, replacements: Row): void {
    const columns = Object.keys(replacements).map(checkIdentifier);
    if (columns.length === 0) return;
    this.db
      .prepare(`UPDATE ${checkIdentifier(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...replacements, __id: id });
    const blanked = redactTrail(this.db, table, id, columns);
    this.audit(table, id, 'redact', { set: rowImage(table, replacements), ...blanked, run: this.method }, 'audit.redact');
  }
}
