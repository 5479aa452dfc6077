// The notices section of the handover (S-1, R-10): every notice in force now, public or internal, so the incoming
// guard knows what owners and visitors have been told (a water cut, a fire drill, a lift out of service).
import type { HandoverSectionProvider } from '../handover';
import { activeNotices } from './queries';

export const noticesHandoverSection: HandoverSectionProvider = {
  key: 'notices',
  title: 'notices:handover.section',
  order: 60,
  lines(ctx) {
    return activeNotices(ctx.db, ctx.now).map((n) => ({
      key: `notice:${n.id}`,
      kind: n.activeUntil === null ? 'notices:handover.openEnded' : 'notices:handover.until',
      params: {
        title: n.title,
        titleEn: n.titleEn,
        target: n.target,
        targetValue: n.targetValue,
        public: n.public,
        fromAt: n.activeFrom,
        untilAt: n.activeUntil,
      },
    }));
  },
};
