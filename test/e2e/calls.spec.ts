// The phone desk in Chromium against `lobby-desk web`. The server's clock is real here, so waits are kept short
// with a one-second ring (set through the API); the browser's clock is moved with page.clock to watch the lobby
// count rings without waiting for them.
import { test, expect, signIn, choose, type SeededDesk } from './fixtures';
import type { Page } from '@playwright/test';

async function cadence(seeded: SeededDesk, secondsPerRing: number, targetRings = 3, hotkey = 'F9'): Promise<void> {
  const response = await seeded.call(
    'calls.updateSettings',
    { secondsPerRing, targetRings, giveUpAfterSeconds: Math.max(10, secondsPerRing * targetRings), hotkey },
    { token: seeded.adminToken },
  );
  expect(response.status).toBe(200);
}

async function openLobbyAs(page: Page, url: string, name: string, pin: string): Promise<void> {
  await page.goto(`${url}/#/lobby`);
  await signIn(page, name, pin);
  await expect(page.getByTestId('phone-panel')).toBeVisible();
}

test('P-1 P-2 P-3 P-5 ring → wait → answer → tick the script → save; the lobby’s within-target share follows', async ({ page, server, seeded }) => {
  // Two whole calls and the log: longer than one screen's test, slower still on a shared machine.
  test.slow();
  await seeded.addPerson('李前台', 'receptionist', '1357');
  // Thirty-second rings for the first call: the browser's clock shows the rings go by, while the real seconds
  // this machine takes between ring and answer stay far inside the target.
  await cadence(seeded, 30, 3);
  await page.clock.install();
  await openLobbyAs(page, server.url, '李前台', '1357');
  await expect(page.getByTestId('figures-calls')).toHaveText('0');
  await expect(page.getByTestId('figures-share')).toHaveText('—');

  // The page key rings; the lobby counts rings from main's elapsed time, moved here by the browser's clock.
  await page.keyboard.press('F9');
  const line = page.getByTestId('ring-line-1');
  await expect(line).toHaveAttribute('data-level', 'calm');
  await expect(line.getByTestId('ring-number')).toHaveText('第 1 声');
  await page.clock.runFor(30_000);
  await expect(line.getByTestId('ring-number')).toHaveText('第 2 声');
  await expect(line).toHaveAttribute('data-level', 'amber');
  await page.clock.runFor(30_000);
  await expect(line.getByTestId('ring-number')).toHaveText('第 3 声');
  await expect(line).toHaveAttribute('data-level', 'red');
  await page.clock.runFor(30_000);
  await expect(line.getByTestId('ring-number')).toHaveText('第 4 声');
  await expect(line).toHaveAttribute('data-level', 'overdue');
  await expect(line).toContainText('已超过 3 声，请立即接听！');

  // Main measured real time: answered well inside three thirty-second rings.
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await expect(card.getByTestId('call-within-target')).toHaveText('达标');
  await expect(card.getByTestId('call-greeting')).toHaveText('您好，华信大厦前台，请问有什么可以帮您？');
  await expect(card.getByTestId('call-greeting-en')).toHaveText('Hello, Huaxin Tower front desk. How may I help you?');
  // Ticked with the keyboard (Alt+n works while typing in the form) and one with the mouse.
  await page.keyboard.press('Alt+1');
  await expect(card.getByTestId('call-script-count')).toHaveText('1/6 步');
  await page.keyboard.press('Alt+2');
  await expect(card.getByTestId('call-script-count')).toHaveText('2/6 步');
  await page.keyboard.press('Alt+3');
  await expect(card.getByTestId('call-script-count')).toHaveText('3/6 步');
  await card.getByTestId('script-step-callerHungUp').click();
  await expect(card.getByTestId('call-script-count')).toHaveText('4/6 步');
  await card.getByTestId('call-caller-name').fill('张先生');
  await card.getByTestId('call-caller-number').fill('138 0013 8000');
  await card.getByTestId('call-unit').fill('A座1203');
  await card.getByTestId('call-topic').fill('咨询停车');
  await card.getByTestId('call-note').fill('询问访客车位，已答复：B2 访客区。');
  await card.getByTestId('call-outcome-resolved').click();
  await card.getByTestId('call-note').press('Control+Enter');
  await expect(card).toBeHidden();
  await expect(page.getByTestId('figures-calls')).toHaveText('1');
  await expect(page.getByTestId('figures-share')).toHaveText('100%');

  // The next call rings one second a ring with a target of one ring, and waits past it in real time.
  await cadence(seeded, 1, 1);
  await expect(page.getByTestId('phone-panel')).toContainText('标准：铃响 1 声之内接听');
  await page.getByTestId('ring-button').click();
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await page.waitForTimeout(1_200);
  await page.getByTestId('ring-answer-1').click();
  const late = page.getByTestId('call-card-1');
  await expect(late.getByTestId('call-within-target')).toHaveText('未达标');
  await late.getByTestId('call-topic').fill('报修');
  await late.getByTestId('call-outcome-forwarded').click();
  await late.getByTestId('call-save').click();
  await expect(late).toBeHidden();
  await expect(page.getByTestId('figures-share')).toHaveText('50%');
  await expect(page.getByTestId('figures-calls')).toHaveText('2');

  // The call log keeps which steps were done.
  await page.getByTestId('nav').getByText('电话记录').click();
  await expect(page.getByTestId('call-log')).toBeVisible();
  await expect(page.getByTestId('call-log-figures').getByTestId('figures-share')).toHaveText('50%');
  await page.getByRole('cell', { name: '咨询停车' }).click();
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer).toContainText('13800138000');
  await expect(drawer.getByTestId('call-drawer-script')).toContainText('复述内容，对方已确认');
  await expect(drawer.locator('[data-testid="call-drawer-script"] .anticon-check')).toHaveCount(4);
});

test('P-1 a lobby reloaded mid-ring shows the same ring number and start time', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  // Thirty-second rings: the real seconds a reload takes cannot reach the next ring.
  await cadence(seeded, 30, 3);
  await page.clock.install();
  await openLobbyAs(page, server.url, '李前台', '1357');
  await page.getByTestId('ring-button').click();
  const line = page.getByTestId('ring-line-1');
  await expect(line.getByTestId('ring-number')).toHaveText('第 1 声');
  const started = await line.getByTestId('ring-started').textContent();
  expect(started).toMatch(/^\d\d:\d\d:\d\d 开始响铃$/);

  await page.reload();
  await expect(line.getByTestId('ring-number')).toHaveText('第 1 声');
  await expect(line.getByTestId('ring-started')).toHaveText(started!);
  // And it keeps counting from where main says it is.
  await page.clock.runFor(30_000);
  await expect(line.getByTestId('ring-number')).toHaveText('第 2 声');
  await expect(line).toHaveAttribute('data-level', 'amber');
});

test('P-1 two lines ring at once; F10 rings another line, F8 marks the longest-ringing caller as gone', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await openLobbyAs(page, server.url, '李前台', '1357');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await page.keyboard.press('F10');
  await expect(page.getByTestId('ring-line-2')).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('ring-line-1')).toBeHidden();
  await expect(page.getByTestId('ring-line-2')).toBeVisible();
  await expect(page.getByTestId('figures-missed')).toHaveText('1');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('call-card-2')).toBeVisible();
  await expect(page.getByTestId('ring-button')).toBeVisible();
});

async function seedTenants(seeded: SeededDesk): Promise<void> {
  for (const tenant of [
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { kind: 'company', name: '明达律师事务所', displayName: '明达律师事务所', floor: '25', room: '2501', contact: { name: '陈律师', phone: '0755-83211234' } },
  ]) {
    expect((await seeded.call('directory.create', tenant, { token: seeded.adminToken })).status).toBe(200);
  }
}

test('P-1 P-2 P-3 P-5 R-1 ring → wait → answer → tick the script → save → a complaint in the reception record, linked both ways; the share follows', async ({ page, server, seeded }) => {
  test.slow();
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenants(seeded);
  await cadence(seeded, 30, 3);
  await page.clock.install();
  await openLobbyAs(page, server.url, '李前台', '1357');
  await expect(page.getByTestId('figures-share')).toHaveText('—');

  // Ring, let it ring into the second ring, answer, follow the script.
  await page.keyboard.press('F9');
  const line = page.getByTestId('ring-line-1');
  // The browser's clock only moves a line that is already on screen.
  await expect(line).toBeVisible();
  await page.clock.runFor(30_000);
  await expect(line.getByTestId('ring-number')).toHaveText('第 2 声');
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await expect(card.getByTestId('call-within-target')).toHaveText('达标');
  for (const key of ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5', 'Alt+6']) await page.keyboard.press(key);
  await expect(card.getByTestId('call-script-count')).toHaveText('6/6 步');

  // The record: the unit comes from the directory (pinyin initials), which also names the tenant.
  await card.getByTestId('call-caller-name').fill('周女士');
  await card.getByTestId('call-caller-number').fill('136 1111 2222');
  await card.getByTestId('call-unit').fill('hxkj');
  await page.getByTestId('unit-option-华信科技').click();
  await expect(card.getByTestId('call-unit')).toHaveValue('12F 1201');
  await expect(card.getByTestId('call-tenant')).toHaveText('华信科技');
  await card.getByTestId('call-topic').fill('投诉楼上装修噪音');
  await card.getByTestId('call-note').fill('午休时间仍在施工，请物业尽快处理。');
  await card.getByTestId('call-outcome-forwarded').click();

  // One action: the reception record's form opens, pre-filled, as a complaint by phone; the call is saved with it.
  await card.getByTestId('call-toRecord').click();
  const form = page.getByTestId('record-form');
  await expect(page.getByTestId('record-from-call')).toContainText('周女士 13611112222');
  await expect(form.getByRole('radio', { name: '致电' })).toBeChecked();
  await expect(form.getByRole('radio', { name: '致电' })).toBeDisabled();
  await expect(form.getByRole('radio', { name: '投诉' })).toBeChecked();
  await expect(form.getByTestId('record-owner-name')).toHaveValue('周女士');
  await expect(form.getByTestId('record-owner-phone')).toHaveValue('13611112222');
  await expect(form.getByTestId('record-unit')).toHaveValue('12F 1201');
  await expect(page.getByTestId('record-tenant')).toHaveText('华信科技');
  await expect(form.getByTestId('record-matter')).toHaveValue('投诉楼上装修噪音\n午休时间仍在施工，请物业尽快处理。');
  await form.getByTestId('record-submit').click();
  await expect(card).toBeHidden();

  // The item opens with the call on it; the lobby counts the call within target.
  const drawer = page.getByTestId('record-drawer');
  await expect(drawer.getByTestId('record-linked-call')).toContainText('周女士 13611112222 · 投诉楼上装修噪音');
  const number = (await drawer.getByTestId('record-number').textContent())!;
  expect(number).toMatch(/^\d{4}-\d{4}-001$/);
  await expect(page.getByTestId('figures-calls')).toHaveText('1');
  await expect(page.getByTestId('figures-share')).toHaveText('100%');

  // Both ways: from the item to the call's detail, which names the item's number and opens it again.
  await drawer.getByTestId('record-view-call').click();
  const callDrawer = page.getByTestId('call-drawer');
  await expect(callDrawer).toContainText('13611112222');
  await expect(callDrawer.getByTestId('call-drawer-tenant')).toHaveText('华信科技');
  await expect(callDrawer.getByTestId('call-linked-toRecord')).toHaveText(`接待记录 ${number}`);
  await callDrawer.getByTestId('call-linked-toRecord').click();
  await expect(page.getByTestId('record-drawer').getByTestId('record-number')).toHaveText(number);
  await page.locator('.ant-drawer-open .ant-drawer-close').last().click();
  await expect(page.getByTestId('record-number')).toBeHidden();
  await page.locator('.ant-drawer-open .ant-drawer-close').last().click();
  await expect(callDrawer).toBeHidden();

  // The reception record lists it as a complaint received by phone.
  await page.getByTestId('nav').getByText('接待记录').first().click();
  const row = page.getByTestId('records-page').locator('tr', { hasText: number });
  await expect(row).toContainText('投诉');
  await expect(row).toContainText('致电');
});

test('P-3 a cancelled conversion leaves the call unconverted and in conversation; the unit is the picked tenant', async ({ page, server, seeded }) => {
  const li = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenants(seeded);
  await cadence(seeded, 30, 3);
  await openLobbyAs(page, server.url, '李前台', '1357');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await card.getByTestId('call-caller-name').fill('周女士');
  await card.getByTestId('call-unit').fill('hxkj');
  await page.getByTestId('unit-option-华信科技').click();
  await expect(card.getByTestId('call-unit')).toHaveValue('12F 1201');
  await card.getByTestId('call-topic').fill('咨询停车');
  await card.getByTestId('call-outcome-forwarded').click();
  await card.getByTestId('call-toRecord').click();
  const form = page.getByTestId('record-form');
  await expect(form.getByTestId('record-unit')).toHaveValue('12F 1201');
  await expect(page.getByTestId('record-tenant')).toHaveText('华信科技');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  // Nothing was saved: the call is still in conversation, with what was typed, and linked to nothing.
  await expect(card).toBeVisible();
  await expect(card.getByTestId('call-caller-name')).toHaveValue('周女士');
  const token = (await seeded.call<{ token: string }>('auth.signIn', { userId: li, pin: '1357' })).body.token;
  const active = await seeded.call<{ inProgress: Array<{ status: string; recordId: string | null; savedAt: number | null }> }>('calls.active', {}, { token });
  expect(active.body.inProgress).toHaveLength(1);
  expect(active.body.inProgress[0]).toMatchObject({ status: 'answered', recordId: null, savedAt: null });
  const items = await seeded.call('records.list', { status: 'all' }, { token });
  expect(items.status).toBe(200);
  expect(JSON.stringify(items.body)).not.toContain('咨询停车');
});

test('P-4 V-3 the caller asks for a tenant’s number: the rule in one sentence; the message opens a callback in the lobby’s list, linked to the call', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenants(seeded);
  await openLobbyAs(page, server.url, '李前台', '1357');
  // Ring and answer in quick succession: the second press waits for the first ring and answers it.
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await expect(card).toBeVisible();

  await page.keyboard.press('F3');
  const guard = page.getByTestId('guard-modal');
  await expect(guard.getByTestId('guard-rule')).toHaveText('对来访电话询问客户电话号码实行保密原则：不透露客户电话，可请对方留言，由前台转告客户回电。');
  await choose(page, guard.getByTestId('guard-tenant'), '明达律师事务所', { query: 'mdls' });
  await guard.getByTestId('guard-caller-name').fill('周女士');
  await guard.getByTestId('guard-caller-number').fill('12');
  await page.getByTestId('guard-ok').click();
  await expect(guard).toContainText('请输入有效的电话号码。');
  await guard.getByTestId('guard-caller-number').fill('021-6234 5678');
  await guard.getByTestId('guard-message').fill('合同续签事宜，请陈律师回电。');
  await expect(page.getByTestId('guard-ok')).toHaveText('留言并安排回电');
  await page.getByTestId('guard-ok').click();
  await expect(guard).toBeHidden();

  // The lobby's callbacks list has it; the call shows the link and carries the message into its record.
  const panel = page.getByTestId('callbacks-panel');
  await expect(panel).toContainText('周女士');
  await expect(panel).toContainText('明达律师事务所 · 25F');
  await expect(panel).toContainText('来电');
  await expect(panel).toContainText('还剩 30 分钟');
  await expect(card.getByTestId('call-linked-toCallback')).toBeVisible();
  await expect(card.getByTestId('call-unit')).toHaveValue('25F 2501');
  await expect(card.getByTestId('call-tenant')).toHaveText('明达律师事务所');
  await expect(card.getByTestId('call-topic')).toHaveValue('代客户留言');
  await expect(card.getByRole('radio', { name: '已留言转达' })).toBeChecked();
  await card.getByTestId('call-save').click();
  await expect(card).toBeHidden();

  const log = await seeded.call<{ calls: Array<{ confidentialityAsked: boolean; callerNumber: string; outcome: string; note: string; callbackId: string }> }>(
    'calls.list',
    {},
    { token: seeded.adminToken },
  );
  const callbacks = await seeded.call<{ callbacks: Array<{ id: string; callId: string; source: string }> }>('callbacks.list', {}, { token: seeded.adminToken });
  expect(log.body.calls[0]).toMatchObject({ confidentialityAsked: true, callerNumber: '021-62345678', outcome: 'messageTaken', note: '合同续签事宜，请陈律师回电。' });
  expect(callbacks.body.callbacks).toEqual([expect.objectContaining({ id: log.body.calls[0]!.callbackId, source: 'phone' })]);
});

test('P-3 V-3 from the call log, a saved call gets a callback pre-filled from it', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenants(seeded);
  await openLobbyAs(page, server.url, '李前台', '1357');
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await card.getByTestId('call-caller-name').fill('刘先生');
  await card.getByTestId('call-caller-number').fill('13711112222');
  await card.getByTestId('call-unit').fill('华信');
  await page.getByTestId('unit-option-华信科技').click();
  await card.getByTestId('call-topic').fill('找王经理');
  await card.getByTestId('call-outcome-followUp').click();
  await card.getByTestId('call-save').click();
  await expect(card).toBeHidden();

  await page.getByTestId('nav').getByText('电话记录').click();
  await page.getByRole('cell', { name: '找王经理' }).click();
  const drawer = page.getByTestId('call-drawer');
  await drawer.getByTestId('call-toCallback').click();
  const form = page.getByTestId('callback-form');
  await expect(form.getByTestId('callback-caller')).toHaveValue('刘先生');
  await expect(form.getByTestId('callback-phone')).toHaveValue('13711112222');
  await expect(form.getByTestId('callback-message')).toHaveValue('找王经理');
  await expect(form).toContainText('华信科技 · 12F 1201');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(form).toBeHidden();
  await expect(drawer.getByTestId('call-linked-toCallback')).toBeVisible();
  const callbacks = await seeded.call<{ callbacks: Array<{ callerName: string; source: string; callId: string | null }> }>('callbacks.list', {}, { token: seeded.adminToken });
  expect(callbacks.body.callbacks).toEqual([expect.objectContaining({ callerName: '刘先生', source: 'phone', callId: expect.any(String) })]);
});

test('P-1 a supervisor sets the hotkey; a key that would stop typing is refused; the lobby answers to the new key', async ({ page, server, seeded }) => {
  await openLobbyAs(page, server.url, '管理员', seeded.adminPin);
  await page.getByTestId('nav').getByText('电话记录').click();
  await page.getByRole('tab', { name: '电话设置' }).click();
  const hotkey = page.getByTestId('call-settings-hotkey');
  await expect(hotkey).toHaveValue('F9');
  await hotkey.fill('K');
  await page.getByTestId('call-settings-save').click();
  await expect(page.getByTestId('call-settings')).toContainText('须配合 Ctrl、Alt 或 Super');
  await hotkey.fill('ctrl+alt+k');
  await page.getByTestId('call-settings-save').click();
  await expect(hotkey).toHaveValue('Control+Alt+K');
  await page.getByTestId('nav').getByText('前台').click();
  await expect(page.getByTestId('ring-button')).toContainText('Control+Alt+K');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('ring-line-1')).toBeHidden();
  await page.keyboard.press('Control+Alt+KeyK');
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
});

test('P-1 V-3 a caller from a number the directory does not know gives up: a call back appears on the lobby’s callbacks list and closes with a call-back outcome', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenants(seeded);
  // A telephone system rings with the caller's number (before the lobby opens: the lobby reads the ringing lines
  // when it mounts, so no event can slip past it); the receptionist marks the caller gone (F8).
  expect((await seeded.call('calls.ring', { source: 'api', callerNumber: '13999999999' }, { token: seeded.adminToken })).status).toBe(200);
  await openLobbyAs(page, server.url, '李前台', '1357');
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByTestId('ring-line-1')).toBeHidden();

  const panel = page.getByTestId('callbacks-panel');
  await expect(panel.getByTestId('callback-kind-callBack')).toHaveText('回电');
  await expect(panel).toContainText('未知来电人');
  await expect(panel).toContainText('13999999999');
  await panel.getByTestId('callback-record-13999999999').click();
  const choice = page.getByTestId('outcome-choice');
  await expect(choice).toContainText('已回电');
  await expect(choice).not.toContainText('已转告租户');
  await choice.getByText('已回电').click();
  await page.getByTestId('outcome-save').click();
  await expect(panel.getByTestId('callback-kind-callBack')).toBeHidden();
  const closed = await seeded.call<{ callbacks: Array<{ kind: string; tenant: unknown; outcome: string; callerPhone: string }> }>(
    'callbacks.list',
    { status: 'closed' },
    { token: seeded.adminToken },
  );
  expect(closed.body.callbacks).toEqual([expect.objectContaining({ kind: 'callBack', tenant: null, outcome: 'calledBack', callerPhone: '13999999999' })]);
});
