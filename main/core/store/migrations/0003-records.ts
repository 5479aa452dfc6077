// Reception record: items, handling trail, escalation events, follow-ups, audits, weekly reviews.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'records',
  up() {
    // Schema comes with the records feature.
  },
};
