// The call log (P-3): newest first, by day, status and a search over caller, number, unit, topic and note.
import type { Call, CallStatus } from '../../../shared/contract/calls';
import { normalizeInput } from '../../../shared/contract/fields';
import { addDays, startOfDayKey } from '../../../shared/rules/time';
import { queryCalls } from './rows';
import { Where, type ReadableDB } from '../store/sql';

export interface CallLogQuery {
  day?: string;
  status?: CallStatus;
  search?: string;
  limit: number;
  before?: number;
}

export function listCalls(db: ReadableDB, query: CallLogQuery, timeZone: string): { calls: Call[]; more: boolean } {
  const where = new Where();
  if (query.day) {
    const start = startOfDayKey(query.day, timeZone);
    where.add('c.ring_started_at >= ? AND c.ring_started_at < ?', start, addDays(start, 1, timeZone));
  }
  where
    .equals('c.status', query.status)
    // Trigram index: any part of a name, number, unit, topic or note of three characters or more.
    .search(query.search ? normalizeInput(query.search) : '', {
      fts: { table: 'calls_fts', rowid: 'c.seq' },
      columns: ['c.caller_name', 'c.caller_number', 'c.unit', 'c.topic', 'c.note'],
    })
    .when(query.before, 'c.ring_started_at < ?');
  const rows = queryCalls(db, where.conditions, [...where.params, query.limit + 1], 'ORDER BY c.ring_started_at DESC, c.seq DESC LIMIT ?');
  return { calls: rows.slice(0, query.limit), more: rows.length > query.limit };
}
