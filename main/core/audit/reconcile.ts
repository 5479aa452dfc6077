// Business tables against the trail: every row of every audited table must be what its entries say — the
// insert's image, then each update's changes, each redaction's values — and every row must have entries. A row
// changed behind the app's back, or inserted without the write path, is found here with its table, id and field.
import type { ReadableDB } from '../store/sql';
import { decodePayload, rowImage, sameValue, type Op, type Row } from './form';
import { entityTermId } from './redact';

/**
 * Tables the write path does not audit: the store's own bookkeeping, the trail itself, and derived data rebuilt
 * from audited rows at any time (not evidence of anything: changing it changes no record). `record_clock_basis`
 * is the settings the records timer's stored due times were computed with (migration 0014, beside the id-less
 * `record_clock_due`): another basis only makes the timer recompute them from the items, which are audited.
 */
export const NOT_AUDITED: ReadonlySet<string> = new Set(['meta', 'counters', 'audit_log', 'audit_terms', 'audit_payload', 'record_clock_basis']);

/** Every table whose rows the trail must describe: ordinary tables with an `id`, except the list above. */
export function auditedTables(db: ReadableDB): string[] {
  const tables = db
    .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return tables
    .map((t) => t.name)
    .filter((name) => !NOT_AUDITED.has(name))
    .filter((name) => (db.prepare('SELECT 1 FROM pragma_table_info(?) WHERE name = ?').get(name, 'id') as unknown) !== undefined);
}

export type RowProblem =
  | { kind: 'untracked'; table: string; id: string }
  | { kind: 'missing'; table: string; id: string }
  | { kind: 'field'; table: string; id: string; field: string; seq: number }
  | { kind: 'inconsistent'; table: string; id: string; field: string; seq: number }
  | { kind: 'unreadable'; table: string; id: string; seq: number };

/** Marker for what a converted legacy entry cannot tell (its payload was blanked whole before the trail was keyed). */
const UNKNOWN = Symbol('unknown');

interface Fold {
  state: Row | typeof UNKNOWN | null;
  lastSeq: number;
}

interface Entry {
  seq: number;
  entity_id: string;
  op: Op;
  payload: Buffer;
}

function isPairs(value: unknown): value is Record<string, [unknown, unknown]> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function apply(fold: Fold, entry: Entry, problems: RowProblem[], table: string): void {
  let payload: unknown;
  try {
    payload = decodePayload(entry.payload);
  } catch {
    problems.push({ kind: 'unreadable', table, id: entry.entity_id, seq: entry.seq });
    fold.state = UNKNOWN;
    return;
  }
  fold.lastSeq = entry.seq;
  if (payload && typeof payload === 'object' && '__blanked' in payload) {
    if (entry.op !== 'event') fold.state = UNKNOWN;
    return;
  }
  switch (entry.op) {
    case 'insert':
      if (fold.state !== null && fold.state !== UNKNOWN) problems.push({ kind: 'inconsistent', table, id: entry.entity_id, field: '(inserted again)', seq: entry.seq });
      fold.state = { ...(payload as Row) };
      return;
    case 'baseline':
      fold.state = { ...(payload as Row) };
      return;
    case 'update': {
      if (!isPairs(payload)) return;
      if (fold.state === null) {
        problems.push({ kind: 'inconsistent', table, id: entry.entity_id, field: '(changed before it was inserted)', seq: entry.seq });
        fold.state = UNKNOWN;
      }
      if (fold.state === UNKNOWN) return;
      for (const [field, pair] of Object.entries(payload)) {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        if (!sameValue(fold.state[field] ?? null, before ?? null)) problems.push({ kind: 'inconsistent', table, id: entry.entity_id, field, seq: entry.seq });
        fold.state[field] = after;
      }
      return;
    }
    case 'redact': {
      const set = (payload as { set?: Row }).set;
      if (!set || fold.state === null || fold.state === UNKNOWN) return;
      for (const [field, value] of Object.entries(set)) fold.state[field] = value;
      return;
    }
    case 'event':
      return;
  }
}

/** SQLite's BINARY order (byte order of UTF-8), which `ORDER BY id` follows. */
function compareIds(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export interface TableResult {
  rows: number;
  problems: RowProblem[];
  /** Ids of rows the trail does not describe (with the problem kind), for the migration's baseline. */
  differing: string[];
}

/**
 * Folds the trail of one table row by row (both sides in id order, so memory stays one row) and compares.
 * `limit` caps the problems kept (the count goes on).
 */
export function reconcileTable(db: ReadableDB, table: string, limit = 50): TableResult {
  const result: TableResult = { rows: 0, problems: [], differing: [] };
  const problems: RowProblem[] = [];
  const note = (p: RowProblem) => {
    if (problems.length < limit) problems.push(p);
    if (result.differing[result.differing.length - 1] !== p.id) result.differing.push(p.id);
  };
  const entity = entityTermId(db, table);
  const rows = (db.prepare(`SELECT * FROM "${table}" ORDER BY id`).iterate() as IterableIterator<Row & { id: string }>)[Symbol.iterator]();
  const entries = (
    entity === null
      ? [][Symbol.iterator]()
      : (db
          .prepare("SELECT seq, entity_id, op, payload FROM audit_log WHERE entity_term = ? AND entity_id IS NOT NULL ORDER BY entity_id, seq")
          .iterate(entity) as IterableIterator<Entry>)
  )[Symbol.iterator]();

  let row = rows.next();
  let entry = entries.next();
  while (!row.done || !entry.done) {
    const rowId = row.done ? null : String(row.value.id);
    const entryId = entry.done ? null : entry.value.entity_id;
    const order = rowId === null ? 1 : entryId === null ? -1 : compareIds(rowId, entryId);
    if (order > 0) {
      // Entries for an id with no row: a row deleted (or renamed) behind the app's back — unless they are only notes.
      const id = entryId!;
      let described = false;
      while (!entry.done && entry.value.entity_id === id) {
        if (entry.value.op !== 'event') described = true;
        entry = entries.next();
      }
      if (described) note({ kind: 'missing', table, id });
      continue;
    }
    result.rows += 1;
    const current = row.value as Row & { id: string };
    const fold: Fold = { state: null, lastSeq: 0 };
    const local: RowProblem[] = [];
    if (order === 0) {
      while (!entry.done && entry.value.entity_id === rowId) {
        apply(fold, entry.value, local, table);
        entry = entries.next();
      }
    }
    for (const p of local) note(p);
    if (fold.state === null) {
      note({ kind: 'untracked', table, id: rowId! });
    } else if (fold.state === UNKNOWN) {
      note({ kind: 'field', table, id: rowId!, field: '(unknown since an entry was blanked before the trail was keyed)', seq: fold.lastSeq });
    } else {
      const image = rowImage(table, current);
      for (const [field, value] of Object.entries(image)) {
        // A column the trail has never described is one a later migration added (ALTER TABLE … ADD COLUMN): it
        // holds NULL in every row written before it, and NULL is all it may hold until an entry says otherwise.
        const described = field in fold.state;
        if (!described && (value ?? null) === null) continue;
        if (!described || !sameValue(fold.state[field] ?? null, value ?? null)) {
          note({ kind: 'field', table, id: rowId!, field, seq: fold.lastSeq });
        }
      }
    }
    row = rows.next();
  }
  result.problems = problems;
  return result;
}
