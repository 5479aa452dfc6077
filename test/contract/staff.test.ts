// People over HTTP (issue 21): a department not among the configured ones is a localized 400 on the department
// field, and nothing is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, type TestServer } from '../support/http';

let desk: TestDesk;
let http: TestServer;
afterEach(async () => {
  await http?.close();
  desk?.close();
});

type Body = { error: { code: string; message: string; issues?: Array<{ path: unknown[]; message: string }> } };
type Person = { id: string; name: string; department: string | null };

describe('people over HTTP', () => {
  it('R-3 X-3 staff.create and staff.update take only a configured department; another is a 400 on the department field in the caller’s language, saving nothing', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const token = desk.admin.token;
    const made = await http.call<Person>('staff.create', { name: '龚师傅', role: 'department', pin: '1357', department: '工程部' }, { token });
    expect(made.status).toBe(200);
    expect(made.body.department).toBe('工程部');

    const zh = await http.call<Body>('staff.create', { name: '钱阿姨', role: 'department', pin: '1357', department: '保洁部' }, { token, lang: 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.issues).toEqual([expect.objectContaining({ path: ['department'], message: expect.stringContaining('“保洁部”不是已设置的部门') })]);
    const en = await http.call<Body>('staff.update', { id: made.body.id, name: '龚建国', department: '总部' }, { token, lang: 'en' });
    expect(en.status).toBe(400);
    expect(en.body.error.issues).toEqual([expect.objectContaining({ path: ['department'], message: expect.stringContaining('“总部” is not one of the configured departments') })]);

    const people = await http.call<{ people: Person[] }>('staff.list', {}, { token });
    expect(people.body.people.map((p) => p.name).sort()).toEqual(['管理员', '龚师傅'].sort());
    expect(people.body.people.find((p) => p.id === made.body.id)).toMatchObject({ name: '龚师傅', department: '工程部' });
    const moved = await http.call<Person>('staff.update', { id: made.body.id, department: '保洁' }, { token });
    expect(moved.status).toBe(200);
    expect(moved.body.department).toBe('保洁');
  });
});
