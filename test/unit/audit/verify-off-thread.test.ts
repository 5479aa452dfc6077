import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, LOCAL, type TestDesk } from '../../support/core';

let desk: TestDesk;
afterEach(() => desk?.close());

describe('the full trail check off the desk’s thread', () => {
  it('X-6 X-2 audit.verify runs in a worker: the desk answers while it checks, and its report is the same', async () => {
    desk = await createDesk();
    for (let i = 0; i < 20; i += 1) await desk.core.invoke(as(desk.admin.token), 'staff.create', { name: `员工${i}`, role: 'receptionist', pin: '135790', department: null });
    const order: string[] = [];
    const verifying = desk.core.invoke(as(desk.admin.token), 'audit.verify', {}).then((r) => {
      order.push('verify');
      return r;
    });
    // Issued after the check began, answered before it ends: the check is not on this thread.
    await desk.core.invoke(LOCAL, 'setup.status', {}).then(() => order.push('status'));
    const report = await verifying;
    expect(order).toEqual(['status', 'verify']);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(20);
  });
});
