// Parcel rows, the settings section, and the shape staff screens receive.
import type { ReadableDB } from '../store/sql';
import type { CallContext } from '../context';
import { NotFoundError } from '../errors';
import { readSection } from '../settings';
import { notificationsOf } from '../notify';
import { DAY } from '../../../shared/rules/time';
import { ParcelSettings, DEFAULT_PARCEL_SETTINGS, type Parcel } from '../../../shared/contract/parcels';

export const PARCELS_SECTION = 'parcels';

export function parcelSettings(db: ReadableDB): ParcelSettings {
  return readSection(db, PARCELS_SECTION, ParcelSettings, DEFAULT_PARCEL_SETTINGS);
}

export type ParcelRow = {
  id: string;
  number: string;
  kind: 'parcel' | 'food';
  courier: string;
  tracking_number: string;
  tenant_id: string;
  recipient_name: string;
  shelf: string;
  notes: string;
  photo: Buffer | null;
  photo_type: string | null;
  pickup_code_hash: string;
  status: 'held' | 'collected';
  logged_at: number;
  logged_by: string;
  uncollected_at: number | null;
  collected_at: number | null;
  collected_by: string | null;
  collector_name: string;
  collector_contact: string | null;
  pickup_method: 'code' | 'pin' | 'signature' | null;
  signature: Buffer | null;
  redacted_at: number | null;
};

export type ParcelJoinRow = ParcelRow & { t_name: string; t_display_name: string; t_floor: string; t_room: string };

/** Everything but the blobs (a list must not read every photo). */
export const PARCEL_SELECT = `SELECT p.id, p.number, p.kind, p.courier, p.tracking_number, p.tenant_id, p.recipient_name, p.shelf, p.notes,
    p.photo IS NOT NULL AS has_photo, p.status, p.logged_at, p.logged_by, p.uncollected_at, p.collected_at, p.collected_by, p.collector_name,
    p.collector_contact, p.pickup_method, p.redacted_at, t.name AS t_name, t.display_name AS t_display_name, t.floor AS t_floor, t.room AS t_room
  FROM parcels p JOIN tenants t ON t.id = p.tenant_id`;

type Listed = Omit<ParcelJoinRow, 'photo' | 'signature' | 'pickup_code_hash' | 'photo_type'> & { has_photo: number };

export function parcelRow(db: ReadableDB, id: string): Listed {
  const row = db.prepare(`${PARCEL_SELECT} WHERE p.id = ?`).get(id) as Listed | undefined;
  if (!row) throw new NotFoundError('parcels:error.notFound');
  return row;
}

export function isUncollected(row: Pick<ParcelRow, 'status' | 'logged_at'>, now: number, days: number): boolean {
  return row.status === 'held' && now - row.logged_at >= days * DAY;
}

export function toParcel(ctx: Pick<CallContext, 'db' | 'caller' | 'now'>, row: Listed, days: number): Parcel {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    courier: row.courier,
    trackingNumber: row.tracking_number,
    tenant: { id: row.tenant_id, name: row.t_name, displayName: row.t_display_name, floor: row.t_floor, room: row.t_room },
    recipientName: row.recipient_name,
    shelf: row.shelf,
    notes: row.notes,
    hasPhoto: row.has_photo === 1,
    status: row.status,
    loggedAt: row.logged_at,
    uncollected: isUncollected(row, ctx.now, days),
    collectedAt: row.collected_at,
    collectorName: row.collector_name,
    pickupMethod: row.pickup_method,
    notifications: notificationsOf(ctx, 'parcel', row.id),
    redacted: row.redacted_at !== null,
  };
}

export function parcelsWhere(ctx: Pick<CallContext, 'db' | 'caller' | 'now'>, where: string, params: Record<string, unknown>, order = 'p.logged_at, p.id'): Parcel[] {
  const days = parcelSettings(ctx.db).uncollectedDays;
  const rows = ctx.db.prepare(`${PARCEL_SELECT} WHERE ${where} ORDER BY ${order} LIMIT @limit`).all({ limit: 500, ...params }) as Listed[];
  return rows.map((r) => toParcel(ctx, r, days));
}
