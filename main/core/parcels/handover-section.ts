// The parcels section of the handover (S-1, V-9): every parcel or food delivery still held, the uncollected ones
// highlighted. The sheet outlives the parcel: the recipient's name is masked, no tracking number beyond its tail.
import type { HandoverSectionProvider } from '../handover';
import { maskPersonName } from '../../../shared/rules/masking';
import { DAY } from '../../../shared/rules/time';
import { parcelSettings } from './rows';

export const parcelsHandoverSection: HandoverSectionProvider = {
  key: 'parcels',
  title: 'parcels:handover.section',
  order: 35,
  lines(ctx) {
    const days = parcelSettings(ctx.db).uncollectedDays;
    const rows = ctx.db
      .prepare(
        `SELECT p.id, p.number, p.kind, p.courier, p.recipient_name, p.shelf, p.logged_at, t.display_name
         FROM parcels p JOIN tenants t ON t.id = p.tenant_id WHERE p.status = 'held' ORDER BY p.logged_at, p.id`,
      )
      .all() as Array<{ id: string; number: string; kind: string; courier: string; recipient_name: string; shelf: string; logged_at: number; display_name: string }>;
    return rows.map((p) => {
      const uncollected = ctx.now - p.logged_at >= days * DAY;
      return {
        key: `parcel:${p.id}`,
        kind: uncollected ? 'parcels:handover.uncollected' : 'parcels:handover.held',
        params: {
          number: p.number,
          parcelKind: p.kind,
          courier: p.courier,
          tenant: p.display_name,
          recipient: p.recipient_name ? maskPersonName(p.recipient_name) : '',
          shelf: p.shelf,
          loggedAt: p.logged_at,
          days: Math.floor((ctx.now - p.logged_at) / DAY),
        },
        attention: uncollected,
      };
    });
  },
};
