// What callbacks contribute to the shift's work diary (S-2): messages for tenants and call backs taken and closed
// during the shift, and how many are still open (overdue among them) at its end. Callers' names are masked and
// their numbers left off: the diary is read by the guard and kept after the callbacks are redacted (V-7). A call
// back from a number the directory did not know has no tenant and no name: "unknown caller" in both languages.
import type { DiaryContribution, DiaryItemDraft } from '../handover';
import { callerForSheet } from './core';

type Row = { kind: 'message' | 'callBack'; caller_name: string; display_name: string | null };

function who(row: Row): { caller: string; callerEn?: string; tenant: string } {
  return { ...callerForSheet(row.caller_name), tenant: row.display_name ?? '' };
}

/** A message names its tenant; a call back names the caller, and their tenant when known. */
function entryKind(row: Row, state: 'taken' | 'closed'): string {
  const base = state === 'taken' ? 'callbacks:diary.entryTaken' : 'callbacks:diary.entryClosed';
  if (row.kind === 'message') return base;
  return `${base}CallBack${row.display_name === null ? '' : 'For'}`;
}

export const callbacksDiary: DiaryContribution = {
  key: 'callbacks',
  title: 'callbacks:diary.section',
  order: 20,
  collect(ctx, { from, to }) {
    const taken = ctx.db
      .prepare(
        `SELECT c.kind, c.source, c.caller_name, c.created_at, t.display_name FROM callbacks c LEFT JOIN tenants t ON t.id = c.tenant_id
         WHERE c.created_at >= ? AND c.created_at <= ? ORDER BY c.created_at, c.id`,
      )
      .all(from, to) as Array<Row & { source: string; created_at: number }>;
    const closed = ctx.db
      .prepare(
        `SELECT c.kind, c.caller_name, c.outcome, c.closed_at, t.display_name, s.name AS closed_by FROM callbacks c LEFT JOIN tenants t ON t.id = c.tenant_id
         LEFT JOIN staff s ON s.id = c.closed_by
         WHERE c.status = 'closed' AND c.closed_at >= ? AND c.closed_at <= ? ORDER BY c.closed_at, c.id`,
      )
      .all(from, to) as Array<Row & { outcome: string; closed_at: number; closed_by: string | null }>;
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
          kind: entryKind(c, 'taken'),
          params: { ...who(c), source: c.source },
          at: c.created_at,
        })),
        ...closed.map((c) => ({
          kind: entryKind(c, 'closed'),
          // A closed message names its tenant; a closed call back names the caller (and tenant when known).
          params: c.kind === 'message' ? { tenant: c.display_name ?? '', outcome: c.outcome, by: c.closed_by ?? '' } : { ...who(c), outcome: c.outcome, by: c.closed_by ?? '' },
          at: c.closed_at,
        })),
      ],
    };
  },
};
