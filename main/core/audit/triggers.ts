// The protective triggers, checked by their whole definition: what this app's own migrations create for the file's
// schema version (applied to an empty database in memory), compared with the file's triggers as normalised SQL.
// A same-named trigger that never fires (`WHEN 0`) is a different definition; a missing or an extra one is seen too.
import type { ReadableDB } from '../store/sql';
import Database from 'better-sqlite3';
import { migrations } from '../store/migrations';

/** Comments out, whitespace collapsed, spaces around punctuation dropped, keywords' case ignored outside strings. */
export function normaliseSql(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i += 1;
      out += ' ';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      out += ' ';
    } else {
      out += /\s/.test(c) ? ' ' : c.toLowerCase();
      i += 1;
    }
  }
  return out.replace(/ +/g, ' ').replace(/ ?([(),;=<>+*/-]) ?/g, '$1').trim();
}

const expectedCache = new Map<number, Map<string, string>>();

/** name → normalised definition of every trigger the migrations up to `version` create. */
export function expectedTriggers(version: number): Map<string, string> {
  let expected = expectedCache.get(version);
  if (!expected) {
    const db = new Database(':memory:');
    try {
      for (const migration of migrations.slice(0, version)) migration.up(db, { keys: null, now: 0 });
      expected = triggersOf(db);
    } finally {
      db.close();
    }
    expectedCache.set(version, expected);
  }
  return expected;
}

export function triggersOf(db: ReadableDB): Map<string, string> {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string; sql: string | null }>;
  return new Map(rows.map((r) => [r.name, normaliseSql(r.sql ?? '')]));
}

export interface TriggerProblem {
  trigger: string;
  problem: 'missing' | 'changed' | 'unexpected';
}

export function checkTriggers(db: ReadableDB, version: number): { checked: number; problems: TriggerProblem[] } {
  const expected = expectedTriggers(Math.min(version, migrations.length));
  const actual = triggersOf(db);
  const problems: TriggerProblem[] = [];
  for (const [name, sql] of expected) {
    const found = actual.get(name);
    if (found === undefined) problems.push({ trigger: name, problem: 'missing' });
    else if (found !== sql) problems.push({ trigger: name, problem: 'changed' });
  }
  for (const name of actual.keys()) if (!expected.has(name)) problems.push({ trigger: name, problem: 'unexpected' });
  return { checked: expected.size, problems };
}
