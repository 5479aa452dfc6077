// The schema after every migration, as text that diffs well (Actual's schema guard): one statement per object,
// ordered by type and name, whitespace normalised. Committed as test/unit/store/schema.snapshot.sql.
import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../main/core/store/open';
import { LATEST_SCHEMA_VERSION } from '../../main/core/store/migrations';
import { FakeClock } from '../../main/core/clock';
import { tempDir } from './core';

/** Relative to the project's root, where npm and vitest run. */
export const SNAPSHOT_FILE = path.resolve('test/unit/store/schema.snapshot.sql');

const ORDER = ['table', 'index', 'view', 'trigger'];

export function currentSchema(): string {
  const dir = tempDir('lobby-desk-schema-');
  const { db } = openStore({ dataDir: dir, clock: new FakeClock() });
  try {
    const rows = db
      .prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ type: string; name: string; sql: string }>;
    rows.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type) || a.name.localeCompare(b.name));
    const body = rows.map((r) => `${r.sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim()};`).join('\n');
    return `-- schema version ${LATEST_SCHEMA_VERSION} (npm run schema:snapshot writes this file; a change needs a new migration)\n${body}\n`;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function snapshotVersion(text: string): number | null {
  const m = /^-- schema version (\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}
