// The work diary of a shift (S-2): what every feature recorded during it (each through its own contribution,
// listed in main/core/features.ts) plus the receptionist's free text. Frozen when the shift ends.
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import type { DiaryContribution } from '../handover';
import type { DiarySection } from '../../../shared/contract/shifts';
import { sectionContext, type ShiftRow } from './rows';

export interface FrozenDiary {
  window: { from: number; to: number };
  sections: DiarySection[];
}

/** Asks every contribution for the window [shift start, `to`]. */
export function assembleDiary(db: ReadableDB, now: number, shift: ShiftRow, contributions: readonly DiaryContribution[], to = now): DiarySection[] {
  const ctx = sectionContext(db, now, shift);
  const window = { from: shift.started_at, to };
  return [...contributions]
    .sort((a, b) => a.order - b.order)
    .map((c) => {
      const { figures, entries } = c.collect(ctx, window);
      return {
        key: c.key,
        title: c.title,
        order: c.order,
        figures: figures.map((f) => ({ kind: f.kind, params: f.params, at: f.at ?? null })),
        entries: entries.map((e) => ({ kind: e.kind, params: e.params, at: e.at ?? null })).sort((a, b) => (a.at ?? 0) - (b.at ?? 0)),
      };
    });
}

/** The diary's sections: live while the shift is open, the frozen record once it ended. */
export function diarySections(db: ReadableDB, now: number, shift: ShiftRow, contributions: readonly DiaryContribution[]): DiarySection[] {
  if (shift.diary_json) return (JSON.parse(shift.diary_json) as FrozenDiary).sections;
  return assembleDiary(db, now, shift, contributions);
}

/** Ends a shift and freezes its diary, in the caller's transaction (by the handover's signature or a supervisor). */
export function endShift(
  ctx: CallContext,
  shift: ShiftRow,
  contributions: readonly DiaryContribution[],
  end: { reason: 'handover' | 'closed'; by: { id: string; name: string }; closeReason?: string },
): void {
  const frozen: FrozenDiary = { window: { from: shift.started_at, to: ctx.now }, sections: assembleDiary(ctx.db, ctx.now, shift, contributions) };
  ctx.tx.update('shifts', shift.id, {
    ended_at: ctx.now,
    end_reason: end.reason,
    ended_by_id: end.by.id,
    ended_by_name: end.by.name,
    close_reason: end.closeReason ?? '',
    diary_json: JSON.stringify(frozen),
  });
}
