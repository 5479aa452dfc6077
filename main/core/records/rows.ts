// Rows of the record tables and how they become the contract's shapes.
import type { ReadableDB } from '../store/sql';
import type { Role } from '../../../shared/contract/define';
import type { ItemStatus, ItemType, Level, Channel, RecordSummary } from '../../../shared/contract/records';
import { NotFoundError } from '../errors';
import { answerDeadline, ladderDeadlines } from './calendar';
import type { RecordsEnv } from './settings';

export interface ItemRow {
  id: string;
  number: string;
  received_at: number;
  day_key: string;
  channel: Channel;
  relayed_by: string | null;
  type: ItemType;
  owner_name: string;
  owner_phone: string | null;
  unit: string | null;
  tenant_id: string | null;
  matter: string;
  department: string | null;
  about_staff_id: string | null;
  status: ItemStatus;
  level: Level;
  answered_at: number | null;
  breached_at: number | null;
  result: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  unresolvable_reason: string | null;
  follow_up_due_at: number | null;
  reopen_count: number;
  repair_location: string | null;
  repair_appointment_at: number | null;
  repair_worker: string | null;
  repair_materials: string | null;
  repair_completed_at: number | null;
  call_id: string | null;
  created_at: number;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: number;
}

/** An item with what lists show beside it. */
export interface ListedRow extends ItemRow {
  about_staff_name: string | null;
  audited: number;
}

export const ITEM_SELECT = `
  SELECT i.*, s.name AS about_staff_name, (a.id IS NOT NULL) AS audited
  FROM record_items i
  LEFT JOIN staff s ON s.id = i.about_staff_id
  LEFT JOIN record_audits a ON a.item_id = i.id`;

export const LEVEL_RANK: Record<Level, number> = { desk: 0, supervisor: 1, manager: 2 };

/** Who records the result at each level of the ladder (篇4 §4.6–4.8). */
export const OWNER_ROLE: Record<Level, Role> = { desk: 'receptionist', supervisor: 'supervisor', manager: 'manager' };

export function isActive(item: Pick<ItemRow, 'status'>): boolean {
  return item.status === 'open' || item.status === 'forwarded';
}

export function findItem(db: ReadableDB, id: string): ListedRow | undefined {
  return db.prepare(`${ITEM_SELECT} WHERE i.id = ?`).get(id) as ListedRow | undefined;
}

export function requireItem(db: ReadableDB, id: string): ListedRow {
  const row = findItem(db, id);
  if (!row) throw new NotFoundError('records:item.notFound');
  return row;
}

type Deadline = NonNullable<RecordSummary['nextDeadline']>;

/** The deadlines still ahead of (or missed by) an item in its current state. */
export function openDeadlines(item: ItemRow, env: RecordsEnv): Deadline[] {
  const out: Deadline[] = [];
  if (isActive(item)) {
    const ladder = ladderDeadlines(item.received_at, env.settings, env.calendar);
    if (item.level === 'desk') out.push({ kind: 'supervisor', at: ladder.supervisorAt });
    else if (item.level === 'supervisor') out.push({ kind: 'manager', at: ladder.managerAt });
    if (item.type === 'complaint' && item.answered_at === null) out.push({ kind: 'answer', at: answerDeadline(item.received_at, env.settings) });
  }
  if (item.status === 'resolved' && item.follow_up_due_at !== null) out.push({ kind: 'followUp', at: item.follow_up_due_at });
  return out.sort((a, b) => a.at - b.at);
}

/** Overdue: open past the desk's 2 days (owned higher up), or a deadline passed (answer, follow-up, next step). */
export function isOverdue(item: ItemRow, deadlines: Deadline[], now: number): boolean {
  if (isActive(item) && item.level !== 'desk') return true;
  return deadlines.some((d) => d.at <= now);
}

export function toSummary(row: ListedRow, env: RecordsEnv, now: number): RecordSummary {
  const deadlines = openDeadlines(row, env);
  return {
    id: row.id,
    number: row.number,
    receivedAt: row.received_at,
    channel: row.channel,
    relayedBy: row.relayed_by,
    type: row.type,
    ownerName: row.owner_name,
    ownerPhone: row.owner_phone,
    unit: row.unit,
    tenantId: row.tenant_id,
    matter: row.matter,
    department: row.department,
    status: row.status,
    level: row.level,
    aboutStaffId: row.about_staff_id,
    aboutStaffName: row.about_staff_name,
    answeredAt: row.answered_at,
    breachedAt: row.breached_at,
    answerBy: row.type === 'complaint' ? answerDeadline(row.received_at, env.settings) : null,
    resolvedAt: row.resolved_at,
    followUpDueAt: row.follow_up_due_at,
    reopenCount: row.reopen_count,
    nextDeadline: deadlines[0] ?? null,
    overdue: isOverdue(row, deadlines, now),
    audited: row.audited === 1,
    callId: row.call_id,
  };
}
