import { PDFParse } from 'pdf-parse';
import { test, expect, signIn, choose } from './fixtures';
import type { Page } from '@playwright/test';

async function startDuty(page: Page, explain?: { key: string; comment: string }) {
  // S-3: off duty the lobby shows one line; the opening check opens as its own step.
  if (!(await page.getByTestId('shift-start').isVisible())) await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-start')).toBeVisible();
  for (const key of ['uniform', 'appearance', 'supplies', 'equipment', 'environment']) {
    if (key !== explain?.key) await page.getByTestId(`opening-${key}`).check();
  }
  if (explain) {
    const comment = page.getByTestId(`opening-comment-${explain.key}`);
    if (!(await comment.isVisible())) await page.getByTestId(`opening-explain-${explain.key}`).click();
    await page.getByTestId(`opening-comment-${explain.key}`).fill(explain.comment);
  }
  await page.getByTestId('shift-start-submit').click();
  await expect(page.getByTestId('on-duty')).toBeVisible();
}

test('S-1 S-2 S-3 V-3 V-4 a shift starts with the opening check; a visitor still in and an open callback are handed over with a PIN, acknowledged by the guard with his own PIN, printed, and carried over unticked', async ({
  page,
  browser,
  server,
  seeded,
}) => {
  test.setTimeout(180_000);
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('王保安', 'security', '2468');
  const tenant = await seeded.call(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { token: seeded.adminToken },
  );
  expect(tenant.status).toBe(200);
  // An incident recorded earlier that still needs follow-up.
  const lee = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const incident = await seeded.call<{ id: string; number: string }>(
    'incidents.create',
    {
      occurredAt: Date.now() - 20 * 60_000,
      place: '地下车库入口',
      peoplePresent: '李前台、车主刘先生',
      course: '车主与施工车辆发生剐蹭争执，双方情绪激动。',
      outcome: '已劝开双方，等待物业经理协调。',
      category: 'dispute',
      needsFollowUp: true,
    },
    { token: lee },
  );
  expect((await seeded.call('incidents.sign', { id: incident.body.id, pin: '1357' }, { token: lee })).status).toBe(200);

  // S-3: signing in to start duty with the opening check; an unticked item needs a comment.
  await page.goto(`${server.url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('off-duty')).toBeVisible();
  await page.getByTestId('shift-open').click();
  await expect(page.getByTestId('shift-start')).toBeVisible();
  await page.getByTestId('shift-start-submit').click();
  await expect(page.getByTestId('shift-start')).toContainText('“按规定着工装，服装整洁，佩戴胸卡”未勾选，请说明情况。');
  await startDuty(page, { key: 'equipment', comment: '打印机卡纸，已报修' });

  // V-1 V-4: a visitor registered at the desk, still in the building at the end of the shift.
  await page.getByTestId('desk-mobile').fill('13812345678');
  await page.getByTestId('desk-name').fill('张三丰');
  await choose(page, page.getByTestId('desk-tenant'), '华信科技', { query: 'hxkj' });
  await page.getByTestId('desk-host').locator('input').fill('王经理');
  await choose(page, page.getByTestId('desk-purpose'), '商务拜访');
  await page.getByTestId('desk-submit').click();
  await expect(page.getByTestId('in-building-张三丰')).toBeVisible();

  // V-3: a caller's message for the tenant, taken with F7 and still open.
  await page.keyboard.press('F7');
  const form = page.getByTestId('callback-form');
  await expect(form).toBeVisible();
  await choose(page, form.getByTestId('callback-tenant'), '华信科技', { query: 'hxkj' });
  await form.getByTestId('callback-caller').fill('刘先生');
  await form.getByTestId('callback-phone').fill('137 1111 2222');
  await form.getByTestId('callback-message').fill('想谈续租，请王经理回电');
  await page.getByRole('button', { name: /保\s?存/ }).click();
  await expect(page.getByTestId('callbacks-panel')).toContainText('刘先生');

  // A key lent from the lobby.
  await page.getByTestId('panel-lend').click();
  await page.getByTestId('lend-item').fill('3F 机房钥匙');
  await page.getByTestId('lend-item-code').fill('K-301');
  await page.getByTestId('lend-borrower').fill('张师傅');
  await page.getByTestId('lend-borrower-unit').fill('工程部');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('keys-panel')).toContainText('3F 机房钥匙');

  // S-2: the work diary shows the shift's activity from each feature and keeps free text.
  await page.getByTestId('go-diary').click();
  await expect(page.getByTestId('diary-section-visitors')).toContainText('入楼 1 批 1 人');
  await expect(page.getByTestId('diary-section-callbacks')).toContainText('新增留言 / 回电 1 条');
  await expect(page.getByTestId('diary-section-callbacks')).toContainText('刘** 给 华信科技 留言（前台）');
  await expect(page.getByTestId('diary-section-keys')).toContainText('借出 1 件');
  await expect(page.getByTestId('diary-view')).toContainText('打印机卡纸，已报修');
  await page.getByTestId('diary-text').fill('15:00 消防演练通知已张贴于大堂。');
  await page.getByTestId('diary-save').click();
  await expect(page.getByText(/已保存/).first()).toBeVisible();

  // S-1: the handover lists the template and the open lines of every feature.
  await page.getByTestId('nav').getByText('交接班').click();
  await page.getByTestId('handover-prepare').click();
  const visitLine = page.locator('[data-testid^="line-visit:"]');
  const passLine = page.locator('[data-testid^="line-pass:"]');
  const callbackLine = page.locator('[data-testid^="line-callback:"]');
  const keyLine = page.locator('[data-testid^="line-key-loan:"]');
  const incidentLine = page.getByTestId(`line-incident:${incident.body.id}`);
  await expect(visitLine).toContainText(/张\*\*（1 人）拜访 华信科技（12F 1201）王经理，\d{4}-\d{2}-\d{2} \d{2}:\d{2} 入楼，访客证 \d{4}-001/);
  await expect(passLine).toContainText('未交还');
  await expect(callbackLine).toContainText('刘** 给 华信科技（12F 1201）留言');
  await expect(callbackLine).toContainText('想谈续租，请王经理回电');
  await expect(page.getByTestId('section-callbacks')).not.toContainText('13711112222');
  await expect(keyLine).toContainText('3F 机房钥匙');
  await expect(incidentLine).toContainText('地下车库入口');
  for (const tick of await page.getByTestId('section-checklist').getByTestId('line-tick').all()) await tick.check();
  await passLine.getByTestId('line-tick').check();
  const comment = async (line: typeof keyLine, text: string) => {
    await line.getByTestId('line-comment').fill(text);
    await line.getByTestId('line-comment').press('Enter');
  };
  await comment(visitLine, '访客仍在 12 楼开会');
  await comment(callbackLine, '租户电话未接通，明早再联系');
  await comment(keyLine, '张师傅加班，明早归还');
  await comment(incidentLine, '等待物业经理协调');
  await page.getByTestId('handover-notes').fill('明早 8 点有搬家车辆进场，请提前开闸。');
  await page.getByTestId('handover-notes').blur();

  // The outgoing signature is her own PIN: the guard's PIN does not sign for her.
  await page.getByTestId('handover-sign').click();
  await page.getByTestId('pin-modal-pin').fill('2468');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(page.getByTestId('pin-modal-error')).toContainText('PIN 码不正确');
  await page.getByTestId('pin-modal-pin').fill('1357');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(page.getByTestId('handover-signed')).toBeVisible();
  // The guard could switch person at this desk (next test); here he uses his own terminal.

  // The guard's PC on the LAN opens /handover, signs in as himself and acknowledges with his own PIN.
  const guardContext = await browser.newContext();
  const guard = await guardContext.newPage();
  await guard.goto(`${server.url}/handover`);
  await signIn(guard, '王保安', '2468');
  await expect(guard.getByTestId('handover-page')).toBeVisible();
  const ackButton = guard.locator('[data-testid^="ack-JB"]');
  await ackButton.click();
  // S-1 the acknowledgement is made from the opened sheet, once it has been read to its end.
  await guard.getByTestId('sheet-end').scrollIntoViewIfNeeded();
  await guard.getByTestId('drawer-ack').click();
  await guard.getByTestId('pin-modal-pin').fill('1357');
  await guard.getByTestId('pin-modal-pin').press('Enter');
  await expect(guard.getByTestId('pin-modal-error')).toContainText('PIN 码不正确');
  await guard.getByTestId('pin-modal-pin').fill('2468');
  await guard.getByTestId('pin-modal-note').fill('钥匙柜已清点');
  await guard.getByTestId('pin-modal-pin').press('Enter');
  await expect(guard.getByText('已确认接班。')).toBeVisible();
  await expect(guard.getByTestId('sheet-incoming')).toHaveText('王保安');

  // The printable sheet, as a PDF: both names and the open lines — and none of the numbers the guard need not see.
  await guard.getByTestId('drawer-print').click();
  await expect(guard.getByTestId('handover-print')).toContainText('交接班记录表');
  const pdf = await guard.pdf({ format: 'A4', printBackground: true });
  const text = (await new PDFParse({ data: pdf }).getText()).text;
  for (const expected of [
    '李前台',
    '王保安',
    '在楼访客及未交还的访客证',
    '张**（1 人）拜访 华信科技',
    '访客仍在 12 楼开会',
    '待办的留言与回电',
    '刘** 给 华信科技',
    '租户电话未接通',
    '3F 机房钥匙',
    '张师傅加班，明早归还',
    '地下车库入口',
    '等待物业经理协调',
    '明早 8 点有搬家车辆进场',
  ]) {
    expect(text).toContain(expected);
  }
  for (const secret of ['张三丰', '13812345678', '13711112222', '137 1111 2222', '13800138000']) expect(text).not.toContain(secret);
  // Only the sheet is printed: no navigation, no toast.
  for (const shell of ['租户名录', '已确认接班。']) expect(text).not.toContain(shell);
  await guardContext.close();

  // The next shift's handover shows the unticked lines as carried over; the ticked ones are not.
  await page.getByTestId('nav').getByText('前台').click();
  await startDuty(page);
  await page.getByTestId('go-handover').click();
  await page.getByTestId('handover-prepare').click();
  await expect(visitLine.getByTestId('line-carried')).toBeVisible();
  await expect(visitLine).toContainText('上次备注：访客仍在 12 楼开会');
  await expect(callbackLine.getByTestId('line-carried')).toBeVisible();
  await expect(callbackLine).toContainText('上次备注：租户电话未接通，明早再联系');
  await expect(keyLine.getByTestId('line-carried')).toBeVisible();
  await expect(keyLine).toContainText('上次备注：张师傅加班，明早归还');
  await expect(incidentLine.getByTestId('line-carried')).toBeVisible();
  await expect(passLine.getByTestId('line-carried')).toHaveCount(0);
  await expect(page.getByTestId('section-checklist').getByTestId('line-carried')).toHaveCount(0);
  await expect(page.getByTestId('section-previous')).toContainText('明早 8 点有搬家车辆进场');
});

test('S-1 at the desk the guard switches person and acknowledges in his own session with his own PIN', async ({ page, server, seeded }) => {
  test.setTimeout(120_000);
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  await seeded.addPerson('王保安', 'security', '2468');
  const lee = (await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' })).body.token;
  const current = await seeded.call<{ openingCheck: Array<{ key: string }> }>('shifts.current', {}, { token: lee });
  await seeded.call('shifts.start', { checks: current.body.openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) }, { token: lee });
  const draft = await seeded.call<{ id: string; number: string; lines: Array<{ id: string }> }>('handover.prepare', {}, { token: lee });
  const [first, ...rest] = draft.body.lines;
  for (const line of rest) await seeded.call('handover.mark', { id: draft.body.id, lineId: line.id, ticked: true }, { token: lee });

  await page.goto(`${server.url}/#/handover`);
  await signIn(page, '李前台', '1357');
  // S-1 a line neither ticked nor explained is said before any PIN is asked for.
  await page.getByTestId('handover-sign').click();
  await expect(page.getByTestId('handover-error')).toContainText('1 项既未勾选也未说明');
  await expect(page.getByTestId('pin-modal')).toHaveCount(0);
  await seeded.call('handover.mark', { id: draft.body.id, lineId: first!.id, ticked: true }, { token: lee });
  await page.getByTestId('handover-sign').click();
  await page.getByTestId('pin-modal-pin').fill('1357');
  await page.getByTestId('pin-modal-pin').press('Enter');
  // The receptionist's own screen offers no acknowledgement of her own handover: she hands the desk over.
  await expect(page.getByTestId('handover-signed')).toBeVisible();
  await page.getByTestId('hand-to-guard').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await signIn(page, '王保安', '2468');
  await page.getByTestId(`ack-${draft.body.number}`).click();
  await page.getByTestId('sheet-end').scrollIntoViewIfNeeded();
  await page.getByTestId('drawer-ack').click();
  await expect(page.getByTestId('pin-modal')).toContainText('王保安');
  await page.getByTestId('pin-modal-pin').fill('1357');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(page.getByTestId('pin-modal-error')).toContainText('PIN 码不正确');
  await page.getByTestId('pin-modal-pin').fill('2468');
  await page.getByTestId('pin-modal-pin').press('Enter');
  await expect(page.getByTestId('sheet-incoming')).toHaveText('王保安');
  await expect(page.getByTestId('sheet-outgoing')).toHaveText('李前台');
});
