// A person's department is one of the configured departments (issue 21): anything else is refused on the
// department field in the caller's language and changes nothing — no person, no edit, no audit entry.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, failure, type TestDesk } from '../../support/core';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

const count = (table: string) => desk!.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('a person’s department', () => {
  it('R-3 X-3 staff.create accepts a configured department or none, and refuses a typed one on the department field, saving nothing', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const gong = await desk.core.invoke(admin, 'staff.create', { name: '龚师傅', role: 'department', pin: '1357', department: '工程部' });
    expect(gong.department).toBe('工程部');
    const lee = await desk.core.invoke(admin, 'staff.create', { name: '李前台', role: 'receptionist', pin: '1357', department: null });
    expect(lee.department).toBeNull();

    const people = count('staff');
    const audited = count('audit_log');
    const refused = await failure(desk.core.invoke(admin, 'staff.create', { name: '钱阿姨', role: 'department', pin: '1357', department: '保洁部' }));
    expect(refused.code).toBe('validation_failed');
    expect(refused.fieldIssues).toEqual([expect.objectContaining({ path: ['department'], message: 'errors:staff.department', params: { name: '保洁部' } })]);
    expect(desk.core.errorResponse(refused, 'zh-CN').body.error).toMatchObject({
      issues: [expect.objectContaining({ path: ['department'], message: expect.stringContaining('“保洁部”不是已设置的部门') })],
    });
    expect(desk.core.errorResponse(refused, 'en').body.error).toMatchObject({
      issues: [expect.objectContaining({ path: ['department'], message: expect.stringContaining('“保洁部” is not one of the configured departments') })],
    });
    expect(count('staff')).toBe(people);
    expect(count('audit_log')).toBe(audited);
  });

  it('R-3 X-3 staff.update moves a person only to a configured department; a department removed from the list since stays on the people who have it', async () => {
    desk = await createDesk();
    const admin = as(desk.admin.token);
    const gong = await desk.person('department', '龚师傅', '1357', '工程部');
    const moved = await desk.core.invoke(admin, 'staff.update', { id: gong.id, department: '秩序部' });
    expect(moved.department).toBe('秩序部');

    const audited = count('audit_log');
    const refused = await failure(desk.core.invoke(admin, 'staff.update', { id: gong.id, name: '龚建国', department: '总部' }));
    expect(refused.code).toBe('validation_failed');
    expect(refused.fieldIssues).toEqual([expect.objectContaining({ path: ['department'], message: 'errors:staff.department' })]);
    const row = desk.core.db.prepare('SELECT name, department FROM staff WHERE id = ?').get(gong.id);
    expect(row).toEqual({ name: '龚师傅', department: '秩序部' });
    expect(count('audit_log')).toBe(audited);

    // The list loses 秩序部: the person keeps it, may be renamed, and may be taken out of any department.
    const settings = await desk.core.invoke(admin, 'records.settings', {});
    await desk.core.invoke(admin, 'records.updateSettings', { ...settings, departments: settings.departments.filter((d) => d !== '秩序部') });
    const renamed = await desk.core.invoke(admin, 'staff.update', { id: gong.id, name: '龚建国', department: '秩序部' });
    expect(renamed).toMatchObject({ name: '龚建国', department: '秩序部' });
    expect((await failure(desk.core.invoke(admin, 'staff.create', { name: '新保安', role: 'department', pin: '1357', department: '秩序部' }))).code).toBe('validation_failed');
    expect((await desk.core.invoke(admin, 'staff.update', { id: gong.id, department: null })).department).toBeNull();
  });
});
