// The call record (P-3), its script (P-2) and the confidentiality guard (P-4).
import type { CallContext } from '../context';
import { LEADS } from '../../../shared/contract/define';
import { SCRIPT_STEPS, type Call, type ScriptStep } from '../../../shared/contract/calls';
import type { z } from 'zod';
import type { SaveCallInput } from '../../../shared/contract/calls';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { parseSteps, requireCall, requireCallRow, type CallRow } from './rows';

function answeredRow(ctx: CallContext, id: string): CallRow {
  const row = requireCallRow(ctx.db, id);
  if (row.status !== 'answered' && row.status !== 'completed') throw new ConflictError('calls:error.notAnswered');
  return row;
}

/** A saved record is corrected by whoever answered or saved it, or by a supervisor or manager. */
function mayCorrect(ctx: CallContext, row: CallRow): boolean {
  if (ctx.caller.kind !== 'staff') return false;
  const { id, role } = ctx.caller.user;
  return LEADS.includes(role) || row.answered_by === id || row.saved_by === id;
}

function steps(list: readonly ScriptStep[]): string {
  return JSON.stringify(SCRIPT_STEPS.filter((s) => list.includes(s)));
}

export function tickStep(ctx: CallContext, input: { id: string; step: ScriptStep; done: boolean }): Call {
  const row = answeredRow(ctx, input.id);
  if (row.status === 'completed' && !mayCorrect(ctx, row)) throw new ForbiddenError('calls:error.notYours');
  const current = new Set(parseSteps(row.script_steps));
  if (input.done) current.add(input.step);
  else current.delete(input.step);
  const next = steps([...current]);
  if (next !== row.script_steps) {
    ctx.tx.update('calls', row.id, { script_steps: next, updated_at: ctx.now });
    ctx.emit('calls.changed', { id: row.id, status: row.status, line: row.line });
  }
  return requireCall(ctx.db, row.id);
}

export function applyGuard(ctx: CallContext, id: string): Call {
  const row = answeredRow(ctx, id);
  if (row.confidentiality_asked !== 1) {
    ctx.tx.update('calls', row.id, { confidentiality_asked: 1, updated_at: ctx.now });
    ctx.emit('calls.changed', { id: row.id, status: row.status, line: row.line });
  }
  return requireCall(ctx.db, row.id);
}

/** A tenant picked from the directory must be in it (the column has no foreign key: another feature's table). */
function checkTenant(ctx: CallContext, tenantId: string | null | undefined): void {
  if (!tenantId) return;
  if (!ctx.db.prepare('SELECT 1 FROM tenants WHERE id = ?').get(tenantId)) throw ValidationError.field('tenantId', 'calls:field.tenant');
}

export function saveCall(ctx: CallContext, input: z.output<typeof SaveCallInput>): Call {
  const row = requireCallRow(ctx.db, input.id);
  if (row.status === 'ringing') throw new ConflictError('calls:error.stillRinging');
  if (row.status === 'completed' && !mayCorrect(ctx, row)) throw new ForbiddenError('calls:error.notYours');
  checkTenant(ctx, input.tenantId);
  const wasAnswered = row.status === 'answered' || row.status === 'completed';
  const patch: Record<string, unknown> = {
    caller_name: input.callerName,
    caller_number: input.callerNumber === undefined ? row.caller_number : (input.callerNumber ?? ''),
    unit: input.unit,
    tenant_id: input.tenantId === undefined ? row.tenant_id : input.tenantId,
    topic: input.topic,
    note: input.note,
    outcome: input.outcome,
    saved_at: ctx.now,
    saved_by: ctx.caller.kind === 'staff' ? ctx.caller.user.id : null,
    updated_at: ctx.now,
  };
  // The script belongs to an answered call; a missed one had no conversation to follow it in.
  if (wasAnswered && input.scriptSteps) patch.script_steps = steps(input.scriptSteps);
  if (row.status === 'answered') Object.assign(patch, { status: 'completed', ended_at: ctx.now, end_reason: 'saved' });
  ctx.tx.update('calls', row.id, patch);
  const call = requireCall(ctx.db, row.id);
  ctx.emit('calls.changed', { id: call.id, status: call.status, line: call.line });
  return call;
}
