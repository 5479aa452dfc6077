// What the parcel desk contributes to the shift's work diary (S-2): logged (parcels, food), collected, still held;
// parcels flagged uncollected in the shift are listed (tenant and number only).
import type { DiaryContribution, DiaryItemDraft } from '../handover';

export const parcelsDiary: DiaryContribution = {
  key: 'parcels',
  title: 'parcels:diary.section',
  order: 15,
  collect(ctx, { from, to }) {
    const logged = ctx.db
      .prepare("SELECT COUNT(*) AS n, SUM(kind = 'food') AS food FROM parcels WHERE logged_at BETWEEN ? AND ?")
      .get(from, to) as { n: number; food: number | null };
    const collected = (ctx.db.prepare('SELECT COUNT(*) AS n FROM parcels WHERE collected_at BETWEEN ? AND ?').get(from, to) as { n: number }).n;
    const held = (ctx.db.prepare("SELECT COUNT(*) AS n FROM parcels WHERE status = 'held'").get() as { n: number }).n;
    const flagged = ctx.db
      .prepare('SELECT p.number, p.uncollected_at, t.display_name FROM parcels p JOIN tenants t ON t.id = p.tenant_id WHERE p.uncollected_at BETWEEN ? AND ? ORDER BY p.uncollected_at, p.id')
      .all(from, to) as Array<{ number: string; uncollected_at: number; display_name: string }>;
    const figures: DiaryItemDraft[] = [
        { kind: 'parcels:diary.logged', params: { count: logged.n, food: logged.food ?? 0, parcels: logged.n - (logged.food ?? 0) } },
        { kind: 'parcels:diary.collected', params: { count: collected } },
        { kind: 'parcels:diary.held', params: { count: held } },
    ];
    return {
      figures,
      entries: flagged.map((p) => ({ kind: 'parcels:diary.entryUncollected', params: { number: p.number, tenant: p.display_name }, at: p.uncollected_at })),
    };
  },
};
