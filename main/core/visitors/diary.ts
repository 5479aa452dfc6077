// What the visitor desk contributes to the shift's work diary (S-2): registrations at the desk and on the visitor
// screen, confirmations and declines, check-ins and sign-outs, who is still in at the end. The frozen diary outlives
// the visits (V-7): entries carry masked names only.
import type { DiaryContribution, DiaryItemDraft } from '../handover';
import { maskPersonName } from '../../../shared/rules/masking';

type Count = { n: number; people: number | null };

export const visitorsDiary: DiaryContribution = {
  key: 'visitors',
  title: 'visitors:diary.section',
  order: 10,
  collect(ctx, { from, to }) {
    const count = (where: string): Count =>
      ctx.db.prepare(`SELECT COUNT(*) AS n, SUM(party_size) AS people FROM visits WHERE ${where}`).get({ from, to }) as Count;
    const byDesk = count("source = 'desk' AND registered_at BETWEEN @from AND @to");
    const byKiosk = count("source = 'kiosk' AND registered_at BETWEEN @from AND @to");
    const confirmed = count("source = 'kiosk' AND status IN ('in','out') AND decided_at BETWEEN @from AND @to");
    const checkedIn = count('checked_in_at BETWEEN @from AND @to');
    const signedOut = count('checked_out_at BETWEEN @from AND @to');
    const stillIn = count("status = 'in'");
    const notable = ctx.db
      .prepare(
        `SELECT v.status, v.visitor_name, v.decided_at, v.checked_in_at, t.display_name
         FROM visits v JOIN tenants t ON t.id = v.tenant_id
         WHERE (v.status = 'declined' AND v.decided_at BETWEEN @from AND @to)
            OR (v.status IN ('in','out') AND v.watch_matches <> '[]' AND v.checked_in_at BETWEEN @from AND @to)
         ORDER BY COALESCE(v.checked_in_at, v.decided_at), v.id`,
      )
      .all({ from, to }) as Array<{ status: string; visitor_name: string; decided_at: number; checked_in_at: number | null; display_name: string }>;
    const figures: DiaryItemDraft[] = [
      { kind: 'visitors:diary.registered', params: { count: byDesk.n + byKiosk.n, desk: byDesk.n, kiosk: byKiosk.n } },
      { kind: 'visitors:diary.confirmed', params: { count: confirmed.n } },
      { kind: 'visitors:diary.checkedIn', params: { visits: checkedIn.n, people: checkedIn.people ?? 0 } },
      { kind: 'visitors:diary.signedOut', params: { count: signedOut.n } },
      { kind: 'visitors:diary.stillIn', params: { visits: stillIn.n, people: stillIn.people ?? 0 } },
    ];
    return {
      figures,
      entries: notable.map((v) =>
        v.status === 'declined'
          ? { kind: 'visitors:diary.entryDeclined', params: { name: maskPersonName(v.visitor_name), tenant: v.display_name }, at: v.decided_at }
          : { kind: 'visitors:diary.entryWatchAdmitted', params: { name: maskPersonName(v.visitor_name), tenant: v.display_name }, at: v.checked_in_at },
      ),
    };
  },
};
