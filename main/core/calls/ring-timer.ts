// The ring timer (P-1): a ring starts on the lowest free line, is answered (latency and within-target stored)
// or given up (missed), and rings left open by a previous process are closed as interrupted.
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { CallContext, CoreServices } from '../context';
import type { Job } from '../jobs';
import type { Call, RingingCall } from '../../../shared/contract/calls';
import { isWithinTarget, ringNumber } from '../../../shared/rules/rings';
import { ConflictError } from '../errors';
import { callSettings, cadenceOf } from './settings';
import { ringElapsedMs, ringMemory } from './ring-memory';
import { requireCall, requireCallRow, queryCalls, type CallRow } from './rows';
import { openMissedCallCallback } from './links';
import { withCaller } from './caller-file';

export const MAX_LINES = 9;

function staffId(ctx: CallContext): string | null {
  return ctx.caller.kind === 'staff' ? ctx.caller.user.id : null;
}

function lowestFreeLine(db: ReadableDB, bootId: string): number {
  const used = new Set(
    (
      db.prepare("SELECT line FROM calls WHERE status IN ('ringing','answered') AND boot_id = ?").all(bootId) as Array<{ line: number }>
    ).map((r) => r.line),
  );
  for (let line = 1; line <= MAX_LINES; line += 1) if (!used.has(line)) return line;
  throw new ConflictError('calls:error.tooManyLines', { max: MAX_LINES });
}

/** The ringing call to act on: the one named, or the line that has rung longest. Only this process's rings. */
function ringingRow(ctx: CallContext, id: string | undefined): CallRow {
  const { bootId } = ringMemory(ctx.db);
  const row = id
    ? requireCallRow(ctx.db, id)
    : (ctx.db
        .prepare("SELECT * FROM calls WHERE status = 'ringing' AND boot_id = ? ORDER BY ring_started_at, seq LIMIT 1")
        .get(bootId) as CallRow | undefined);
  if (!row || row.status !== 'ringing' || row.boot_id !== bootId) throw new ConflictError('calls:error.notRinging');
  return row;
}

type RingContext = Pick<CallContext, 'db' | 'clock' | 'now'> & { caller?: CallContext['caller'] };

export function withElapsed(ctx: RingContext, call: Call): RingingCall {
  return withCaller(ctx, { ...call, elapsedMs: ringElapsedMs(ctx.db, ctx.clock, ctx.now, { id: call.id, ring_started_at: call.ringStartedAt }) });
}

export function ringingCalls(ctx: RingContext): RingingCall[] {
  const { bootId } = ringMemory(ctx.db);
  return queryCalls(ctx.db, "c.status = 'ringing' AND c.boot_id = ?", [bootId], 'ORDER BY c.ring_started_at, c.seq').map((c) => withElapsed(ctx, c));
}

export function callsInProgress(db: ReadableDB): Call[] {
  return queryCalls(db, "c.status = 'answered'", [], 'ORDER BY c.answered_at, c.seq');
}

/** Which telephone system reported a ring, and its own id of the call (P-6). */
export interface PhoneRef {
  source: 'actionUrl' | 'sip' | 'callerIdBox';
  ref: string;
}

export function startRing(ctx: CallContext, input: { source: Call['source']; callerNumber: string | null; phone?: PhoneRef }): RingingCall {
  const settings = callSettings(ctx.db);
  const memory = ringMemory(ctx.db);
  const line = lowestFreeLine(ctx.db, memory.bootId);
  const id = newId(ctx.now);
  ctx.tx.insert('calls', {
    id,
    line,
    status: 'ringing',
    source: input.source,
    boot_id: memory.bootId,
    ring_started_at: ctx.now,
    seconds_per_ring: settings.secondsPerRing,
    target_rings: settings.targetRings,
    started_by: staffId(ctx),
    caller_number: input.callerNumber ?? '',
    ...(input.phone ? { phone_source: input.phone.source, phone_ref: input.phone.ref } : {}),
    created_at: ctx.now,
    updated_at: ctx.now,
  });
  memory.monotonicStarts.set(id, ctx.clock.monotonic());
  ctx.emit('calls.changed', { id, status: 'ringing', line });
  return withElapsed(ctx, requireCall(ctx.db, id));
}

/** `answeredBy`: who answered when the phone itself said so (the person on duty); else the caller of the method. */
export function answerRing(ctx: CallContext, id: string | undefined, answeredBy?: string | null): Call {
  const row = ringingRow(ctx, id);
  const latency = ringElapsedMs(ctx.db, ctx.clock, ctx.now, row);
  const cadence = cadenceOf(row);
  ctx.tx.update('calls', row.id, {
    status: 'answered',
    answered_at: ctx.now,
    answered_by: answeredBy === undefined ? staffId(ctx) : answeredBy,
    answer_latency_ms: latency,
    rings_at_answer: ringNumber(latency, cadence),
    within_target: isWithinTarget(latency, cadence) ? 1 : 0,
    updated_at: ctx.now,
  });
  ringMemory(ctx.db).monotonicStarts.delete(row.id);
  ctx.emit('calls.changed', { id: row.id, status: 'answered', line: row.line });
  return requireCall(ctx.db, row.id);
}

function closeAsMissed(ctx: CallContext, row: CallRow, reason: 'gaveUp' | 'timeout', callerNumber: string | null): Call {
  ctx.tx.update('calls', row.id, {
    status: 'missed',
    ended_at: ctx.now,
    end_reason: reason,
    ...(callerNumber ? { caller_number: callerNumber } : {}),
    updated_at: ctx.now,
  });
  ringMemory(ctx.db).monotonicStarts.delete(row.id);
  let call = requireCall(ctx.db, row.id);
  // A missed call with a known number gets a call back, linked, naming the tenant when the directory knows the number (see links.ts).
  if (call.callerNumber && !call.callbackId && openMissedCallCallback(ctx, call)) call = requireCall(ctx.db, row.id);
  ctx.emit('calls.changed', { id: row.id, status: 'missed', line: row.line });
  return call;
}

export function giveUpRing(ctx: CallContext, id: string | undefined, callerNumber: string | null): Call {
  return closeAsMissed(ctx, ringingRow(ctx, id), 'gaveUp', callerNumber);
}

function staleRings(db: ReadableDB): CallRow[] {
  return db.prepare("SELECT * FROM calls WHERE status = 'ringing' AND boot_id <> ? ORDER BY ring_started_at").all(ringMemory(db).bootId) as CallRow[];
}

/**
 * At start (and whenever found): rings left open by a previous process. Their monotonic start died with it, so
 * no honest latency exists; they are closed as interrupted, which the figures count apart.
 */
export const closeInterruptedRings: Job = {
  name: 'calls.closeInterrupted',
  nextDueAt(services: CoreServices, now: number) {
    return staleRings(services.db).length > 0 ? now : null;
  },
  run(ctx) {
    for (const row of staleRings(ctx.db)) {
      ctx.tx.update('calls', row.id, { status: 'interrupted', ended_at: ctx.now, end_reason: 'restart', updated_at: ctx.now });
      ctx.emit('calls.changed', { id: row.id, status: 'interrupted', line: row.line });
    }
  },
};

/**
 * When a ring of this process gives up: `giveUpAfterSeconds` after it started on the monotonic clock (a wall
 * clock set back or forward changes nothing), expressed as a wall-clock time for the scheduler.
 */
function giveUpAt(services: Pick<CoreServices, 'db' | 'clock'>, now: number, row: Pick<CallRow, 'id' | 'ring_started_at'>, limitMs: number): number {
  return now + limitMs - ringElapsedMs(services.db, services.clock, now, row);
}

function thisProcessRings(db: ReadableDB): CallRow[] {
  return db.prepare("SELECT * FROM calls WHERE status = 'ringing' AND boot_id = ? ORDER BY ring_started_at").all(ringMemory(db).bootId) as CallRow[];
}

/** A ring nobody answered or marked for `giveUpAfterSeconds` is closed as missed (the caller's phone gave up). */
export const closeUnansweredRings: Job = {
  name: 'calls.closeUnanswered',
  nextDueAt(services: CoreServices, now: number) {
    const limit = callSettings(services.db).giveUpAfterSeconds * 1000;
    const times = thisProcessRings(services.db).map((row) => giveUpAt(services, now, row, limit));
    return times.length === 0 ? null : Math.min(...times);
  },
  run(ctx) {
    const limit = callSettings(ctx.db).giveUpAfterSeconds * 1000;
    for (const row of thisProcessRings(ctx.db)) if (giveUpAt(ctx, ctx.now, row, limit) <= ctx.now) closeAsMissed(ctx, row, 'timeout', null);
  },
};
