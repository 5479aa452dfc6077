// What the reception record contributes to the shift's work diary (S-2): items entered and items closed (resolved,
// or closed as unresolvable) during the shift, and how many are still open at its end. Owners' names are masked and
// phone numbers left off: the diary is read by the guard and kept as it was when the shift ended.
import type { DiaryContribution } from '../handover';
import { maskPersonName, privateExcerpt } from '../../../shared/rules/masking';

export const recordsDiary: DiaryContribution = {
  key: 'records',
  title: 'records:diary.section',
  order: 50,
  collect(ctx, { from, to }) {
    const opened = ctx.db
      .prepare('SELECT number, type, unit, owner_name, matter, created_at FROM record_items WHERE created_at >= ? AND created_at <= ? ORDER BY created_at, id')
      .all(from, to) as Array<{ number: string; type: string; unit: string | null; owner_name: string; matter: string; created_at: number }>;
    const closed = ctx.db
      .prepare(
        `SELECT i.number, i.type, n.kind, n.at, n.by_name FROM record_notes n JOIN record_items i ON i.id = n.item_id
         WHERE n.kind IN ('resolve','unresolvable') AND n.at >= ? AND n.at <= ? ORDER BY n.at, n.id`,
      )
      .all(from, to) as Array<{ number: string; type: string; kind: 'resolve' | 'unresolvable'; at: number; by_name: string | null }>;
    const stillOpen = (ctx.db.prepare("SELECT COUNT(*) AS n FROM record_items WHERE status IN ('open','forwarded')").get() as { n: number }).n;
    return {
      figures: [
        { kind: 'records:diary.opened', params: { count: opened.length } },
        { kind: 'records:diary.closed', params: { count: closed.length } },
        { kind: 'records:diary.stillOpen', params: { count: stillOpen } },
      ],
      entries: [
        ...opened.map((r) => ({
          kind: 'records:diary.entryOpened',
          params: {
            number: r.number,
            type: r.type,
            who: [r.unit ?? '', maskPersonName(r.owner_name)].filter(Boolean).join(' '),
            matter: privateExcerpt(r.matter),
          },
          at: r.created_at,
        })),
        ...closed.map((r) => ({
          kind: r.kind === 'resolve' ? 'records:diary.entryResolved' : 'records:diary.entryUnresolvable',
          params: { number: r.number, type: r.type, by: r.by_name ?? '' },
          at: r.at,
        })),
      ],
    };
  },
};
