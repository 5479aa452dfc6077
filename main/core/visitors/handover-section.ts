// The visitors section of the handover (S-1, V-4): everyone still in the building, and the passes and badges still
// out with them. The guard reads the sheet, and a signed sheet is kept after the visit itself is redacted (V-7), so
// the visitor's name is masked and nothing else personal goes on it: no mobile, no ID number, no plate.
import type { HandoverSectionProvider } from '../handover';
import { maskPersonName } from '../../../shared/rules/masking';
import { visitorsStillIn } from './queries';

export const visitorsHandoverSection: HandoverSectionProvider = {
  key: 'visitors',
  title: 'visitors:handover.section',
  order: 10,
  lines(ctx) {
    const stillIn = visitorsStillIn(ctx.db, ctx.now);
    const common = (v: (typeof stillIn)[number]) => ({
      name: maskPersonName(v.visitorName),
      pass: v.passNumber,
      tenant: v.tenant.displayName,
      // Floor and room as the lobby lists show them (12F 1201).
      where: [v.tenant.floor ? `${v.tenant.floor}F` : '', v.tenant.room].filter(Boolean).join(' '),
      checkedInAt: v.checkedInAt,
    });
    const visits = stillIn.map((v) => ({
      key: `visit:${v.visitId}`,
      kind: `visitors:handover.${v.overstay ? 'overstay' : 'stillIn'}${v.hostName ? '' : 'NoHost'}`,
      params: { ...common(v), host: v.hostName, partySize: v.partySize },
      attention: v.overstay,
    }));
    // The pass (and a badge or access card, when one was lent) is collected when the visitor signs out; a visitor
    // who leaves without signing out leaves this line unticked, and it carries over until someone collects it.
    const passes = stillIn
      .filter((v) => v.passNumber !== '' || v.badgeNumber !== '')
      .map((v) => ({
        key: `pass:${v.visitId}`,
        kind: v.badgeNumber ? 'visitors:handover.passAndBadgeOut' : 'visitors:handover.passOut',
        params: { ...common(v), badge: v.badgeNumber },
      }));
    return [...visits, ...passes];
  },
};
