// Refused input over the real HTTP server for the flows of issue 21 (P-3, V-2, V-6, R-6, S-1): each a clear
// localized answer, and nothing written.
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, type TestServer } from '../support/http';
import { seedDirectory } from '../support/visitors';
import { DEFAULT_VISITOR_SETTINGS } from '../../shared/contract/visitors';

let desk: TestDesk;
let http: TestServer;
afterEach(async () => {
  await http?.close();
  desk?.close();
});

type Body = { error: { code: string; message: string; issues?: Array<{ path: unknown[]; message: string }> } };
const count = (table: string) => (desk.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('refused input for the desk’s flows', () => {
  it('V-6 V-2 R-6 a refusal without a reason, an expiry before its alert and a sign-off without the right PIN are refused in the caller’s language, writing nothing', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const zhou = await desk.person('supervisor', '周主管', '2468');

    const visits = count('visits');
    const noReason = await http.call<Body>('visitors.refuse', { draft: { visitorName: '赵六', mobile: '13600001111', tenantId: dir.huaxin.id, purpose: '商务拜访' }, reason: '' }, { token: lee.token, lang: 'zh-CN' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues?.map((i) => i.path)).toContainEqual(['reason']);
    const neither = await http.call<Body>('visitors.refuse', { reason: '名单' }, { token: lee.token, lang: 'en' });
    expect(neither.status).toBe(400);
    expect(neither.body.error.issues?.[0]?.message).toBe('Say which visitor is refused.');
    expect(count('visits')).toBe(visits);

    const early = await http.call<Body>('visitors.updateSettings', { ...DEFAULT_VISITOR_SETTINGS, pendingAlertMinutes: 30, pendingExpireMinutes: 30 }, { token: desk.admin.token, lang: 'zh-CN' });
    expect(early.status).toBe(400);
    expect(early.body.error.issues).toEqual([expect.objectContaining({ path: ['pendingExpireMinutes'], message: '过期时间须长于提醒时间。' })]);

    const item = await http.call<{ id: string }>('records.create', { channel: 'walk_in', type: 'inquiry', ownerName: '张三', matter: '咨询' }, { token: lee.token });
    const audits = count('record_audits');
    const noPin = await http.call<Body>('records.auditItems', { ids: [item.body.id], comment: '' }, { token: zhou.token, lang: 'zh-CN' });
    expect(noPin.status).toBe(400);
    const wrongPin = await http.call<Body>('records.auditItems', { ids: [item.body.id], comment: '', pin: '0000' }, { token: zhou.token, lang: 'zh-CN' });
    expect(wrongPin.status).toBe(401);
    expect(wrongPin.body.error.message).toMatch(/PIN/);
    expect(count('record_audits')).toBe(audits);
    const ok = await http.call<{ audited: number }>('records.auditItems', { ids: [item.body.id], comment: '', pin: '2468' }, { token: zhou.token });
    expect(ok.body).toEqual({ audited: 1 });
  });
});
