// Plain read functions for other features — the shift handover (S-1) and reports. No caller checks here:
// the calling feature's method decides who may see what it returns.
import type { ReadableDB } from '../store/sql';
import { visitorSettings } from './settings';
import { isOverstay } from './rows';

export { openCallbacks } from '../callbacks';
export { activeNotices } from '../notices';

export interface VisitorStillIn {
  visitId: string;
  /** Pass and badge/card numbers: still out with the visitor, to be collected. */
  passNumber: string;
  badgeNumber: string;
  visitorName: string;
  tenant: { id: string; displayName: string; floor: string; room: string };
  hostName: string;
  partySize: number;
  checkedInAt: number;
  minutesIn: number;
  overstay: boolean;
}

/** Everyone signed in and not yet out, longest in first. */
export function visitorsStillIn(db: ReadableDB, now: number): VisitorStillIn[] {
  const { overstayMinutes } = visitorSettings(db);
  const rows = db
    .prepare(
      `SELECT v.id, v.pass_number, v.badge_number, v.visitor_name, v.host_name, v.party_size, v.checked_in_at, v.status,
              t.id AS tenant_id, t.display_name, t.floor, t.room
       FROM visits v JOIN tenants t ON t.id = v.tenant_id WHERE v.status = 'in' ORDER BY v.checked_in_at, v.id`,
    )
    .all() as Array<{
    id: string;
    pass_number: string;
    badge_number: string;
    visitor_name: string;
    host_name: string;
    party_size: number;
    checked_in_at: number;
    status: 'in';
    tenant_id: string;
    display_name: string;
    floor: string;
    room: string;
  }>;
  return rows.map((r) => ({
    visitId: r.id,
    passNumber: r.pass_number,
    badgeNumber: r.badge_number,
    visitorName: r.visitor_name,
    tenant: { id: r.tenant_id, displayName: r.display_name, floor: r.floor, room: r.room },
    hostName: r.host_name,
    partySize: r.party_size,
    checkedInAt: r.checked_in_at,
    minutesIn: Math.floor((now - r.checked_in_at) / 60_000),
    overstay: isOverstay(r, now, overstayMinutes),
  }));
}

/** Visit counts in [from, to) for reports; they survive redaction (V-7). */
export function visitorCounts(db: ReadableDB, from: number, to: number): { visits: number; people: number; byPurpose: Record<string, number> } {
  const rows = db
    .prepare("SELECT purpose, COUNT(*) AS visits, SUM(party_size) AS people FROM visits WHERE status IN ('in','out') AND checked_in_at >= ? AND checked_in_at < ? GROUP BY purpose")
    .all(from, to) as Array<{ purpose: string; visits: number; people: number }>;
  return {
    visits: rows.reduce((n, r) => n + r.visits, 0),
    people: rows.reduce((n, r) => n + r.people, 0),
    byPurpose: Object.fromEntries(rows.map((r) => [r.purpose, r.visits])),
  };
}
