// Valid example inputs for the write harnesses (crash consistency, load). Most mutations need none: their input
// is generated from the contract's schema, with a unique marker in every free-text field. A method whose valid
// input depends on earlier records (an id, a pairing code) gets an entry here — features extend this table.
import type { Prng } from './prng';

export interface EarlierCall {
  input: unknown;
  output: unknown;
}

export interface ExampleEnv {
  /** Unique for this call: put it in a free-text field so the write can be found again after a crash. */
  marker: string;
  rng: Prng;
  /** An earlier acknowledged call of `method`, removed from the pool (for one-time things: codes, revocations). */
  take(method: string): EarlierCall | null;
  /** An earlier acknowledged call of `method` (at random), left in the pool. */
  peek(method: string): EarlierCall | null;
  /** A value for `schema` generated from the contract, with the marker in its free-text fields. */
  generated(): unknown;
}

/** Returns the input, or null when it cannot be made yet (e.g. no earlier record to refer to). */
export type Example = (env: ExampleEnv) => unknown;

const idOf = (call: EarlierCall | null): string | null => ((call?.output as { id?: string } | undefined)?.id ?? null);

export const writeExamples: Record<string, Example> = {
  'auth.signIn': (env) => {
    const made = env.peek('staff.create');
    return made ? { userId: idOf(made), pin: (made.input as { pin: string }).pin } : null;
  },
  'staff.update': (env) => {
    const id = idOf(env.peek('staff.create'));
    return id ? { id, name: env.marker } : null;
  },
  'staff.resetPin': (env) => {
    // Taken, so that no later sign-in example uses the person whose PIN changed.
    const id = idOf(env.take('staff.create'));
    return id ? { id, pin: '8642' } : null;
  },
  'settings.updateSecurity': () => ({ idleLockMinutes: 5, pinMaxFailures: 5, pinLockoutMinutes: 5, sessionMaxHours: 14 }),
  'devices.pair': (env) => {
    const code = (env.take('devices.createPairingCode')?.output as { code?: string } | undefined)?.code;
    return code ? { code } : null;
  },
  'devices.revoke': (env) => {
    const id = (env.take('devices.pair')?.output as { device?: { id: string } } | undefined)?.device?.id;
    return id ? { id } : null;
  },
  // The phone desk: a ring the harness made is answered, its record saved, the saved call turned into a
  // reception-record item, and that call given a callback to a tenant the harness created (P-3, P-4).
  'calls.answer': (env) => {
    const id = idOf(env.take('calls.ring'));
    return id ? { id } : null;
  },
  'calls.save': (env) => {
    const id = idOf(env.take('calls.answer'));
    return id ? { id, topic: env.marker, outcome: 'resolved' } : null;
  },
  'calls.toRecord': (env) => {
    const id = idOf(env.take('calls.save'));
    return id ? { callId: id, draft: { type: 'inquiry', ownerName: '周女士', matter: env.marker } } : null;
  },
  'calls.toCallback': (env) => {
    const callId = (env.take('calls.toRecord')?.output as { call?: { id?: string } } | undefined)?.call?.id;
    const tenantId = idOf(env.peek('directory.create'));
    return callId && tenantId ? { callId, draft: { tenantId, callerName: '周女士', callerPhone: '13611112222', message: env.marker } } : null;
  },
};

/** Mutations the write harnesses never call, and why. */
export const notForWriteHarness: Record<string, string> = {
  'auth.signOut': 'ends the session the harness writes with',
  'auth.changePin': 'needs the caller’s current PIN; wrong ones count towards the lockout',
  'setup.initialize': 'runs once; the harness has set the building up already',
};
