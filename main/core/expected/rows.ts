// Expected-visit rows, their windows in the building's time zone, and the shape staff screens receive.
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import { NotFoundError } from '../errors';
import { notificationsOf } from '../notify';
import { addDays, dayKey, isoWeekday, startOfDayKey, MINUTE } from '../../../shared/rules/time';
import type { Expected } from '../../../shared/contract/expected';
import { invitationCode } from './invitation';

export type ExpectedRow = {
  id: string;
  visitor_name: string;
  mobile: string | null;
  tenant_id: string;
  host_name: string;
  purpose: string;
  party_size: number;
  first_day: string;
  last_day: string;
  start_minute: number;
  end_minute: number;
  recurrence: 'once' | 'weekdays' | 'daily';
  source: 'desk' | 'phone' | 'import';
  requested_by: string;
  notes: string;
  invite_number: number;
  invite_rev: number;
  status: 'active' | 'cancelled';
  cancel_reason: string | null;
  cancelled_at: number | null;
  created_at: number;
  created_by: string;
  redacted_at: number | null;
};

type JoinRow = ExpectedRow & { t_name: string; t_display_name: string; t_display_name_en: string; t_floor: string; t_room: string };

export const EXPECTED_SELECT = `SELECT e.*, t.name AS t_name, t.display_name AS t_display_name, t.display_name_en AS t_display_name_en, t.floor AS t_floor, t.room AS t_room
  FROM expected_visits e JOIN tenants t ON t.id = e.tenant_id`;

export function expectedRow(db: ReadableDB, id: string): JoinRow {
  const row = db.prepare(`${EXPECTED_SELECT} WHERE e.id = ?`).get(id) as JoinRow | undefined;
  if (!row) throw new NotFoundError('expected:error.notFound');
  return row;
}

export function expectedByNumber(db: ReadableDB, number: number): JoinRow | undefined {
  return db.prepare(`${EXPECTED_SELECT} WHERE e.invite_number = ?`).get(number) as JoinRow | undefined;
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether the invitation has a window on that day ('YYYY-MM-DD' in the building's time zone). */
export function occursOn(row: Pick<ExpectedRow, 'first_day' | 'last_day' | 'recurrence'>, day: string, tz: string): boolean {
  if (day < row.first_day || day > row.last_day) return false;
  if (row.recurrence === 'once') return day === row.first_day;
  if (row.recurrence === 'weekdays') return isoWeekday(startOfDayKey(day, tz) + 12 * 60 * MINUTE, tz) <= 5;
  return true;
}

export function windowOn(row: Pick<ExpectedRow, 'start_minute' | 'end_minute'>, day: string, tz: string): { from: number; to: number } {
  const midnight = startOfDayKey(day, tz);
  return { from: midnight + row.start_minute * MINUTE, to: midnight + row.end_minute * MINUTE };
}

/** The next day on or after `from` with a window, or null when none is left. */
export function nextOccurrence(row: Pick<ExpectedRow, 'first_day' | 'last_day' | 'recurrence'>, from: string, tz: string): string | null {
  let day = from < row.first_day ? row.first_day : from;
  for (let i = 0; i < 400 && day <= row.last_day; i++) {
    if (occursOn(row, day, tz)) return day;
    day = dayKey(addDays(startOfDayKey(day, tz) + 12 * 60 * MINUTE, 1, tz), tz);
  }
  return null;
}

/** The last day with a window. */
export function lastOccurrence(row: Pick<ExpectedRow, 'first_day' | 'last_day' | 'recurrence'>, tz: string): string {
  let day = row.last_day;
  for (let i = 0; i < 400 && day >= row.first_day; i++) {
    if (occursOn(row, day, tz)) return day;
    day = dayKey(addDays(startOfDayKey(day, tz) + 12 * 60 * MINUTE, -1, tz), tz);
  }
  return row.first_day;
}

export function toExpected(ctx: Pick<CallContext, 'db' | 'caller' | 'keys' | 'now'>, row: JoinRow, tz: string): Expected {
  const arrivals = ctx.db
    .prepare(
      `SELECT a.day, a.visit_id, a.arrived_at, a.via, v.pass_number FROM expected_arrivals a JOIN visits v ON v.id = a.visit_id
       WHERE a.expected_id = ? ORDER BY a.day DESC LIMIT 30`,
    )
    .all(row.id) as Array<{ day: string; visit_id: string; arrived_at: number; via: 'kiosk' | 'scan' | 'desk'; pass_number: string | null }>;
  const today = dayKey(ctx.now, tz);
  const window = row.status === 'active' && occursOn(row, today, tz) ? windowOn(row, today, tz) : null;
  return {
    id: row.id,
    visitorName: row.visitor_name,
    mobile: row.mobile ?? '',
    tenant: { id: row.tenant_id, name: row.t_name, displayName: row.t_display_name, floor: row.t_floor, room: row.t_room },
    hostName: row.host_name,
    purpose: row.purpose,
    partySize: row.party_size,
    date: row.first_day,
    startTime: hhmm(row.start_minute),
    endTime: hhmm(row.end_minute),
    recurrence: row.recurrence,
    until: row.recurrence === 'once' ? null : row.last_day,
    source: row.source,
    requestedBy: row.requested_by,
    notes: row.notes,
    status: row.status,
    code: row.redacted_at === null ? invitationCode(ctx.keys, row.invite_number, row.invite_rev) : '',
    createdAt: row.created_at,
    arrivals: arrivals.map((a) => ({ day: a.day, visitId: a.visit_id, arrivedAt: a.arrived_at, via: a.via, passNumber: a.pass_number })),
    today: window ? { ...window, arrived: arrivals.some((a) => a.day === today) } : null,
    notifications: notificationsOf(ctx, 'expected', row.id),
    redacted: row.redacted_at !== null,
  };
}
