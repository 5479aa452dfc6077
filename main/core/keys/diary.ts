// What the key register contributes to the shift's work diary (S-2): lent, returned, still out.
import type { DiaryContribution } from '../handover';

export const keysDiary: DiaryContribution = {
  key: 'keys',
  title: 'keys:diary.section',
  order: 30,
  collect(ctx, window) {
    const lent = ctx.db
      .prepare('SELECT item, item_code, borrower, lent_at FROM key_loans WHERE lent_at >= ? AND lent_at <= ? ORDER BY lent_at')
      .all(window.from, window.to) as Array<{ item: string; item_code: string; borrower: string; lent_at: number }>;
    const returned = ctx.db
      .prepare('SELECT item, item_code, borrower, returned_at FROM key_loans WHERE returned_at >= ? AND returned_at <= ? ORDER BY returned_at')
      .all(window.from, window.to) as Array<{ item: string; item_code: string; borrower: string; returned_at: number }>;
    const out = (ctx.db.prepare('SELECT COUNT(*) AS n FROM key_loans WHERE returned_at IS NULL').get() as { n: number }).n;
    return {
      figures: [
        { kind: 'keys:diary.lent', params: { count: lent.length } },
        { kind: 'keys:diary.returned', params: { count: returned.length } },
        { kind: 'keys:diary.out', params: { count: out } },
      ],
      entries: [
        ...lent.map((r) => ({ kind: 'keys:diary.entryLent', params: { item: r.item, itemCode: r.item_code, borrower: r.borrower }, at: r.lent_at })),
        ...returned.map((r) => ({
          kind: 'keys:diary.entryReturned',
          params: { item: r.item, itemCode: r.item_code, borrower: r.borrower },
          at: r.returned_at,
        })),
      ],
    };
  },
};
