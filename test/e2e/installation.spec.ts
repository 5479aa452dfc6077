// Admin → This PC in a real browser against `lobby-desk web`: the folders and the LAN switch (off by
// default, taking effect at a restart the page offers), a bad port refused with a message, backup now, export to
// a folder, and a restore that restarts the desk and brings the page back on the restored data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, signIn, choose } from './fixtures';

// Each test restarts the desk in the middle and waits for the page to come back.
test.describe.configure({ timeout: 120_000 });

async function openThisPc(page: Page, url: string, pin: string): Promise<void> {
  await page.goto(`${url}/#/admin`);
  await signIn(page, '管理员', pin);
  await page.getByRole('tab', { name: '本机' }).click();
  await expect(page.getByTestId('installation-admin')).toBeVisible();
}

test('X-5 X-3 the admin sees where the data and logs are, and switches the LAN on; it takes effect at the restart the page offers', async ({ page, server, seeded }) => {
  await openThisPc(page, server.url, seeded.adminPin);
  const admin = page.getByTestId('installation-admin');
  await expect(admin.getByTestId('installation-summary')).toContainText('浏览器模式');
  await expect(admin.getByTestId('installation-folders')).toContainText(server.dataDir);
  await expect(admin.getByTestId('installation-folders')).toContainText(path.join(server.userDir, 'logs'));
  await expect(page.getByTestId('pref-lan')).toHaveAttribute('aria-checked', 'false');

  // a port out of range is refused by the form with the contract's message; nothing is saved.
  await page.getByTestId('pref-port').fill('80');
  await page.getByTestId('pref-save').click();
  await expect(admin).toContainText('端口须为 1024 至 65535 之间的整数。');
  expect(fs.existsSync(path.join(server.userDir, 'device-preferences.json'))).toBe(false);
  await page.getByTestId('pref-port').fill(new URL(server.url).port);

  await page.getByTestId('pref-lan').click();
  await page.getByTestId('pref-save').click();
  await expect(page.getByTestId('pref-pending')).toContainText('局域网');
  await page.getByTestId('pref-restart').click();
  await expect(page.getByTestId('installation-restarting')).toBeVisible();
  // The page reloads when the desk is back, still signed in (the same database), the LAN now served.
  await expect(page.getByTestId('installation-restarting')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('current-user')).toContainText('管理员', { timeout: 60_000 });
  await page.getByRole('tab', { name: '本机' }).click();
  await expect(page.getByTestId('installation-admin')).toContainText('局域网可访问');
  await expect(page.getByTestId('pref-pending')).toHaveCount(0);
});

test('X-2 the admin backs up, exports the backup to a folder, and restores it: the desk restarts on it and the page comes back', async ({ page, server, seeded }) => {
  await openThisPc(page, server.url, seeded.adminPin);
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/已备份：manual-/)).toBeVisible();
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'lobby-desk-usb-'));
  await page.getByTestId('backup-folder').fill(usb);
  await page.getByTestId('backup-export').click();
  // The installation key is written beside it, and the page says so (whoever holds the stick holds the key).
  await expect(page.getByText(/已导出并校验.*安装密钥已一并写入/)).toBeVisible();
  expect(fs.readdirSync(usb).filter((f) => /^manual-.*\.sqlite$/.test(f))).toHaveLength(1);
  expect(fs.readdirSync(usb).filter((f) => /^manual-.*\.key$/.test(f))).toHaveLength(1);
  // a folder that is not there (the stick not plugged in) is refused with what to do.
  await page.getByTestId('backup-folder').fill(path.join(usb, '没有这个文件夹'));
  await page.getByTestId('backup-export').click();
  await expect(page.getByTestId('backup-error')).toContainText('请插入 U 盘');

  // A person added after the backup is gone once it is restored.
  await seeded.addPerson('备份后入职', 'receptionist', '135790');
  const backupName = fs.readdirSync(usb).find((f) => f.startsWith('manual-') && f.endsWith('.sqlite'))!;
  await choose(page, page.getByTestId('backup-choose'), backupName, { shows: backupName });
  // The page says it is restarting; a fast restart reloads the page before a look could catch that, so the page
  // itself reports the moment the notice appears.
  let sawRestarting = false;
  await page.exposeBinding('sawRestarting', () => {
    sawRestarting = true;
  });
  await page.evaluate(() => {
    const report = (window as unknown as { sawRestarting: () => void }).sawRestarting;
    const look = () => document.querySelector('[data-testid="installation-restarting"]') && report();
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByTestId('backup-restore').click();
  await page.getByTestId('backup-restore-ok').click();
  await expect.poll(() => sawRestarting).toBe(true);
  // The lobby behind the dialog still shows who is signed in: wait for the reload that follows the restart.
  await expect(page.getByTestId('installation-restarting')).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId('current-user')).toContainText('管理员', { timeout: 60_000 });
  const people = await seeded.call<{ people: Array<{ name: string }> }>('staff.list', {}, { token: seeded.adminToken });
  expect(people.body.people.map((p) => p.name)).not.toContain('备份后入职');
  expect(fs.readdirSync(path.join(server.dataDir, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);
});
