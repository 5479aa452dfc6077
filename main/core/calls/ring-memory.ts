// What only this process knows about ringing lines: its own identity and each ring's start on the monotonic
// clock. Wall-clock starts are stored; monotonic ones cannot outlive the process, so a ring whose row names
// another process was interrupted by a restart (closed by the `calls.closeInterrupted` job).
import type { ReadableDB } from '../store/sql';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';

export interface RingMemory {
  /** Identity of this opened store (a restart, or another Core on the same file, gets a new one). */
  readonly bootId: string;
  /** Call id → `clock.monotonic()` when it started ringing. */
  readonly monotonicStarts: Map<string, number>;
}

// Keyed by the connection, so every Core (tests open several in one process) has its own memory.
const memories = new WeakMap<ReadableDB, RingMemory>();

export function ringMemory(db: ReadableDB): RingMemory {
  let memory = memories.get(db);
  if (!memory) {
    memory = { bootId: randomUUID(), monotonicStarts: new Map() };
    memories.set(db, memory);
  }
  return memory;
}

/**
 * Milliseconds a line has been ringing: on the monotonic clock when this process started the ring; from the
 * stored wall-clock start otherwise (only for a ring this process did not start, which callers avoid).
 */
export function ringElapsedMs(db: ReadableDB, clock: Clock, now: number, call: { id: string; ring_started_at: number }): number {
  const start = ringMemory(db).monotonicStarts.get(call.id);
  const elapsed = start !== undefined ? clock.monotonic() - start : now - call.ring_started_at;
  return Math.max(0, Math.floor(elapsed));
}
