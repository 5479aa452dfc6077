// Which items a person may read and what they may do with each. The UI asks `permissions`;
// every mutation calls `requireAction`, so the rules hold whatever the screen shows.
import type { SignedInUser } from '../../../shared/contract/auth';
import { ACTIONS, RECORD_DESK, type RecordAction } from '../../../shared/contract/records';
import type { Role } from '../../../shared/contract/define';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { isActive, OWNER_ROLE, type ItemRow, type ListedRow } from './rows';

const isDesk = (role: Role) => RECORD_DESK.includes(role);

function ofTheDepartment(user: SignedInUser, item: ItemRow): boolean {
  return user.role === 'department' && user.department !== null && user.department === item.department;
}

/** Desk roles and administrators read everything; a department user reads what is with their department. */
export function canRead(user: SignedInUser, item: ItemRow): boolean {
  if (isDesk(user.role) || user.role === 'admin') return true;
  return ofTheDepartment(user, item) || item.about_staff_id === user.id;
}

export function requireReadable(user: SignedInUser, item: ItemRow): void {
  // Not "forbidden": whether an item exists is itself not for everyone to learn.
  if (!canRead(user, item)) throw new NotFoundError('records:item.notFound');
}

/** Why a person may not do something: null when they may. */
function refusal(user: SignedInUser, item: ListedRow, action: RecordAction): { kind: 'forbidden' | 'conflict'; key: string } | null {
  // A complaint about a member of staff is received as it is: that person reads it and changes nothing (篇2 六).
  if (item.about_staff_id !== null && item.about_staff_id === user.id) return { kind: 'forbidden', key: 'records:auth.subject' };
  const active = isActive(item);
  switch (action) {
    case 'edit':
    case 'forward':
    case 'reply':
      if (!isDesk(user.role)) return { kind: 'forbidden', key: 'errors:code.forbidden' };
      return active ? null : { kind: 'conflict', key: 'records:state.closed' };
    case 'note':
      return isDesk(user.role) ? null : { kind: 'forbidden', key: 'errors:code.forbidden' };
    case 'progress':
      if (!isDesk(user.role) && !ofTheDepartment(user, item)) return { kind: 'forbidden', key: 'records:auth.notTheirDepartment' };
      if (!active) return { kind: 'conflict', key: 'records:state.closed' };
      return item.department ? null : { kind: 'conflict', key: 'records:state.notForwarded' };
    case 'repair':
      if (!isDesk(user.role) && !ofTheDepartment(user, item)) return { kind: 'forbidden', key: 'records:auth.notTheirDepartment' };
      if (item.type !== 'repair') return { kind: 'conflict', key: 'records:state.notRepair' };
      return item.status === 'unresolvable' ? { kind: 'conflict', key: 'records:state.closed' } : null;
    case 'resolve':
      // Whoever owns the item at the time records its result (篇4 §4.6–4.8).
      if (user.role !== OWNER_ROLE[item.level]) return { kind: 'forbidden', key: `records:auth.owner.${item.level}` };
      return active ? null : { kind: 'conflict', key: 'records:state.closed' };
    case 'unresolvable':
      if (user.role !== 'manager') return { kind: 'forbidden', key: 'records:auth.managerOnly' };
      return active ? null : { kind: 'conflict', key: 'records:state.closed' };
    case 'followUp':
      if (!isDesk(user.role)) return { kind: 'forbidden', key: 'errors:code.forbidden' };
      return item.status === 'resolved' && item.follow_up_due_at !== null ? null : { kind: 'conflict', key: 'records:state.noFollowUpDue' };
    case 'audit':
      if (user.role !== 'supervisor' && user.role !== 'manager') return { kind: 'forbidden', key: 'errors:code.forbidden' };
      return item.audited === 1 ? { kind: 'conflict', key: 'records:state.alreadyAudited' } : null;
  }
}

export function permissions(user: SignedInUser, item: ListedRow): Record<RecordAction, boolean> {
  return Object.fromEntries(ACTIONS.map((a) => [a, refusal(user, item, a) === null])) as Record<RecordAction, boolean>;
}

export function requireAction(user: SignedInUser, item: ListedRow, action: RecordAction): void {
  requireReadable(user, item);
  const refused = refusal(user, item, action);
  if (!refused) return;
  if (refused.kind === 'forbidden') throw new ForbiddenError(refused.key);
  throw new ConflictError(refused.key);
}
