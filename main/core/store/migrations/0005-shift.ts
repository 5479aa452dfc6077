// Shifts, opening checks, incidents, key register, handovers, work diaries.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'shift',
  up() {
    // Schema comes with the shift feature.
  },
};
