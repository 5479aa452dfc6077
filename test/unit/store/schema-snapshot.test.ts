import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentSchema, snapshotVersion, SNAPSHOT_FILE } from '../../support/schema';
import { LATEST_SCHEMA_VERSION } from '../../../main/core/store/migrations';

describe('the schema snapshot', () => {
  it('X-2 the schema after all migrations is the committed one; a change needs a new migration', () => {
    const committed = fs.readFileSync(SNAPSHOT_FILE, 'utf8');
    const current = currentSchema();
    if (current === committed) return;
    // Tell which of the two mistakes it is.
    const version = snapshotVersion(committed);
    if (version === LATEST_SCHEMA_VERSION) {
      expect.fail(
        `the schema changed but no migration was added (still version ${version}): never edit a migration that has shipped; ` +
          'add main/core/store/migrations/NNNN-name.ts, then run npm run schema:snapshot',
      );
    }
    expect.fail(`migrations are at version ${LATEST_SCHEMA_VERSION}, the snapshot at ${version}: run npm run schema:snapshot and commit it`);
  });

  it('X-2 the snapshot check tells an edited migration from a new one', () => {
    const committed = fs.readFileSync(SNAPSHOT_FILE, 'utf8');
    expect(snapshotVersion(committed)).toBe(LATEST_SCHEMA_VERSION);
    expect(committed).toMatch(/^CREATE TABLE audit_log /m);
    expect(snapshotVersion('-- schema version 3 (…)\nCREATE TABLE x (a);')).toBe(3);
    expect(snapshotVersion('CREATE TABLE x (a);')).toBeNull();
  });
});
