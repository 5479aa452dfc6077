// The one write path: every insert and update goes through here and leaves an audit entry in the same
// transaction. There is no delete.
import type Database from 'better-sqlite3';
import type { ReadableDB } from './sql';
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

/**
 * Tables derived from the evidence, not evidence themselves: a cache the code rebuilds from the audited tables
 * (the reception clock's next deadline per item and the basis it was computed on). Written without an audit
 * entry, only through `Tx.derived` (audit/reconcile.ts lists why the trail does not describe them).
 */
export const DERIVED_TABLES = ['record_clock_due', 'record_clock_basis'] as const;
export type DerivedTable = (typeof DERIVED_TABLES)[number];

export class Tx {
  /** Reading inside the transaction; every write goes through the methods below. */
  readonly db: ReadableDB;
  private readonly conn: Database.Database;
  readonly actor: Actor;
  readonly method: string;
  readonly at: number;
  private readonly installationId: string;
  private readonly auditKey: Buffer;

  constructor(context: TxContext) {
    this.conn = context.db;
    this.db = context.db;
    this.actor = context.actor;
    this.method = context.method;
    this.at = context.at;
    this.installationId = context.installationId;
    this.auditKey = context.auditKey;
    if (!this.conn.inTransaction) throw new Error('Tx must be used inside a transaction');
  }

  private audit(entity: string, entityId: string | null, op: Op, payload: unknown, method = this.method): void {
    appendAudit(this.conn, this.auditKey, { at: this.at, installationId: this.installationId, actor: this.actor, method, entity, entityId, op, payload });
  }

  get<T extends Row = Row>(table: string, id: string): T | undefined {
    return this.conn.prepare(`SELECT * FROM ${checkIdentifier(table)} WHERE id = ?`).get(id) as T | undefined;
  }

  /** Inserts a row (it must carry its `id`) and audits it. */
  insert<T extends { id: string }>(table: string, row: T): T {
    const columns = Object.keys(row).map(checkIdentifier);
    this.conn
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
    this.conn
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
    const current = this.conn.prepare('SELECT value FROM counters WHERE id = ?').get(key) as { value: number } | undefined;
    const value = (current?.value ?? 0) + 1;
    if (current) this.conn.prepare('UPDATE counters SET value = ? WHERE id = ?').run(value, key);
    else this.conn.prepare('INSERT INTO counters (id, value) VALUES (?, ?)').run(key, value);
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
    this.conn
      .prepare(`UPDATE ${checkIdentifier(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`)
      .run({ ...replacements, __id: id });
    const blanked = redactTrail(this.conn, table, id, columns);
    this.audit(table, id, 'redact', { set: rowImage(table, replacements), ...blanked, run: this.method }, 'audit.redact');
  }

  /** Writes a derived table (DERIVED_TABLES): a statement that names that table first, with no audit entry. */
  derived(table: DerivedTable, sql: string, params: Row = {}): void {
    if (!DERIVED_TABLES.includes(table)) throw new Error(`not a derived table: ${table}`);
    const target = /^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_][a-z0-9_]*)\b/i.exec(sql)?.[1];
    if (target !== table) throw new Error(`a derived write must write ${table}, not ${target ?? 'something else'}`);
    this.conn.prepare(sql).run(params);
  }
}
