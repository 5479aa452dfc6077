// Shifts: starting duty with the opening check (S-3), the work diary (S-2), closing a shift left open.
// The handover (main/core/handover) ends a shift in the normal case.
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { staffOf } from '../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldIssue } from '../errors';
import { writeSection } from '../settings';
import type { DiaryContribution } from '../handover';
import { normalizeChecklist } from './checklist';
import { shiftSettings } from './settings';
import { findShift, openShiftOf, toShift, toShiftSummary, type ShiftRow } from './rows';
import { Where } from '../store/sql';
import { diarySections, endShift } from './diary';

function requireShift(ctx: CallContext, id: string): ShiftRow {
  const row = findShift(ctx.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** The caller's own open shift, or a clear refusal. */
export function requireOwnOpenShift(ctx: CallContext, shiftId: string): ShiftRow {
  const row = requireShift(ctx, shiftId);
  if (row.person_id !== staffOf(ctx).user.id) throw new ForbiddenError('shifts:errors.notYourShift');
  if (row.ended_at !== null) throw new ConflictError('shifts:errors.ended');
  return row;
}

export function shiftsHandlers(contributions: readonly DiaryContribution[]): FeatureHandlers<'shifts'> {
  return {
    settings: (ctx) => shiftSettings(ctx.db),

    updateSettings: (ctx, input) => {
      const value = { openingCheck: normalizeChecklist(ctx, input.openingCheck, 'openingCheck') };
      writeSection(ctx.tx, 'shifts', value);
      return value;
    },

    current: (ctx) => {
      const me = staffOf(ctx);
      const open = openShiftOf(ctx.db, me.user.id);
      return { shift: open ? toShift(ctx.db, open) : null, openingCheck: shiftSettings(ctx.db).openingCheck };
    },

    start: (ctx, input) => {
      const me = staffOf(ctx);
      if (openShiftOf(ctx.db, me.user.id)) throw new ConflictError('shifts:errors.alreadyOnDuty');
      const template = shiftSettings(ctx.db).openingCheck;
      const issues: FieldIssue[] = [];
      input.checks.forEach((answer, index) => {
        if (!template.some((t) => t.key === answer.key)) issues.push({ path: ['checks', index, 'key'], code: 'custom', message: 'shifts:errors.checkUnknown' });
      });
      const answers = template.map((item) => {
        const index = input.checks.findIndex((c) => c.key === item.key);
        const answer = index >= 0 ? input.checks[index] : undefined;
        if (!answer) issues.push({ path: ['checks'], code: 'custom', message: 'shifts:errors.checkMissing', params: { label: item.label } });
        else if (!answer.ok && answer.comment === '') {
          issues.push({ path: ['checks', index, 'comment'], code: 'custom', message: 'shifts:errors.checkComment', params: { label: item.label } });
        }
        return { key: item.key, label: item.label, labelEn: item.labelEn, ok: answer?.ok ?? false, comment: answer?.comment ?? '' };
      });
      if (issues.length > 0) throw new ValidationError(issues);
      const row: ShiftRow = {
        id: newId(ctx.now),
        person_id: me.user.id,
        person_name: me.user.name,
        device_id: me.device?.id ?? null,
        started_at: ctx.now,
        opening_check_json: JSON.stringify(answers),
        opening_all_ok: answers.every((a) => a.ok) ? 1 : 0,
        diary_text: '',
        diary_updated_at: null,
        ended_at: null,
        end_reason: null,
        ended_by_id: null,
        ended_by_name: null,
        close_reason: '',
        diary_json: null,
      };
      ctx.tx.insert('shifts', row);
      ctx.emit('shifts.changed', { shiftId: row.id });
      return toShift(ctx.db, row);
    },

    diary: (ctx, input) => {
      const me = staffOf(ctx);
      const row = input.shiftId ? requireShift(ctx, input.shiftId) : openShiftOf(ctx.db, me.user.id);
      if (!row) return null;
      return {
        shift: toShift(ctx.db, row),
        text: row.diary_text,
        textUpdatedAt: row.diary_updated_at,
        finalised: row.ended_at !== null,
        sections: diarySections(ctx.db, ctx.now, row, contributions),
      };
    },

    saveDiary: (ctx, input) => {
      const row = requireOwnOpenShift(ctx, input.shiftId);
      if (row.diary_text !== input.text) {
        ctx.tx.update('shifts', row.id, { diary_text: input.text, diary_updated_at: ctx.now });
        ctx.emit('shifts.changed', { shiftId: row.id });
      }
      return { ok: true as const, textUpdatedAt: input.text === row.diary_text ? (row.diary_updated_at ?? ctx.now) : ctx.now };
    },

    list: (ctx, input) => {
      const where = new Where().when(input.to, 's.started_at < ?').contains(['s.person_name'], input.person);
      if (input.from !== undefined) where.add('COALESCE(s.ended_at, ?) >= ?', ctx.now, input.from);
      const rows = ctx.db
        .prepare(
          `SELECT s.*, h.number AS handover_number FROM shifts s LEFT JOIN handovers h ON h.shift_id = s.id
           ${where.clause} ORDER BY s.started_at DESC LIMIT ?`,
        )
        .all(...where.params, input.limit) as Array<ShiftRow & { handover_number: string | null }>;
      return { shifts: rows.map(toShiftSummary) };
    },

    close: (ctx, input) => {
      const me = staffOf(ctx);
      const row = requireShift(ctx, input.shiftId);
      if (row.ended_at !== null) throw new ConflictError('shifts:errors.ended');
      endShift(ctx, row, contributions, { reason: 'closed', by: { id: me.user.id, name: me.user.name }, closeReason: input.reason });
      ctx.emit('shifts.changed', { shiftId: row.id });
      return toShift(ctx.db, requireShift(ctx, row.id));
    },
  };
}

// The public face: what other features use of this one.
export { normalizeChecklist } from './checklist';
export { type ShiftRow, findShift, openShiftOf, sectionContext } from './rows';
export { endShift } from './diary';
