// Visit rows as stored, and as staff screens receive them.
import type { ReadableDB } from '../store/sql';
import { NotFoundError } from '../errors';
import type { Visit, VisitStatus } from '../../../shared/contract/visitors';
import { passQrText } from '../../../shared/rules/visitor-pass';
import { storedMatches } from './watch-list';

export type VisitRow = {
  id: string;
  source: 'desk' | 'kiosk';
  status: VisitStatus;
  pass_number: string | null;
  visitor_name: string;
  mobile: string | null;
  tenant_id: string;
  host_name: string;
  purpose: string;
  party_size: number;
  id_number_masked: string | null;
  id_number: string | null;
  vehicle_plate: string | null;
  badge_number: string;
  notes: string;
  lang: 'zh-CN' | 'en';
  device_id: string | null;
  consent_at: number | null;
  id_consent_at: number | null;
  watch_matches: string;
  registered_at: number;
  registered_by: string | null;
  decided_at: number | null;
  decided_by: string | null;
  decline_reason: string | null;
  host_contacted: number;
  checked_in_at: number | null;
  checked_out_at: number | null;
  checked_out_by: string | null;
  checkout_via: 'click' | 'pass' | 'scan' | null;
  overstay_alerted_at: number | null;
  redacted_at: number | null;
};

export type VisitJoinRow = VisitRow & {
  t_name: string;
  t_display_name: string;
  t_floor: string;
  t_room: string;
  t_active: number;
};

export const VISIT_SELECT = `SELECT v.*, t.name AS t_name, t.display_name AS t_display_name, t.floor AS t_floor, t.room AS t_room, t.active AS t_active
  FROM visits v JOIN tenants t ON t.id = v.tenant_id`;

export function visitRow(db: ReadableDB, id: string): VisitJoinRow {
  const row = db.prepare(`${VISIT_SELECT} WHERE v.id = ?`).get(id) as VisitJoinRow | undefined;
  if (!row) throw new NotFoundError();
  return row;
}

export function isOverstay(row: Pick<VisitRow, 'status' | 'checked_in_at'>, now: number, overstayMinutes: number): boolean {
  return row.status === 'in' && overstayMinutes > 0 && row.checked_in_at !== null && now - row.checked_in_at >= overstayMinutes * 60_000;
}

export function toVisit(db: ReadableDB, row: VisitJoinRow, now: number, overstayMinutes: number): Visit {
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    passNumber: row.pass_number,
    qrText: row.pass_number ? passQrText(row.pass_number) : null,
    visitorName: row.visitor_name,
    mobile: row.mobile,
    tenant: { id: row.tenant_id, name: row.t_name, displayName: row.t_display_name, floor: row.t_floor, room: row.t_room },
    hostName: row.host_name,
    purpose: row.purpose,
    partySize: row.party_size,
    idNumberMasked: row.id_number_masked,
    vehiclePlate: row.vehicle_plate,
    badgeNumber: row.badge_number,
    notes: row.notes,
    lang: row.lang,
    registeredAt: row.registered_at,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    hostContacted: row.host_contacted === 1,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    checkoutVia: row.checkout_via,
    overstay: isOverstay(row, now, overstayMinutes),
    watchMatches: storedMatches(db, row.watch_matches),
    redacted: row.redacted_at !== null,
  };
}
