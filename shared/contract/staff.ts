// The people who work the desk and their roles. Nobody is deleted: people are deactivated.
import { z } from 'zod';
import { mutation, query, ADMIN, LEADS, ROLES } from './define';
import { id, personName, pin, text, empty } from './fields';

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.number(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const staff = {
  list: query({
    summary: 'Everyone with an account, active or not.',
    input: empty(),
    output: z.object({ people: z.array(StaffMember) }),
    allow: LEADS,
  }),
  create: mutation({
    summary: 'Add a person with a role and a first PIN.',
    input: z.strictObject({
      name: personName(),
      role: z.enum(ROLES, { error: 'errors:field.role' }),
      pin: pin(),
      department: text(40).nullable().default(null),
    }),
    output: StaffMember,
    allow: ADMIN,
  }),
  update: mutation({
    summary: 'Rename, change role or department, deactivate or reactivate a person.',
    input: z.strictObject({
      id: id(),
      name: personName().optional(),
      role: z.enum(ROLES, { error: 'errors:field.role' }).optional(),
      department: text(40).nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: StaffMember,
    allow: ADMIN,
  }),
  resetPin: mutation({
    summary: 'Set a new PIN for a person who forgot theirs.',
    input: z.strictObject({ id: id(), pin: pin() }),
    output: z.object({ ok: z.literal(true) }),
    allow: ADMIN,
  }),
};
