// Where the phone desk meets the callbacks (tenant directory) and the reception record. Those features own the
// other side; these functions are the call's side of each link, kept here so every link is made the same way:
// in the caller's transaction, audited, once.
import type { CallContext } from '../context';
import type { Call } from '../../../shared/contract/calls';
import { ConflictError } from '../errors';
import { requireCall, requireCallRow } from './rows';

/**
 * A missed call whose number is known opens a callback. Wiring point for the callbacks feature: create the
 * callback (owner, due time, the call's number) through `ctx.tx` and return its id; the call is then linked to
 * it in the same transaction. Until that feature is part of the build there is nothing to open: null.
 */
export function openMissedCallCallback(_ctx: CallContext, _call: Call): string | null {
  return null;
}

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
