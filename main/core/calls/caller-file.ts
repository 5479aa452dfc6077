// Who is calling (P-6): the caller's number matched against the directory before anyone answers, and, once the
// call is opened, that caller's file — their last calls, open reception-record items and callbacks (the anchor is
// a CTI caller log). Numbers of directory contacts are tenant phone numbers: roles outside PHONE_ROLES see them
// masked (V-3).
import type { ReadableDB } from '../store/sql';
import type { Caller, CallContext } from '../context';
import type { CallerFile, CallerMatch, RingingCall } from '../../../shared/contract/calls';
import { PHONE_ROLES } from '../../../shared/contract/directory';
import { RECORD_DESK } from '../../../shared/contract/records';
import { DESK } from '../../../shared/contract/define';
import { maskPhoneNumber, privateExcerpt } from '../../../shared/rules/masking';
import { contactByPhone, phoneKey } from '../directory';
import { requireCallRow } from './rows';

export function callerMatch(db: ReadableDB, number: string): CallerMatch | null {
  if (!number) return null;
  const contact = contactByPhone(db, number);
  if (!contact) return null;
  const tenant = db.prepare('SELECT floor, room FROM tenants WHERE id = ?').get(contact.tenantId) as { floor: string; room: string } | undefined;
  return {
    tenantId: contact.tenantId,
    tenantName: contact.tenantName,
    contactName: contact.contactName,
    floor: tenant?.floor ?? '',
    room: tenant?.room ?? '',
  };
}

function roleOf(caller: Caller | undefined) {
  return caller?.kind === 'staff' ? caller.user.role : null;
}

/** A directory contact's number, as this caller may see it. */
export function numberForRole(caller: Caller | undefined, number: string, match: CallerMatch | null): string {
  const role = roleOf(caller);
  if (!match || !number || caller?.kind === 'system' || (role && PHONE_ROLES.includes(role))) return number;
  return maskPhoneNumber(number);
}

/** A ringing line as the lobby shows it: who is calling, the number masked where the role says so. */
export function withCaller(ctx: { db: ReadableDB; caller?: Caller }, ringing: Omit<RingingCall, 'caller' | 'phoneSource'>): RingingCall {
  const row = ctx.db.prepare('SELECT phone_source FROM calls WHERE id = ?').get(ringing.id) as { phone_source: RingingCall['phoneSource'] } | undefined;
  const caller = callerMatch(ctx.db, ringing.callerNumber);
  return { ...ringing, callerNumber: numberForRole(ctx.caller, ringing.callerNumber, caller), caller, phoneSource: row?.phone_source ?? null };
}

const RECENT_CALLS = 5;
const SCAN_CALLS = 2000;

export function callerFile(ctx: CallContext, callId: string): CallerFile {
  const row = requireCallRow(ctx.db, callId);
  const number = row.caller_number;
  const caller = callerMatch(ctx.db, number);
  const key = number ? phoneKey(number) : '';
  const tenantId = row.tenant_id ?? caller?.tenantId ?? null;
  const role = roleOf(ctx.caller);

  // Numbers are stored as typed or as the phone system sent them, so they are compared as digits (phoneKey).
  const calls = key.length >= 5
    ? (ctx.db
        .prepare(
          `SELECT c.id, c.ring_started_at, c.status, c.topic, c.outcome, c.caller_number, s.name AS answered_by
           FROM calls c LEFT JOIN staff s ON s.id = c.answered_by
           WHERE c.id <> ? AND c.caller_number <> '' ORDER BY c.ring_started_at DESC, c.seq DESC LIMIT ${SCAN_CALLS}`,
        )
        .all(row.id) as Array<{ id: string; ring_started_at: number; status: CallerFile['calls'][number]['status']; topic: string; outcome: CallerFile['calls'][number]['outcome']; caller_number: string; answered_by: string | null }>)
        .filter((c) => phoneKey(c.caller_number) === key)
        .slice(0, RECENT_CALLS)
        .map((c) => ({ id: c.id, ringStartedAt: c.ring_started_at, status: c.status, topic: c.topic, outcome: c.outcome, answeredBy: c.answered_by }))
    : [];

  const itemsVisible = role !== null && RECORD_DESK.includes(role);
  const openItems = itemsVisible
    ? (ctx.db
        .prepare(
          `SELECT id, number, type, matter, status, received_at, owner_phone, tenant_id FROM record_items
           WHERE status IN ('open','forwarded') ORDER BY received_at DESC`,
        )
        .all() as Array<{ id: string; number: string; type: string; matter: string; status: string; received_at: number; owner_phone: string | null; tenant_id: string | null }>)
        .filter((i) => (tenantId !== null && i.tenant_id === tenantId) || (key.length >= 5 && i.owner_phone && phoneKey(i.owner_phone) === key))
        .slice(0, 10)
        .map((i) => ({ id: i.id, number: i.number, type: i.type, matter: privateExcerpt(i.matter, 60), status: i.status, receivedAt: i.received_at }))
    : [];

  const callbacksVisible = role !== null && DESK.includes(role);
  const openCallbacks = callbacksVisible
    ? (ctx.db
        .prepare("SELECT id, kind, message, due_at, caller_phone, tenant_id FROM callbacks WHERE status = 'open' ORDER BY due_at")
        .all() as Array<{ id: string; kind: 'message' | 'callBack'; message: string; due_at: number; caller_phone: string; tenant_id: string | null }>)
        .filter((c) => (key.length >= 5 && phoneKey(c.caller_phone) === key) || (tenantId !== null && c.tenant_id === tenantId))
        .slice(0, 10)
        .map((c) => ({ id: c.id, kind: c.kind, message: privateExcerpt(c.message, 60), dueAt: c.due_at }))
    : [];

  return { caller, calls, openItems, openCallbacks, itemsVisible };
}
