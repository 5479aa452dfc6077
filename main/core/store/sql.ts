// The SQL shapes every list and search of the core shares: a WHERE clause built from optional filters, LIKE
// patterns escaped once, a trigram full-text match with its short-term fallback, and a cache of prepared
// statements per connection.
import type Database from 'better-sqlite3';

/** Escapes \, % and _ for a LIKE pattern written with ESCAPE '\'. */
export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A LIKE pattern matching `value` anywhere (escaped). */
export function containsPattern(value: string): string {
  return `%${likeEscape(value)}%`;
}

/** One FTS5 phrase: the text quoted, so a user's `"`, `*` or `OR` are searched for, not obeyed. */
export function ftsPhrase(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** `(a LIKE ? ESCAPE '\' OR b LIKE ? ESCAPE '\' …)` for columns or expressions; `?` or a named parameter. */
export function anyLike(columns: readonly string[], parameter = '?'): string {
  return `(${columns.map((c) => `${c} LIKE ${parameter} ESCAPE '\\'`).join(' OR ')})`;
}

/** A trigram index needs three characters; shorter terms are matched with LIKE over the same columns. */
export const TRIGRAM_MIN = 3;

export interface TextSearch {
  /** The FTS5 table (trigram tokenizer) and the expression whose rowid it indexes, e.g. `i.rowid`. */
  fts?: { table: string; rowid: string };
  /** Columns (or expressions) searched with LIKE when the term is short or there is no index. */
  columns: readonly string[];
}

/**
 * The AND of optional conditions with their parameters, in order. Conditions are SQL written in the code, never
 * user text; user values only ever go in as parameters.
 */
export class Where {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  /** A condition with its parameters. */
  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  /** `column = ?` unless the value is absent (undefined, null or ''). */
  equals(column: string, value: unknown): this {
    if (value === undefined || value === null || value === '') return this;
    return this.add(`${column} = ?`, value);
  }

  /** A condition only when a value is given: `when(input.from, 'x >= ?')`. */
  when(value: unknown, condition: string): this {
    if (value === undefined || value === null || value === '') return this;
    return this.add(condition, value);
  }

  /** Any of the columns contains the text (LIKE, escaped); nothing when the text is empty. */
  contains(columns: readonly string[], text: string | undefined): this {
    if (!text) return this;
    const pattern = containsPattern(text);
    return this.add(anyLike(columns), ...columns.map(() => pattern));
  }

  /** The trigram index for terms of three characters or more, LIKE for shorter ones; nothing for ''. */
  search(text: string | undefined, how: TextSearch): this {
    if (!text) return this;
    if (how.fts && [...text].length >= TRIGRAM_MIN) {
      return this.add(`${how.fts.rowid} IN (SELECT rowid FROM ${how.fts.table} WHERE ${how.fts.table} MATCH ?)`, ftsPhrase(text));
    }
    return this.contains(how.columns, text);
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** `a AND b AND c`, or `1 = 1` when there is no condition (for callers that write their own WHERE). */
  get conditions(): string {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1';
  }

  /** `WHERE a AND b`, or '' when there is no condition. */
  get clause(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

const statements = new WeakMap<object, Map<string, Database.Statement>>();

/**
 * A prepared statement kept per connection and SQL text: the lists the desk reloads all day compile once. The
 * cache is bounded (a query built from many optional filters has a handful of shapes; anything beyond is
 * prepared each time rather than kept).
 */
export function cached(db: Database.Database, sql: string): Database.Statement;
export function cached(db: ReadableDB, sql: string): ReadStatement;
export function cached(db: ReadableDB | Database.Database, sql: string): ReadStatement | Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.prepare(sql) as Database.Statement;
    if (byText.size < STATEMENT_CACHE_SIZE) byText.set(sql, statement);
  }
  return statement;
}

export const STATEMENT_CACHE_SIZE = 500;

/** A statement that can only read: `run` is not there. */
export type ReadStatement = Omit<Database.Statement, 'run'>;

/**
 * The database as everything but the write path sees it (Signal-Desktop's ReadableDB): queries, handlers and
 * helpers read through it; writing is `ctx.tx` (audited, attributed, one transaction per call) and the store's
 * own machinery (migrations, the trail, backups), which alone hold the full `Database`.
 */
export interface ReadableDB {
  prepare(source: string): ReadStatement;
  pragma(source: string, options?: Database.PragmaOptions): unknown;
  readonly name: string;
  readonly open: boolean;
  readonly inTransaction: boolean;
  readonly readonly: boolean;
}
