// What the incident log contributes to the shift's work diary (S-2): incidents recorded, signed and amended
// during the shift, and how many are still open at its end.
import type { DiaryContribution } from '../handover';
import { OPEN_INCIDENT_SQL } from './rows';

export const incidentsDiary: DiaryContribution = {
  key: 'incidents',
  title: 'incidents:diary.section',
  order: 40,
  collect(ctx, window) {
    const recorded = ctx.db
      .prepare('SELECT number, place, author_name, created_at, signed_at FROM incidents WHERE created_at >= ? AND created_at <= ? ORDER BY created_at')
      .all(window.from, window.to) as Array<{ number: string; place: string; author_name: string; created_at: number; signed_at: number | null }>;
    const amended = ctx.db
      .prepare(
        `SELECT i.number, a.by_name, a.at, a.closes_follow_up FROM incident_amendments a JOIN incidents i ON i.id = a.incident_id
         WHERE a.at >= ? AND a.at <= ? ORDER BY a.at`,
      )
      .all(window.from, window.to) as Array<{ number: string; by_name: string; at: number; closes_follow_up: number }>;
    const stillOpen = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM incidents i WHERE ${OPEN_INCIDENT_SQL}`).get() as { n: number }).n;
    return {
      figures: [
        { kind: 'incidents:diary.recorded', params: { count: recorded.length } },
        { kind: 'incidents:diary.stillOpen', params: { count: stillOpen } },
      ],
      entries: [
        ...recorded.map((r) => ({
          kind: r.signed_at === null ? 'incidents:diary.entryUnsigned' : 'incidents:diary.entry',
          params: { number: r.number, place: r.place, author: r.author_name },
          at: r.created_at,
        })),
        ...amended.map((a) => ({
          kind: a.closes_follow_up === 1 ? 'incidents:diary.closed' : 'incidents:diary.amended',
          params: { number: a.number, by: a.by_name },
          at: a.at,
        })),
      ],
    };
  },
};
