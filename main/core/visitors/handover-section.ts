// The visitors section of the handover (S-1, V-4): everyone still in the building, and the passes and badges still
// out with them. The guard reads the sheet, and a signed sheet is kept after the visit itself is redacted (V-7), so
// the visitor's name is masked and nothing else personal goes on it: no mobile, no ID number, no plate.
import type { HandoverSectionProvider } from '../handover';
import { maskPersonName, privateExcerpt } from '../../../shared/rules/masking';
import { visitorsStillIn } from './queries';
import { unansweredRollEntries } from './roll';

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
    return [...visits, ...passes, ...rollLines(ctx.db), ...pendingLines(ctx.db), ...refusedLines(ctx.db, ctx.shift.startedAt)];
  },
};

type Db = Parameters<HandoverSectionProvider['lines']>[0]['db'];

/** V-4: who the end-of-day roll listed and nobody has answered yet. */
function rollLines(db: Db) {
  const stillIn = new Map(visitorsStillIn(db, 0).map((v) => [v.visitId, v]));
  return unansweredRollEntries(db).flatMap((e) => {
    const v = stillIn.get(e.visitId);
    if (!v) return [];
    return [{ key: `roll:${e.entryId}`, kind: 'visitors:handover.rollOpen', params: { name: maskPersonName(v.visitorName), pass: v.passNumber, tenant: v.tenant.displayName, day: e.dayKey }, attention: true }];
  });
}

/** V-2: self-registrations still waiting for the desk (highlighted once they waited past the alert). */
function pendingLines(db: Db) {
  const rows = db
    .prepare(
      `SELECT v.id, v.visitor_name, v.registered_at, v.pending_alerted_at, t.display_name FROM visits v JOIN tenants t ON t.id = v.tenant_id
       WHERE v.status = 'pending' ORDER BY v.registered_at, v.id`,
    )
    .all() as Array<{ id: string; visitor_name: string; registered_at: number; pending_alerted_at: number | null; display_name: string }>;
  return rows.map((r) => ({
    key: `pending:${r.id}`,
    kind: 'visitors:handover.pending',
    params: { name: maskPersonName(r.visitor_name), tenant: r.display_name, registeredAt: r.registered_at },
    attention: r.pending_alerted_at !== null,
  }));
}

/** V-6: visitors refused (不予放行) during the shift: who refused, when and why (the reason as an excerpt). */
function refusedLines(db: Db, from: number) {
  const rows = db
    .prepare(
      `SELECT v.id, v.visitor_name, v.refused_at, v.decline_reason, t.display_name, s.name AS by_name
       FROM visits v JOIN tenants t ON t.id = v.tenant_id LEFT JOIN staff s ON s.id = v.decided_by
       WHERE v.refused_at IS NOT NULL AND v.refused_at >= ? ORDER BY v.refused_at, v.id`,
    )
    .all(from) as Array<{ id: string; visitor_name: string; refused_at: number; decline_reason: string | null; display_name: string; by_name: string | null }>;
  return rows.map((r) => ({
    key: `refused:${r.id}`,
    kind: 'visitors:handover.refused',
    params: { name: maskPersonName(r.visitor_name), tenant: r.display_name, by: r.by_name ?? '', reason: privateExcerpt(r.decline_reason ?? ''), refusedAt: r.refused_at },
    attention: true,
  }));
}
