// A refusal leaves a trace (V-6): 不予放行 records who refused, when and why — a self-registration is declined as
// refused; a visitor at the desk is kept as a refused visit (never checked in, no pass). It is on the visit history
// and the audit trail (the row's own entry), in the diary and on the handover (their contributions read
// refused_at), and the guard is alerted (an event to the visitor desk, security included, and the OS notification).
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { translate } from '../i18n';
import { DEFAULT_LANGUAGE } from '../../../shared/i18n';
import { maskPersonName } from '../../../shared/rules/masking';
import { visitorSettings } from './settings';
import { announce, checkPurpose, checkTenant, idNumberColumns, staffId, visitOut } from './desk';
import { matchesJson, matchWatchList } from './watch-list';
import { visitRow, type VisitRow } from './rows';
import { visitorColumns } from './new-visit';

function alertGuard(ctx: CallContext, visitId: string, name: string): void {
  ctx.emit('visitors.refused', { visitId });
  const notify = ctx.host.notify;
  if (!notify) return;
  try {
    notify(translate(DEFAULT_LANGUAGE, 'visitors:refused.title'), translate(DEFAULT_LANGUAGE, 'visitors:refused.body', { name: maskPersonName(name) }));
  } catch (error) {
    ctx.logger.warn('OS notification failed', { error: String(error) });
  }
}

export const refusalHandlers: Pick<FeatureHandlers<'visitors'>, 'refuse'> = {
  refuse: (ctx, input) => {
    const by = staffId(ctx);
    if ((input.id === null) === (input.draft === null)) throw ValidationError.field('id', 'visitors:error.refuseWhich');
    if (input.id !== null) {
      const row = visitRow(ctx.db, input.id);
      if (row.status !== 'pending') throw new ConflictError('visitors:error.notPending');
      const { after } = ctx.tx.update<VisitRow>('visits', row.id, {
        status: 'declined',
        decided_at: ctx.now,
        decided_by: by,
        decline_reason: input.reason,
        refused_at: ctx.now,
      });
      announce(ctx, after);
      if (row.device_id) {
        ctx.emit('visitors.registrationDecided', { registrationId: row.id, outcome: 'declined', passNumber: null, qrText: null }, { deviceId: row.device_id });
      }
      alertGuard(ctx, row.id, row.visitor_name);
      return visitOut(ctx, row.id);
    }
    const draft = input.draft!;
    const settings = visitorSettings(ctx.db);
    checkTenant(ctx, draft.tenantId, { listedOnly: false });
    checkPurpose(settings, draft.purpose);
    const row = {
      id: newId(ctx.now),
      source: 'desk' as const,
      status: 'declined' as const,
      pass_number: null,
      ...visitorColumns(draft),
      ...idNumberColumns(settings, draft.idNumber),
      vehicle_plate: draft.vehiclePlate,
      badge_number: '',
      notes: draft.notes,
      lang: ctx.lang,
      watch_matches: matchesJson(matchWatchList(ctx, draft)),
      registered_at: ctx.now,
      registered_by: by,
      decided_at: ctx.now,
      decided_by: by,
      decline_reason: input.reason,
      refused_at: ctx.now,
    };
    ctx.tx.insert('visits', row);
    announce(ctx, row);
    alertGuard(ctx, row.id, row.visitor_name);
    return visitOut(ctx, row.id);
  },
};
