// Desk phones paired to report calls by action URL (Yealink / Fanvil): each is known by its address on the LAN and
// a token carried in its URLs. A request is accepted only when both match a phone not revoked.
import type { ReadableDB } from '../../store/sql';
import type { CallContext } from '../../context';
import { newId } from '../../ids';
import { newToken, tokenHash } from '../../auth';
import { ConflictError, NotFoundError } from '../../errors';
import type { DeskPhone } from '../../../../shared/contract/hardware';

interface PhoneRow {
  id: string;
  name: string;
  address: string;
  created_at: number;
  revoked_at: number | null;
}

/** When each phone last reported an event: in memory, not worth a write per ring. */
const lastEvents = new WeakMap<ReadableDB, Map<string, number>>();

function lastEventOf(db: ReadableDB): Map<string, number> {
  let map = lastEvents.get(db);
  if (!map) lastEvents.set(db, (map = new Map()));
  return map;
}

/** An IPv4-mapped IPv6 address is the IPv4 address. */
export function plainAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

function toPhone(db: ReadableDB, row: PhoneRow): DeskPhone {
  return { id: row.id, name: row.name, address: row.address, createdAt: row.created_at, revokedAt: row.revoked_at, lastEventAt: lastEventOf(db).get(row.id) ?? null };
}

export function listDeskPhones(db: ReadableDB): DeskPhone[] {
  return (db.prepare('SELECT id, name, address, created_at, revoked_at FROM desk_phones ORDER BY created_at DESC').all() as PhoneRow[]).map((r) => toPhone(db, r));
}

/**
 * The action URLs to enter in the phone's web page (Features → Action URL on Yealink; Action URL / Event on
 * Fanvil). Relative: the screen puts this PC's LAN address in front. `$remote` and `$call_id` are filled in by the phone.
 */
export function actionUrls(token: string): Record<string, string> {
  const url = (event: string) => `/phone-event?token=${token}&event=${event}&number=$remote&id=$call_id`;
  return { incoming: url('incoming'), established: url('established'), terminated: url('terminated'), missed: url('missed') };
}

export function addDeskPhone(ctx: CallContext, input: { name: string; address: string }): { phone: DeskPhone; token: string; actionUrls: Record<string, string> } {
  const address = plainAddress(input.address);
  const clash = ctx.db.prepare('SELECT id FROM desk_phones WHERE address = ? AND revoked_at IS NULL').get(address);
  if (clash) throw new ConflictError('hardware:error.phoneAddressTaken', { address });
  const token = newToken();
  const row = { id: newId(ctx.now), name: input.name, address, token_hash: tokenHash(token), created_at: ctx.now, created_by: ctx.actor.id, revoked_at: null };
  ctx.tx.insert('desk_phones', row);
  return { phone: toPhone(ctx.db, row), token, actionUrls: actionUrls(token) };
}

export function revokeDeskPhone(ctx: CallContext, id: string): void {
  const row = ctx.tx.get('desk_phones', id) as PhoneRow | undefined;
  if (!row) throw new NotFoundError();
  if (row.revoked_at === null) ctx.tx.update('desk_phones', id, { revoked_at: ctx.now });
}

/** The paired phone sending from `address` with `token`, or null. */
export function pairedPhone(db: ReadableDB, address: string, token: string): DeskPhone | null {
  if (!token || token.length > 200) return null;
  const row = db
    .prepare('SELECT id, name, address, created_at, revoked_at FROM desk_phones WHERE token_hash = ? AND revoked_at IS NULL')
    .get(tokenHash(token)) as PhoneRow | undefined;
  if (!row || row.address !== plainAddress(address)) return null;
  return toPhone(db, row);
}

export function notePhoneEvent(db: ReadableDB, phoneId: string, at: number): void {
  lastEventOf(db).set(phoneId, at);
}

/** The latest event of any paired phone. */
export function lastPhoneEventAt(db: ReadableDB): number | null {
  const values = [...lastEventOf(db).values()];
  return values.length ? Math.max(...values) : null;
}
