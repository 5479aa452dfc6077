// The end-of-shift handover to security (S-1). The outgoing person prepares it (template + every feature's live
// section + lines carried from the last handover), ticks or comments each line, signs with their own PIN — the
// handover locks, the shift ends and its diary is finalised — and the incoming guard acknowledges with theirs.
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { staffOf } from '../context';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { verifyOwnPin } from '../auth';
import { requireBuildingProfile } from '../settings';
import { writeSection } from '../settings';
import { dayKey } from '../../../shared/rules/time';
import { ACKNOWLEDGER_ROLES } from '../../../shared/contract/handover';
import type { Role } from '../../../shared/contract/define';
import type { DiaryContribution, HandoverSectionProvider } from './sections';
import { normalizeChecklist } from '../shifts';
import { findShift, openShiftOf, type ShiftRow } from '../shifts';
import { Where } from '../store/sql';
import { endShift } from '../shifts';
import { handoverSettings } from './settings';
import { refreshLines } from './lines';
import {
  SUMMARY_SELECT,
  findHandover,
  handoverContentHash,
  handoverOfShift,
  linesOf,
  toHandover,
  toLine,
  toSummary,
  type HandoverRow,
  type LineRow,
  type SummaryRow,
} from './rows';

function requireHandover(ctx: CallContext, id: string): HandoverRow {
  const row = findHandover(ctx.db, id);
  if (!row) throw new NotFoundError();
  return row;
}

/** A draft the caller may work on: their own, of their own shift that is still open. */
function requireOwnDraft(ctx: CallContext, id: string): { row: HandoverRow; shift: ShiftRow } {
  const row = requireHandover(ctx, id);
  if (row.outgoing_id !== staffOf(ctx).user.id) throw new ForbiddenError('handover:errors.notYours');
  if (row.signed_at !== null) throw new ConflictError('handover:errors.signed');
  const shift = findShift(ctx.db, row.shift_id);
  if (!shift || shift.ended_at !== null) throw new ConflictError('shifts:errors.ended');
  return { row, shift };
}

function changed(ctx: CallContext, id: string, state: 'draft' | 'signed' | 'acknowledged'): void {
  ctx.emit('handover.changed', { handoverId: id, state });
}

export function handoverHandlers(
  providers: readonly HandoverSectionProvider[],
  contributions: readonly DiaryContribution[],
): FeatureHandlers<'handover'> {
  return {
    settings: (ctx) => handoverSettings(ctx.db),

    updateSettings: (ctx, input) => {
      const value = { template: normalizeChecklist(ctx, input.template, 'template') };
      writeSection(ctx.tx, 'handover', value);
      return value;
    },

    current: (ctx) => {
      const shift = openShiftOf(ctx.db, staffOf(ctx).user.id);
      if (!shift) return { shift: null, handover: null };
      const row = handoverOfShift(ctx.db, shift.id);
      return { shift: { id: shift.id, startedAt: shift.started_at }, handover: row ? toHandover(ctx.db, row) : null };
    },

    prepare: (ctx) => {
      const me = staffOf(ctx);
      const shift = openShiftOf(ctx.db, me.user.id);
      if (!shift) throw new ConflictError('handover:errors.noShift');
      let row = handoverOfShift(ctx.db, shift.id);
      if (!row) {
        const day = dayKey(ctx.now, requireBuildingProfile(ctx.db).timeZone);
        const sequence = ctx.tx.nextNumber(`handover:${day}`);
        row = {
          id: newId(ctx.now),
          number: `JB${day.replace(/-/g, '')}-${String(sequence).padStart(2, '0')}`,
          shift_id: shift.id,
          outgoing_id: me.user.id,
          outgoing_name: me.user.name,
          previous_id: null,
          notes: '',
          created_at: ctx.now,
          updated_at: ctx.now,
          signed_at: null,
          signed_by: null,
          content_hash: null,
        };
        ctx.tx.insert('handovers', row);
      }
      refreshLines(ctx, row, shift, providers);
      changed(ctx, row.id, 'draft');
      return toHandover(ctx.db, requireHandover(ctx, row.id));
    },

    mark: (ctx, input) => {
      requireOwnDraft(ctx, input.id);
      const line = ctx.db.prepare('SELECT * FROM handover_lines WHERE id = ? AND handover_id = ?').get(input.lineId, input.id) as LineRow | undefined;
      if (!line || line.withdrawn === 1) throw new NotFoundError();
      const ticked = input.ticked ? 1 : 0;
      if (line.ticked === ticked && line.comment === input.comment) return toLine(line);
      const { after } = ctx.tx.update<LineRow & Record<string, unknown>>('handover_lines', line.id, { ticked, comment: input.comment, updated_at: ctx.now });
      ctx.tx.update('handovers', input.id, { updated_at: ctx.now });
      return toLine(after);
    },

    saveNotes: (ctx, input) => {
      const { row } = requireOwnDraft(ctx, input.id);
      if (row.notes !== input.notes) ctx.tx.update('handovers', row.id, { notes: input.notes, updated_at: ctx.now });
      return { ok: true as const, updatedAt: row.notes !== input.notes ? ctx.now : row.updated_at };
    },

    sign: (ctx, input) => {
      const { row, shift } = requireOwnDraft(ctx, input.id);
      // Verified against the outgoing person's own PIN (never whoever's session this is).
      verifyOwnPin(ctx, row.outgoing_id, input.pin);
      // What is signed is what is open at this moment: bring the lines up to date first.
      refreshLines(ctx, row, shift, providers);
      const lines = linesOf(ctx.db, row.id);
      const unhandled = lines.filter((l) => l.ticked === 0 && l.comment === '').length;
      if (unhandled > 0) throw new ConflictError('handover:errors.unhandled', { count: unhandled });
      const current = requireHandover(ctx, row.id);
      ctx.tx.update('handovers', row.id, {
        signed_at: ctx.now,
        signed_by: row.outgoing_id,
        content_hash: handoverContentHash(current, ctx.now, lines),
      });
      endShift(ctx, shift, contributions, { reason: 'handover', by: { id: row.outgoing_id, name: row.outgoing_name } });
      changed(ctx, row.id, 'signed');
      ctx.emit('shifts.changed', { shiftId: shift.id });
      return toHandover(ctx.db, requireHandover(ctx, row.id));
    },

    acknowledge: (ctx, input) => {
      const row = requireHandover(ctx, input.id);
      if (row.signed_at === null) throw new ConflictError('handover:errors.notSigned');
      if (ctx.db.prepare('SELECT 1 FROM handover_acknowledgements WHERE handover_id = ?').get(row.id)) {
        throw new ConflictError('handover:errors.alreadyAcknowledged');
      }
      if (input.userId === row.outgoing_id) throw new ForbiddenError('handover:errors.ownHandover');
      // Nobody acknowledges for someone else: the incoming person signs in (at the desk by switching person, or
      // at their own terminal) and confirms with their own PIN again. Another person's session is refused
      // before any PIN is tried, so it cannot be used to guess the guard's.
      if (input.userId !== staffOf(ctx).user.id) throw new ForbiddenError('handover:errors.ackOwnSession');
      const person = verifyOwnPin(ctx, input.userId, input.pin);
      if (!ACKNOWLEDGER_ROLES.includes(person.role as Role)) throw new ForbiddenError('handover:errors.cannotTakeOver');
      const device = ctx.caller.kind === 'staff' ? ctx.caller.device : null;
      ctx.tx.insert('handover_acknowledgements', {
        id: newId(ctx.now),
        handover_id: row.id,
        incoming_id: person.id,
        incoming_name: person.name,
        incoming_role: person.role,
        at: ctx.now,
        note: input.note,
        device_id: device?.id ?? null,
      });
      changed(ctx, row.id, 'acknowledged');
      return toHandover(ctx.db, row);
    },

    pending: (ctx) => {
      const rows = ctx.db
        .prepare(`${SUMMARY_SELECT} WHERE h.signed_at IS NOT NULL AND a.id IS NULL ORDER BY h.signed_at`)
        .all() as SummaryRow[];
      return { handovers: rows.map(toSummary) };
    },

    get: (ctx, input) => toHandover(ctx.db, requireHandover(ctx, input.id)),

    search: (ctx, input) => {
      const where = new Where()
        .when(input.from, 'h.created_at >= ?')
        .when(input.to, 'h.created_at < ?')
        .contains(['h.outgoing_name', 'a.incoming_name'], input.person);
      const rows = ctx.db
        .prepare(`${SUMMARY_SELECT} ${where.clause} ORDER BY h.created_at DESC LIMIT ?`)
        .all(...where.params, input.limit) as SummaryRow[];
      return { handovers: rows.map(toSummary) };
    },
  };
}

// The public face: what other features use of this one.
export { type DiaryContribution, type DiaryItemDraft, type HandoverSectionProvider, type SectionContext } from './sections';
