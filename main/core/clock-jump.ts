// When the wall clock goes back (a PC's dead battery, a wrong NTP server, a receptionist fixing the date), every
// time stored before the jump lies ahead of "now". A wait measured from such a time would last as long as the jump
// on top of its own length (a daily backup made at T+8 d, the clock set back to T+3 d: the next one at T+9 d).
// So the desk notices the jump — the clock behind the newest time it has seen — records it on the audit trail,
// and measures a wait that began "in the future" from the moment it noticed: no wait outlasts its own length
// after the clock went back.
import type { ReadableDB } from './store/sql';

/** A backward jump of the wall clock: when the desk noticed it, and the time it had seen before. */
export interface WallClockJump {
  noticedAt: number;
  recordAt: number;
}

/** A clock set back by less than this is not a jump (NTP corrections, two processes a little apart). */
export const JUMP_TOLERANCE_MS = 2 * 60_000;

/** The audit trail's entity (its id: the time seen before the jump) and method of a noticed jump. */
export const CLOCK_ENTITY = 'clock';
export const CLOCK_WENT_BACK = 'clock.wentBack';

/**
 * Where a wait that began at `startedAt` is measured from: there, or — when that lies ahead of `now` because the
 * clock went back since — from when the jump was noticed.
 */
export function waitStart(startedAt: number, now: number, jump: WallClockJump | null): number {
  return startedAt > now && jump ? Math.min(jump.noticedAt, now) : startedAt;
}

/** A deadline `dueAt` of a wait that began at `startedAt`, bounded the same way (its length kept). */
export function boundedDue(startedAt: number, dueAt: number, now: number, jump: WallClockJump | null): number {
  return dueAt - (startedAt - waitStart(startedAt, now, jump));
}

/** SQL for the same bound over rows: the start column as waitStart sees it. Bind waitStartParams. */
export function waitStartSql(column: string): string {
  return `(CASE WHEN @floor IS NOT NULL AND ${column} > @now THEN @floor ELSE ${column} END)`;
}

/** Parameters for waitStartSql. */
export function waitStartParams(now: number, jump: WallClockJump | null): { now: number; floor: number | null } {
  return { now, floor: jump ? Math.min(jump.noticedAt, now) : null };
}

/** Watches the wall clock against the newest time the desk has recorded or seen. */
export class ClockWatch {
  private highWater: number;
  private current: WallClockJump | null;

  constructor(db: ReadableDB) {
    const newest = db.prepare('SELECT at FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { at: number } | undefined;
    this.highWater = newest?.at ?? Number.NEGATIVE_INFINITY;
    // The note's entity id is the time the desk had seen before the jump.
    // The compact trail keeps the entity's name as a term (audit/chain.ts): look the term up, then its entries.
    const noted = db
      .prepare('SELECT l.at, l.entity_id FROM audit_log l WHERE l.entity_term = (SELECT id FROM audit_terms WHERE term = ?) ORDER BY l.seq DESC LIMIT 1')
      .get(`e:${CLOCK_ENTITY}`) as { at: number; entity_id: string | null } | undefined;
    this.current = noted ? { noticedAt: noted.at, recordAt: Number(noted.entity_id ?? noted.at) } : null;
  }

  /** The latest jump noticed (in this process, or recorded on the trail by an earlier one). */
  get jump(): WallClockJump | null {
    return this.current;
  }

  /** Looks at the clock; returns the jump when it is behind what was seen by more than the tolerance. */
  observe(now: number): WallClockJump | null {
    if (now < this.highWater - JUMP_TOLERANCE_MS) {
      this.current = { noticedAt: now, recordAt: this.highWater };
      this.highWater = now;
      return this.current;
    }
    this.highWater = Math.max(this.highWater, now);
    return null;
  }
}
