// `parcels.uncollected`: a parcel held past the setting's days is flagged once (lobby alarm, a reminder to the
// recipient); and collected parcels' personal data (recipient, collector, signature, photo) follow the visitors'
// retention (V-7).
import type { ReadableDB } from '../store/sql';
import type { Job } from '../jobs';
import type { RetentionPart } from '../visitors';
import { notifyTenant, redactNotificationsOf } from '../notify';
import { requireBuildingProfile } from '../settings';
import { DAY } from '../../../shared/rules/time';
import { parcelSettings } from './rows';

export const uncollectedJob: Job = {
  name: 'parcels.uncollected',
  nextDueAt(services) {
    const row = services.db.prepare("SELECT MIN(logged_at) AS at FROM parcels WHERE status = 'held' AND uncollected_at IS NULL").get() as { at: number | null };
    return row.at === null ? null : row.at + parcelSettings(services.db).uncollectedDays * DAY;
  },
  run(ctx) {
    const days = parcelSettings(ctx.db).uncollectedDays;
    const due = ctx.db
      .prepare("SELECT id, tenant_id, kind, courier, number FROM parcels WHERE status = 'held' AND uncollected_at IS NULL AND logged_at <= ? ORDER BY logged_at")
      .all(ctx.now - days * DAY) as Array<{ id: string; tenant_id: string; kind: string; courier: string; number: string }>;
    const post = due.length ? requireBuildingProfile(ctx.db).postName : '';
    for (const p of due) {
      ctx.tx.update('parcels', p.id, { uncollected_at: ctx.now });
      notifyTenant(ctx, {
        subjectKind: 'parcel',
        subjectId: p.id,
        tenantId: p.tenant_id,
        event: 'parcelUncollected',
        subjectLine: `${post}：请尽快领取${p.kind === 'food' ? '外卖' : '快递'}`,
        body: `【${post}】您的${p.kind === 'food' ? '外卖' : '快递'}（${p.courier}，编号 ${p.number}）已在前台存放超过 ${days} 天，请尽快凭取件码领取。`,
        fallbackPhone: false,
      });
      ctx.emit('parcels.changed', { parcelId: p.id, status: 'held', uncollected: true });
    }
  },
};

function oldestCollected(db: ReadableDB): number | null {
  return (db.prepare("SELECT MIN(collected_at) AS at FROM parcels WHERE status = 'collected' AND redacted_at IS NULL").get() as { at: number | null }).at;
}

export const parcelsRetention: RetentionPart = {
  key: 'parcels',
  oldest: oldestCollected,
  redact(ctx, cutoff) {
    const ids = ctx.db.prepare("SELECT id FROM parcels WHERE status = 'collected' AND redacted_at IS NULL AND collected_at <= ?").all(cutoff) as Array<{ id: string }>;
    for (const { id } of ids) {
      ctx.tx.redactRow('parcels', id, { recipient_name: '', collector_name: '', notes: '', photo: null, signature: null, redacted_at: ctx.now });
      redactNotificationsOf(ctx, 'parcel', id);
    }
    return ids.length;
  },
};
