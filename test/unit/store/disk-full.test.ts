// A full disk: SQLite's SQLITE_FULL, provoked here by the database's own page limit (`max_page_count`), which
// fails a write exactly as a full disk does. The call's transaction is rolled back — nothing of it is saved — and
// the desk is told so in its language instead of "something went wrong"; once there is room, the same call works.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('a full disk', () => {
  it('X-2 a write that finds the disk full saves nothing and answers 507 disk_full in the caller’s language; with room again it succeeds', async () => {
    desk = await createDesk();
    const db = desk.core.db;
    const count = () => db.prepare('SELECT count(*) FROM staff').pluck().get() as number;
    const before = count();
    const audited = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    // Each person and their audit entry take room the file soon does not have.
    const create = () =>
      desk!.core.invoke(as(desk!.admin.token), 'staff.create', { name: '新同事', role: 'receptionist', pin: '1357', department: null });
    let thrown: unknown;
    let auditBefore = 0;
    let staffBefore = 0;
    for (let i = 0; i < 200 && thrown === undefined; i += 1) {
      auditBefore = audited();
      staffBefore = count();
      try {
        await create();
      } catch (error) {
        thrown = error;
      }
    }
    expect(thrown).toBeDefined();
    const saved = count();
    const zh = desk.core.errorResponse(thrown, 'zh-CN');
    expect(zh).toEqual({ status: 507, body: { error: { code: 'disk_full', message: expect.stringContaining('磁盘已满') } } });
    expect(desk.core.errorResponse(thrown, 'en').body.error.message).toMatch(/disk is full, so this was not saved/);
    // The failed call left nothing: no person, no audit entry.
    expect(saved).toBe(staffBefore);
    expect(audited()).toBe(auditBefore);
    expect(saved).toBeGreaterThanOrEqual(before);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');

    db.pragma(`max_page_count = ${pages * 100}`);
    await create();
    expect(count()).toBe(saved + 1);
  });
});
