// The end-of-day roll (V-4), as visitor systems do at midnight: at `rollTime` (building time) the desk lists who is
// still in; the guard (or the desk) answers each entry once — still in (confirmed) or signed out by the roll —
// recorded with who and when. Unanswered entries stay on the handover. One roll per building day: the job finds
// the latest roll time that has passed and makes that day's roll if it is missing, so it is idempotent and catches up;
// a day when nobody was in at the roll time has no roll.
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import type { Job } from '../jobs';
import { ConflictError, NotFoundError } from '../errors';
import { buildingTimeZone } from '../settings';
import { addDays, dayKey, startOfDay, HOUR } from '../../../shared/rules/time';
import type { VisitRoll } from '../../../shared/contract/visitors';
import { visitorSettings } from './settings';
import { announce, staffId, visitOut } from './desk';
import type { VisitRow } from './rows';

const MINUTE = 60_000;

/** The latest roll time at or before `now`, or null when the roll is off. */
export function lastRollDue(db: ReadableDB, now: number): number | null {
  const time = visitorSettings(db).rollTime;
  if (!time) return null;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const tz = buildingTimeZone(db);
  const today = startOfDay(now, tz) + h * HOUR + m * MINUTE;
  return today <= now ? today : startOfDay(addDays(startOfDay(now, tz), -1, tz), tz) + h * HOUR + m * MINUTE;
}

function rollExists(db: ReadableDB, key: string): boolean {
  return db.prepare('SELECT 1 FROM visit_rolls WHERE day_key = ?').get(key) !== undefined;
}

/** Who the roll due at `due` lists: signed in at that time and not signed out since. A roll with nobody is not made. */
function listedAt(db: ReadableDB, due: number): string[] {
  return (db.prepare("SELECT id FROM visits WHERE status = 'in' AND checked_in_at <= ? ORDER BY checked_in_at, id").all(due) as Array<{ id: string }>).map((r) => r.id);
}

export const rollJob: Job = {
  name: 'visitors.roll',
  nextDueAt(services, now) {
    const due = lastRollDue(services.db, now);
    if (due === null) return null;
    const tz = buildingTimeZone(services.db);
    if (!rollExists(services.db, dayKey(due, tz)) && listedAt(services.db, due).length > 0) return due;
    // Tomorrow's (the same local time a calendar day later).
    return addDays(due, 1, tz);
  },
  run(ctx) {
    const due = lastRollDue(ctx.db, ctx.now);
    if (due === null) return;
    const key = dayKey(due, buildingTimeZone(ctx.db));
    if (rollExists(ctx.db, key)) return;
    const stillIn = listedAt(ctx.db, due);
    if (stillIn.length === 0) return;
    const rollId = newId(ctx.now);
    ctx.tx.insert('visit_rolls', { id: rollId, day_key: key, due_at: due, run_at: ctx.now });
    for (const id of stillIn) {
      ctx.tx.insert('visit_roll_entries', { id: newId(ctx.now), roll_id: rollId, visit_id: id, answer: null, answered_at: null, answered_by: null });
    }
    ctx.emit('visitors.roll', { rollId, open: stillIn.length });
  },
};

type EntryRow = { id: string; roll_id: string; visit_id: string; answer: 'confirmed' | 'signedOut' | null; answered_at: number | null; answered_by_name: string | null };

function rollOut(ctx: CallContext, rollId: string): VisitRoll {
  const roll = ctx.db.prepare('SELECT id, day_key, due_at, run_at FROM visit_rolls WHERE id = ?').get(rollId) as
    | { id: string; day_key: string; due_at: number; run_at: number }
    | undefined;
  if (!roll) throw new NotFoundError();
  const entries = ctx.db
    .prepare(
      `SELECT e.id, e.roll_id, e.visit_id, e.answer, e.answered_at, s.name AS answered_by_name
       FROM visit_roll_entries e LEFT JOIN staff s ON s.id = e.answered_by WHERE e.roll_id = ? ORDER BY e.rowid`,
    )
    .all(rollId) as EntryRow[];
  return {
    id: roll.id,
    dayKey: roll.day_key,
    dueAt: roll.due_at,
    runAt: roll.run_at,
    entries: entries.map((e) => ({ id: e.id, visit: visitOut(ctx, e.visit_id), answer: e.answer, answeredAt: e.answered_at, answeredByName: e.answered_by_name })),
  };
}

/** Entries of any roll nobody has answered, whose visitor is still signed in: for the handover. */
export function unansweredRollEntries(db: ReadableDB): Array<{ entryId: string; visitId: string; dayKey: string }> {
  return db
    .prepare(
      `SELECT e.id AS entryId, e.visit_id AS visitId, r.day_key AS dayKey FROM visit_roll_entries e
       JOIN visit_rolls r ON r.id = e.roll_id JOIN visits v ON v.id = e.visit_id
       WHERE e.answer IS NULL AND v.status = 'in' ORDER BY r.day_key, e.rowid`,
    )
    .all() as Array<{ entryId: string; visitId: string; dayKey: string }>;
}

export const rollHandlers: Pick<FeatureHandlers<'visitors'>, 'roll' | 'answerRoll'> = {
  roll: (ctx, input) => {
    const row = (
      input.dayKey
        ? ctx.db.prepare('SELECT id FROM visit_rolls WHERE day_key = ?').get(input.dayKey)
        : ctx.db.prepare('SELECT id FROM visit_rolls ORDER BY day_key DESC LIMIT 1').get()
    ) as { id: string } | undefined;
    return { roll: row ? rollOut(ctx, row.id) : null };
  },

  answerRoll: (ctx, input) => {
    const entry = ctx.db.prepare('SELECT id, roll_id, visit_id, answer FROM visit_roll_entries WHERE id = ?').get(input.entryId) as
      | { id: string; roll_id: string; visit_id: string; answer: string | null }
      | undefined;
    if (!entry) throw new NotFoundError();
    if (entry.answer !== null) throw new ConflictError('visitors:error.rollAnswered');
    const visit = ctx.db.prepare('SELECT status FROM visits WHERE id = ?').get(entry.visit_id) as { status: string };
    if (visit.status !== 'in') throw new ConflictError('visitors:error.notIn');
    const by = staffId(ctx);
    if (input.answer === 'signedOut') {
      const { after } = ctx.tx.update<VisitRow>('visits', entry.visit_id, { status: 'out', checked_out_at: ctx.now, checked_out_by: by, checkout_via: 'click' });
      announce(ctx, after);
    }
    ctx.tx.update('visit_roll_entries', entry.id, { answer: input.answer, answered_at: ctx.now, answered_by: by });
    const open = (ctx.db.prepare('SELECT COUNT(*) AS n FROM visit_roll_entries WHERE roll_id = ? AND answer IS NULL').get(entry.roll_id) as { n: number }).n;
    ctx.emit('visitors.roll', { rollId: entry.roll_id, open });
    return { roll: rollOut(ctx, entry.roll_id) };
  },
};
