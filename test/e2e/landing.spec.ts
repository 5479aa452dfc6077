// Each role lands where its work is (issue 21): after signing in, the lobby shows "我的工作" first — the
// supervisor's audit, owned items and escalations; the manager's items and weekly review; a department's
// forwarded items; the guard's handover and who is in the building. The receptionist's lobby stays as it is.
import { test, expect, signIn } from './fixtures';

test.describe.configure({ timeout: 120_000 }); // five people sign in one after another

test('R-3 R-5 R-6 V-4 S-1 each role’s landing page after sign-in shows its work first; the receptionist’s lobby is unchanged', async ({ page, server, seeded }) => {
  const admin = { token: seeded.adminToken };
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('周主管', 'supervisor', '2468');
  await seeded.addPerson('王经理', 'manager', '3579');
  await seeded.addPerson('赵工', 'department', '4680', '工程部');
  await seeded.addPerson('陈保安', 'security', '5791');
  const tenant = await seeded.call<{ id: string }>('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, admin);
  const lee = await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' });
  const desk = { token: lee.body.token };

  // An item received four days ago (escalated to the supervisor as soon as it is entered), one forwarded to 工程部
  // today, and a visitor in the building.
  const old = await seeded.call<{ id: string; number: string }>(
    'records.create',
    { channel: 'relayed', relayedBy: '夜班保安', receivedAt: Date.now() - 4 * 86_400_000, type: 'repair', ownerName: '刘女士', unit: '5-0802', matter: '地下车库 B2 照明全灭' },
    desk,
  );
  expect(old.status).toBe(200);
  const leak = await seeded.call<{ id: string; number: string }>('records.create', { channel: 'walk_in', type: 'repair', ownerName: '张先生', unit: '2-1803', matter: '卫生间漏水' }, desk);
  expect(leak.status).toBe(200);
  expect((await seeded.call('records.forward', { id: leak.body.id, department: '工程部' }, desk)).status).toBe(200);
  const inquiry = await seeded.call<{ number: string }>('records.create', { channel: 'phone', type: 'inquiry', ownerName: '孙女士', matter: '快递柜在哪里' }, desk);
  expect(inquiry.status).toBe(200);
  expect((await seeded.call('visitors.register', { visitorName: '钱访客', mobile: '13511112222', tenantId: tenant.body.id, purpose: '商务拜访' }, desk)).status).toBe(200);

  await page.goto(`${server.url}/#/lobby`);

  // The receptionist: the lobby as it was, no "my work" row.
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('desk-registration')).toBeVisible();
  await expect(page.getByTestId('my-work')).toHaveCount(0);

  // The supervisor: today's audit, the items they own (the escalated one), the escalations.
  await page.getByTestId('lock-button').click();
  await signIn(page, '周主管', '2468');
  const work = page.getByTestId('my-work');
  await expect(work).toBeVisible();
  await expect(work.getByTestId('work-audit-count')).toHaveText('待审核 3 条');
  await expect(work.getByTestId('work-owned')).toContainText(old.body.number);
  await expect(work.getByTestId('work-owned')).not.toContainText(leak.body.number);
  await expect(work.getByTestId('work-escalations')).toContainText(old.body.number);
  // "My work" stands above the rest of the lobby.
  const workTop = (await work.boundingBox())!.y;
  expect(workTop).toBeLessThan((await page.getByTestId('lobby-records').boundingBox())!.y);
  await work.getByTestId('work-audit-open').click();
  await expect(page.getByTestId('records-audit-page')).toBeVisible();

  // The manager: the items they own (none yet) and the weekly review.
  await page.getByTestId('lock-button').click();
  await signIn(page, '王经理', '3579');
  await expect(page).toHaveURL(/#\/lobby$/);
  await expect(work.getByTestId('work-owned')).toContainText('没有升至您这一级的事项。');
  await expect(work.getByTestId('work-review')).toBeVisible();

  // The department user: what was forwarded to 工程部, nothing else.
  await page.getByTestId('lock-button').click();
  await signIn(page, '赵工', '4680');
  await expect(work.getByTestId('work-forwarded')).toContainText('转给工程部的事项');
  await expect(work.getByTestId(`work-forwarded-${leak.body.number}`)).toBeVisible();
  await expect(work).not.toContainText(inquiry.body.number);
  await work.getByTestId(`work-forwarded-${leak.body.number}`).click();
  await expect(page.getByTestId('record-drawer').getByTestId('record-number')).toHaveText(leak.body.number);
  await page.keyboard.press('Escape');

  // The guard: the handover to acknowledge and who is in the building, first.
  await page.getByTestId('lock-button').click();
  await signIn(page, '陈保安', '5791');
  await expect(work.getByTestId('handover-pending-panel')).toBeVisible();
  await expect(work.getByTestId('in-building-钱访客')).toBeVisible();
});

test('R-5 V-4 P-1 set-up in one place: 管理 holds the departments and time limits, the phone desk and the visitor settings; a new person’s department is chosen from the configured ones', async ({ page, server, seeded }) => {
  const settings = await seeded.call<Record<string, unknown>>('records.settings', {}, { token: seeded.adminToken });
  expect((await seeded.call('records.updateSettings', { ...settings.body, departments: ['工程部', '保洁', '安保部'] }, { token: seeded.adminToken })).status).toBe(200);
  await page.goto(`${server.url}/#/admin`);
  await signIn(page, '管理员', seeded.adminPin);
  await expect(page.getByTestId('admin-page')).toBeVisible();
  await page.getByRole('tab', { name: '部门与时限' }).click();
  await expect(page.getByTestId('records-settings')).toBeVisible();
  await page.getByRole('tab', { name: '电话与话术' }).click();
  await expect(page.getByTestId('call-settings')).toBeVisible();
  await page.getByRole('tab', { name: '访客设置' }).click();
  await expect(page.getByTestId('visitor-settings')).toBeVisible();

  await page.getByRole('tab', { name: '人员与岗位' }).click();
  await page.getByTestId('staff-add').click();
  await page.getByTestId('staff-name').fill('孙师傅');
  await page.getByTestId('staff-pin').fill('8642');
  const department = page.getByTestId('staff-department');
  await department.click();
  // Only the configured departments are offered: nothing can be typed that is not one of them.
  const list = await department.getByRole('combobox').getAttribute('aria-controls');
  const options = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) }).locator('.ant-select-item-option');
  await expect(options).toHaveText(['工程部', '保洁', '安保部']);
  await options.filter({ hasText: '安保部' }).click();
  await expect(department).toContainText('安保部');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByRole('row', { name: /孙师傅/ })).toContainText('安保部');
  const people = await seeded.call<{ people: Array<{ name: string; department: string | null }> }>('staff.list', {}, { token: seeded.adminToken });
  expect(people.body.people.find((p) => p.name === '孙师傅')?.department).toBe('安保部');

  // In English no navigation label is cut off.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('nav')).toContainText('Reception record');
  const cut = await page.getByTestId('nav').locator('.ant-menu-title-content').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
  expect(cut).toEqual([]);
});

test('S-1 S-3 R-4 V-4 V-7 P-2 set-up in one place: 管理 holds the time limits, overstay and retention, the call script, expected visitors and parcels, the handover template and the opening check; the feature pages link there', async ({ page, server, seeded }) => {
  const admin = { token: seeded.adminToken };
  await page.goto(`${server.url}/#/admin`);
  await signIn(page, '管理员', seeded.adminPin);
  await expect(page.getByTestId('admin-page')).toBeVisible();

  // The time limits: the escalation ladder and the complaint answer (部门与时限); overstay and retention (访客设置).
  await page.getByRole('tab', { name: '部门与时限' }).click();
  await expect(page.getByTestId('records-settings').getByLabel('超过几天转客服主管')).toHaveValue('2');
  await expect(page.getByTestId('records-settings').getByLabel('投诉须在几小时内解决或答复')).toHaveValue('24');
  await page.getByRole('tab', { name: '访客设置' }).click();
  await expect(page.getByTestId('visitor-settings').getByLabel('超时提醒（分钟，0 为不提醒）')).toHaveValue('240');
  await expect(page.getByTestId('visitor-settings').getByLabel('访客个人信息保存天数（到期自动删除）')).toHaveValue('180');
  // Expected visitors and parcels are set on the same tab.
  await page.getByTestId('expected-settings').getByText('直接登记入场').click();
  await page.getByTestId('expected-settings-early').fill('45');
  await page.getByTestId('expected-settings-save').click();
  await expect
    .poll(async () => (await seeded.call<{ arrivalAtKiosk: string; earlyMinutes: number }>('expected.settings', {}, admin)).body)
    .toEqual({ arrivalAtKiosk: 'checkIn', earlyMinutes: 45 });
  await page.getByTestId('parcel-settings-days').fill('5');
  await page.getByTestId('parcel-settings-couriers').locator('input').fill('德邦');
  await page.getByTestId('parcel-settings-couriers').locator('input').press('Enter');
  await page.getByTestId('parcel-settings-save').click();
  await expect
    .poll(async () => (await seeded.call<{ uncollectedDays: number; couriers: string[] }>('parcels.settings', {}, admin)).body)
    .toEqual(expect.objectContaining({ uncollectedDays: 5, couriers: expect.arrayContaining(['顺丰', '德邦']) }));
  // The call script as the desk says it, with the post's name from the building.
  await page.getByRole('tab', { name: '电话与话术' }).click();
  await expect(page.getByTestId('call-settings-script')).toContainText('您好，华信大厦前台，请问有什么可以帮您？');
  await expect(page.getByTestId('call-settings-script')).toContainText('对方先挂断后再挂机');

  // The handover template: an item added here is on the template the core keeps.
  await page.getByRole('tab', { name: '交接单模板' }).click();
  const template = page.getByTestId('handover-template');
  await template.getByRole('button', { name: '添加项目' }).click();
  await template.getByPlaceholder('检查项目').last().fill('消防通道畅通');
  await template.getByPlaceholder('英文').last().fill('Fire exits clear');
  // The expected-visitor and parcel saves' "saved" notes gone first, so the one below is this save's.
  await expect(page.getByText('已保存')).toHaveCount(0);
  await template.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  const handover = await seeded.call<{ template: Array<{ label: string }> }>('handover.settings', {}, admin);
  expect(handover.body.template.at(-1)?.label).toBe('消防通道畅通');
  // The opening check, the same way.
  await page.getByRole('tab', { name: '开班检查' }).click();
  const opening = page.getByTestId('opening-check-settings');
  await opening.getByRole('button', { name: '添加项目' }).click();
  await opening.getByPlaceholder('检查项目').last().fill('对讲机电量充足');
  await opening.getByPlaceholder('英文').last().fill('Radio charged');
  await opening.getByRole('button', { name: /保\s*存/ }).click();
  await expect.poll(async () => (await seeded.call<{ openingCheck: Array<{ label: string }> }>('shifts.settings', {}, admin)).body.openingCheck.at(-1)?.label).toBe('对讲机电量充足');

  // The feature pages say where their settings are and link to that tab.
  for (const [nav, tab, link, form] of [
    ['交接班', '交接模板设置', 'handover', 'handover-template'],
    ['工作日记', '开班检查设置', 'opening', 'opening-check-settings'],
    ['访客', '访客设置', 'visitors', 'visitor-settings'],
    ['接待记录', '设置', 'records', 'records-settings'],
  ] as const) {
    await page.getByTestId('nav').getByText(nav, { exact: true }).first().click();
    // A click while the page's first tab is still loading its list can be lost: click until the tab is chosen.
    const settingsTab = page.getByRole('tab', { name: tab, exact: true });
    await expect(async () => {
      await settingsTab.click();
      await expect(settingsTab).toHaveAttribute('aria-selected', 'true', { timeout: 2_000 });
    }).toPass();
    await expect(page.getByTestId('setup-where')).toContainText('管理 →');
    await page.getByTestId(`setup-link-${link}`).click();
    await expect(page.getByTestId('admin-page')).toBeVisible();
    await expect(page.getByTestId(form)).toBeVisible();
  }
});
