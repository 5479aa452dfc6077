// Messages to hosts that more than one feature sends.
import type { CallContext } from '../context';
import { requireBuildingProfile } from '../settings';
import { formatTime } from '../../../shared/rules/time';
import { notifyTenant } from './outbox';

/** The host hears that their visitor is checked in (V-10); without a channel the desk's phone script is the fallback. */
export function notifyVisitorArrived(
  ctx: CallContext,
  visit: { id: string; tenant_id: string; visitor_name: string; party_size: number; purpose: string },
  options: { fallbackPhone?: boolean } = {},
): void {
  const { postName, timeZone } = requireBuildingProfile(ctx.db);
  notifyTenant(ctx, {
    subjectKind: 'visit',
    subjectId: visit.id,
    tenantId: visit.tenant_id,
    event: 'visitorArrived',
    subjectLine: `${postName}：访客 ${visit.visitor_name} 已到`,
    body: `【${postName}】您的访客 ${visit.visitor_name}（${visit.party_size} 人）已于 ${formatTime(ctx.now, timeZone)} 在前台登记入场，来访事由：${visit.purpose}。`,
    fallbackPhone: options.fallbackPhone ?? false,
  });
}
