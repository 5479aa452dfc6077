// A phone event drives the ring timer (P-1, P-6) exactly as the desk's button would: ringing starts a line (or
// adopts the line the receptionist marked by hand a moment before), answered stops it and stores the latency,
// ended before an answer closes it as missed (which opens the call back). Every step is one audited system
// transaction; the lobby hears of it through `calls.changed` like any other ring.
import type { CallContext } from '../../context';
import { answerRing, giveUpRing, ringMemory, startRing } from '../../calls';
import { PHONE_DESK } from '../../../../shared/contract/calls';
import { normalizeInput } from '../../../../shared/contract/fields';
import type { PhoneEvent } from './phone-event';

/** A ring marked at the desk this recently, without a phone reference, is the same ring the phone now reports. */
export const ADOPT_MANUAL_RING_MS = 10_000;

export type PhoneEventOutcome = 'rang' | 'adopted' | 'answered' | 'missed' | 'ended' | 'ignored';

interface RowRef {
  id: string;
  status: string;
  line: number;
}

function callerNumberOf(number: string | null): string | null {
  if (!number) return null;
  const cleaned = normalizeInput(number).replace(/[^\d+*#()\s-]/g, '').trim().slice(0, 30);
  return cleaned.length >= 3 ? cleaned : null;
}

function findByRef(ctx: CallContext, event: PhoneEvent): RowRef | undefined {
  return ctx.db
    .prepare('SELECT id, status, line FROM calls WHERE phone_source = ? AND phone_ref = ? AND boot_id = ? ORDER BY seq DESC LIMIT 1')
    .get(event.source, event.ref, ringMemory(ctx.db).bootId) as RowRef | undefined;
}

/** Whoever is on duty at the desk (latest open shift) and works the phone: credited with an answer the phone reported. */
function onDutyAtThePhone(ctx: CallContext): string | null {
  const rows = ctx.db
    .prepare('SELECT s.person_id, st.role FROM shifts s JOIN staff st ON st.id = s.person_id WHERE s.ended_at IS NULL ORDER BY s.started_at DESC, s.id DESC')
    .all() as Array<{ person_id: string; role: string }>;
  return rows.find((r) => (PHONE_DESK as readonly string[]).includes(r.role))?.person_id ?? null;
}

export function applyPhoneEvent(ctx: CallContext, event: PhoneEvent): { outcome: PhoneEventOutcome; callId: string | null } {
  const known = findByRef(ctx, event);
  const number = callerNumberOf(event.number);
  switch (event.kind) {
    case 'ringing': {
      if (known) {
        // The caller ID may follow the first ring (a caller-ID box's FSK): fill it in while the line rings.
        const stored = ctx.db.prepare('SELECT caller_number FROM calls WHERE id = ?').get(known.id) as { caller_number: string };
        if (known.status === 'ringing' && number && !stored.caller_number) {
          ctx.tx.update('calls', known.id, { caller_number: number, updated_at: ctx.now });
          ctx.emit('calls.changed', { id: known.id, status: 'ringing', line: known.line });
          return { outcome: 'rang', callId: known.id };
        }
        return { outcome: 'ignored', callId: known.id };
      }
      const manual = ctx.db
        .prepare(
          `SELECT id, status, line FROM calls WHERE status = 'ringing' AND boot_id = ? AND phone_ref IS NULL AND source <> 'api'
           AND ring_started_at >= ? ORDER BY ring_started_at DESC LIMIT 1`,
        )
        .get(ringMemory(ctx.db).bootId, ctx.now - ADOPT_MANUAL_RING_MS) as RowRef | undefined;
      if (manual) {
        ctx.tx.update('calls', manual.id, {
          phone_source: event.source,
          phone_ref: event.ref,
          ...(number ? { caller_number: number } : {}),
          updated_at: ctx.now,
        });
        ctx.emit('calls.changed', { id: manual.id, status: 'ringing', line: manual.line });
        return { outcome: 'adopted', callId: manual.id };
      }
      const call = startRing(ctx, { source: 'api', callerNumber: number, phone: { source: event.source, ref: event.ref } });
      return { outcome: 'rang', callId: call.id };
    }
    case 'answered': {
      if (!known || known.status !== 'ringing') return { outcome: 'ignored', callId: known?.id ?? null };
      answerRing(ctx, known.id, onDutyAtThePhone(ctx));
      return { outcome: 'answered', callId: known.id };
    }
    case 'ended': {
      if (!known) return { outcome: 'ignored', callId: null };
      if (known.status !== 'ringing') return { outcome: 'ended', callId: known.id };
      giveUpRing(ctx, known.id, number);
      return { outcome: 'missed', callId: known.id };
    }
  }
}
