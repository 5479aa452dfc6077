// Visitor journeys beyond the walk-in: expected visitors with signed invitations (V-8), parcels held at the desk
// (V-9) with the recipient told through a WeCom robot (V-10), and the visitor photo's consent (V-11).
import type { Browser, Page } from '@playwright/test';
import { test, expect, signIn, choose, type SeededDesk } from './fixtures';
import { startFakeRobot } from '../support/robot';
import { startWebServer, httpClient } from '../support/web-server';

test.afterEach(async ({ server }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) console.log(`server output:\n${server.output()}`);
});

interface Seeded {
  huaxinId: string;
  kioskToken: string;
  leeId: string;
  leeToken: string;
}

async function seed(seeded: SeededDesk): Promise<Seeded> {
  const admin = { token: seeded.adminToken };
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  const huaxin = await seeded.call<{ id: string }>(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', displayNameEn: 'Huaxin Technology', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    admin,
  );
  expect(huaxin.status).toBe(200);
  const code = await seeded.call<{ code: string }>('devices.createPairingCode', { name: '大堂访客屏', kind: 'kiosk' }, admin);
  const paired = await seeded.call<{ token: string }>('devices.pair', { code: code.body.code });
  const lee = await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' });
  return { huaxinId: huaxin.body.id, kioskToken: paired.body.token, leeId, leeToken: lee.body.token };
}

async function openVisitorScreen(browser: Browser, url: string, kioskToken: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  await context.addInitScript((token) => localStorage.setItem('lobbyDesk.device.visitor', token), kioskToken);
  const visitor = await context.newPage();
  await visitor.goto(`${url}/#/visitor`);
  await expect(visitor.getByTestId('visitor-welcome')).toBeVisible();
  return visitor;
}

/** Today in Shanghai, as the desk's calendar has it. */
function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function typeInvitation(visitor: Page, code: string): Promise<void> {
  await visitor.getByTestId('visitor-invitation').click();
  await expect(visitor.getByTestId('invitation-consent-next')).toBeDisabled();
  await visitor.getByTestId('invitation-consent-check').click();
  await visitor.getByTestId('invitation-consent-next').click();
  await visitor.getByTestId('invitation-code').fill(code);
  await visitor.getByTestId('invitation-submit').click();
}

test('V-8 V-1 V-2 an expected visitor is added at the desk; the typed code on the visitor screen and a scanned code at the desk each register the visit in one step; altered and expired codes are refused', async ({
  page: lobby,
  browser,
  server,
  seeded,
}) => {
  test.setTimeout(150_000); // a long journey on two shared cores
  const s = await seed(seeded);
  // This building checks a valid invitation in at the visitor screen without waiting for the desk.
  expect((await seeded.call('expected.updateSettings', { arrivalAtKiosk: 'checkIn', earlyMinutes: 30 }, { token: seeded.adminToken })).status).toBe(200);
  await lobby.goto(`${server.url}/#/lobby`);
  await signIn(lobby, '李前台', '1357');

  // Added at the desk, for the whole of today.
  await lobby.getByTestId('expected-add').click();
  const form = lobby.getByTestId('expected-form');
  await form.getByTestId('expected-name').fill('周访客');
  await form.getByTestId('expected-mobile').fill('13766668888');
  await choose(lobby, form.getByTestId('expected-tenant'), '华信科技', { query: 'hxkj' });
  await form.getByTestId('expected-host').fill('王经理');
  await choose(lobby, form.getByTestId('expected-purpose'), '商务拜访');
  await form.getByTestId('expected-start').fill('00:00');
  await form.getByTestId('expected-end').fill('24:00');
  await lobby.getByTestId('expected-submit').click();
  const codeText = (await lobby.getByTestId('expected-created-code').innerText()).trim();
  expect(codeText).toMatch(/^LDI-[0-9A-Z]{4}-[0-9A-Z]{8}$/);
  await lobby.getByRole('button', { name: /打印邀请函/ }).click();
  await expect(lobby.getByTestId('expected-周访客')).toBeVisible();

  // The visitor screen, camera-less path: the code typed, with one character altered first.
  const visitor = await openVisitorScreen(browser, server.url, s.kioskToken);
  const altered = codeText.slice(0, -1) + (codeText.endsWith('A') ? 'B' : 'A');
  await typeInvitation(visitor, altered);
  await expect(visitor.getByTestId('invitation-error')).toContainText('邀请码无效（可能输错或被改动）');
  await visitor.getByTestId('invitation-code').fill(codeText.toLowerCase());
  await visitor.getByTestId('invitation-submit').click();
  await expect(visitor.getByTestId('kiosk-confirmed')).toContainText('周**，欢迎您');
  const pass = (await visitor.getByTestId('kiosk-pass-number').innerText()).trim();
  expect(pass).toMatch(/^\d{4}-001$/);
  await expect(lobby.getByTestId('in-building-周访客')).toContainText(pass);
  await expect(lobby.getByTestId('expected-周访客')).toContainText('已到');
  // The screen never showed the mobile or the host.
  expect(await visitor.locator('body').innerText()).not.toMatch(/13766668888|王经理/);
  await visitor.context().close();

  // Scanned at the desk: a keyboard-wedge burst outside any field registers the second invitation in one step.
  const second = await seeded.call<{ code: string }>(
    'expected.create',
    { visitorName: '吴师傅', mobile: '13900002222', tenantId: s.huaxinId, purpose: '施工维修', date: todayInShanghai(), startTime: '00:00', endTime: '24:00' },
    { token: s.leeToken },
  );
  expect(second.status).toBe(200);
  await expect(lobby.getByTestId('expected-吴师傅')).toBeVisible();
  // What a scanner sends: the code's keys and Enter within a few milliseconds, to whatever has focus (no field here).
  await lobby.getByTestId('expected-panel').locator('.ant-card-head-title').click();
  await lobby.evaluate((code) => {
    for (const key of [...code, 'Enter']) document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, second.body.code);
  await expect(lobby.getByTestId('in-building-吴师傅'), server.output()).toContainText(/\d{4}-002/);
  await expect(lobby.getByTestId('expected-吴师傅')).toContainText('已到');

  // Expired: an invitation whose window today has already closed is refused at the desk with when it was valid.
  const now = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date());
  test.skip(now < '00:02', 'the first minute after midnight in Shanghai leaves no closed window today to test with');
  const expired = await seeded.call<{ code: string }>(
    'expected.create',
    { visitorName: '郑过期', mobile: '13900003333', tenantId: s.huaxinId, purpose: '面试', date: todayInShanghai(), startTime: '00:00', endTime: '00:01' },
    { token: s.leeToken },
  );
  await lobby.getByTestId('expected-code').fill(expired.body.code);
  await lobby.getByTestId('expected-code').press('Enter');
  await expect(lobby.getByTestId('expected-code-error')).toContainText(`该邀请已过期（最后有效时间 ${todayInShanghai()} 00:01）`);
  await expect(lobby.getByTestId('in-building-郑过期')).toHaveCount(0);
});

test('V-9 V-10 S-1 a parcel is logged; the recipient’s WeCom robot gets the message; pick-up closes it; one left for days is flagged on the handover', async ({ page, seeded, server }) => {
  test.setTimeout(150_000); // a long journey, with a restart, on two shared cores
  const s = await seed(seeded);
  const robot = await startFakeRobot();
  try {
    expect((await seeded.call('notify.addRecipient', { tenantId: s.huaxinId, channel: 'wecom', target: robot.url, label: '华信前台群' }, { token: seeded.adminToken })).status).toBe(200);
    await page.goto(`${server.url}/#/lobby`);
    await signIn(page, '李前台', '1357');
    const panel = page.getByTestId('parcels-panel');
    await panel.getByTestId('parcel-courier').locator('input').fill('顺丰');
    await panel.getByTestId('parcel-tracking').fill('SF1234567890');
    await choose(page, panel.getByTestId('parcel-tenant'), '华信科技', { query: 'hxkj' });
    await panel.getByTestId('parcel-recipient').fill('王经理');
    await panel.getByTestId('parcel-shelf').fill('A3');
    await panel.getByTestId('parcel-log').click();
    const code = (await page.getByTestId('parcel-pickup-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await page.getByRole('button', { name: /知道了|OK/ }).click();

    // The robot got its documented JSON, once, with the pick-up code; the parcel shows the notification as sent.
    await expect.poll(() => robot.received.length).toBe(1);
    expect(robot.received[0]!.body).toEqual({ msgtype: 'text', text: { content: expect.stringContaining(`取件码 ${code}`) } });
    expect(robot.received[0]!.body.text!.content).toContain('顺丰 7890');
    const row = panel.getByTestId(/^parcel-K\d{4}-001$/);
    await expect(row).toContainText('企业微信 · 已通知');

    // Pick-up with the code closes it.
    await row.getByRole('button', { name: '领取' }).click();
    await page.getByTestId('collect-code').fill(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByTestId('collect-submit').click();
    await expect(page.getByTestId('collect-form')).toContainText('取件码不对');
    await page.getByTestId('collect-code').fill(code);
    await page.getByTestId('collect-name').fill('王经理');
    await page.getByTestId('collect-submit').click();
    await expect(row).toHaveCount(0);
    await expect(panel).toContainText('前台没有代存的快递');

    // A second parcel nobody collects. Four days later (the desk restarted with its clock ahead) it is flagged and
    // on the handover.
    const left = await seeded.call<{ parcel: { id: string; number: string } }>('parcels.log', { courier: '京东', tenantId: s.huaxinId, recipientName: '李秘书', shelf: 'B2' }, { token: s.leeToken });
    expect(left.status, server.output()).toBe(200);
    await server.stop();
    const later = await startWebServer(server.dataDir, ['--clock-ahead-days', '4']);
    try {
      // The receptionist starts duty (through the API, as the shift panel would) and prepares the handover.
      const call = httpClient(later.url);
      const token = (await call<{ token: string }>('auth.signIn', { userId: s.leeId, pin: '1357' })).body.token;
      const current = await call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, { token });
      expect((await call('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, { token })).status).toBe(200);
      await page.goto(`${later.url}/#/lobby`);
      await signIn(page, '李前台', '1357');
      await expect(page.getByTestId('parcel-uncollected')).toContainText('超过 3 天未取');
      await page.goto(`${later.url}/#/handover`);
      await page.getByTestId('handover-prepare').click();
      await expect(page.getByTestId(`line-parcel:${left.body.parcel.id}`)).toContainText(`${left.body.parcel.number}（京东）给 华信科技 李**，货架 B2，已存放 4 天未取`);
    } finally {
      await later.stop();
    }
  } finally {
    await robot.close();
  }
});
