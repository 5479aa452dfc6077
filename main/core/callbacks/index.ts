// Callbacks (V-3, P-1): messages for tenants taken at the desk and call backs the phone desk owes missed callers,
// listed on the lobby by due time, followed up by their owner, closed with an outcome of their kind. A job alerts the desk when one falls due.
import type { FeatureHandlers } from '../context';
import type { Job } from '../jobs';
import { waitStartParams, waitStartSql } from '../clock-jump';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Row, Tx } from '../store/tx';
import { writeSection } from '../settings';
import { LEADS } from '../../../shared/contract/define';
import { CALLBACK_NOTE_REQUIRED, CALLBACK_OUTCOMES_BY_KIND } from '../../../shared/contract/callbacks';
import { CALLBACKS_SECTION, callbackOut, callbackSettings, createCallback, isDeskStaff, listCallbacks, type CallbackRow } from './core';

function openRow(tx: Tx, id: string): CallbackRow {
  const row = tx.get<CallbackRow & Row>('callbacks', id);
  if (!row) throw new NotFoundError('callbacks:error.notFound');
  if (row.status !== 'open') throw new ConflictError('callbacks:error.closed');
  return row;
}

export const callbacksHandlers: FeatureHandlers<'callbacks'> = {
  settings: (ctx) => callbackSettings(ctx.db),

  updateSettings: (ctx, input) => {
    writeSection(ctx.tx, CALLBACKS_SECTION, input);
    return input;
  },

  list: (ctx, input) => ({ callbacks: listCallbacks(ctx.db, ctx.now, input.status, input.limit) }),

  owners: (ctx) => ({
    people: ctx.db
      .prepare("SELECT id, name FROM staff WHERE active = 1 AND role IN ('receptionist','supervisor','manager','admin') ORDER BY name")
      .all() as Array<{ id: string; name: string }>,
  }),

  // The desk's form takes messages for tenants; call backs come from the phone desk (calls.toCallback, missed calls).
  create: (ctx, input) => createCallback(ctx, { ...input, kind: 'message' }),

  assign: (ctx, input) => {
    const row = openRow(ctx.tx, input.id);
    const me = ctx.caller.kind === 'staff' ? ctx.caller.user : null;
    // Receptionists may take a callback over themselves; leads may give it to anyone at the desk.
    if (!me || (!LEADS.includes(me.role) && input.ownerId !== me.id)) throw new ForbiddenError();
    if (!isDeskStaff(ctx.db, input.ownerId)) throw ValidationError.field('ownerId', 'callbacks:error.ownerInvalid');
    if (row.owner_id !== input.ownerId) {
      ctx.tx.update('callbacks', row.id, { owner_id: input.ownerId });
      ctx.emit('callbacks.changed', { callbackId: row.id });
    }
    return callbackOut(ctx.db, row.id, ctx.now);
  },

  recordOutcome: (ctx, input) => {
    const row = openRow(ctx.tx, input.id);
    const me = ctx.caller.kind === 'staff' ? ctx.caller.user : null;
    if (!me || (row.owner_id !== me.id && !LEADS.includes(me.role))) throw new ForbiddenError('callbacks:error.notOwner');
    // Each kind closes with its own outcomes (a call back is not "passed on to the tenant").
    if (!CALLBACK_OUTCOMES_BY_KIND[row.kind].includes(input.outcome)) throw ValidationError.field('outcome', 'callbacks:error.outcomeForKind');
    if (CALLBACK_NOTE_REQUIRED.includes(input.outcome) && !input.note) throw ValidationError.field('note', 'callbacks:error.noteRequired');
    ctx.tx.update('callbacks', row.id, { status: 'closed', outcome: input.outcome, outcome_note: input.note, closed_at: ctx.now, closed_by: me.id });
    ctx.emit('callbacks.changed', { callbackId: row.id });
    return callbackOut(ctx.db, row.id, ctx.now);
  },
};

/**
 * A callback's due time as the timer counts it: as set, or — taken before the wall clock went back — as long after
 * the jump was noticed as it was after being taken (clock-jump.ts).
 */
const CALLBACK_DUE = `(due_at - created_at + ${waitStartSql('created_at')})`;

/** Alerts the desk once when an open callback reaches its due time. */
export const callbackDueJob: Job = {
  name: 'callbacks.due',
  nextDueAt(services, now) {
    const row = services.db
      .prepare(`SELECT MIN(${CALLBACK_DUE}) AS at FROM callbacks WHERE status = 'open' AND due_alerted_at IS NULL`)
      .get(waitStartParams(now, services.clockJump)) as { at: number | null };
    return row.at;
  },
  run(ctx) {
    const due = ctx.db
      .prepare(`SELECT id FROM callbacks WHERE status = 'open' AND due_alerted_at IS NULL AND ${CALLBACK_DUE} <= @now ORDER BY due_at`)
      .all(waitStartParams(ctx.now, ctx.clockJump)) as Array<{ id: string }>;
    for (const { id } of due) {
      ctx.tx.update('callbacks', id, { due_alerted_at: ctx.now });
      ctx.emit('callbacks.due', { callbackId: id });
    }
  },
};

// The public face: what other features use of this one.
export { createCallback, expiredCallbackIds, isDeskStaff, oldestRedactableCallback, openCallbacks, redactCallback } from './core';
