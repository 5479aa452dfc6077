// Valid example inputs for the harnesses (crash consistency, hostile input, load). Most mutations need none: their
// input is generated from the contract's schema, with a unique marker in every free-text field. A method whose
// valid input depends on earlier records (an id, a pairing code, the current opening check) gets an entry here —
// features extend these tables (examples-<area>.ts). An example may read the current state through queries, as
// the screen would, and names the methods whose writes it refers to (`needs`), so they can be called first.
import { idOf, type Example } from './example-env';
import { visitorReadExamples, visitorWriteExamples } from './examples-visitors';
import { deskReadExamples, deskWriteExamples } from './examples-desk';
import { shiftReadExamples, shiftWriteExamples } from './examples-shift';
import { hardwareReadExamples, hardwareWriteExamples } from './examples-hardware';
import { journeyNotForWriteHarness, journeyReadExamples, journeyWriteExamples } from './examples-journeys';

import { ROLES } from '../../../shared/contract/define';

export type { EarlierCall, Example, ExampleEnv } from './example-env';

const foundationWriteExamples: Record<string, Example> = {
  // A person's department must be one of the configured ones (or none): a generated marker would be refused.
  'staff.create': {
    make: async (env) => {
      const settings = await env.query<{ departments: string[] }>('records.settings', {});
      const departments = settings?.departments ?? [];
      return {
        name: env.marker,
        role: env.rng.pick(ROLES),
        pin: String(env.rng.int(1000, 99_999_999)),
        department: departments.length > 0 && env.rng.chance(0.5) ? env.rng.pick(departments) : null,
      };
    },
  },
  'auth.signIn': {
    needs: ['staff.create'],
    make: (env) => {
      const made = env.peek('staff.create');
      return made ? { userId: idOf(made), pin: (made.input as { pin: string }).pin } : null;
    },
  },
  'staff.update': {
    needs: ['staff.create'],
    make: (env) => {
      const id = idOf(env.peek('staff.create'));
      return id ? { id, name: env.marker } : null;
    },
  },
  'staff.resetPin': {
    needs: ['staff.create'],
    make: (env) => {
      // Taken, so that no later sign-in example uses the person whose PIN changed.
      const id = idOf(env.take('staff.create'));
      return id ? { id, pin: '8642' } : null;
    },
  },
  'settings.updateSecurity': { make: () => ({ idleLockMinutes: 5, pinMaxFailures: 5, pinLockoutMinutes: 5, sessionMaxHours: 14 }) },
  'devices.pair': {
    needs: ['devices.createPairingCode'],
    make: (env) => {
      const code = (env.take('devices.createPairingCode')?.output as { code?: string } | undefined)?.code;
      return code ? { code } : null;
    },
  },
  'devices.revoke': {
    needs: ['devices.pair'],
    make: (env) => {
      const id = (env.take('devices.pair')?.output as { device?: { id: string } } | undefined)?.device?.id;
      return id ? { id } : null;
    },
  },
};

/** Mutations by example, in the order the harnesses first call them (what a method needs comes before it). */
export const writeExamples: Record<string, Example> = {
  ...foundationWriteExamples,
  ...visitorWriteExamples,
  ...deskWriteExamples,
  ...shiftWriteExamples,
  ...hardwareWriteExamples,
  ...journeyWriteExamples,
};

/**
 * Queries whose valid input names an earlier record (`visitors.get { id }`): the hostile-input test uses these as
 * the valid base its payloads vary, so that a query's own checks are reached, not only its "not found".
 */
export const readExamples: Record<string, Example> = {
  ...visitorReadExamples,
  ...deskReadExamples,
  ...shiftReadExamples,
  ...journeyReadExamples,
  ...hardwareReadExamples,
};

/** Mutations the write harnesses never call, and why. */
export const notForWriteHarness: Record<string, string> = {
  'auth.signOut': 'ends the session the harness writes with',
  'auth.changePin': 'needs the caller’s current PIN; wrong ones count towards the lockout',
  'setup.initialize': 'runs once; the harness has set the building up already',
  'audit.exportKey': 'opens a save dialog in the desktop app; over HTTP it writes nothing, so there is nothing to find',
  'installation.restart': 'restarts the desk under test (its own test: test/contract/installation.test.ts)',
  'installation.restore': 'puts a backup back and restarts the desk under test (its own test: test/contract/installation.test.ts)',
  'installation.updatePreferences': 'changes how the desk under test is served after a restart (its own test: test/contract/installation.test.ts)',
  'hardware.printSlip': 'writes only when a slip printer printed, and the harness has none',
  'visitors.answerRoll': 'answers an entry of the end-of-day roll, which only the roll job makes at its time (its own test: test/unit/visitors/ageing-roll-refusal.test.ts)',
  ...journeyNotForWriteHarness,
};
