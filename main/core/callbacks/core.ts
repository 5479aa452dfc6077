// Callbacks' core functions, for this feature's methods and for other features (the phone desk takes messages
// for tenants and owes missed callers a call back): create one inside the caller's transaction, read them,
// redact them after retention. A 'message' is for a tenant; a 'callBack' has a tenant only when one is known.
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { CallContext } from '../context';
import { NotFoundError, ValidationError } from '../errors';
import { readSection } from '../settings';
import { tenantRow } from '../directory';
import { translate } from '../i18n';
import { maskPersonName } from '../../../shared/rules/masking';
import { CallbackSettings, DEFAULT_CALLBACK_SETTINGS, type Callback, type CallbackSettings as CallbackSettingsT } from '../../../shared/contract/callbacks';
import type { CALLBACK_OUTCOMES, CALLBACK_SOURCES, CallbackKind } from '../../../shared/contract/callbacks';

export const CALLBACKS_SECTION = 'callbacks';

export function callbackSettings(db: ReadableDB): CallbackSettingsT {
  return readSection(db, CALLBACKS_SECTION, CallbackSettings, DEFAULT_CALLBACK_SETTINGS);
}

export type CallbackRow = {
  id: string;
  kind: CallbackKind;
  source: (typeof CALLBACK_SOURCES)[number];
  tenant_id: string | null;
  caller_name: string;
  caller_phone: string;
  message: string;
  due_at: number;
  owner_id: string;
  status: 'open' | 'closed';
  outcome: (typeof CALLBACK_OUTCOMES)[number] | null;
  outcome_note: string;
  visit_id: string | null;
  call_id: string | null;
  created_at: number;
  created_by: string;
  closed_at: number | null;
  closed_by: string | null;
  due_alerted_at: number | null;
  redacted_at: number | null;
};

type JoinRow = CallbackRow & {
  t_name: string | null;
  t_display_name: string | null;
  t_floor: string | null;
  t_room: string | null;
  owner_name: string;
  created_by_name: string;
  closed_by_name: string | null;
};

export const CALLBACK_SELECT = `SELECT c.*, t.name AS t_name, t.display_name AS t_display_name, t.floor AS t_floor, t.room AS t_room,
    o.name AS owner_name, cb.name AS created_by_name, cl.name AS closed_by_name
  FROM callbacks c LEFT JOIN tenants t ON t.id = c.tenant_id JOIN staff o ON o.id = c.owner_id JOIN staff cb ON cb.id = c.created_by
  LEFT JOIN staff cl ON cl.id = c.closed_by`;

/**
 * The caller as the handover sheet and the work diary name them (S-1, S-2): masked, or — a call back from a number
 * the directory did not know has no name — "unknown caller" in both languages, the screen picking `callerEn` in
 * English. Never the number.
 */
export function callerForSheet(callerName: string): { caller: string; callerEn?: string } {
  if (callerName.trim()) return { caller: maskPersonName(callerName) };
  return { caller: translate('zh-CN', 'callbacks:unknownCaller'), callerEn: translate('en', 'callbacks:unknownCaller') };
}

export function toCallback(row: JoinRow, now: number): Callback {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    tenant:
      row.tenant_id === null
        ? null
        : { id: row.tenant_id, name: row.t_name ?? '', displayName: row.t_display_name ?? '', floor: row.t_floor ?? '', room: row.t_room ?? '' },
    callerName: row.caller_name,
    callerPhone: row.caller_phone,
    message: row.message,
    dueAt: row.due_at,
    overdue: row.status === 'open' && row.due_at <= now,
    owner: { id: row.owner_id, name: row.owner_name },
    status: row.status,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    visitId: row.visit_id,
    callId: row.call_id,
    redacted: row.redacted_at !== null,
  };
}

export function callbackOut(db: ReadableDB, id: string, now: number): Callback {
  const row = db.prepare(`${CALLBACK_SELECT} WHERE c.id = ?`).get(id) as JoinRow | undefined;
  if (!row) throw new NotFoundError('callbacks:error.notFound');
  return toCallback(row, now);
}

export function listCallbacks(db: ReadableDB, now: number, status: 'open' | 'closed', limit: number): Callback[] {
  const order = status === 'open' ? 'c.due_at, c.id' : 'c.closed_at DESC, c.id DESC';
  return (db.prepare(`${CALLBACK_SELECT} WHERE c.status = ? ORDER BY ${order} LIMIT ?`).all(status, limit) as JoinRow[]).map((r) => toCallback(r, now));
}

/** Desk staff a callback may be given to: active receptionists, supervisors, managers, admins. */
export function isDeskStaff(db: ReadableDB, staffId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM staff WHERE id = ? AND active = 1 AND role IN ('receptionist','supervisor','manager','admin')").get(staffId) !== undefined
  );
}

export interface CallbackDraftParsed {
  /** A message for a tenant, or a call back the desk owes the caller. */
  kind: CallbackKind;
  /** Required for a message; for a call back, the tenant whose contact called, when known. */
  tenantId: string | null;
  callerName: string;
  callerPhone: string;
  message: string;
  dueAt: number | null;
  ownerId: string | null;
  source: (typeof CALLBACK_SOURCES)[number];
  /** The visit or phone call it came from, when there is one. */
  visitId?: string | null;
  callId?: string | null;
}

/**
 * Takes a message for a tenant or a call back to a caller inside the caller's transaction (V-3, P-1): a message
 * without a tenant is refused with a localized message. `dueAt` defaults to now plus
 * the due-minutes setting, the owner to the person taking it. For the phone desk: parse its input with
 * `CallbackDraft` from the contract, then call this from its own mutation. `createdBy` counts only for a caller
 * that is not a person (a job).
 */
export function createCallback(ctx: CallContext, draft: CallbackDraftParsed, options: { createdBy?: string } = {}): Callback {
  if (draft.kind === 'message' && !draft.tenantId) throw ValidationError.field('tenantId', 'callbacks:error.tenantRequired');
  if (draft.tenantId) tenantRow(ctx.db, draft.tenantId);
  // A timer (a missed call closed by the phone desk's job) has no person; it names whom the callback is for.
  const creator = ctx.caller.kind === 'staff' ? ctx.caller.user.id : (options.createdBy ?? null);
  const ownerId = draft.ownerId ?? creator;
  if (!creator || !ownerId || !isDeskStaff(ctx.db, ownerId)) throw ValidationError.field('ownerId', 'callbacks:error.ownerInvalid');
  const row: CallbackRow = {
    id: newId(ctx.now),
    kind: draft.kind,
    source: draft.source,
    tenant_id: draft.tenantId,
    caller_name: draft.callerName,
    caller_phone: draft.callerPhone,
    message: draft.message,
    due_at: draft.dueAt ?? ctx.now + callbackSettings(ctx.db).dueMinutes * 60_000,
    owner_id: ownerId,
    status: 'open',
    outcome: null,
    outcome_note: '',
    visit_id: draft.visitId ?? null,
    call_id: draft.callId ?? null,
    created_at: ctx.now,
    created_by: creator,
    closed_at: null,
    closed_by: null,
    due_alerted_at: null,
    redacted_at: null,
  };
  ctx.tx.insert('callbacks', row);
  ctx.emit('callbacks.changed', { callbackId: row.id });
  return callbackOut(ctx.db, row.id, ctx.now);
}

/** Open callbacks by due time, for the shift handover (S-1): overdue ones say so. */
export function openCallbacks(db: ReadableDB, now: number): Callback[] {
  return listCallbacks(db, now, 'open', 500);
}

/** Closed callbacks taken before `cutoff` whose personal data has not been redacted yet. */
export function expiredCallbackIds(db: ReadableDB, cutoff: number): string[] {
  return (
    db.prepare("SELECT id FROM callbacks WHERE status = 'closed' AND redacted_at IS NULL AND created_at <= ? ORDER BY created_at").all(cutoff) as Array<{
      id: string;
    }>
  ).map((r) => r.id);
}

/** Earliest creation time of a closed, unredacted callback (when retention next has work), or null. */
export function oldestRedactableCallback(db: ReadableDB): number | null {
  const row = db.prepare("SELECT MIN(created_at) AS at FROM callbacks WHERE status = 'closed' AND redacted_at IS NULL").get() as { at: number | null };
  return row.at;
}

/** Blanks a callback's personal data (name, number, message, note) in place and in its audit images (V-7). */
export function redactCallback(ctx: CallContext, id: string): void {
  ctx.tx.redactRow('callbacks', id, { caller_name: '', caller_phone: '', message: '', outcome_note: '', redacted_at: ctx.now });
}
