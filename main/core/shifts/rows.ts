// Reading shifts: rows as stored, and the contract's view of them.
import type { ReadableDB } from '../store/sql';
import type { Shift, ShiftSummary } from '../../../shared/contract/shifts';
import { buildingTimeZone } from '../settings';
import type { SectionContext } from '../handover';

export interface ShiftRow {
  id: string;
  person_id: string;
  person_name: string;
  device_id: string | null;
  started_at: number;
  opening_check_json: string;
  opening_all_ok: number;
  diary_text: string;
  diary_updated_at: number | null;
  ended_at: number | null;
  end_reason: 'handover' | 'closed' | null;
  ended_by_id: string | null;
  ended_by_name: string | null;
  close_reason: string;
  diary_json: string | null;
}

export function findShift(db: ReadableDB, id: string): ShiftRow | undefined {
  return db.prepare('SELECT * FROM shifts WHERE id = ?').get(id) as ShiftRow | undefined;
}

export function openShiftOf(db: ReadableDB, personId: string): ShiftRow | undefined {
  return db.prepare('SELECT * FROM shifts WHERE person_id = ? AND ended_at IS NULL').get(personId) as ShiftRow | undefined;
}

function handoverOf(db: ReadableDB, shiftId: string): { id: string; number: string } | null {
  return (db.prepare('SELECT id, number FROM handovers WHERE shift_id = ?').get(shiftId) as { id: string; number: string } | undefined) ?? null;
}

export function toShift(db: ReadableDB, row: ShiftRow): Shift {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    startedAt: row.started_at,
    openingCheck: JSON.parse(row.opening_check_json) as Shift['openingCheck'],
    openingAllOk: row.opening_all_ok === 1,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    closedBy: row.end_reason === 'closed' && row.ended_by_id ? { id: row.ended_by_id, name: row.ended_by_name ?? '' } : null,
    closeReason: row.close_reason,
    handover: handoverOf(db, row.id),
  };
}

export function toShiftSummary(row: ShiftRow & { handover_number: string | null }): ShiftSummary {
  return {
    id: row.id,
    person: { id: row.person_id, name: row.person_name },
    startedAt: row.started_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    openingAllOk: row.opening_all_ok === 1,
    handoverNumber: row.handover_number,
  };
}

/** What section providers and diary contributions see of a shift. */
export function sectionContext(db: ReadableDB, now: number, shift: ShiftRow): SectionContext {
  return {
    db,
    now,
    timeZone: buildingTimeZone(db),
    shift: { id: shift.id, personId: shift.person_id, startedAt: shift.started_at },
  };
}
