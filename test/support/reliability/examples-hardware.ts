// Examples for the desk's hardware methods: a desk phone paired at an address of its own (two phones may not share
// one), then revoked; a call whose caller's file is read; a visit in the building whose slip is printed.
import type { Example } from './example-env';
import { byId } from './examples-visitors';

export const hardwareWriteExamples: Record<string, Example> = {
  'hardware.addPhone': {
    make: (env) => ({ name: `话机${env.marker}`.slice(0, 40), address: `10.${env.rng.int(0, 255)}.${env.rng.int(0, 255)}.${env.rng.int(1, 254)}` }),
  },
  'hardware.revokePhone': {
    needs: ['hardware.addPhone'],
    make: (env) => {
      const id = (env.take('hardware.addPhone')?.output as { phone?: { id: string } } | undefined)?.phone?.id;
      return id ? { id } : null;
    },
  },
  // Writes only when a slip printer printed, and the harnesses have none (notForWriteHarness leaves it to the
  // hostile-input test, which takes its valid base from here).
  'hardware.printSlip': {
    needs: ['visitors.register'],
    make: (env) => {
      const visitId = (env.peek(['visitors.register', 'visitors.confirm'])?.output as { id?: string } | undefined)?.id;
      return visitId ? { visitId } : null;
    },
  },
};

export const hardwareReadExamples: Record<string, Example> = {
  'calls.callerFile': byId(['calls.ring', 'calls.answer', 'calls.save']),
};
