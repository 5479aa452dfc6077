// The callbacks section of the handover (S-1, V-3, P-1): messages for tenants the desk has not passed on yet and
// callers the desk still owes a call back, by due time, overdue ones highlighted. The guard reads the sheet: the
// caller's number stays at the desk (it is in the callbacks list for those who call back), the caller's name is
// masked and digit runs in the message are starred. A call back from an unknown number names an "unknown caller".
import type { HandoverSectionProvider } from '../handover';
import type { Callback } from '../../../shared/contract/callbacks';
import { privateExcerpt } from '../../../shared/rules/masking';
import { callerForSheet, openCallbacks } from './core';

function lineKind(c: Callback): string {
  if (c.kind === 'message') return c.overdue ? 'callbacks:handover.overdue' : 'callbacks:handover.open';
  const state = c.overdue ? 'overdue' : 'open';
  return `callbacks:handover.callBack.${c.tenant ? `${state}For` : state}`;
}

export const callbacksHandoverSection: HandoverSectionProvider = {
  key: 'callbacks',
  title: 'callbacks:handover.section',
  order: 20,
  lines(ctx) {
    return openCallbacks(ctx.db, ctx.now).map((c) => ({
      key: `callback:${c.id}`,
      kind: lineKind(c),
      params: {
        ...callerForSheet(c.callerName),
        tenant: c.tenant?.displayName ?? '',
        where: c.tenant ? [c.tenant.floor ? `${c.tenant.floor}F` : '', c.tenant.room].filter(Boolean).join(' ') : '',
        message: privateExcerpt(c.message),
        owner: c.owner.name,
        createdAt: c.createdAt,
        dueAt: c.dueAt,
      },
      attention: c.overdue,
    }));
  },
};
