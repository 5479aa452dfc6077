// Phone-desk figures (P-5): calls, share answered within target, mean answer time — for a day on the lobby, per
// receptionist per day for the reports. Days are calendar days in the building's time zone.
import type { ReadableDB } from '../store/sql';
import type { CallFigures, ReceptionistDayFigures } from '../../../shared/contract/calls';
import { withinTargetShare } from '../../../shared/rules/rings';
import { addDays, dayKey, startOfDayKey } from '../../../shared/rules/time';
import { ValidationError } from '../errors';

export const MAX_FIGURE_DAYS = 366;

interface FigureRow {
  ring_started_at: number;
  status: string;
  within_target: number | null;
  answer_latency_ms: number | null;
  staff_id: string | null;
  staff_name: string | null;
}

type Tally = Omit<CallFigures, 'withinTargetShare' | 'meanAnswerMs'> & { latencyTotal: number };

function emptyTally(day: string): Tally {
  return { day, calls: 0, answered: 0, missed: 0, interrupted: 0, withinTarget: 0, latencyTotal: 0 };
}

function add(tally: Tally, row: FigureRow): void {
  tally.calls += 1;
  if (row.status === 'answered' || row.status === 'completed') {
    tally.answered += 1;
    tally.latencyTotal += row.answer_latency_ms ?? 0;
    if (row.within_target === 1) tally.withinTarget += 1;
  } else if (row.status === 'missed') tally.missed += 1;
  else if (row.status === 'interrupted') tally.interrupted += 1;
}

function finish({ latencyTotal, ...tally }: Tally): CallFigures {
  return {
    ...tally,
    withinTargetShare: withinTargetShare(tally.withinTarget, tally.answered + tally.missed),
    meanAnswerMs: tally.answered > 0 ? Math.round(latencyTotal / tally.answered) : null,
  };
}

function rowsBetween(db: ReadableDB, from: number, to: number): FigureRow[] {
  // A call counts for whoever answered it; a missed one for whoever marked the ring.
  return db
    .prepare(
      `SELECT c.ring_started_at, c.status, c.within_target, c.answer_latency_ms,
              COALESCE(c.answered_by, c.started_by) AS staff_id, s.name AS staff_name
       FROM calls c LEFT JOIN staff s ON s.id = COALESCE(c.answered_by, c.started_by)
       WHERE c.ring_started_at >= ? AND c.ring_started_at < ?
       ORDER BY c.ring_started_at`,
    )
    .all(from, to) as FigureRow[];
}

export function dayFigures(db: ReadableDB, day: string, timeZone: string): CallFigures {
  const start = startOfDayKey(day, timeZone);
  const tally = emptyTally(day);
  for (const row of rowsBetween(db, start, addDays(start, 1, timeZone))) add(tally, row);
  return finish(tally);
}

/** Figures for any span [from, to) — a shift's work diary (S-2) counts the calls that rang during the shift. */
export function spanFigures(db: ReadableDB, from: number, to: number): Omit<CallFigures, 'day'> {
  const tally = emptyTally('');
  for (const row of rowsBetween(db, from, to)) add(tally, row);
  const { day: _day, ...figures } = finish(tally);
  return figures;
}

export function todayKey(now: number, timeZone: string): string {
  return dayKey(now, timeZone);
}

export function receptionistDayFigures(db: ReadableDB, from: string, to: string, timeZone: string): ReceptionistDayFigures[] {
  const start = startOfDayKey(from, timeZone);
  const endDayStart = startOfDayKey(to, timeZone);
  if (endDayStart < start) throw ValidationError.field('to', 'calls:error.rangeReversed');
  const end = addDays(endDayStart, 1, timeZone);
  if (dayKey(addDays(start, MAX_FIGURE_DAYS, timeZone), timeZone) <= to) {
    throw ValidationError.field('to', 'calls:error.rangeTooLong', { days: MAX_FIGURE_DAYS });
  }
  const groups = new Map<string, { tally: Tally; staffId: string | null; staffName: string | null }>();
  for (const row of rowsBetween(db, start, end)) {
    const day = dayKey(row.ring_started_at, timeZone);
    const key = `${day}\u0000${row.staff_id ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { tally: emptyTally(day), staffId: row.staff_id, staffName: row.staff_name }));
    add(group.tally, row);
  }
  return [...groups.values()]
    .map((g) => ({ ...finish(g.tally), staffId: g.staffId, staffName: g.staffName }))
    .sort((a, b) => a.day.localeCompare(b.day) || (a.staffName ?? '\uffff').localeCompare(b.staffName ?? '\uffff', 'zh-CN'));
}
