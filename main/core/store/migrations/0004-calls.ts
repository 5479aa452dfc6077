// Phone desk: rings, calls, script steps.
import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'calls',
  up() {
    // Schema comes with the calls feature.
  },
};
