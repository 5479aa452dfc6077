// Listing and searching the record: filters by state, type, channel, owner level, department and dates; search
// by owner name, phone, unit, matter or number (FTS5 trigram; shorter words by substring).
import type { CallContext } from '../context';
import { staffOf } from '../context';
import type { RecordSummary } from '../../../shared/contract/records';
import { ITEM_SELECT, toSummary, type ListedRow } from './rows';
import { recordsEnv } from './settings';

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

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function listItems(ctx: CallContext, input: ListInput): { items: RecordSummary[]; nextBefore: string | null } {
  const { user } = staffOf(ctx);
  const env = recordsEnv(ctx.db);
  const where: string[] = [];
  const params: unknown[] = [];
  const status = STATUS_WHERE[input.status];
  if (status) where.push(status);
  for (const [value, column] of [
    [input.type, 'i.type'],
    [input.channel, 'i.channel'],
    [input.level, 'i.level'],
    [input.department, 'i.department'],
  ] as const) {
    if (value === undefined || value === '') continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (input.from !== undefined) {
    where.push('i.received_at >= ?');
    params.push(input.from);
  }
  if (input.to !== undefined) {
    where.push('i.received_at < ?');
    params.push(input.to);
  }
  const search = input.search?.trim();
  if (search) {
    if ([...search].length >= 3) {
      where.push('i.rowid IN (SELECT rowid FROM record_items_fts WHERE record_items_fts MATCH ?)');
      params.push(`"${search.replace(/"/g, '""')}"`);
    } else {
      const like = `%${escapeLike(search)}%`;
      where.push("(i.owner_name LIKE ? ESCAPE '\\' OR i.owner_phone LIKE ? ESCAPE '\\' OR i.unit LIKE ? ESCAPE '\\' OR i.matter LIKE ? ESCAPE '\\' OR i.number LIKE ? ESCAPE '\\')");
      params.push(like, like, like, like, like);
    }
  }
  // A department user sees what is with their department (and a complaint that names them).
  if (user.role === 'department') {
    where.push('(i.department = ? OR i.about_staff_id = ?)');
    params.push(user.department ?? '\u0000', user.id);
  }
  if (input.before) {
    where.push('i.number < ?');
    params.push(input.before);
  }
  // Overdue is worked out from the deadlines, so that filter reads every match and pages afterwards.
  const limit = input.overdueOnly ? -1 : input.limit + 1;
  const rows = ctx.db
    .prepare(`${ITEM_SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY i.number DESC LIMIT ?`)
    .all(...params, limit) as ListedRow[];
  let items = rows.map((r) => toSummary(r, env, ctx.now));
  if (input.overdueOnly) items = items.filter((i) => i.overdue);
  const more = items.length > input.limit;
  items = items.slice(0, input.limit);
  return { items, nextBefore: more ? (items[items.length - 1]?.number ?? null) : null };
}
