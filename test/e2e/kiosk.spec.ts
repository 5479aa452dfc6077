// The visitor screen on a 1280×800 tablet (V-2): one step per screen, nothing to scroll, the button in view, the
// visitor's own words when something is missing, a consent row a finger can hit, and the screen's icon served.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function fitsTheScreen(page: Page, button: string): Promise<void> {
  const { scrollHeight, innerHeight } = await page.evaluate(() => ({ scrollHeight: document.scrollingElement!.scrollHeight, innerHeight: window.innerHeight }));
  expect(scrollHeight, 'nothing below the fold').toBeLessThanOrEqual(innerHeight);
  await expect(page.getByTestId(button)).toBeInViewport({ ratio: 1 });
}

test('V-2 the kiosk registration at 1280×800 never needs scrolling: one step per screen, the button in view, messages in the visitor’s words', async ({ browser, server, seeded }) => {
  const admin = { token: seeded.adminToken };
  await seeded.call('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', displayNameEn: 'Huaxin Technology', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, admin);
  for (const [name, floor] of [['明达律师事务所', '25'], ['远航物流', '8'], ['青禾设计', '16'], ['蓝海资本', '30'], ['启明教育', '5'], ['正和会计师事务所', '21']] as const) {
    await seeded.call('directory.create', { kind: 'company', name, displayName: name, floor, contact: { name: '前台', phone: '0755-83210000' } }, admin);
  }
  // The building asks for ID numbers (the longest consent screen).
  const settings = await seeded.call<Record<string, unknown>>('visitors.settings', {}, admin);
  expect((await seeded.call('visitors.updateSettings', { ...settings.body, kioskIdNumber: 'optional' }, admin)).status).toBe(200);
  const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂平板', kind: 'kiosk' }, admin);
  const paired = await seeded.call<{ token: string }>('devices.pair', { code: code.body.code });

  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 }, hasTouch: true });
  await context.addInitScript((token) => localStorage.setItem('lobbyDesk.device.visitor', token), paired.body.token);
  const tablet = await context.newPage();
  const missing: string[] = [];
  tablet.on('response', (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await tablet.goto(`${server.url}/#/visitor`);
  await expect(tablet.getByTestId('visitor-welcome')).toBeVisible();
  await fitsTheScreen(tablet, 'visitor-start');
  await tablet.getByTestId('visitor-start').click();

  // Consent: a 32 px box, and the whole row is the target (a tap on the far end of the text ticks it).
  await expect(tablet.getByTestId('kiosk-consent')).toBeVisible();
  await fitsTheScreen(tablet, 'kiosk-consent-next');
  const row = tablet.locator('label.kiosk-check', { has: tablet.getByTestId('kiosk-consent-check') });
  const box = await row.locator('.ant-checkbox').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(32);
  expect(box!.height).toBeGreaterThanOrEqual(32);
  const rowBox = (await row.boundingBox())!;
  expect(rowBox.height).toBeGreaterThanOrEqual(48);
  await row.tap({ position: { x: rowBox.width - 12, y: rowBox.height / 2 } });
  await expect(tablet.getByTestId('kiosk-consent-check')).toBeChecked();
  await tablet.getByTestId('kiosk-consent-next').click();

  // Step 1 of 3: who you are. Next without a name says so in the visitor's words.
  await expect(tablet.getByTestId('kiosk-step-1')).toBeVisible();
  await expect(tablet.getByTestId('kiosk-step-of')).toHaveText('第 1 步，共 3 步');
  await fitsTheScreen(tablet, 'kiosk-next');
  await tablet.getByTestId('kiosk-next').click();
  await expect(tablet.getByText('请填写您的姓名')).toBeVisible();
  await tablet.getByTestId('kiosk-name').fill('周访客');
  await tablet.getByTestId('kiosk-mobile').fill('13900001111');
  await fitsTheScreen(tablet, 'kiosk-next');
  await tablet.getByTestId('kiosk-next').click();

  // Step 2: whom you visit. Next without a choice: "请选择要拜访的单位", not "编号无效。".
  await expect(tablet.getByTestId('kiosk-step-2')).toBeVisible();
  await expect(tablet.getByTestId('kiosk-tenant-华信科技')).toBeVisible();
  await fitsTheScreen(tablet, 'kiosk-next');
  await tablet.getByTestId('kiosk-next').click();
  await expect(tablet.getByText('请选择要拜访的单位')).toBeVisible();
  await expect(tablet.locator('body')).not.toContainText('编号无效');
  await fitsTheScreen(tablet, 'kiosk-next');
  await tablet.getByTestId('kiosk-tenant-search').fill('华信');
  await tablet.getByTestId('kiosk-tenant-华信科技').click();
  await tablet.getByTestId('kiosk-next').click();

  // Step 3: why. Submit without a purpose: "请选择来访事由".
  await expect(tablet.getByTestId('kiosk-step-3')).toBeVisible();
  await fitsTheScreen(tablet, 'kiosk-submit');
  await tablet.getByTestId('kiosk-submit').click();
  await expect(tablet.getByText('请选择来访事由')).toBeVisible();
  await fitsTheScreen(tablet, 'kiosk-submit');
  // Back keeps what was chosen.
  await tablet.getByTestId('kiosk-back').click();
  await expect(tablet.getByTestId('kiosk-tenant-华信科技')).toHaveClass(/ant-btn-primary/);
  await tablet.getByTestId('kiosk-next').click();
  await tablet.getByTestId('kiosk-purpose-商务拜访').click();
  await tablet.getByTestId('kiosk-submit').click();
  await expect(tablet.getByTestId('kiosk-waiting')).toBeVisible();
  await fitsTheScreen(tablet, 'kiosk-waiting');

  // The same steps in English fit too (longer words).
  await tablet.getByTestId('kiosk-home').click();
  await tablet.getByTestId('visitor-start').click();
  await tablet.getByTestId('language-switch').click();
  await expect(tablet.getByTestId('kiosk-consent')).toContainText('Privacy notice');
  await fitsTheScreen(tablet, 'kiosk-consent-next');

  // The screen's icon is served: nothing the screens asked for was missing.
  const icon = await tablet.request.get(`${server.url}/favicon.ico`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/icon/);
  expect(missing).toEqual([]);
  await context.close();
});

/** Every button and field the visitor can touch on this screen is at least 48 px high (V-5). */
async function touchTargetsAreLarge(page: Page): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input:not([type="checkbox"]):not([type="radio"]), [role="button"]')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ what: el.dataset.testid ?? el.textContent?.trim() ?? el.tagName, height: el.getBoundingClientRect().height }))
      .filter((t) => t.height < 48),
  );
  expect(small, 'touch targets under 48 px').toEqual([]);
}

/** The element's centre is within 10 % of the screen's vertical middle. */
async function verticallyCentred(page: Page, testId: string): Promise<void> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(Math.abs(box.y + box.height / 2 - height / 2), `${testId} centred`).toBeLessThan(height * 0.1);
}

for (const screen of [
  { name: 'a 1280×800 tablet', width: 1280, height: 800 },
  { name: 'a 1080×1920 portrait screen', width: 1080, height: 1920 },
]) {
  test(`V-5 V-2 on ${screen.name} the pairing card and the welcome are centred, with the time, and every touch target is at least 48 px`, async ({ browser, server, seeded }) => {
    const admin = { token: seeded.adminToken };
    await seeded.call('directory.create', { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', contact: { name: '王经理', phone: '13800138000' } }, admin);
    expect((await seeded.call('notices.create', { title: '本周六 8:00–12:00 停水检修', public: true }, admin)).status).toBe(200);
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: screen.width, height: screen.height }, hasTouch: true });
    const page = await context.newPage();

    // Not paired yet: the pairing card, centred, typed into on the tablet's own keyboard.
    await page.goto(`${server.url}/#/visitor`);
    await expect(page.getByTestId('pair-device')).toBeVisible();
    await verticallyCentred(page, 'pair-device');
    await touchTargetsAreLarge(page);
    const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂平板', kind: 'kiosk' }, admin);
    await page.getByTestId('pair-code').fill(code.body.code);
    await page.getByTestId('pair-submit').tap();

    // The welcome: the building's name, the time in the building's zone, the public notice; centred, nothing below the fold.
    await expect(page.getByTestId('visitor-welcome')).toBeVisible();
    await expect(page.getByTestId('visitor-welcome-title')).toContainText('华信大厦');
    const shanghai = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
    const clock = await page.getByTestId('visitor-clock').textContent();
    const times = [Date.now() - 60_000, Date.now(), Date.now() + 60_000].map((t) => shanghai.format(t));
    expect(times.some((t) => clock!.includes(t)), `${clock} shows the building's time`).toBe(true);
    await expect(page.getByTestId('visitor-notices')).toContainText('停水检修');
    await verticallyCentred(page, 'visitor-start');
    await fitsTheScreen(page, 'visitor-start');
    await touchTargetsAreLarge(page);

    // The first steps keep the large targets and fit the screen.
    await page.getByTestId('visitor-start').tap();
    await expect(page.getByTestId('kiosk-consent')).toBeVisible();
    await fitsTheScreen(page, 'kiosk-consent-next');
    await touchTargetsAreLarge(page);
    await page.locator('label.kiosk-check').first().tap();
    await page.getByTestId('kiosk-consent-next').tap();
    await expect(page.getByTestId('kiosk-step-1')).toBeVisible();
    await fitsTheScreen(page, 'kiosk-next');
    await touchTargetsAreLarge(page);
    await context.close();
  });
}
