// The receptionist's screens as a shift lives them (issue 21): nothing typed is lost, the ring key everywhere,
// the keyboard-only desk flow.
import { test, expect, signIn, choose, type SeededDesk } from './fixtures';

async function seedTenant(seeded: SeededDesk): Promise<void> {
  const created = await seeded.call(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { token: seeded.adminToken },
  );
  expect(created.status).toBe(200);
}

test('X-2 a call with typed caller, number and notes: the idle lock waits during the call; the notes survive a lock, a reload, and are the typist’s alone', async ({ page, server, seeded }) => {
  test.slow();
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('赵前台', 'receptionist', '2468');
  await seeded.call('settings.updateSecurity', { idleLockMinutes: 1, pinMaxFailures: 5, pinLockoutMinutes: 5, sessionMaxHours: 14 }, { token: seeded.adminToken });
  await page.clock.install();
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('phone-panel')).toBeVisible();
  await page.keyboard.press('F9');
  await page.keyboard.press('F9');
  const card = page.getByTestId('call-card-1');
  await expect(card).toBeVisible();
  await card.getByTestId('call-caller-name').fill('周女士');
  await card.getByTestId('call-caller-number').fill('021-6234 5678');
  await card.getByTestId('call-note').fill('投诉 12 楼空调噪音，已持续三天，要求物业今天派人查看。');

  // A long complaint: minutes of listening without a key. The call holds the idle lock off.
  await page.clock.runFor(3 * 60_000);
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(card.getByTestId('call-note')).toHaveValue(/空调噪音/);

  // Locked by hand and back: the same person finds what they typed.
  await page.getByTestId('lock-button').click();
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('call-card-1').getByTestId('call-caller-name')).toHaveValue('周女士');
  await expect(page.getByTestId('call-card-1').getByTestId('call-note')).toHaveValue(/空调噪音/);

  // A reload (or a crashed screen) too.
  await page.reload();
  // The sign-in lives through a reload of the same tab; what is on the form came back from the draft.
  await expect(page.getByTestId('current-user')).toContainText('李前台');
  await expect(page.getByTestId('call-card-1').getByTestId('call-caller-number')).toHaveValue('021-6234 5678');
  await expect(page.getByTestId('call-card-1').getByTestId('call-note')).toHaveValue(/空调噪音/);

  // Another person at the same screen sees the call, never the draft.
  await page.getByTestId('lock-button').click();
  await signIn(page, '赵前台', '2468');
  await expect(page.getByTestId('call-card-1')).toBeVisible();
  await expect(page.getByTestId('call-card-1').getByTestId('call-note')).toHaveValue('');
  await expect(page.getByTestId('call-card-1').getByTestId('call-caller-name')).toHaveValue('');

  // Saved by its typist: the draft is gone with the card.
  await page.getByTestId('lock-button').click();
  await signIn(page, '李前台', '1357');
  const mine = page.getByTestId('call-card-1');
  await mine.getByTestId('call-topic').fill('空调噪音投诉');
  await mine.getByTestId('call-outcome-resolved').click();
  await mine.getByTestId('call-save').click();
  await expect(page.getByTestId('call-card-1')).toHaveCount(0);
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lobbyDesk.draft.')));
  expect(left).toEqual([]);

  // No call in conversation: the idle lock comes as before.
  await page.clock.runFor(61_000);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
});

test('X-2 a visitor half typed at the desk comes back after a reload, without the ID number; registering clears it', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenant(seeded);
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await page.getByTestId('desk-mobile').fill('13912345678');
  await page.getByTestId('desk-name').fill('钱七');
  await page.getByTestId('desk-id').fill('11010519491231002X');
  await page.getByTestId('desk-notes').fill('带了两箱资料');
  await page.reload();
  // The sign-in lives through a reload of the same tab; what is on the form came back from the draft.
  await expect(page.getByTestId('current-user')).toContainText('李前台');
  await expect(page.getByTestId('desk-name')).toHaveValue('钱七');
  await expect(page.getByTestId('desk-mobile')).toHaveValue('13912345678');
  await expect(page.getByTestId('desk-notes')).toHaveValue('带了两箱资料');
  await expect(page.getByTestId('desk-id')).toHaveValue('');
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('lobbyDesk.draft.')).map(([, v]) => v).join());
  expect(stored).not.toContain('110105');

  // Registered: the draft goes with the form.
  await choose(page, page.getByTestId('desk-tenant'), '华信科技', { query: 'hxkj' });
  await choose(page, page.getByTestId('desk-purpose'), '送货');
  await page.getByTestId('desk-submit').click();
  await expect(page.getByTestId('in-building-钱七')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lobbyDesk.draft.')))).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('李前台');
  await expect(page.getByTestId('desk-name')).toHaveValue('');
});

test('X-2 the ring key works on every staff page: F9 on the call log brings the lobby back ringing', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await page.goto(`${server.url}/#/calls`);
  await expect(page.getByTestId('phone-panel')).toHaveCount(0);
  await page.keyboard.press('F9');
  await expect(page.getByTestId('ring-line-1')).toBeVisible();
  await expect(page).toHaveURL(/#\/lobby$/);
});

test('V-1 V-4 the F2 → Enter flow registers a new visitor with the keyboard only; the keys are counted', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seedTenant(seeded);
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('desk-registration')).toBeVisible();
  await page.getByTestId('lobby').click({ position: { x: 5, y: 5 } });

  let keys = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    keys += 1;
  };
  const type = async (text: string) => {
    await page.keyboard.type(text);
    keys += [...text].length;
  };
  await press('F2');
  await type('13712345678');
  await press('Tab');
  await type('孙八');
  await press('Tab');
  // The tenant: pinyin initials, then Enter picks the first match.
  await type('hxkj');
  await expect(page.locator('[data-testid="tenant-option-华信科技"]')).toBeVisible();
  await press('Enter');
  // As a person would, the next key after seeing the tenant chosen and its list closed.
  await expect(page.getByTestId('desk-tenant')).toContainText('华信科技 · 12F 1201');
  await expect(page.getByTestId('desk-tenant').getByRole('combobox')).toHaveAttribute('aria-expanded', 'false');
  // Tab goes past the tenant's clear button straight to the host.
  await press('Tab');
  await expect(page.getByTestId('desk-host').locator('input').or(page.locator('input[data-testid="desk-host"]')).first()).toBeFocused();
  await type('王');
  await expect(page.locator('.ant-select-item-option-content', { hasText: '王经理' })).toBeVisible();
  // Tab leaves the host as typed (the suggestion list does not keep it).
  await press('Tab');
  await expect(page.getByTestId('desk-purpose').getByRole('combobox')).toBeFocused();
  await type('商务');
  await press('Enter'); // picks 商务拜访
  await expect(page.getByTestId('desk-purpose')).toContainText('商务拜访');
  await press('Enter'); // registers
  const row = page.getByTestId('in-building-孙八');
  await expect(row).toBeVisible();
  await expect(row).toContainText('华信科技');
  await expect(row).toContainText('王');
  expect(keys).toBe(1 + 11 + 1 + 2 + 1 + 4 + 1 + 1 + 1 + 1 + 2 + 1 + 1);
});

test('V-4 F4 puts the cursor in the sign-out box on a lobby with the phone desk', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('phone-panel')).toBeVisible();
  await page.getByTestId('lobby').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F4');
  await expect(page.getByTestId('guard-modal')).toHaveCount(0);
  await expect(page.locator(':focus')).toHaveAttribute('placeholder', /F4/);
});
