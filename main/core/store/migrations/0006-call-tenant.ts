// Phone desk ↔ tenant directory: the tenant a call was about (picked from the directory in the call record), so
// a call turned into a reception-record item or a callback later carries it without anyone picking it again.
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'call-tenant',
  up(db) {
    db.exec(`
      -- No foreign key, like the call's other links: the directory is another feature's table. The core checks the
      -- tenant exists when the call record is saved.
      ALTER TABLE calls ADD COLUMN tenant_id TEXT;
      CREATE INDEX calls_tenant ON calls(tenant_id, ring_started_at) WHERE tenant_id IS NOT NULL;
    `);
  },
};
