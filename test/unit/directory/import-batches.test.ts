// A large import does not hold the desk (V-3, R-9, X-2): the file is read in a worker, and the rows are written in
// batches, each its own transaction, with the desk answering between them. A file imported again after an
// interruption adds only what is missing.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, LOCAL, openCore, type TestDesk } from '../../support/core';
import { IMPORT_BATCH } from '../../../main/core/directory';
import type { Core } from '../../../main/core/core';

let desk: TestDesk | undefined;
let reopened: Core | undefined;
afterEach(() => {
  reopened?.close();
  desk?.close();
});

function tenantsFile(rows: number) {
  const lines = ['名称,楼层,房号,联系人,联系电话'];
  for (let i = 0; i < rows; i += 1) lines.push(`测试公司${i}有限公司,${(i % 40) + 1},${1000 + i},联系人${i},1380013${String(i).padStart(4, '0')}`);
  return { fileName: 'tenants.csv', contentBase64: Buffer.from(lines.join('\r\n')).toString('base64') };
}

const count = (core: Core, table: string) => (core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('large imports', () => {
  it('V-3 X-2 a 1 200-row import is written in batches while other requests are answered between them', async () => {
    desk = await createDesk();
    const file = tenantsFile(1200);
    let done = false;
    const applying = desk.core.invoke(as(desk.admin.token), 'directory.importApply', file).finally(() => (done = true));
    let answeredDuring = 0;
    let sawPartial = false;
    while (!done) {
      await desk.core.invoke(LOCAL, 'setup.status', {});
      if (!done) {
        answeredDuring += 1;
        const tenants = count(desk.core, 'tenants');
        if (tenants > 0 && tenants < 1200) sawPartial = true;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await applying).toMatchObject({ tenantsCreated: 1200, contactsAdded: 1200, issues: [] });
    expect(sawPartial).toBe(true);
    expect(answeredDuring).toBeGreaterThanOrEqual(1200 / IMPORT_BATCH - 1);
    const found = await desk.core.invoke(as(desk.admin.token), 'directory.search', { q: '测试公司1199' });
    expect(found.tenants[0]!.contacts.map((c) => c.phone)).toEqual(['13800131199']);
  }, 120_000);

  it('V-3 X-2 an import cut short (the app closed) is completed by importing the file again, nothing twice', async () => {
    desk = await createDesk();
    const file = tenantsFile(600);
    const applying = desk.core.invoke(as(desk.admin.token), 'directory.importApply', file);
    // Close as soon as some batches are in.
    while (count(desk.core, 'tenants') === 0) await new Promise((resolve) => setImmediate(resolve));
    desk.core.close();
    await expect(applying).rejects.toThrow(/interrupted/);

    reopened = openCore(desk.dataDir, desk.clock);
    const partial = count(reopened, 'tenants');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(600);
    const session = await reopened.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
    const again = await reopened.invoke(as(session.token), 'directory.importApply', file);
    expect(again).toMatchObject({ tenantsCreated: 600 - partial, contactsAdded: 600 - partial });
    expect(count(reopened, 'tenants')).toBe(600);
    expect(count(reopened, 'tenant_contacts')).toBe(600);
  }, 120_000);
});
