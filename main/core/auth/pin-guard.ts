// The sign-in guard: how many PINs a person may get wrong, where, and for how long they then wait.
//
// - At one terminal (a paired device, or this PC): `pinMaxFailures` wrong PINs in a row are free; then the
//   person is locked *at that terminal* for `pinLockoutMinutes`, and each further wrong PIN there doubles the
//   wait (at most a day). The right PIN there starts the count again.
// - Per person, all terminals together: `pinDailyLimit` wrong PINs within 24 hours lock the person everywhere
//   until the oldest of them is a day old.
// - A supervisor's unlock, an administrator's PIN reset or the person's own PIN change clears both.
//
// So someone else's guesses at the guard room's terminal do not lock the receptionist out at the desk, and
// however many terminals there are, a person's PIN can be tried at most `pinDailyLimit` times a day.
import type { ReadableDB } from '../store/sql';
import type { Tx } from '../store/tx';
import { remainingOf, CLOCK_STEP_BACK_TOLERANCE_MS } from '../clock';
import { securitySettings } from '../settings';

export const DAY_MS = 24 * 3_600_000;
/** The longest a terminal lock grows to. */
export const MAX_TERMINAL_LOCK_MS = DAY_MS;

export interface GuardRules {
  freeFailures: number;
  firstLockMs: number;
  dailyLimit: number;
}

export function guardRules(db: ReadableDB): GuardRules {
  const s = securitySettings(db);
  return { freeFailures: s.pinMaxFailures, firstLockMs: s.pinLockoutMinutes * 60_000, dailyLimit: s.pinDailyLimit };
}

/** The lock a streak of `streak` wrong PINs in a row earns at a terminal (0 while still free). */
export function terminalLockMs(streak: number, rules: GuardRules): number {
  if (streak < rules.freeFailures) return 0;
  return Math.min(rules.firstLockMs * 2 ** (streak - rules.freeFailures), MAX_TERMINAL_LOCK_MS);
}

interface GuardRow {
  id: string;
  user_id: string;
  source: string | null;
  streak: number;
  failed_at: number | null;
  recent_json: string;
  updated_at: number;
}

export interface GuardState {
  /** Wrong PINs in a row at this terminal, and when the latest was entered. */
  streak: number;
  failedAt: number | null;
  /** The person's wrong PINs that count for the day (within the last 24 h), oldest first. */
  recent: number[];
}

export type Lock = { scope: 'terminal' | 'person'; remainingMs: number } | null;

const personId = (userId: string) => userId;
const terminalId = (userId: string, source: string) => `${userId}/${source}`;

function row(db: ReadableDB, id: string): GuardRow | undefined {
  return db.prepare('SELECT * FROM pin_guards WHERE id = ?').get(id) as GuardRow | undefined;
}

/** Wrong PINs within the day, oldest first. Times later than now (the clock went back) no longer count. */
function dayWindow(times: number[], now: number): number[] {
  return times.filter((t) => t > now - DAY_MS && t <= now + CLOCK_STEP_BACK_TOLERANCE_MS).sort((a, b) => a - b);
}

export function guardState(db: ReadableDB, userId: string, source: string, now: number): GuardState {
  const terminal = row(db, terminalId(userId, source));
  const person = row(db, personId(userId));
  return {
    streak: terminal?.streak ?? 0,
    failedAt: terminal?.failed_at ?? null,
    recent: dayWindow(person ? (JSON.parse(person.recent_json) as number[]) : [], now),
  };
}

/** The lock in force for this person at this terminal, the one that lasts longer first. */
export function lockOf(state: GuardState, rules: GuardRules, now: number): Lock {
  const person =
    state.recent.length >= rules.dailyLimit ? remainingOf(state.recent[state.recent.length - rules.dailyLimit]!, DAY_MS, now) : 0;
  const lockMs = terminalLockMs(state.streak, rules);
  const terminal = lockMs > 0 && state.failedAt !== null ? remainingOf(state.failedAt, lockMs, now) : 0;
  if (person > 0 && person >= terminal) return { scope: 'person', remainingMs: person };
  if (terminal > 0) return { scope: 'terminal', remainingMs: terminal };
  return null;
}

/** The state after one more wrong PIN at `now` (what `recordFailure` will write). */
export function afterFailure(state: GuardState, now: number): GuardState {
  return { streak: state.streak + 1, failedAt: now, recent: dayWindow([...state.recent, now], now) };
}

function put(tx: Tx, userId: string, source: string | null, values: { streak?: number; failed_at?: number | null; recent_json?: string }): void {
  const id = source === null ? personId(userId) : terminalId(userId, source);
  if (tx.get('pin_guards', id)) tx.update('pin_guards', id, { ...values, updated_at: tx.at });
  else tx.insert('pin_guards', { id, user_id: userId, source, streak: 0, failed_at: null, recent_json: '[]', ...values, updated_at: tx.at });
}

/** Counts a wrong PIN at a terminal and against the person's day. */
export function recordFailure(tx: Tx, userId: string, source: string): void {
  const next = afterFailure(guardState(tx.db, userId, source, tx.at), tx.at);
  put(tx, userId, source, { streak: next.streak, failed_at: next.failedAt });
  put(tx, userId, null, { recent_json: JSON.stringify(next.recent) });
}

/** The right PIN at a terminal: its streak starts again (the day's count stays). */
export function recordSuccess(tx: Tx, userId: string, source: string): void {
  const terminal = row(tx.db, terminalId(userId, source));
  if (terminal && terminal.streak > 0) put(tx, userId, source, { streak: 0, failed_at: null });
}

/** Lifts every lock of a person (supervisor's unlock, PIN reset, PIN change). */
export function clearGuards(tx: Tx, userId: string): void {
  const rows = tx.db.prepare('SELECT id, source, streak, recent_json FROM pin_guards WHERE user_id = ?').all(userId) as GuardRow[];
  for (const r of rows) {
    if (r.source === null && r.recent_json !== '[]') put(tx, userId, null, { recent_json: '[]' });
    if (r.source !== null && r.streak > 0) put(tx, userId, r.source, { streak: 0, failed_at: null });
  }
}

/** Whether the person has any lock or count to clear (so clearing writes nothing when there is none). */
export function hasGuards(db: ReadableDB, userId: string): boolean {
  return db.prepare("SELECT 1 FROM pin_guards WHERE user_id = ? AND (streak > 0 OR recent_json <> '[]')").get(userId) !== undefined;
}
