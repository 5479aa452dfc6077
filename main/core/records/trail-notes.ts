// Writing the dated handling trail: every step anyone takes on an item leaves an entry (never changed).
import { newId } from '../ids';
import type { CallContext } from '../context';
import type { NoteKind } from '../../../shared/contract/records';

export interface ActingPerson {
  id: string | null;
  name: string | null;
  role: string | null;
}

export function staffActor(ctx: CallContext): { id: string; name: string; role: string } & ActingPerson {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} needs a signed-in person`);
  return { id: ctx.caller.user.id, name: ctx.caller.user.name, role: ctx.caller.user.role };
}

export function actingPerson(ctx: CallContext): ActingPerson {
  return ctx.caller.kind === 'staff' ? staffActor(ctx) : { id: null, name: null, role: null };
}

export function addNote(ctx: CallContext, itemId: string, kind: NoteKind, text: string, department: string | null = null): void {
  const by = actingPerson(ctx);
  ctx.tx.insert('record_notes', {
    id: newId(ctx.now),
    item_id: itemId,
    at: ctx.now,
    kind,
    text,
    department,
    by_id: by.id,
    by_name: by.name,
    by_role: by.role,
  });
}
