// Signing in and out at the desk with a PIN; who is signed in.
import { z } from 'zod';
import { mutation, query, STAFF, ROLES } from './define';
import { id, pin, epochMs, empty, ok } from './fields';

export const SignedInUser = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  department: z.string().nullable(),
});
export type SignedInUser = z.infer<typeof SignedInUser>;

export const Session = z.object({
  token: z.string(),
  user: SignedInUser,
  expiresAt: z.number(),
  idleLockMinutes: z.number(),
});
export type Session = z.infer<typeof Session>;

export const auth = {
  signInChoices: query({
    summary: 'The people who may sign in at this desk, most recent first (names and roles only).',
    input: empty(),
    output: z.object({
      people: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), lastSignInAt: z.number().nullable() })),
    }),
    allow: ['public'],
  }),
  signIn: mutation({
    summary:
      'Sign in with a PIN. Wrong PINs lock the person at that terminal for a growing while, and everywhere after the day’s limit; a supervisor’s PIN (`unlock`) lifts the lock for this sign-in.',
    input: z.strictObject({ userId: id(), pin: pin(), unlock: z.strictObject({ userId: id(), pin: pin() }).optional() }),
    output: Session,
    allow: ['public'],
  }),
  me: query({
    summary: 'The person signed in on this session.',
    input: empty(),
    output: z.object({ user: SignedInUser, expiresAt: epochMs(), idleLockMinutes: z.number() }),
    allow: STAFF,
  }),
  signOut: mutation({
    summary: 'End this session: sign out, lock the screen, or the idle lock did it.',
    input: z.strictObject({ reason: z.enum(['signOut', 'lock', 'idle']) }),
    output: ok(),
    allow: STAFF,
  }),
  changePin: mutation({
    summary: 'Change one’s own PIN.',
    input: z.strictObject({ currentPin: pin(), newPin: pin() }),
    output: ok(),
    allow: STAFF,
  }),
};
