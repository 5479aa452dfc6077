// The key and item register: keys, access cards and equipment lent out — what, to whom, when, expected back,
// returned. What is still out goes into the handover (S-1).
import { z } from 'zod';
import { mutation, query, type Role } from './define';
import { epochMs, id, paging, personName, required, text } from './fields';

export const LOAN_KINDS = ['key', 'card', 'equipment', 'other'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];

/** The desk lends and takes back; guards do at night. */
export const KEY_ROLES: readonly Role[] = ['receptionist', 'supervisor', 'manager', 'security', 'admin'];

const Person = z.object({ id: z.string(), name: z.string() });

export const KeyLoan = z.object({
  id: z.string(),
  kind: z.enum(LOAN_KINDS),
  item: z.string(),
  itemCode: z.string(),
  borrower: z.string(),
  borrowerUnit: z.string(),
  note: z.string(),
  lentAt: z.number(),
  lentBy: Person,
  expectedBackAt: z.number().nullable(),
  returnedAt: z.number().nullable(),
  returnedTo: Person.nullable(),
  returnNote: z.string(),
  /** Still out after the expected time. */
  overdue: z.boolean(),
});
export type KeyLoan = z.infer<typeof KeyLoan>;

export const keys = {
  lend: mutation({
    summary: 'Record a key, card or piece of equipment handed out.',
    input: z.strictObject({
      kind: z.enum(LOAN_KINDS, { error: 'keys:errors.kind' }),
      item: required(80),
      itemCode: text(40).default(''),
      borrower: personName(),
      /** Unit, company or department of the borrower. */
      borrowerUnit: text(80).default(''),
      expectedBackAt: epochMs().nullable().default(null),
      note: text(200).default(''),
    }),
    output: KeyLoan,
    allow: KEY_ROLES,
  }),
  return: mutation({
    summary: 'Record that a lent item came back.',
    input: z.strictObject({ id: id(), note: text(200).default('') }),
    output: KeyLoan,
    allow: KEY_ROLES,
  }),
  list: query({
    summary: 'Loans, newest first: still out, overdue, or all; by item or borrower.',
    input: z.strictObject({
      state: z.enum(['out', 'overdue', 'all']).default('out'),
      text: text(80).optional(),
      limit: paging.limit,
    }),
    output: z.object({ loans: z.array(KeyLoan) }),
    allow: KEY_ROLES,
  }),
  catalogue: query({
    summary: 'Items lent before (for quick entry), with whether each is out now.',
    input: z.strictObject({}),
    output: z.object({
      items: z.array(z.object({ kind: z.enum(LOAN_KINDS), item: z.string(), itemCode: z.string(), out: z.boolean() })),
    }),
    allow: KEY_ROLES,
  }),
};
