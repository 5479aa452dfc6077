// Visitor slips (V-6, H-2): the ESC/POS bytes for a known pass — Chinese mode, GB18030 text, the QR command with
// the pass's code, the cut — and the slip sent to a TCP server standing in for a port-9100 printer.
import { afterEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { as, createDesk, failure, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { closedPort, startFakePrinter, type FakePrinter } from '../../support/hardware/fake-printer';
import { CHINESE_MODE_ON, FULL_CUT, gb18030, slipEscpos } from '../../../main/core/hardware/slip/escpos';
import { slipHtml } from '../../../main/core/hardware/slip/html';
import type { SlipContent } from '../../../main/core/hardware/slip/content';

const PASS: SlipContent = {
  building: '华信大厦',
  buildingEn: 'Huaxin Tower',
  passNumber: '1203-001',
  qrText: 'LDV-1203-001',
  visitorMasked: '张**',
  visiting: '华信科技 12F 1201',
  host: '王经理',
  time: '2026-12-03 09:30',
  partySize: 1,
};

/** GS ( k pL pH 31 50 30 d…: store the QR symbol's data (Epson's function 180). */
function qrStore(data: string): Buffer {
  const length = data.length + 3;
  return Buffer.concat([Buffer.from([0x1d, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30]), Buffer.from(data, 'ascii')]);
}
const QR_PRINT = Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]);

describe('ESC/POS slip', () => {
  it('H-2 V-6 the bytes for a known pass: init, Chinese mode, GB18030 text, the QR with LDV-1203-001, then a full cut', () => {
    const { bytes } = slipEscpos(PASS, { host: '127.0.0.1', port: 9100, paperWidth: 80 });
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1b, 0x40])); // ESC @
    expect(bytes.indexOf(CHINESE_MODE_ON)).toBeGreaterThan(0);
    // Chinese as GB18030: 华信大厦 is BB AA D0 C5 B4 F3 CF C3.
    expect(gb18030('华信大厦')).toEqual(Buffer.from([0xbb, 0xaa, 0xd0, 0xc5, 0xb4, 0xf3, 0xcf, 0xc3]));
    expect(bytes.indexOf(gb18030('华信大厦'))).toBeGreaterThan(bytes.indexOf(CHINESE_MODE_ON));
    expect(bytes.indexOf(gb18030('访客 Visitor: 张**'))).toBeGreaterThan(0);
    expect(bytes.indexOf(gb18030('拜访 Visiting: 华信科技 12F 1201'))).toBeGreaterThan(0);
    // No UTF-8 on the wire: the printer would print mojibake.
    expect(bytes.indexOf(Buffer.from('华信', 'utf8'))).toBe(-1);
    const store = bytes.indexOf(qrStore('LDV-1203-001'));
    expect(store).toBeGreaterThan(0);
    expect(bytes.indexOf(QR_PRINT)).toBeGreaterThan(store);
    expect(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x06]))).toBeGreaterThan(0); // module size 6 on 80 mm
    const cut = bytes.lastIndexOf(FULL_CUT);
    expect(cut).toBeGreaterThan(bytes.indexOf(QR_PRINT));
    expect(iconv.decode(bytes, 'gb18030')).toContain('1203-001');
  });

  it('H-2 on 58 mm paper the QR modules are smaller (the slip fits the roll)', () => {
    const { bytes } = slipEscpos(PASS, { host: '127.0.0.1', port: 9100, paperWidth: 58 });
    expect(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05]))).toBeGreaterThan(0);
  });

  it('H-2 V-6 the HTML slip for the OS driver: escaped text, the name masked, the QR as SVG, the paper width', async () => {
    const html = await slipHtml({ ...PASS, host: '<王经理>' }, 58);
    expect(html).toContain('size: 58mm auto');
    expect(html).toContain('张**');
    expect(html).toContain('&#60;王经理&#62;');
    expect(html).toMatch(/<svg[^>]*>/);
  });
});

describe('printing a visitor’s slip on the network printer', () => {
  let desk: TestDesk;
  let printer: FakePrinter | null = null;
  afterEach(async () => {
    await printer?.close();
    desk?.close();
  });

  it('H-2 V-6 hardware.printSlip sends the slip to port 9100 (the server receives the ESC/POS bytes with the masked name), and the trail records it', async () => {
    desk = await createDesk({});
    const dir = await seedDirectory(desk);
    printer = await startFakePrinter();
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { slipPrinter: { kind: 'escpos', host: '127.0.0.1', port: printer.port, paperWidth: 80 } });
    const lee = await desk.person('receptionist', '李前台');
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三丰', mobile: '13511112222', tenantId: dir.huaxin.id, hostName: '王经理', purpose: '商务拜访' });
    expect(await desk.core.invoke(as(lee.token), 'hardware.printSlip', { visitId: visit.id })).toEqual({ printed: true, via: 'escpos' });
    for (let i = 0; i < 40 && printer.jobs.length === 0; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(printer.jobs).toHaveLength(1);
    const job = printer.jobs[0]!;
    expect(job.indexOf(gb18030('张**'))).toBeGreaterThan(0);
    expect(job.indexOf(gb18030('张三丰'))).toBe(-1);
    expect(job.indexOf(qrStore(visit.qrText!))).toBeGreaterThan(0);
    expect(job.lastIndexOf(FULL_CUT)).toBeGreaterThan(0);
    const note = desk.core.db.prepare("SELECT entity, entity_id FROM audit_trail WHERE method = 'hardware.printSlip'").get();
    expect(note).toEqual({ entity: 'visits', entity_id: visit.id });

    // Admin → Devices, "print a test slip".
    expect(await desk.core.invoke(as(desk.admin.token), 'hardware.testSlipPrinter', {})).toEqual({ ok: true, messageKey: 'hardware:test.slipPrinted', params: { via: 'escpos' } });
  });

  it('H-2 a printer that does not answer: the call fails with a clear, localized message and records nothing; the test says "not found"', async () => {
    desk = await createDesk({});
    const dir = await seedDirectory(desk);
    const port = await closedPort();
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { slipPrinter: { kind: 'escpos', host: '127.0.0.1', port, paperWidth: 58 } });
    const lee = await desk.person('receptionist', '李前台');
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三丰', mobile: '13511112222', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const refused = await failure(desk.core.invoke(as(lee.token), 'hardware.printSlip', { visitId: visit.id }));
    expect(refused).toMatchObject({ code: 'conflict', messageKey: 'hardware:status.printerMissing' });
    expect(desk.core.errorResponse(refused, 'zh-CN').body.error.message).toMatch(new RegExp(`^未找到小票打印机：127\\.0\\.0\\.1:${port} 无法连接`));
    expect(desk.core.db.prepare("SELECT COUNT(*) AS n FROM audit_trail WHERE method = 'hardware.printSlip'").get()).toEqual({ n: 0 });
    const test = await desk.core.invoke(as(desk.admin.token), 'hardware.testSlipPrinter', {});
    expect(test).toMatchObject({ ok: false, messageKey: 'hardware:status.printerMissing' });
  });

  it('H-2 with no slip printer (or the OS printer outside the desktop app) printSlip answers printed: false and the screen prints the pass itself', async () => {
    desk = await createDesk({});
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三丰', mobile: '13511112222', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    expect(await desk.core.invoke(as(lee.token), 'hardware.printSlip', { visitId: visit.id })).toEqual({ printed: false, via: 'none' });
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { slipPrinter: { kind: 'os', osPrinter: 'XP-80C' } });
    expect(await desk.core.invoke(as(lee.token), 'hardware.printSlip', { visitId: visit.id })).toEqual({ printed: false, via: 'os' });
  });
});
