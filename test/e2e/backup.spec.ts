import { spawnSync } from 'node:child_process';
import { test, expect, signIn } from './fixtures';
import { CLI } from '../support/web-server';

test('X-2 the admin sees the backups (a manual one written while the server runs) and sets how many daily ones are kept', async ({ page, server, seeded }) => {
  const made = spawnSync(process.execPath, [CLI, 'backup', '--data-dir', server.dataDir], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  await page.goto(`${server.url}/#/admin`);
  await signIn(page, '管理员', seeded.adminPin);
  await page.getByRole('tab', { name: '备份' }).click();
  const admin = page.getByTestId('backup-admin');
  await expect(admin.getByRole('row').filter({ hasText: '手动' })).toHaveCount(1);
  await expect(admin).toContainText('下次自动备份');
  await expect(page.getByTestId('backup-keep')).toHaveValue('14');
  // out of range is refused with a message, nothing saved.
  await page.getByTestId('backup-keep').fill('0');
  await admin.getByRole('button', { name: /保\s*存/ }).click();
  await expect(admin).toContainText('保留份数须为 1 至 365 之间的整数。');
  await page.getByTestId('backup-keep').fill('30');
  await admin.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  const stored = await seeded.call<{ keepDaily: number }>('backup.settings', {}, { token: seeded.adminToken });
  expect(stored.body.keepDaily).toBe(30);
});
