// Nothing waits forever, and a refusal leaves a trace (V-4, V-6), in Chromium against `lobby-desk web`.
import { test, expect, signIn, choose, type SeededDesk } from './fixtures';

async function seedDesk(seeded: SeededDesk) {
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('王保安', 'security', '2468');
  const huaxin = await seeded.call<{ id: string }>(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { token: seeded.adminToken },
  );
  expect(huaxin.status).toBe(200);
  const lee = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  return { lee, tenantId: huaxin.body.id };
}

test('V-6 a watch-list refusal at the desk appears in the visit history, the diary and the handover', async ({ page, server, seeded }) => {
  const { lee } = await seedDesk(seeded);
  const current = await seeded.call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, { token: lee });
  const shift = await seeded.call<{ id: string }>('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, { token: lee });
  await seeded.call('visitors.addWatch', { mobile: '13600001111', reason: '曾冒充快递员进入楼层' }, { token: seeded.adminToken });

  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await page.getByTestId('desk-mobile').fill('13600001111');
  await page.getByTestId('desk-name').fill('赵六');
  await choose(page, page.getByTestId('desk-tenant'), '华信科技', { query: 'hxkj' });
  await choose(page, page.getByTestId('desk-purpose'), '送货');
  await page.getByTestId('desk-submit').click();
  await page.getByTestId('watch-refuse').click();
  await page.getByTestId('refuse-reason').fill('禁止入内名单：曾冒充快递员，已劝离');
  await page.getByTestId('refuse-submit').click();
  await expect(page.getByText('已对 赵六 不予放行，已通知保安。')).toBeVisible();
  await expect(page.getByTestId('in-building-赵六')).toHaveCount(0);

  // The visit history: refused, by whom and why.
  await page.getByTestId('nav').getByText('访客', { exact: true }).first().click();
  const refusal = page.locator('[data-testid^="history-refusal-"]');
  await expect(refusal).toContainText('李前台');
  await expect(refusal).toContainText('禁止入内名单：曾冒充快递员，已劝离');
  await expect(page.locator('[data-testid^="history-refused-"]')).toHaveText('不予放行');

  // The handover and the diary carry it, the name masked.
  const handover = await seeded.call<{ lines: Array<{ key: string; kind: string; params: Record<string, unknown> }> }>('handover.prepare', {}, { token: lee });
  const line = handover.body.lines.find((l) => l.kind === 'visitors:handover.refused');
  expect(line?.params).toMatchObject({ name: '赵*', by: '李前台', tenant: '华信科技' });
  const diary = await seeded.call('shifts.diary', { shiftId: shift.body.id }, { token: lee });
  expect(JSON.stringify(diary.body)).toContain('visitors:diary.entryRefused');
  await page.getByTestId('nav').getByText('交接班').first().click();
  await expect(page.getByTestId('section-visitors')).toContainText('不予放行：赵*');
});

test('V-4 the end-of-day roll lists who is in at its time and records the guard’s sign-outs', async ({ page, server, seeded }) => {
  test.slow();
  const { lee, tenantId } = await seedDesk(seeded);
  for (const [name, mobile] of [
    ['张三', '13800000001'],
    ['李四', '13800000002'],
  ] as const) {
    expect((await seeded.call('visitors.register', { visitorName: name, mobile, tenantId, purpose: '商务拜访' }, { token: lee })).status).toBe(200);
  }
  // The roll at the next minute, building time (the server's clock is real).
  const next = new Date(Date.now() + 60_000).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
  const settings = await seeded.call<Record<string, unknown>>('visitors.settings', {}, { token: seeded.adminToken });
  expect((await seeded.call('visitors.updateSettings', { ...settings.body, rollTime: next }, { token: seeded.adminToken })).status).toBe(200);

  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '王保安', '2468');
  const roll = page.getByTestId('end-of-day-roll');
  await expect(roll).toBeVisible({ timeout: 150_000 });
  await expect(roll).toContainText('2 位访客待确认');
  await roll.locator('[data-testid^="roll-entry-"]', { hasText: '张三' }).getByTestId('roll-confirm').click();
  await roll.locator('[data-testid^="roll-entry-"]', { hasText: '李四' }).getByTestId('roll-sign-out').click();
  await expect(roll).toBeHidden();
  await expect(page.getByTestId('in-building-李四')).toHaveCount(0);
  await expect(page.getByTestId('in-building-张三')).toBeVisible();

  const answered = await seeded.call<{ roll: { entries: Array<{ visit: { visitorName: string; status: string }; answer: string; answeredByName: string }> } }>('visitors.roll', {}, { token: lee });
  expect(answered.body.roll.entries.map((e) => [e.visit.visitorName, e.answer, e.answeredByName, e.visit.status])).toEqual([
    ['张三', 'confirmed', '王保安', 'in'],
    ['李四', 'signedOut', '王保安', 'out'],
  ]);
});

test('V-2 S-1 a pending self-registration ages: after the alert minutes the lobby marks it waiting, and the handover sheet lists it, marked for attention', async ({ page, server, seeded }) => {
  test.slow();
  const { lee, tenantId } = await seedDesk(seeded);
  const admin = { token: seeded.adminToken };
  // The shortest ageing the settings allow: alert after one minute, expiry well after the test (the server's clock is real).
  const settings = await seeded.call<Record<string, unknown>>('visitors.settings', {}, admin);
  expect((await seeded.call('visitors.updateSettings', { ...settings.body, pendingAlertMinutes: 1, pendingExpireMinutes: 60 }, admin)).status).toBe(200);
  const current = await seeded.call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, { token: lee });
  await seeded.call('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, { token: lee });

  // A visitor registers on the paired visitor screen and nobody at the desk answers it.
  const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂访客屏', kind: 'kiosk' }, admin);
  const kiosk = (await seeded.call<{ token: string }>('devices.pair', { code: code.body.code })).body.token;
  const registered = await seeded.call<{ registrationId: string; status: string }>(
    'visitors.selfRegister',
    { visitorName: '周访客', mobile: '13900001111', tenantId, purpose: '商务拜访', lang: 'zh-CN', consent: true },
    { device: kiosk },
  );
  expect(registered.body.status).toBe('pending');
  const line = page.getByTestId(`line-pending:${registered.body.registrationId}`);

  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('pending-周访客')).toBeVisible();
  await expect(page.getByTestId('pending-waiting-周访客')).toHaveCount(0);
  // On the handover from the start, its name masked, not yet marked.
  await page.getByTestId('nav').getByText('交接班').first().click();
  await page.getByTestId('handover-prepare').click();
  await expect(line).toContainText('待确认的自助登记：周**（拜访 华信科技）');
  await expect(line).not.toContainText('需注意');
  await expect(page.getByTestId('section-visitors')).not.toContainText('周访客');

  // Past the alert minutes the desk is told (pushed, no reload): the entry is marked as waiting too long.
  await page.getByTestId('nav').getByText('前台').click();
  await expect(page.getByTestId('pending-waiting-周访客')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('pending-waiting-周访客')).toHaveText('等待过久，请尽快处理');
  await page.getByTestId('nav').getByText('交接班').first().click();
  await page.getByTestId('handover-refresh').click();
  await expect(line).toContainText('需注意');
  await expect(line).toContainText('待确认的自助登记：周**（拜访 华信科技）');

  // Still pending: ageing alerts, it does not decide for the desk before the expiry.
  const lobby = await seeded.call<{ pending: Array<{ visitorName: string; pendingAlerted: boolean }> }>('visitors.lobby', {}, { token: lee });
  expect(lobby.body.pending).toEqual([expect.objectContaining({ visitorName: '周访客', pendingAlerted: true })]);
});
