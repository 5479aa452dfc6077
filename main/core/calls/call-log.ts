// The call log (P-3): newest first, by day, status and a search over caller, number, unit, topic and note.
import type Database from 'better-sqlite3';
import type { Call, CallStatus } from '../../../shared/contract/calls';
import { normalizeInput } from '../../../shared/contract/fields';
import { addDays, startOfDayKey } from '../../../shared/rules/time';
import { queryCalls } from './rows';

export interface CallLogQuery {
  day?: string;
  status?: CallStatus;
  search?: string;
  limit: number;
  before?: number;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listCalls(db: Database.Database, query: CallLogQuery, timeZone: string): { calls: Call[]; more: boolean } {
  const where: string[] = ['1 = 1'];
  const params: unknown[] = [];
  if (query.day) {
    const start = startOfDayKey(query.day, timeZone);
    where.push('c.ring_started_at >= ? AND c.ring_started_at < ?');
    params.push(start, addDays(start, 1, timeZone));
  }
  if (query.status) {
    where.push('c.status = ?');
    params.push(query.status);
  }
  const term = query.search ? normalizeInput(query.search) : '';
  if (term.length >= 3) {
    // Trigram index: any part of a name, number, unit, topic or note of three characters or more.
    where.push('c.seq IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)');
    params.push(`"${term.replace(/"/g, '""')}"`);
  } else if (term) {
    where.push(
      "(c.caller_name LIKE ? ESCAPE '\\' OR c.caller_number LIKE ? ESCAPE '\\' OR c.unit LIKE ? ESCAPE '\\' OR c.topic LIKE ? ESCAPE '\\' OR c.note LIKE ? ESCAPE '\\')",
    );
    params.push(...Array(5).fill(likePattern(term)));
  }
  if (query.before !== undefined) {
    where.push('c.ring_started_at < ?');
    params.push(query.before);
  }
  const rows = queryCalls(db, where.join(' AND '), [...params, query.limit + 1], 'ORDER BY c.ring_started_at DESC, c.seq DESC LIMIT ?');
  return { calls: rows.slice(0, query.limit), more: rows.length > query.limit };
}
