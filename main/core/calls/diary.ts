// What the phone desk contributes to the shift's work diary (S-2): calls that rang during the shift, answered and
// missed, and the share answered within the target rings (P-5) — counted by the same code as the day's figures.
// Missed calls are listed by time only: the diary is read by the guard and outlives the call log's details.
import type { DiaryContribution, DiaryItemDraft } from '../handover';
import { spanFigures } from './figures';
import { callSettings } from './settings';

export const callsDiary: DiaryContribution = {
  key: 'calls',
  title: 'calls:diary.section',
  order: 16, // after the parcels (15), as the diary has always shown them
  collect(ctx, { from, to }) {
    // The diary's window includes its end; the figures' span does not.
    const f = spanFigures(ctx.db, from, to + 1);
    const rings = callSettings(ctx.db).targetRings;
    const missed = ctx.db
      .prepare("SELECT ring_started_at FROM calls WHERE status = 'missed' AND ring_started_at >= ? AND ring_started_at <= ? ORDER BY ring_started_at")
      .all(from, to) as Array<{ ring_started_at: number }>;
    const figures: DiaryItemDraft[] = [
      { kind: 'calls:diary.calls', params: { count: f.calls } },
      { kind: 'calls:diary.answered', params: { count: f.answered } },
      { kind: 'calls:diary.missed', params: { count: f.missed } },
      f.withinTargetShare === null
        ? { kind: 'calls:diary.withinTargetNone', params: { rings } }
        : {
            kind: 'calls:diary.withinTarget',
            params: { rings, within: f.withinTarget, counted: f.answered + f.missed, share: `${Math.round(f.withinTargetShare * 100)}%` },
          },
    ];
    return {
      figures,
      entries: missed.map((m) => ({ kind: 'calls:diary.entryMissed', params: {}, at: m.ring_started_at })),
    };
  },
};
