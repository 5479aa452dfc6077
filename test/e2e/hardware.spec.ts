// The desk's hardware in Chromium against `lobby-desk web` (P-6, H-1, V-1, V-4): a desk phone's action URL rings
// the lobby and names the caller's company before anyone answers; a card on the (simulated) reader service fills
// the registration form; a pass scanned through an active Chinese input method still signs the visitor out.
import { test, expect, signIn, choose, type SeededDesk } from './fixtures';
import { startVendorService, type VendorService } from '../support/hardware/vendor-reader-service';
import { closedPort, startFakePrinter } from '../support/hardware/fake-printer';
import type { Page } from '@playwright/test';

async function seedDirectory(seeded: SeededDesk): Promise<{ huaxinId: string; leeId: string }> {
  const leeId = await seeded.addPerson('李前台', 'receptionist', '1357');
  const huaxin = await seeded.call<{ id: string }>(
    'directory.create',
    { kind: 'company', name: '华信科技有限公司', displayName: '华信科技', floor: '12', room: '1201', contact: { name: '王经理', phone: '13800138000' } },
    { token: seeded.adminToken },
  );
  expect(huaxin.status).toBe(200);
  return { huaxinId: huaxin.body.id, leeId };
}

async function openLobby(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/lobby`);
  await signIn(page, '李前台', '1357');
  await expect(page.getByTestId('phone-panel')).toBeVisible();
}

test('P-6 P-1 a Yealink action URL rings the lobby by itself: the ringing line shows the caller’s company and contact before the answer; "established" answers it and opens the caller’s file', async ({ page, server, seeded }) => {
  await seedDirectory(seeded);
  const paired = await seeded.call<{ actionUrls: Record<string, string> }>('hardware.addPhone', { name: '前台话机', address: '127.0.0.1' }, { token: seeded.adminToken });
  expect(paired.status).toBe(200);
  await openLobby(page, server.url);
  const send = async (event: 'incoming' | 'established') => {
    const url = paired.body.actionUrls[event]!.replace('$remote', encodeURIComponent('sip:13800138000@192.168.1.10')).replace('$call_id', 'yl-0001');
    const response = await fetch(`${server.url}${url}`);
    expect(response.status).toBe(200);
  };

  await send('incoming');
  const line = page.getByTestId('ring-line-1');
  await expect(line).toBeVisible();
  await expect(line.getByTestId('ring-caller')).toContainText('华信科技');
  await expect(line.getByTestId('ring-caller')).toContainText('王经理');
  await expect(line.getByTestId('ring-caller')).toContainText('12F 1201');
  await expect(line.getByTestId('ring-started')).toContainText('话机自动');
  // Nobody pressed anything yet: no call card.
  await expect(page.getByTestId('call-card-1')).toHaveCount(0);

  await send('established');
  const card = page.getByTestId('call-card-1');
  await expect(card).toBeVisible();
  await expect(line).toHaveCount(0);
  await expect(card.getByTestId('call-within-target')).toHaveText('达标');
  await expect(card.getByTestId('caller-file')).toContainText('华信科技');
});

test('H-1 V-1 a card placed on the reader fills the desk’s registration form: the name, and the ID number masked as the building keeps it; registering stores it masked', async ({ page, server, seeded }) => {
  const ids = await seedDirectory(seeded);
  let service: VendorService | null = null;
  try {
    service = await startVendorService(null);
    const saved = await seeded.call('hardware.updateSettings', { idReader: { kind: 'vendorHttp', url: service.url, autoRead: true } }, { token: seeded.adminToken });
    expect(saved.status).toBe(200);
    await openLobby(page, server.url);
    await expect(page.getByTestId('desk-registration')).toBeVisible();
    // The visitor puts the card on the reader.
    service.card = {
      resultFlag: 0,
      partyName: '李四',
      gender: '女',
      nation: '汉',
      bornDay: '19851120',
      certAddress: '上海市黄浦区人民大道200号',
      certNumber: '310101198511200022',
      certOrg: '上海市公安局黄浦分局',
      effDate: '20150601',
      expDate: '长期',
    };
    await expect(page.getByTestId('desk-name')).toHaveValue('李四');
    await expect(page.getByTestId('desk-id')).toHaveValue('3101**********0022');
    await expect(page.getByText('上海市黄浦区人民大道200号')).toHaveCount(0);

    await page.getByTestId('desk-mobile').fill('13611112222');
    await choose(page, page.getByTestId('desk-tenant'), '华信科技', { query: '华信' });
    await choose(page, page.getByTestId('desk-purpose'), '商务拜访');
    await page.getByTestId('desk-submit').click();
    await expect(page.getByTestId('last-checked-in')).toContainText('李四');
    const lee = await seeded.call<{ token: string }>('auth.signIn', { userId: ids.leeId, pin: '1357' });
    const lobby = await seeded.call<{ inBuilding: Array<{ visitorName: string; idNumberMasked: string | null }> }>('visitors.lobby', {}, { token: lee.body.token });
    expect(lobby.body.inBuilding[0]).toMatchObject({ visitorName: '李四', idNumberMasked: '3101**********0022' });
  } finally {
    await service?.close();
  }
});

test('V-4 a pass scanned into the sign-out box while a Chinese input method is composing still signs the visitor out', async ({ page, server, seeded }) => {
  const { huaxinId, leeId } = await seedDirectory(seeded);
  const lee = await seeded.call<{ token: string }>('auth.signIn', { userId: leeId, pin: '1357' });
  const visit = await seeded.call<{ qrText: string; passNumber: string }>('visitors.register', { visitorName: '张三丰', mobile: '13511112222', tenantId: huaxinId, purpose: '商务拜访' }, { token: lee.body.token });
  expect(visit.status).toBe(200);
  await openLobby(page, server.url);
  await expect(page.getByTestId('in-building-panel')).toContainText('张三丰');
  await page.getByTestId('signout-pass').focus();

  // What a scanner's keys look like through a pinyin IME: key "Process", the physical code kept, and the IME
  // composing Chinese candidates into the box.
  const cdp = await page.context().newCDPSession(page);
  // Sent without waiting for each answer, so the keys arrive as fast as a scanner types them.
  const sent: Array<Promise<unknown>> = [];
  let composed = '';
  for (const ch of visit.body.qrText) {
    const upper = /[A-Z]/.test(ch);
    const code = /[A-Z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : 'Minus';
    const modifiers = upper ? 8 : 0;
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code, windowsVirtualKeyCode: 229, modifiers }));
    composed += /[a-z]/i.test(ch) ? '里' : ch;
    sent.push(cdp.send('Input.imeSetComposition', { text: composed, selectionStart: composed.length, selectionEnd: composed.length }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code, windowsVirtualKeyCode: 229, modifiers }));
  }
  sent.push(cdp.send('Input.insertText', { text: composed }));
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }));
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }));
  await Promise.all(sent);

  await expect(page.getByTestId('in-building-panel')).not.toContainText('张三丰');
  const lobby = await seeded.call<{ inBuilding: Array<{ checkoutVia: string }> }>('visitors.lobby', {}, { token: lee.body.token });
  expect(lobby.body.inBuilding).toHaveLength(0);
});

test('P-6 H-1 H-2 Admin → Devices: the thermal printer is configured and prints a test slip (its bytes reach port 9100 with the cut); a reader service that is not running says "not found", in Chinese and in English', async ({ page, server, seeded }) => {
  const printer = await startFakePrinter();
  const deadPort = await closedPort();
  try {
    await page.goto(`${server.url}/#/admin`);
    await signIn(page, '管理员', seeded.adminPin);
    await page.getByRole('tab', { name: '外接设备' }).click();
    const admin = page.getByTestId('hardware-admin');
    await expect(page.getByTestId('hardware-status-slipPrinter')).toHaveAttribute('data-state', 'off');
    // Nothing configured: the test says so rather than waiting.
    await page.getByTestId('hardware-test-slip').click();
    await expect(page.getByTestId('hardware-result-slip')).toHaveText('未配置小票打印机。');

    await choose(page, page.getByTestId('printer-kind'), '网络热敏打印机');
    await page.getByTestId('printer-host').fill('127.0.0.1');
    await page.getByTestId('printer-port').fill(String(printer.port));
    await choose(page, page.getByTestId('reader-kind'), '厂商本机读卡服务');
    await page.getByTestId('reader-url').fill(`http://127.0.0.1:${deadPort}/readCard`);
    await page.getByTestId('hardware-save').click();
    await expect(page.getByText('设备设置已保存')).toBeVisible();
    await expect(page.getByTestId('hardware-status-slipPrinter')).toHaveAttribute('data-state', 'ok');
    await expect(page.getByTestId('hardware-status-slipPrinter')).toContainText(`127.0.0.1:${printer.port}`);

    await page.getByTestId('hardware-test-slip').click();
    await expect(page.getByTestId('hardware-result-slip')).toContainText('测试小票已打印');
    await expect.poll(() => printer.jobs.length).toBe(1);
    // ESC @ initialises, GS V cuts.
    expect(printer.jobs[0]!.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40]));
    expect(printer.jobs[0]!.includes(Buffer.from([0x1d, 0x56]))).toBe(true);

    await page.getByTestId('hardware-test-card').click();
    await expect(page.getByTestId('hardware-result-card')).toContainText('未找到读卡服务');
    await expect(page.getByTestId('hardware-status-idReader')).toHaveAttribute('data-state', 'notFound');

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('hardware-result-card')).toContainText('Reader service not found');
    await expect(admin).toContainText('Network thermal printer (ESC/POS, port 9100)');

    // Bad input: a printer port out of range is refused with the field's message, nothing saved.
    await page.getByTestId('printer-port').fill('70000');
    await page.getByTestId('hardware-save').click();
    await expect(admin).toContainText('The port must be a whole number from 1 to 65535.');
    const stored = await seeded.call<{ slipPrinter: { port: number } }>('hardware.settings', {}, { token: seeded.adminToken });
    expect(stored.body.slipPrinter.port).toBe(printer.port);
  } finally {
    await printer.close();
  }
});
