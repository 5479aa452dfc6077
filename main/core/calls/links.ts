// Where the phone desk meets the reception record (P-3, R-1) and callbacks (P-4, V-3): a call becomes an item or
// a callback in one step, pre-filled and linked both ways — the other feature's row names the call, the call
// names it. Each link is made in the caller's one transaction, audited, once (a trigger keeps it).
import type { CallContext } from '../context';
import type { Call, CallCallbackDraft, CallRecordDraft } from '../../../shared/contract/calls';
import type { RecordDetail } from '../../../shared/contract/records';
import type { Callback } from '../../../shared/contract/callbacks';
import type { z } from 'zod';
import { formatTime } from '../../../shared/rules/time';
import { ConflictError } from '../errors';
import { translate } from '../i18n';
import { requireBuildingProfile } from '../settings';
import { createRecordItem, readItem } from '../records';
import { createCallback, isDeskStaff } from '../callbacks';
import { contactByPhone } from '../directory';
import { requireCall, requireCallRow, type CallRow } from './rows';

function link(ctx: CallContext, callId: string, column: 'callback_id' | 'record_id', targetId: string): Call {
  const row = requireCallRow(ctx.db, callId);
  const current = row[column];
  if (current === targetId) return requireCall(ctx.db, callId);
  if (current !== null) throw new ConflictError('calls:error.alreadyLinked');
  ctx.tx.update('calls', callId, { [column]: targetId, updated_at: ctx.now });
  ctx.emit('calls.changed', { id: callId, status: row.status, line: row.line });
  return requireCall(ctx.db, callId);
}

/** The callback `callbackId` was made from this call (take-a-message, or a missed call). */
export function linkCallToCallback(ctx: CallContext, callId: string, callbackId: string): Call {
  return link(ctx, callId, 'callback_id', callbackId);
}

/** The reception-record item `recordId` was made from this call (complaint, repair, inquiry …). */
export function linkCallToRecord(ctx: CallContext, callId: string, recordId: string): Call {
  return link(ctx, callId, 'record_id', recordId);
}

/**
 * A saved call becomes a reception-record item: channel 致电 (phone), received when the call was answered (or
 * rang, for a missed call written up afterwards), so the escalation ladder counts from then.
 */
export function callToRecord(ctx: CallContext, input: { callId: string; draft: z.output<typeof CallRecordDraft> }): { call: Call; record: RecordDetail } {
  const row = requireCallRow(ctx.db, input.callId);
  if (row.saved_at === null) throw new ConflictError('calls:error.notSaved');
  if (row.record_id !== null) throw new ConflictError('calls:error.alreadyLinked');
  const item = createRecordItem(
    ctx,
    { ...input.draft, channel: 'phone', relayedBy: null, receivedAt: Math.min(row.answered_at ?? row.ring_started_at, ctx.now) },
    { callId: row.id },
  );
  const call = linkCallToRecord(ctx, row.id, item.id);
  return { call, record: readItem(ctx, item.id) };
}

/**
 * A callback from a call: during the conversation (the confidentiality guard's take-a-message) or from a saved
 * call. Not from a ring, nor from a missed call nobody has written up. A message for the tenant the receptionist
 * picked; without a tenant, a call back to the caller (P-1). An explicit `kind` wins; a message needs its tenant.
 */
export function callToCallback(ctx: CallContext, input: { callId: string; draft: z.output<typeof CallCallbackDraft> }): { call: Call; callback: Callback } {
  const row = requireCallRow(ctx.db, input.callId);
  if (row.status !== 'answered' && row.saved_at === null) throw new ConflictError('calls:error.notSaved');
  if (row.callback_id !== null) throw new ConflictError('calls:error.alreadyLinked');
  const { kind, ...draft } = input.draft;
  const callback = createCallback(ctx, {
    ...draft,
    kind: kind ?? (draft.tenantId ? 'message' : 'callBack'),
    source: 'phone',
    visitId: null,
    callId: row.id,
  });
  const call = linkCallToCallback(ctx, row.id, callback.id);
  return { call, callback };
}

/** Open shifts' people, latest first: who is on duty when a timer closes a ring nobody at the desk marked. */
function onDuty(ctx: CallContext): string[] {
  return (ctx.db.prepare('SELECT person_id FROM shifts WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC').all() as Array<{ person_id: string }>).map(
    (r) => r.person_id,
  );
}

/**
 * Who follows up a missed call: whoever marked it missed, else whoever marked the ring, else whoever is on duty —
 * the first of them who may own a callback (the desk roles; a guard covering the phone at night may not).
 */
function missedCallOwner(ctx: CallContext, row: CallRow): string | null {
  const candidates = [ctx.caller.kind === 'staff' ? ctx.caller.user.id : null, row.started_by, ...onDuty(ctx)];
  return candidates.find((id): id is string => id !== null && isDeskStaff(ctx.db, id)) ?? null;
}

/**
 * A missed call with a caller number opens a call back (P-1): the desk owes the caller a call, due per the
 * callbacks setting, linked to the call in the same transaction; returns the callback's id. When the directory
 * knows the number (a tenant's contact person) the call back names that tenant and contact, and the call gets the
 * tenant too; otherwise it has no tenant and no caller name (the screens say "unknown caller").
 */
export function openMissedCallCallback(ctx: CallContext, call: Call): string | null {
  const row = requireCallRow(ctx.db, call.id);
  if (!row.caller_number || row.callback_id !== null) return null;
  const owner = missedCallOwner(ctx, row);
  if (!owner) return null;
  const contact = contactByPhone(ctx.db, row.caller_number);
  const time = formatTime(row.ring_started_at, requireBuildingProfile(ctx.db).timeZone);
  const callback = createCallback(
    ctx,
    {
      kind: 'callBack',
      tenantId: contact?.tenantId ?? null,
      callerName: contact?.contactName ?? row.caller_name,
      callerPhone: row.caller_number,
      message: translate(ctx.lang, 'calls:missed.callbackMessage', { time }),
      dueAt: null,
      ownerId: owner,
      source: 'phone',
      callId: row.id,
    },
    { createdBy: owner },
  );
  // One update for both (the caller of this emits the call's change once).
  ctx.tx.update('calls', row.id, { callback_id: callback.id, tenant_id: row.tenant_id ?? contact?.tenantId ?? null, updated_at: ctx.now });
  return callback.id;
}
