// Reading and writing a settings section: stored as JSON, validated on the way in and on the way out.
import type { ReadableDB } from '../store/sql';
import type { z } from 'zod';
import type { Tx } from '../store/tx';

export function readSection<T extends z.ZodType>(db: ReadableDB, section: string, schema: T, fallback: z.output<T>): z.output<T> {
  const row = db.prepare('SELECT value_json FROM settings WHERE id = ?').get(section) as { value_json: string } | undefined;
  if (!row) return fallback;
  const parsed = schema.safeParse({ ...(fallback as object), ...(JSON.parse(row.value_json) as object) });
  // A section written by an older version may lack newer fields: defaults fill them; anything unreadable falls back.
  return parsed.success ? parsed.data : fallback;
}

export function writeSection(tx: Tx, section: string, value: unknown): void {
  const existing = tx.get('settings', section);
  const row = { value_json: JSON.stringify(value), updated_at: tx.at, updated_by: tx.actor.id };
  if (existing) tx.update('settings', section, row);
  else tx.insert('settings', { id: section, ...row });
}
