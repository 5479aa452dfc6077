// Nothing waits forever (V-2): a self-registration that waits past `pendingAlertMinutes` alerts the desk once, and
// one still waiting after `pendingExpireMinutes` expires (已过期) — declined by the system, audited as such, and the
// visitor screen it came from is told to send the visitor to the desk. Due times come from the stored registration
// times (bounded when the wall clock went back), so a restart or a sleeping PC loses nothing; each step once.
import type { Job } from '../jobs';
import type { CallContext } from '../context';
import { waitStartParams, waitStartSql } from '../clock-jump';
import { visitorSettings } from './settings';
import { announce } from './desk';
import type { VisitRow } from './rows';

const REGISTERED = waitStartSql('registered_at');
const MINUTE = 60_000;

function earliest(values: Array<number | null>): number | null {
  const set = values.filter((v): v is number => v !== null);
  return set.length === 0 ? null : Math.min(...set);
}

export const pendingAgeingJob: Job = {
  name: 'visitors.pendingAgeing',
  nextDueAt(services, now) {
    const { pendingAlertMinutes: alert, pendingExpireMinutes: expire } = visitorSettings(services.db);
    const params = waitStartParams(now, services.clockJump);
    const first = (where: string) =>
      (services.db.prepare(`SELECT MIN(${REGISTERED}) AS at FROM visits WHERE status = 'pending' ${where}`).get(params) as { at: number | null }).at;
    const alertFrom = alert > 0 ? first('AND pending_alerted_at IS NULL') : null;
    const expireFrom = expire > 0 ? first('') : null;
    return earliest([alertFrom === null ? null : alertFrom + alert * MINUTE, expireFrom === null ? null : expireFrom + expire * MINUTE]);
  },
  run(ctx) {
    expirePending(ctx);
    alertPending(ctx);
  },
};

function duePending(ctx: CallContext, minutes: number, where: string): string[] {
  return (
    ctx.db
      .prepare(`SELECT id FROM visits WHERE status = 'pending' ${where} AND ${REGISTERED} <= @until ORDER BY registered_at, id`)
      .all({ ...waitStartParams(ctx.now, ctx.clockJump), until: ctx.now - minutes * MINUTE }) as Array<{ id: string }>
  ).map((r) => r.id);
}

function expirePending(ctx: CallContext): void {
  const minutes = visitorSettings(ctx.db).pendingExpireMinutes;
  if (minutes <= 0) return;
  for (const id of duePending(ctx, minutes, '')) {
    const { after } = ctx.tx.update<VisitRow>('visits', id, { status: 'declined', decided_at: ctx.now, decided_by: null, expired_at: ctx.now });
    announce(ctx, after);
    if (after.device_id) {
      ctx.emit('visitors.registrationDecided', { registrationId: id, outcome: 'declined', passNumber: null, qrText: null }, { deviceId: after.device_id });
    }
  }
}

function alertPending(ctx: CallContext): void {
  const minutes = visitorSettings(ctx.db).pendingAlertMinutes;
  if (minutes <= 0) return;
  const due = duePending(ctx, minutes, 'AND pending_alerted_at IS NULL');
  if (due.length === 0) return;
  for (const id of due) ctx.tx.update('visits', id, { pending_alerted_at: ctx.now });
  ctx.emit('visitors.pendingWaiting', { visitIds: due });
}
