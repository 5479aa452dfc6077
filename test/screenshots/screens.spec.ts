// The screenshots in README, made from seeded data in Chromium: the lobby at the two common lobby-PC sizes at a busy
// moment (a line ringing into its second ring, two visitors awaiting confirmation, an escalated item), the visitor
// screen in Chinese and in English, and the supervisor's daily report. `npm run screenshots` writes them to
// docs/screenshots/; under `npm test` they go to test-results/screenshots/, so the script is proven on every run
// without touching the committed images.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, signIn } from '../e2e/fixtures';
import { BUSY_PIN, seedBusyDesk } from '../e2e/busy-desk';

const OUT = path.resolve(process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  // A real image of the size asked for, not an empty file.
  const png = fs.readFileSync(file);
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  const size = page.viewportSize()!;
  expect(png.readUInt32BE(16)).toBe(size.width);
  expect(png.readUInt32BE(20)).toBe(size.height);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`P-1 V-2 R-4 screenshot: the lobby at ${size.width}×${size.height}, a line ringing, two visitors awaiting confirmation, an escalation`, async ({ page, server, seeded }) => {
    await seedBusyDesk(seeded);
    // Two-second rings, so the line is amber (ring 2) a moment after it starts.
    const admin = { token: seeded.adminToken };
    expect((await seeded.call('calls.updateSettings', { secondsPerRing: 2, targetRings: 3, giveUpAfterSeconds: 60, hotkey: 'F9' }, admin)).status).toBe(200);
    await page.setViewportSize(size);
    await page.goto(`${server.url}/#/lobby`);
    await signIn(page, '李前台', BUSY_PIN);
    await expect(page.getByTestId('pending-吴强')).toBeVisible();
    await expect(page.getByTestId('in-building-陈静')).toBeVisible();
    await expect(page.getByTestId('lobby-group-supervisor')).toContainText('地下车库');
    await page.getByTestId('ring-button').click();
    await expect(page.getByTestId('ring-line-1').getByTestId('ring-number')).toHaveAttribute('data-ring', '2');
    await shoot(page, `lobby-${size.width}x${size.height}`);
  });
}

for (const lang of ['zh', 'en'] as const) {
  test(`V-5 screenshot: the visitor screen's welcome on a 1280×800 tablet in ${lang === 'zh' ? 'Chinese' : 'English'}`, async ({ browser, server, seeded }) => {
    const admin = { token: seeded.adminToken };
    expect((await seeded.call('notices.create', { title: '本周六 8:00–12:00 停水检修', titleEn: 'No water on Saturday 8:00–12:00', public: true }, admin)).status).toBe(200);
    const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂平板', kind: 'kiosk' }, admin);
    const paired = await seeded.call<{ token: string }>('devices.pair', { code: code.body.code });
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 }, hasTouch: true });
    await context.addInitScript((token) => localStorage.setItem('lobbyDesk.device.visitor', token), paired.body.token);
    const tablet = await context.newPage();
    await tablet.goto(`${server.url}/#/visitor`);
    await expect(tablet.getByTestId('visitor-welcome')).toBeVisible();
    if (lang === 'en') await tablet.getByRole('button', { name: 'English' }).click();
    await expect(tablet.getByTestId('visitor-welcome-title')).toContainText(lang === 'en' ? 'Huaxin Tower' : '华信大厦');
    await expect(tablet.getByTestId('visitor-notices')).toContainText(lang === 'en' ? 'No water' : '停水');
    await shoot(tablet, `visitor-${lang}`);
    await context.close();
  });
}

test('X-4 screenshot: the supervisor’s daily report', async ({ page, server, seeded }) => {
  await seedBusyDesk(seeded);
  await seeded.addPerson('周主管', 'supervisor', '8642');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${server.url}/#/reports`);
  await signIn(page, '周主管', '8642');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  await expect(page.locator('[data-testid="reports-page"] svg').first()).toBeVisible();
  await shoot(page, 'report-day');
});
