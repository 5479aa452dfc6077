import { test, expect, signIn } from './fixtures';

test('X-1 first-run setup → sign in → lobby → English → lock → sign in again', async ({ page, server }) => {
  await page.goto(`${server.url}/#/lobby`);
  // A fresh install goes straight to setup.
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await page.getByTestId('setup-name').fill('华信大厦');
  await page.getByTestId('setup-name-en').fill('Huaxin Tower');
  await page.getByTestId('setup-post-name').fill('华信大厦前台');
  await page.getByTestId('setup-admin-name').fill('王管理');
  await page.getByTestId('setup-pin').fill('12');
  await page.getByTestId('setup-submit').click();
  // bad input is refused with a message in Chinese, nothing saved.
  await expect(page.getByText('PIN 码为 4 至 8 位数字。')).toBeVisible();
  await page.getByTestId('setup-pin').fill('2468');
  await page.getByTestId('setup-pin-again').fill('2468');
  await page.getByTestId('setup-submit').click();

  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await page.getByTestId('person-王管理').click();
  await page.getByTestId('pin-input').fill('0000');
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('PIN 码不正确');
  await page.getByTestId('pin-input').fill('2468');
  await page.getByTestId('pin-input').press('Enter');

  await expect(page.getByTestId('lobby')).toBeVisible();
  await expect(page.getByTestId('building-name')).toContainText('华信大厦');
  await expect(page.getByTestId('current-user')).toContainText('王管理（管理员）');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('building-name')).toContainText('Huaxin Tower');
  await expect(page.getByTestId('current-user')).toContainText('王管理 (Administrator)');
  await expect(page.getByTestId('lock-button')).toHaveText(/Lock/);

  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText('Screen locked');
  await expect(page.getByTestId('chosen-person')).toHaveText('王管理');
  // A locked screen reloaded stays locked: the session token was given up, not just hidden.
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('pin-input').fill('2468');
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('lobby')).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('王管理');
});

test('X-1 fast switching: another person signs in from the lock screen', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '管理员', seeded.adminPin);
  await page.getByTestId('lock-button').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('current-user')).toContainText('前台接待员');
  // A receptionist has no admin page in the navigation, and the core refuses the admin methods anyway.
  await expect(page.getByTestId('nav')).not.toContainText('管理');
});

test('X-5 the lobby locks itself after the idle time', async ({ page, server, seeded }) => {
  await page.clock.install();
  await seeded.call('settings.updateSecurity', { idleLockMinutes: 1, pinMaxFailures: 5, pinLockoutMinutes: 5, sessionMaxHours: 14 }, { token: seeded.adminToken });
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '管理员', seeded.adminPin);
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText('长时间无操作');
});

test('X-7 a receptionist locked out by wrong PINs signs in at the desk with a supervisor’s unlock; the wait is shown', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('王主管', 'supervisor', '8642');
  await page.goto(`${server.url}/#/lobby`);
  await expect(page.getByTestId('sign-in-screen')).toBeVisible();
  await page.getByTestId('person-李前台').click();
  for (let i = 0; i < 5; i += 1) {
    await page.getByTestId('pin-input').fill('0000');
    await page.getByTestId('pin-input').press('Enter');
    await expect(page.getByTestId('sign-in-error')).toContainText(i < 4 ? `还可尝试 ${4 - i} 次` : '请 5 分钟后再试');
  }
  // Even the right PIN waits now; the supervisor at the desk vouches with their own PIN.
  await page.getByTestId('pin-input').fill('1357');
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('sign-in-error')).toContainText('已暂时锁定');
  await page.getByTestId('unlock-start').click();
  await page.getByTestId('unlock-by-王主管').click();
  await page.getByTestId('unlock-pin').fill('8642');
  await page.getByTestId('pin-input').fill('1357');
  await page.getByTestId('pin-input').press('Enter');
  await expect(page.getByTestId('current-user')).toContainText('李前台');
});
