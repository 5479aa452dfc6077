// Handling an item: notes, forwarding to a responsible department and tracking its progress,
// replies to the owner, the result (only whoever owns the item at the time), closing as unresolvable (manager,
// with a reason), repair details, and the follow-up visit.
import type { CallContext } from '../context';
import { ConflictError } from '../errors';
import type { RecordDetail } from '../../../shared/contract/records';
import { answeredPatch, followUpDueAfterResolution, recordFollowUp } from './complaints';
import { changeItem, checkDepartment, notifyDepartment } from './items';
import { addNote } from './trail-notes';

export function addTrailNote(ctx: CallContext, input: { id: string; kind: 'note' | 'progress' | 'reply'; text: string }): RecordDetail {
  return changeItem(ctx, input.id, input.kind, (item) => {
    addNote(ctx, item.id, input.kind, input.text, input.kind === 'progress' ? item.department : null);
    // A recorded reply answers a complaint (篇2 五: 24 小时内予以解决或答复).
    if (input.kind === 'reply') {
      const patch = answeredPatch(item, ctx.now);
      if (Object.keys(patch).length > 0) ctx.tx.update('record_items', item.id, { ...patch, updated_at: ctx.now });
    }
  });
}

export function forwardItem(ctx: CallContext, input: { id: string; department: string; note: string }): RecordDetail {
  return changeItem(ctx, input.id, 'forward', (item, env) => {
    checkDepartment(env, input.department);
    if (item.department === input.department && item.status === 'forwarded') throw new ConflictError('records:item.alreadyWithDepartment');
    ctx.tx.update('record_items', item.id, { department: input.department, status: 'forwarded', updated_at: ctx.now });
    addNote(ctx, item.id, 'forward', input.note, input.department);
    notifyDepartment(ctx, { ...item, department: input.department }, input.department);
  });
}

export function resolveItem(ctx: CallContext, input: { id: string; result: string }): RecordDetail {
  return changeItem(ctx, input.id, 'resolve', (item, env, user) => {
    ctx.tx.update('record_items', item.id, {
      ...answeredPatch(item, ctx.now),
      status: 'resolved',
      result: input.result,
      resolved_at: ctx.now,
      resolved_by: user.id,
      resolved_by_name: user.name,
      follow_up_due_at: followUpDueAfterResolution(item, ctx.now, env),
      updated_at: ctx.now,
    });
    addNote(ctx, item.id, 'resolve', input.result);
  });
}

export function closeUnresolvable(ctx: CallContext, input: { id: string; reason: string }): RecordDetail {
  return changeItem(ctx, input.id, 'unresolvable', (item, _env, user) => {
    ctx.tx.update('record_items', item.id, {
      status: 'unresolvable',
      unresolvable_reason: input.reason,
      resolved_at: ctx.now,
      resolved_by: user.id,
      resolved_by_name: user.name,
      updated_at: ctx.now,
    });
    addNote(ctx, item.id, 'unresolvable', input.reason);
  });
}

export function followUpItem(ctx: CallContext, input: { id: string; result: 'satisfied' | 'unsatisfied'; note: string }): RecordDetail {
  return changeItem(ctx, input.id, 'followUp', (item) => recordFollowUp(ctx, item, input.result, input.note));
}

type RepairInput = {
  id: string;
  location?: string;
  appointmentAt?: number | null;
  worker?: string;
  materials?: string;
  completedAt?: number | null;
};

const REPAIR_FIELDS: Array<[Exclude<keyof RepairInput, 'id'>, string]> = [
  ['location', 'repair_location'],
  ['appointmentAt', 'repair_appointment_at'],
  ['worker', 'repair_worker'],
  ['materials', 'repair_materials'],
  ['completedAt', 'repair_completed_at'],
];

/** Repairs (R-7, 篇5 §6): where, when the worker comes, who, with what, when it was done. */
export function updateRepair(ctx: CallContext, input: RepairInput): RecordDetail {
  return changeItem(ctx, input.id, 'repair', (item) => {
    const patch: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of REPAIR_FIELDS) {
      const raw = input[field];
      if (raw === undefined) continue;
      const value = raw === '' ? null : raw;
      if (value === (item as unknown as Record<string, unknown>)[column]) continue;
      patch[column] = value;
      changed.push(field);
    }
    if (changed.length === 0) throw new ConflictError('records:item.nothingChanged');
    ctx.tx.update('record_items', item.id, { ...patch, updated_at: ctx.now });
    addNote(ctx, item.id, 'repair', changed.join(','), item.department);
  });
}
