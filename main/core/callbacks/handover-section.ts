// The callbacks section of the handover (S-1, V-3): messages for tenants the desk has not passed on yet, by due
// time, overdue ones highlighted. The guard reads the sheet: the caller's number stays at the desk (it is in the
// callbacks list for those who call back), the caller's name is masked and digit runs in the message are starred.
import type { HandoverSectionProvider } from '../handover/sections';
import { maskPersonName, privateExcerpt } from '../../../shared/rules/masking';
import { openCallbacks } from './core';

export const callbacksHandoverSection: HandoverSectionProvider = {
  key: 'callbacks',
  title: 'callbacks:handover.section',
  order: 20,
  lines(ctx) {
    return openCallbacks(ctx.db, ctx.now).map((c) => ({
      key: `callback:${c.id}`,
      kind: c.overdue ? 'callbacks:handover.overdue' : 'callbacks:handover.open',
      params: {
        caller: maskPersonName(c.callerName),
        tenant: c.tenant.displayName,
        where: [c.tenant.floor ? `${c.tenant.floor}F` : '', c.tenant.room].filter(Boolean).join(' '),
        message: privateExcerpt(c.message),
        owner: c.owner.name,
        createdAt: c.createdAt,
        dueAt: c.dueAt,
      },
      attention: c.overdue,
    }));
  },
};
