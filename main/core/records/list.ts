// Listing and searching the record: filters by state, type, channel, owner level, department and dates; search
// by owner name, phone, unit, matter or number (FTS5 trigram; shorter words by substring).
import type { CallContext } from '../context';
import { staffOf } from '../context';
import type { RecordSummary } from '../../../shared/contract/records';
import { ITEM_SELECT, toSummary, type ListedRow } from './rows';
import { recordsEnv } from './settings';
import { Where } from '../store/sql';

export interface ListInput {
  status: 'active' | 'open' | 'resolved' | 'unresolvable' | 'all';
  type?: string;
  channel?: string;
  level?: string;
  department?: string;
  overdueOnly: boolean;
  search?: string;
  from?: number;
  to?: number;
  limit: number;
  before?: string;
}

const STATUS_WHERE: Record<ListInput['status'], string | null> = {
  active: "(i.status IN ('open','forwarded') OR i.follow_up_due_at IS NOT NULL)",
  open: "i.status IN ('open','forwarded')",
  resolved: "i.status = 'resolved'",
  unresolvable: "i.status = 'unresolvable'",
  all: null,
};

export function listItems(ctx: CallContext, input: ListInput): { items: RecordSummary[]; nextBefore: string | null } {
  const { user } = staffOf(ctx);
  const env = recordsEnv(ctx.db);
  const where = new Where();
  const status = STATUS_WHERE[input.status];
  if (status) where.add(status);
  where
    .equals('i.type', input.type)
    .equals('i.channel', input.channel)
    .equals('i.level', input.level)
    .equals('i.department', input.department)
    .when(input.from, 'i.received_at >= ?')
    .when(input.to, 'i.received_at < ?')
    .search(input.search?.trim(), {
      fts: { table: 'record_items_fts', rowid: 'i.rowid' },
      columns: ['i.owner_name', 'i.owner_phone', 'i.unit', 'i.matter', 'i.number'],
    });
  // A department user sees what is with their department (and a complaint that names them).
  if (user.role === 'department') where.add('(i.department = ? OR i.about_staff_id = ?)', user.department ?? '\u0000', user.id);
  where.when(input.before, 'i.number < ?');
  // Overdue is worked out from the deadlines, so that filter reads every match and pages afterwards.
  const limit = input.overdueOnly ? -1 : input.limit + 1;
  const rows = ctx.db
    .prepare(`${ITEM_SELECT} ${where.clause} ORDER BY i.number DESC LIMIT ?`)
    .all(...where.params, limit) as ListedRow[];
  let items = rows.map((r) => toSummary(r, env, ctx.now));
  if (input.overdueOnly) items = items.filter((i) => i.overdue);
  const more = items.length > input.limit;
  items = items.slice(0, input.limit);
  return { items, nextBefore: more ? (items[items.length - 1]?.number ?? null) : null };
}
