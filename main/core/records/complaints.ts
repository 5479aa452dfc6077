// Complaints (R-5, 篇2 五): resolved or answered within 24 h — a recorded reply counts as answered — and the
// breach mark stays after resolution. After a repair or a complaint is resolved a follow-up visit (回访) is due;
// not satisfied reopens the item.
import type { CallContext } from '../context';
import { ValidationError } from '../errors';
import { answerDeadline, followUpDeadline } from './calendar';
import { warningStep, type ClockStep } from './escalation';
import { isActive, OWNER_ROLE, type ItemRow } from './rows';
import type { RecordsEnv } from './settings';
import { newId } from '../ids';
import { addNote, staffActor } from './trail-notes';

export function complaintSteps(item: ItemRow, env: RecordsEnv): ClockStep[] {
  if (item.type !== 'complaint' || !isActive(item) || item.answered_at !== null || item.breached_at !== null) return [];
  const answerBy = answerDeadline(item.received_at, env.settings);
  return [...warningStep('warn_answer', answerBy, item.received_at, env), { kind: 'breach_answer', dueAt: answerBy, deadline: answerBy, cycle: 0 }];
}

export function followUpSteps(item: ItemRow): ClockStep[] {
  if (item.status !== 'resolved' || item.follow_up_due_at === null) return [];
  return [{ kind: 'follow_up_overdue', dueAt: item.follow_up_due_at, deadline: item.follow_up_due_at, cycle: item.reopen_count }];
}

/** Repairs and complaints get a follow-up visit after they are resolved (篇2 五 修缮后迅速回访, 篇5 §6). */
export function needsFollowUp(item: Pick<ItemRow, 'type'>): boolean {
  return item.type === 'repair' || item.type === 'complaint';
}

export function followUpDueAfterResolution(item: ItemRow, resolvedAt: number, env: RecordsEnv): number | null {
  return needsFollowUp(item) ? followUpDeadline(resolvedAt, env.settings, env.timeZone) : null;
}

/** A reply to the owner answers a complaint (the first one counts for the 24 hours). */
export function answeredPatch(item: ItemRow, now: number): Record<string, unknown> {
  return item.type === 'complaint' && item.answered_at === null ? { answered_at: now } : {};
}

/** Records the follow-up visit; not satisfied reopens the item with the owner it had. */
export function recordFollowUp(ctx: CallContext, item: ItemRow, result: 'satisfied' | 'unsatisfied', note: string): void {
  if (result === 'unsatisfied' && note.length === 0) throw ValidationError.field('note', 'records:followUp.noteRequired');
  const by = staffActor(ctx);
  ctx.tx.insert('record_follow_ups', {
    id: newId(ctx.now),
    item_id: item.id,
    at: ctx.now,
    due_at: item.follow_up_due_at,
    result,
    note,
    by_id: by.id,
    by_name: by.name,
  });
  if (result === 'satisfied') {
    ctx.tx.update('record_items', item.id, { follow_up_due_at: null, updated_at: ctx.now });
    return;
  }
  ctx.tx.update('record_items', item.id, {
    status: 'open',
    follow_up_due_at: null,
    result: null,
    resolved_at: null,
    resolved_by: null,
    resolved_by_name: null,
    reopen_count: item.reopen_count + 1,
    updated_at: ctx.now,
  });
  addNote(ctx, item.id, 'reopen', note);
  ctx.emit(
    'records.assigned',
    { itemId: item.id, number: item.number, type: item.type, reason: 'reopened', level: item.level, department: item.department, dueAt: null },
    { roles: [OWNER_ROLE[item.level]] },
  );
}
