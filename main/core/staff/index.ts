// Accounts and roles. Nobody is deleted; a person who leaves is deactivated and their sessions end.
import { newId } from '../ids';
import type { FeatureHandlers, CallContext } from '../context';
import { hashPin } from '../auth';
import { endSessionsOf } from '../auth';
import { clearGuards } from '../auth';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { recordsSettings } from '../records';
import type { StaffMember } from '../../../shared/contract/staff';
import type { Role } from '../../../shared/contract/define';
import type { StaffRow } from '../auth';

export function toStaffMember(row: StaffRow): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    department: row.department,
    active: row.active === 1,
    createdAt: row.created_at,
  };
}

function requirePerson(ctx: CallContext, id: string): StaffRow {
  const row = ctx.tx.get<StaffRow & Record<string, unknown>>('staff', id);
  if (!row) throw new NotFoundError();
  return row;
}

function activeAdminCount(ctx: CallContext): number {
  return (ctx.db.prepare("SELECT COUNT(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number }).n;
}

/**
 * A person's department is one of the configured departments (the records settings), or none; a typed name
 * that is not configured would never receive a forwarded item (R-5, issue 21).
 */
function checkDepartment(ctx: CallContext, department: string | null | undefined): void {
  if (department === null || department === undefined) return;
  if (!recordsSettings(ctx.db).departments.includes(department)) throw ValidationError.field('department', 'errors:staff.department', { name: department });
}

export const staffHandlers: FeatureHandlers<'staff'> = {
  list: (ctx) => ({
    people: (ctx.db.prepare('SELECT * FROM staff ORDER BY active DESC, name').all() as StaffRow[]).map(toStaffMember),
  }),

  create: (ctx, input) => {
    checkDepartment(ctx, input.department);
    const row = {
      id: newId(ctx.now),
      name: input.name,
      role: input.role,
      department: input.department,
      pin_hash: hashPin(input.pin),
      active: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    ctx.tx.insert('staff', row);
    return toStaffMember(row);
  },

  update: (ctx, input) => {
    const before = requirePerson(ctx, input.id);
    // A person keeps a department removed from the list since; only a change is checked.
    if (input.department !== before.department) checkDepartment(ctx, input.department);
    const patch: Record<string, unknown> = { updated_at: ctx.now };
    if (input.name !== undefined) patch.name = input.name;
    if (input.role !== undefined) patch.role = input.role;
    if (input.department !== undefined) patch.department = input.department;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    const { after } = ctx.tx.update<StaffRow & Record<string, unknown>>('staff', input.id, patch);
    const wasAdmin = before.role === 'admin' && before.active === 1;
    const isAdmin = after.role === 'admin' && after.active === 1;
    if (wasAdmin && !isAdmin && activeAdminCount(ctx) === 0) throw new ConflictError('errors:staff.lastAdmin');
    if (after.active === 0) endSessionsOf(ctx, input.id, 'deactivated');
    return toStaffMember(after);
  },

  resetPin: (ctx, input) => {
    requirePerson(ctx, input.id);
    ctx.tx.update('staff', input.id, { pin_hash: hashPin(input.pin), updated_at: ctx.now });
    endSessionsOf(ctx, input.id, 'pinReset');
    // A new PIN starts with a clean slate: the lock earned by guesses at the old one is lifted.
    clearGuards(ctx.tx, input.id);
    return { ok: true as const };
  },
};
