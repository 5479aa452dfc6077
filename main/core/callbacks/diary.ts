// What callbacks contribute to the shift's work diary (S-2): messages taken for tenants and messages closed during
// the shift, and how many are still open (overdue among them) at its end. Callers' names are masked and their
// numbers left off: the diary is read by the guard and kept after the callbacks are redacted (V-7).
import type { DiaryContribution, DiaryItemDraft } from '../handover/sections';
import { maskPersonName } from '../../../shared/rules/masking';

export const callbacksDiary: DiaryContribution = {
  key: 'callbacks',
  title: 'callbacks:diary.section',
  order: 20,
  collect(ctx, { from, to }) {
    const taken = ctx.db
      .prepare(
        `SELECT c.source, c.caller_name, c.created_at, t.display_name FROM callbacks c JOIN tenants t ON t.id = c.tenant_id
         WHERE c.created_at >= ? AND c.created_at <= ? ORDER BY c.created_at, c.id`,
      )
      .all(from, to) as Array<{ source: string; caller_name: string; created_at: number; display_name: string }>;
    const closed = ctx.db
      .prepare(
        `SELECT c.outcome, c.closed_at, t.display_name, s.name AS closed_by FROM callbacks c JOIN tenants t ON t.id = c.tenant_id
         LEFT JOIN staff s ON s.id = c.closed_by
         WHERE c.status = 'closed' AND c.closed_at >= ? AND c.closed_at <= ? ORDER BY c.closed_at, c.id`,
      )
      .all(from, to) as Array<{ outcome: string; closed_at: number; display_name: string; closed_by: string | null }>;
    const open = ctx.db.prepare("SELECT COUNT(*) AS n, COALESCE(SUM(due_at <= ?), 0) AS overdue FROM callbacks WHERE status = 'open'").get(ctx.now) as {
      n: number;
      overdue: number;
    };
    const figures: DiaryItemDraft[] = [
      { kind: 'callbacks:diary.taken', params: { count: taken.length } },
      { kind: 'callbacks:diary.closed', params: { count: closed.length } },
      { kind: 'callbacks:diary.open', params: { count: open.n, overdue: open.overdue } },
    ];
    return {
      figures,
      entries: [
        ...taken.map((c) => ({
          kind: 'callbacks:diary.entryTaken',
          params: { caller: maskPersonName(c.caller_name), tenant: c.display_name, source: c.source },
          at: c.created_at,
        })),
        ...closed.map((c) => ({
          kind: 'callbacks:diary.entryClosed',
          params: { tenant: c.display_name, outcome: c.outcome, by: c.closed_by ?? '' },
          at: c.closed_at,
        })),
      ],
    };
  },
};
