// X-6 in the screens: a trail cut short while the server was stopped opens the desk in a marked state — the
// receptionist is told and keeps working, the administrator sees why, checks against a head written on paper
// and acknowledges; the supervisor's daily audit shows the head to write down.
import path from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, signIn } from './fixtures';
import { startWebServer, httpClient } from '../support/web-server';
import { DATABASE_FILE } from '../../main/core/store/open';

test('X-6 a trail cut short is shown as a banner on every staff screen; the admin sees why, verifies against paper and acknowledges', async ({ page, server, seeded }) => {
  await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('周主管', 'supervisor', '2468');
  // The supervisor's daily audit shows where the trail stands, to be written on paper.
  await page.goto(`${server.url}/#/records-audit`);
  await signIn(page, '周主管', '2468');
  const head = page.getByTestId('audit-trail-head');
  await expect(head).toContainText(/审计链当前位置：#\d+ · [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}/);
  const written = /#(\d+) · ([0-9a-f ]{19})/.exec((await head.textContent()) ?? '')!;
  await expect(page.getByTestId('trail-banner')).toHaveCount(0);
  await server.stop();

  // While it is stopped, someone cuts the last entries off the file.
  const db = new Database(path.join(server.dataDir, DATABASE_FILE));
  db.exec('DROP TRIGGER audit_log_no_delete');
  db.prepare('DELETE FROM audit_log WHERE seq > (SELECT MAX(seq) - 2 FROM audit_log)').run();
  db.close();

  const restarted = await startWebServer(server.dataDir);
  try {
    await page.goto(`${restarted.url}/#/lobby`);
    await signIn(page, '李前台', '1357');
    const banner = page.getByTestId('trail-banner');
    await expect(banner).toHaveAttribute('data-state', 'broken');
    await expect(banner).toContainText('审计记录校验未通过，已通知管理员。前台可以继续工作。');
    await expect(banner.getByTestId('trail-banner-open')).toHaveCount(0);

    await page.getByTestId('lock-button').click();
    await signIn(page, '管理员', seeded.adminPin);
    await expect(banner).toContainText('审计记录校验未通过');
    await expect(banner).toContainText(/锚点文件（line \d+）记录过第 \d+ 条，但审计记录中已经没有这一条/);
    await banner.getByTestId('trail-banner-open').click();
    await page.getByRole('tab', { name: '审计' }).click();
    // The head the supervisor wrote down is checked too, and found beyond the end of what is left.
    await page.getByTestId('audit-paper').fill(`${written[1]}: ${written[2]}`);
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-result');
    await expect(result).toContainText('审计记录校验未通过');
    // (Beyond the end, or — once the desk has written past it again — a different entry under that number.)
    await expect(
      result.getByTestId('audit-problem').filter({ hasText: new RegExp(`纸面上记下的位置（#${written[1]}）超出了审计记录的末尾|第 ${written[1]} 条与纸面上记下的不一致`) }),
    ).toHaveCount(1);
    await page.getByTestId('audit-ack-note').fill('已查明：停机维护时误删，已上报物业经理。');
    await page.getByTestId('audit-ack').click();
    await expect(page.getByTestId('trail-banner')).toHaveCount(0);
    const status = await httpClient(restarted.url)<{ state: string }>('audit.status', {}, { token: (await httpClient(restarted.url)<{ token: string }>('auth.signIn', { userId: seeded.adminId, pin: seeded.adminPin })).body.token });
    expect(status.body.state).toBe('ok');
  } finally {
    await restarted.stop();
  }
});
