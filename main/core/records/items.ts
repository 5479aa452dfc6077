// Items of the reception record: entering one (at the lobby, or from a call record), correcting it,
// listing and reading. `createRecordItem` is the entry point other features use (the phone desk).
import type { CallContext } from '../context';
import { staffOf } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { dayKey, MINUTE, DAY } from '../../../shared/rules/time';
import type { RecordAction, RecordDetail, RecordDraft } from '../../../shared/contract/records';
import type { SignedInUser } from '../../../shared/contract/auth';
import { requireAction, requireReadable } from './access';
import { advanceItemClock, notifyHost } from './clock';
import { toDetail } from './detail';
import { requireItem, type ListedRow } from './rows';
import { recordsEnv, type RecordsEnv } from './settings';
import { newId } from '../ids';
import { actingPerson, addNote } from './trail-notes';

/** How far back an item may say it was received (an item relayed from another post after a weekend). */
const MAX_BACKDATE_MS = 7 * DAY;

/** 2026-1127-003: the day of reception and its running number, per building. */
export function recordNumber(day: string, sequence: number): string {
  const [year, month, date] = day.split('-');
  return `${year}-${month}${date}-${String(sequence).padStart(3, '0')}`;
}

export function checkDepartment(env: RecordsEnv, department: string, field = 'department'): void {
  if (!env.settings.departments.includes(department)) throw ValidationError.field(field, 'records:field.department', { name: department });
}

export function checkAboutStaff(ctx: CallContext, type: string, staffId: string | null): void {
  if (staffId === null) return;
  if (type !== 'complaint') throw ValidationError.field('aboutStaffId', 'records:field.aboutOnlyComplaints');
  const person = ctx.db.prepare('SELECT active FROM staff WHERE id = ?').get(staffId) as { active: number } | undefined;
  if (!person) throw ValidationError.field('aboutStaffId', 'records:field.aboutStaff');
}

/** An owner/tenant linked to the directory must be in it (the column has no foreign key: another feature's table). */
export function checkTenant(ctx: CallContext, tenantId: string | null): void {
  if (tenantId === null) return;
  if (!ctx.db.prepare('SELECT 1 FROM tenants WHERE id = ?').get(tenantId)) throw ValidationError.field('tenantId', 'records:field.tenant');
}

/** Tells the users of a department that an item is now with them. */
export function notifyDepartment(ctx: CallContext, item: ListedRow, department: string): void {
  const people = ctx.db
    .prepare("SELECT id FROM staff WHERE role = 'department' AND active = 1 AND department = ?")
    .all(department) as Array<{ id: string }>;
  for (const person of people) {
    ctx.emit(
      'records.assigned',
      { itemId: item.id, number: item.number, type: item.type, reason: 'forwarded', level: item.level, department, dueAt: null },
      { userId: person.id },
    );
  }
}

/**
 * Enters an item. The phone desk calls this with `{ callId }` to turn a call record into an item without retyping;
 * the caller must be a signed-in person (it is their entry).
 */
export function createRecordItem(ctx: CallContext, draft: RecordDraft, link: { callId?: string | null } = {}): ListedRow {
  const env = recordsEnv(ctx.db);
  const receivedAt = draft.receivedAt ?? ctx.now;
  if (receivedAt > ctx.now + MINUTE) throw ValidationError.field('receivedAt', 'records:field.receivedInFuture');
  if (receivedAt < ctx.now - MAX_BACKDATE_MS) throw ValidationError.field('receivedAt', 'records:field.receivedTooEarly');
  const relayedBy = draft.relayedBy && draft.relayedBy.length > 0 ? draft.relayedBy : null;
  if (draft.channel === 'relayed' && !relayedBy) throw ValidationError.field('relayedBy', 'records:field.relayedBy');
  if (draft.department !== null) checkDepartment(env, draft.department);
  checkAboutStaff(ctx, draft.type, draft.aboutStaffId);
  checkTenant(ctx, draft.tenantId);
  if (draft.repair && draft.type !== 'repair') throw ValidationError.field('repair', 'records:field.repairOnlyRepairs');

  const day = dayKey(receivedAt, env.timeZone);
  const number = recordNumber(day, ctx.tx.nextNumber(`records:${day}`));
  const by = actingPerson(ctx);
  const id = newId(ctx.now);
  const repair = draft.repair ?? {};
  ctx.tx.insert('record_items', {
    id,
    number,
    received_at: receivedAt,
    day_key: day,
    channel: draft.channel,
    relayed_by: draft.channel === 'relayed' ? relayedBy : null,
    type: draft.type,
    owner_name: draft.ownerName,
    owner_phone: draft.ownerPhone,
    unit: draft.unit.length > 0 ? draft.unit : null,
    tenant_id: draft.tenantId,
    matter: draft.matter,
    department: draft.department,
    about_staff_id: draft.aboutStaffId,
    status: draft.department ? 'forwarded' : 'open',
    level: 'desk',
    repair_location: repair.location || null,
    repair_appointment_at: repair.appointmentAt ?? null,
    repair_worker: repair.worker || null,
    repair_materials: repair.materials || null,
    repair_completed_at: repair.completedAt ?? null,
    call_id: link.callId ?? null,
    created_at: ctx.now,
    created_by: by.id,
    created_by_name: by.name,
    updated_at: ctx.now,
  });
  addNote(ctx, id, 'created', '');
  let item = requireItem(ctx.db, id);
  if (draft.department) {
    addNote(ctx, id, 'forward', '', draft.department);
    notifyDepartment(ctx, item, draft.department);
  }
  // An item received long enough ago may already be due for a step of the ladder.
  const notices = advanceItemClock(ctx, item, env);
  if (notices.length > 0) item = requireItem(ctx.db, id);
  notifyHost(ctx, notices);
  ctx.emit('records.changed', { itemId: id });
  return item;
}

/**
 * The frame of every change to an item: read it, bring its clock up to date (so ownership is judged at the true
 * time), check that this person may do this to it now, do it, tell the screens, answer with the new state.
 */
export function changeItem(
  ctx: CallContext,
  id: string,
  action: RecordAction,
  work: (item: ListedRow, env: RecordsEnv, user: SignedInUser) => void,
): RecordDetail {
  const { user } = staffOf(ctx);
  const env = recordsEnv(ctx.db);
  let item = requireItem(ctx.db, id);
  requireReadable(user, item);
  const notices = advanceItemClock(ctx, item, env);
  if (notices.length > 0) item = requireItem(ctx.db, id);
  requireAction(user, item, action);
  work(item, env, user);
  ctx.emit('records.changed', { itemId: id });
  notifyHost(ctx, notices);
  return toDetail(ctx.db, requireItem(ctx.db, id), user, env, ctx.now);
}

type EditInput = {
  id: string;
  ownerName?: string;
  ownerPhone?: string | null;
  unit?: string;
  tenantId?: string | null;
  matter?: string;
  relayedBy?: string | null;
  aboutStaffId?: string | null;
};

const EDITABLE: Array<[keyof EditInput, string]> = [
  ['ownerName', 'owner_name'],
  ['ownerPhone', 'owner_phone'],
  ['unit', 'unit'],
  ['tenantId', 'tenant_id'],
  ['matter', 'matter'],
  ['relayedBy', 'relayed_by'],
  ['aboutStaffId', 'about_staff_id'],
];

/** Corrects details of an open item; the trail names the fields that changed. */
export function editItem(ctx: CallContext, input: EditInput): RecordDetail {
  return changeItem(ctx, input.id, 'edit', (item) => {
    const patch: Record<string, unknown> = {};
    const changed: string[] = [];
    for (const [field, column] of EDITABLE) {
      const raw = input[field];
      if (raw === undefined) continue;
      const value = field === 'unit' && raw === '' ? null : raw;
      if (value === (item as unknown as Record<string, unknown>)[column]) continue;
      patch[column] = value;
      changed.push(field);
    }
    if (changed.length === 0) throw new ConflictError('records:item.nothingChanged');
    if ('relayed_by' in patch && item.channel === 'relayed' && !patch.relayed_by) throw ValidationError.field('relayedBy', 'records:field.relayedBy');
    if ('relayed_by' in patch && item.channel !== 'relayed') throw ValidationError.field('relayedBy', 'records:field.relayedOnlyRelayed');
    if ('tenant_id' in patch) checkTenant(ctx, (patch.tenant_id as string | null) ?? null);
    if ('about_staff_id' in patch) checkAboutStaff(ctx, item.type, (patch.about_staff_id as string | null) ?? null);
    ctx.tx.update('record_items', item.id, { ...patch, updated_at: ctx.now });
    addNote(ctx, item.id, 'edit', changed.join(','));
  });
}

export function readItem(ctx: CallContext, id: string): RecordDetail {
  const { user } = staffOf(ctx);
  const item = requireItem(ctx.db, id);
  requireReadable(user, item);
  return toDetail(ctx.db, item, user, recordsEnv(ctx.db), ctx.now);
}

export function staffChoices(ctx: CallContext) {
  return {
    people: (
      ctx.db.prepare('SELECT id, name, role, department FROM staff WHERE active = 1 ORDER BY name').all() as Array<{
        id: string;
        name: string;
        role: string;
        department: string | null;
      }>
    ).map((p) => ({ id: p.id, name: p.name, role: p.role, department: p.department })),
  };
}
