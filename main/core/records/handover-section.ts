// The reception-record section of the handover (S-1, R-4, R-5): items that will escalate or fall due within the
// next 24 hours, and those already overdue, most urgent first. The guard reads the sheet: the owner's name is
// masked, the phone number stays off, and digit runs in the matter are starred.
import type { HandoverSectionProvider } from '../handover';
import { maskPersonName, privateExcerpt } from '../../../shared/rules/masking';
import { actingLevel, dueSoonAndOverdue } from './queries';

export const recordsHandoverSection: HandoverSectionProvider = {
  key: 'records',
  title: 'records:handover.section',
  order: 50,
  lines(ctx) {
    return dueSoonAndOverdue(ctx.db, ctx.now).map((item) => {
      const next = item.nextDeadline;
      // Overdue either because a deadline passed (it is then the earliest one) or because it already went up the
      // ladder; due soon means the earliest deadline is within 24 hours.
      const passed = next !== null && next.at <= ctx.now ? next.kind : null;
      const step = item.overdue ? (passed ?? 'escalated') : (next?.kind ?? 'supervisor');
      return {
        key: `record:${item.id}`,
        kind: `records:handover.${item.overdue ? 'overdue' : 'soon'}.${step}`,
        params: {
          number: item.number,
          type: item.type,
          who: [item.unit ?? '', maskPersonName(item.ownerName)].filter(Boolean).join(' '),
          matter: privateExcerpt(item.matter),
          level: actingLevel(item),
          dueAt: next?.at ?? null,
        },
        attention: item.overdue,
      };
    });
  },
};
