// Visitors: tenant directory, visits, callbacks, watch list, notices.
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'visitors',
  up() {
    // Schema comes with the visitors feature.
  },
};
