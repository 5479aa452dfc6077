// Time, injected: core code never reads the system clock directly, so tests move time.
export interface Clock {
  /** Wall-clock epoch milliseconds (UTC). */
  now(): number;
  /** Milliseconds on a clock that never jumps (for durations such as a ringing phone). */
  monotonic(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

/** A wall clock running a fixed time ahead (rehearsing what happens days later: uncollected parcels, retention). */
export function offsetClock(base: Clock, offsetMs: number): Clock {
  return { now: () => base.now() + offsetMs, monotonic: () => base.monotonic() };
}

/** A clock for tests: starts where told and moves only when told. */
export class FakeClock implements Clock {
  private wall: number;
  private mono = 0;
  constructor(start: number | string | Date = '2026-11-27T09:00:00+08:00') {
    this.wall = typeof start === 'number' ? start : new Date(start).getTime();
  }
  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }
  set(at: number | string | Date): void {
    const next = typeof at === 'number' ? at : new Date(at).getTime();
    if (next > this.wall) this.mono += next - this.wall;
    this.wall = next;
  }
}

/**
 * How far the wall clock may step back before a stored time counts as later than now. NTP trims are far smaller;
 * a battery-less PC coming up in 2020, a wrong time server or a receptionist fixing the date are far larger.
 */
export const CLOCK_STEP_BACK_TOLERANCE_MS = 2 * 60_000;

/**
 * How much of a duration that started at `start` is left at `now`, bounded when the wall clock has gone back:
 * never more than the duration itself, and nothing when `start` lies beyond the tolerance in the future — a start
 * that can no longer be placed in time neither keeps anyone waiting (a lock-out) nor keeps anything open (a
 * session, a pairing code).
 */
export function remainingOf(start: number, durationMs: number, now: number): number {
  if (start > now + CLOCK_STEP_BACK_TOLERANCE_MS) return 0;
  return Math.min(durationMs, Math.max(0, start + durationMs - now));
}
