import { test, expect, signIn, choose } from './fixtures';
import type { Page } from '@playwright/test';

async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  await page.getByTestId(`record-action-${action}`).click();
  await expect(page.getByTestId('action-form')).toBeVisible();
  if (fill) await fill(page);
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('action-form')).toBeHidden();
}

test.describe.configure({ timeout: 120_000 }); // four people sign in and the flow has ten steps

test('R-1 R-3 R-5 R-6 a walk-in complaint: lobby → 工程部 → reply → resolved → follow-up not satisfied → reopened → audited → in the Monday review', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('周主管', 'supervisor', '2468');
  await seeded.addPerson('王经理', 'manager', '3579');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');

  // Entered at the lobby, keyboard first: F6 opens the form with the owner's name focused.
  await expect(page.getByTestId('lobby-records')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('record-form')).toBeVisible();
  await expect(page.getByTestId('record-owner-name')).toBeFocused();
  await page.getByTestId('record-type-complaint').click();
  await page.getByTestId('record-owner-name').fill('张先生');
  await page.getByTestId('record-owner-phone').fill('139 1234 5678');
  await page.getByTestId('record-unit').fill('2-1803');
  // a bad phone number is refused in Chinese and nothing is saved.
  await page.getByTestId('record-owner-phone').fill('12');
  await page.getByTestId('record-submit').click();
  await expect(page.getByText('请输入有效的电话号码。')).toBeVisible();
  await page.getByTestId('record-owner-phone').fill('139 1234 5678');
  await page.getByTestId('record-matter').fill('楼上卫生间漏水到我家天花板');
  await page.getByTestId('record-matter').press('Control+Enter');

  const drawer = page.getByTestId('record-drawer');
  await expect(drawer).toBeVisible();
  const number = (await page.getByTestId('record-number').textContent())!;
  expect(number).toMatch(/^\d{4}-\d{4}-001$/);
  await expect(drawer.getByTestId('record-status')).toHaveText('处理中');
  await expect(drawer).toContainText('上门');
  await expect(drawer).toContainText('13912345678');
  // The lobby lists it (a complaint is due an answer within 24 h), one click from its detail.
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.getByTestId(`lobby-record-${number}`).click();
  await expect(drawer.getByTestId('record-number')).toHaveText(number);

  // Forwarded to 工程部 and tracked.
  await act(page, 'forward', async (p) => {
    await choose(p, p.getByTestId('action-department'), '工程部');
  });
  await expect(drawer.getByTestId('record-status')).toHaveText('已转部门');
  await expect(drawer.getByTestId('record-trail')).toContainText('转交 工程部');

  // A recorded reply answers the complaint within 24 h.
  await act(page, 'reply', (p) => p.getByTestId('action-text').fill('已联系工程部，明天上午上门查看'));
  await expect(drawer.getByTestId('record-trail')).toContainText('答复业主');
  await expect(drawer).toContainText('已答复');

  await act(page, 'resolve', (p) => p.getByTestId('action-text').fill('工程部已修复楼上防水层'));
  await expect(drawer.getByTestId('record-status')).toHaveText('已办结 · 回访');

  // The follow-up visit: not satisfied reopens the item.
  await act(page, 'followUp', async (p) => {
    await p.getByTestId('action-result-unsatisfied').click();
    await p.getByTestId('action-text').fill('天花板仍有水渍');
  });
  await expect(drawer.getByTestId('record-status')).toHaveText('处理中');
  await expect(drawer).toContainText('重开 1 次');
  await expect(drawer.getByTestId('record-trail')).toContainText('回访不满意，重新处理');
  await page.keyboard.press('Escape');

  // The supervisor audits it.
  await page.getByTestId('lock-button').click();
  await signIn(page, '周主管', '2468');
  await page.getByTestId('nav').getByText('记录审核').click();
  await expect(page.getByTestId('records-audit-page')).toBeVisible();
  await page.getByTestId('audit-comment').fill('投诉已重开，请跟进');
  await page.getByTestId(`audit-item-${number}`).click();
  // What the audit covers is shown first; then the supervisor's own PIN.
  const signOff = page.getByTestId('signoff-covers');
  await expect(signOff).toContainText('1 条记录');
  await expect(signOff).toContainText(number);
  await expect(page.getByTestId('signoff-comment')).toHaveValue('投诉已重开，请跟进');
  await page.getByTestId('signoff-pin').fill('2468');
  await page.getByTestId('signoff-ok').click();
  await expect(page.getByTestId('audit-recent')).toContainText(number);
  await expect(page.getByTestId('audit-recent')).toContainText('周主管');
  await expect(page.getByTestId(`audit-item-${number}`)).toHaveCount(0);

  // The manager's Monday review shows it (this week's, since the item was entered today).
  await page.getByTestId('lock-button').click();
  await signIn(page, '王经理', '3579');
  await page.getByTestId('nav').getByText('周审核').click();
  await expect(page.getByTestId('records-review-page')).toBeVisible();
  await page.getByTestId('review-this-week').click();
  await expect(page.getByTestId('review-items')).toContainText(number);
  await expect(page.getByTestId('review-follow-ups')).toContainText('不满意');
  await expect(page.getByTestId('review-follow-ups')).toContainText('天花板仍有水渍');
  await page.getByTestId('review-items').getByText(number).click();
  await expect(page.getByTestId('record-drawer')).toContainText('主管审核');
});

test('R-6 the weekly sign-off needs the manager’s PIN: a wrong one signs nothing, the right one signs with the comment', async ({ page, server, seeded }) => {
  await seeded.addPerson('王经理', 'manager', '3579');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '王经理', '3579');
  await page.getByTestId('nav').getByText('周审核').click();
  await expect(page.getByTestId('records-review-page')).toBeVisible();
  await page.getByTestId('review-sign').click();
  await expect(page.getByTestId('signoff-covers')).toContainText('签核后不能更改');
  await page.getByTestId('signoff-comment').fill('上周情况正常');
  await page.getByTestId('signoff-pin').fill('0000');
  await page.getByTestId('signoff-ok').click();
  await expect(page.getByTestId('signoff-error')).toContainText(/PIN/);
  await expect(page.getByTestId('review-signed')).toHaveCount(0);
  await page.getByTestId('signoff-pin').fill('3579');
  await page.getByTestId('signoff-ok').click();
  await expect(page.getByTestId('review-signed')).toContainText('王经理');
  await expect(page.getByTestId('review-signed')).toContainText('上周情况正常');
});

test('R-4 an escalation reaches the lobby as a banner and the supervisor’s screen as a notice, one click from the item', async ({ browser, page, server, seeded }) => {
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('周主管', 'supervisor', '2468');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('lobby-records')).toBeVisible();
  const supervisorContext = await browser.newContext();
  const supervisorPage = await supervisorContext.newPage();
  await supervisorPage.goto(`${server.url}/#/records`);
  await signIn(supervisorPage, '周主管', '2468');
  await expect(supervisorPage.getByTestId('records-page')).toBeVisible();

  // The night guard received the owner two days ago and told the desk only now: the item is past its 2 days as
  // soon as it is entered, and the timer's escalation is pushed to the screens.
  const session = await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' });
  const created = await seeded.call<{ number: string }>(
    'records.create',
    {
      channel: 'relayed',
      relayedBy: '夜班保安 陈',
      receivedAt: Date.now() - 2 * 86_400_000 - 60_000,
      type: 'repair',
      ownerName: '刘女士',
      unit: '5-0802',
      matter: '地下车库 B2 照明全灭',
    },
    { token: session.body.token },
  );
  expect(created.status).toBe(200);
  const banner = page.getByTestId('records-banner');
  await expect(banner).toContainText(`${created.body.number} 超过期限未办结，已转客服主管负责。`);
  await expect(page.getByTestId('lobby-group-supervisor')).toContainText(created.body.number);

  await expect(supervisorPage.getByText(`${created.body.number} 已转由您负责`)).toBeVisible();
  await supervisorPage.getByTestId('records-notice-view').click();
  const drawer = supervisorPage.getByTestId('record-drawer');
  await expect(drawer.getByTestId('record-number')).toHaveText(created.body.number);
  await expect(drawer.getByTestId('record-trail')).toContainText('超过期限未办结，转客服主管负责');
  await expect(drawer.getByTestId('record-action-resolve')).toBeVisible();
  await supervisorContext.close();
});
