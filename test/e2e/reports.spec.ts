// Reports in Chromium against `lobby-desk web`: what the desk did today as figures, charts, files and paper.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { test, expect, signIn, type SeededDesk } from './fixtures';
import type { Page } from '@playwright/test';

async function busyMorning(seeded: SeededDesk) {
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('周主管', 'supervisor', '2468');
  await seeded.addPerson('王经理', 'manager', '3579');
  const tenant = await seeded.call<{ id: string }>(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { token: seeded.adminToken },
  );
  const lee = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const desk = { token: lee };
  const current = await seeded.call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, desk);
  await seeded.call('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, desk);
  for (const [visitorName, mobile, partySize] of [['张三', '13812345678', 1], ['李四', '13900001111', 2]] as const) {
    expect((await seeded.call('visitors.register', { visitorName, mobile, tenantId: tenant.body.id, purpose: '商务拜访', partySize }, desk)).status).toBe(200);
  }
  expect((await seeded.call('calls.ring', {}, desk)).status).toBe(200);
  const answered = await seeded.call<{ id: string }>('calls.answer', {}, desk);
  expect((await seeded.call('calls.save', { id: answered.body.id, topic: '咨询', outcome: 'resolved' }, desk)).status).toBe(200);
  for (const [type, matter] of [['complaint', '楼上装修噪音'], ['repair', '卫生间漏水']] as const) {
    expect((await seeded.call('records.create', { channel: 'walk_in', type, ownerName: '张先生', unit: '2-1803', matter }, desk)).status).toBe(200);
  }
  return { lee };
}

async function saved(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = await download.path();
  expect(file).toBeTruthy();
  return file;
}

test.describe.configure({ timeout: 90_000 });

test('X-4 P-1 R-5 the supervisor’s daily report: today’s figures, two charts, Excel and CSV that read back, a printed sheet, in English too', async ({ page, server, seeded }) => {
  await busyMorning(seeded);
  await page.goto(`${server.url}/#/reports`);
  await signIn(page, '周主管', '2468');
  await expect(page.getByTestId('reports-page')).toBeVisible();
  await expect(page.getByTestId('report-title')).toContainText('华信大厦 前台日报');
  await expect(page.getByTestId('report-incomplete')).toContainText('本期尚未结束');

  // The targets first: two visits of three people, the one call answered within the rings.
  await expect(page.getByTestId('kpi-visitors')).toContainText('2 / 3');
  await expect(page.getByTestId('kpi-within-target')).toContainText('100.0%');
  await expect(page.getByTestId('kpi-within-target')).toContainText('1 / 1');
  await expect(page.getByTestId('kpi-incidents')).toContainText('0');
  // The charts are drawn (SVG) and described for a screen reader, the pie with the item types.
  await expect(page.getByTestId('report-chart-hours').locator('svg path').first()).toBeAttached();
  await expect(page.getByTestId('report-chart-types')).toHaveAttribute('aria-label', /投诉/);
  await expect(page.getByTestId('report-chart-types')).toHaveAttribute('aria-label', /报修/);
  // The summary and the people on duty; shares as percentages.
  const summary = page.getByTestId('report-summary');
  await expect(summary.getByRole('row', { name: /规定响铃内接听率.*100\.0%/ })).toBeVisible();
  await expect(summary.getByRole('row', { name: /访客人数.*3/ })).toBeVisible();
  await expect(page.getByTestId('report-people').getByRole('row', { name: /李前台/ })).toContainText('2');
  await expect(page.getByTestId('report-purposes')).toContainText('商务拜访');

  // Excel: a sheet per part, in Chinese, the figures as numbers.
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.readFile(await saved(page, 'report-xlsx'));
  expect(xlsx.worksheets.map((s) => s.name)).toContain('按人员');
  const figures = xlsx.worksheets[0]!;
  const rows = figures.getSheetValues().filter(Boolean) as unknown[][];
  expect(String(rows[0]![1])).toContain('华信大厦 前台日报');
  expect(rows.some((r) => r[2] === '访客人数' && r[3] === 3)).toBe(true);
  // CSV: the byte-order mark Excel needs for Chinese, and the same figures.
  const csv = fs.readFileSync(await saved(page, 'report-csv'), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('访客人数,3');

  // Paper: the same tables on one A4 sheet, nothing of the shell.
  await page.getByTestId('report-print-open').click();
  await expect(page.getByTestId('report-sheet').locator('h1')).toContainText('华信大厦 前台日报');
  await expect(page.getByTestId('report-sheet')).toContainText('李前台');
  await page.getByTestId('print-back').click();

  // Another period: the week holds today's figures; the previous week has none of them.
  await page.getByTestId('report-period-week').click();
  await expect(page).toHaveURL(/period=week/);
  await expect(page.getByTestId('report-title')).toContainText('前台周报');
  await expect(page.getByTestId('kpi-visitors')).toContainText('2 / 3');
  await page.getByTestId('report-previous').click();
  await expect(page.getByTestId('report-incomplete')).toBeHidden();
  await expect(page.getByTestId('kpi-visitors')).toContainText('0 / 0');
  await expect(page.getByTestId('report-next')).toBeEnabled();
  await page.getByTestId('report-next').click();
  await expect(page.getByTestId('kpi-visitors')).toContainText('2 / 3');
  await expect(page.getByTestId('report-next')).toBeDisabled();

  // English: the screen and the file.
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('report-title')).toContainText('Huaxin Tower front desk — Weekly report');
  await expect(summary.getByRole('row', { name: /Visitors \(people\).*3/ })).toBeVisible();
  const english = fs.readFileSync(await saved(page, 'report-csv'), 'utf8');
  expect(english).toContain('Visitors (people),3');
});

test('X-4 R-6 the weekly review and the daily audit link to their report; a receptionist has none and the core refuses one', async ({ page, server, seeded }) => {
  const { lee } = await busyMorning(seeded);
  await page.goto(`${server.url}/#/records-audit`);
  await signIn(page, '周主管', '2468');
  await page.getByTestId('report-link-day').click();
  await expect(page).toHaveURL(/#\/reports\?period=day&day=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('report-title')).toContainText('前台日报');

  await page.getByTestId('lock-button').click();
  await page.goto(`${server.url}/#/records-review`);
  await signIn(page, '王经理', '3579');
  // The manager lands on their work (the lobby); the review is one click in the navigation.
  await page.getByTestId('nav').getByText('周审核').click();
  await page.getByTestId('review-this-week').click();
  await page.getByTestId('report-link-week').click();
  await expect(page).toHaveURL(/#\/reports\?period=week&day=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByTestId('report-title')).toContainText('前台周报');
  await expect(page.getByTestId('kpi-visitors')).toContainText('2 / 3');

  await page.getByTestId('lock-button').click();
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('nav')).not.toContainText('报表');
  const refused = await seeded.call<{ message: string }>('reports.figures', { period: 'day', day: '2026-12-01' }, { token: lee });
  expect(refused.status).toBe(403);
});
