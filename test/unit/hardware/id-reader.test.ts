// 身份证 readers (H-1, V-1): the SAM_V frames byte for byte, a fake reader on a socat pseudo-terminal answering the
// app's serial adapter, the hub's "card read" event for this PC's screens only, and the vendor-service fallback.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, failure, type TestDesk } from '../../support/core';
import { ptyMissing, ptyPair, type PtyPair } from '../../support/hardware/pty';
import { SAMPLE_CARD, startFakeReader, type FakeReader } from '../../support/hardware/fake-id-reader';
import { startVendorService, VENDOR_CARD, PHOTO_JPEG_BASE64, type VendorService } from '../../support/hardware/vendor-reader-service';
import { answerFrame, commandFrame, encodeCardText, parseReadData, SamvReader, SW, takeFrames } from '../../../main/core/hardware/id-reader/samv';
import { cardFromVendorJson } from '../../../main/core/hardware/id-reader/vendor-http';
import { openSerial } from '../../../main/core/hardware/serial';
import { startHardware, type HardwareHub } from '../../../main/core/hardware';
import type { OutgoingEvent } from '../../../main/core/context';
import { auditEntries } from '../../support/audit';
import { DeviceError } from '../../../main/core/hardware/adapter';

const hex = (b: Buffer) => b.toString('hex').replace(/(..)/g, '$1 ').trim().toUpperCase();

describe('SAM_V frames', () => {
  it('H-1 commands are the published frames: find AA AA AA 96 69 00 03 20 01 22, select …20 02 21, read …30 01 32', () => {
    expect(hex(commandFrame('find'))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(commandFrame('select'))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(commandFrame('read'))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(answerFrame(SW.found))).toBe('AA AA AA 96 69 00 04 00 00 9F 9B');
  });

  it('H-1 frames are found in a byte stream split anywhere; noise before a preamble and a bad checksum are dropped', () => {
    const good = answerFrame(SW.ok, Buffer.from([1, 2, 3]));
    const bad = Buffer.from(answerFrame(SW.ok, Buffer.from([9])));
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    const stream = Buffer.concat([Buffer.from([0x00, 0x13]), bad, good, good.subarray(0, 6)]);
    const { frames, rest, corrupt } = takeFrames(stream, 3);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.data).toEqual(Buffer.from([1, 2, 3]));
    expect(corrupt).toBe(1);
    expect(takeFrames(Buffer.concat([rest, good.subarray(6)]), 3).frames).toHaveLength(1);
  });

  it('H-1 the 1,295-byte read answer: 256 bytes of UCS-2 text in fixed fields, the WLT photo dropped', () => {
    const text = encodeCardText({ ...SAMPLE_CARD, until: '长期' });
    expect(text).toHaveLength(256);
    const data = Buffer.concat([Buffer.from([0x01, 0x00, 0x04, 0x00]), text, Buffer.alloc(1024, 0x57)]);
    expect(answerFrame(SW.ok, data)).toHaveLength(1295);
    expect(parseReadData(data)).toEqual({
      name: '张三丰',
      sex: 'male',
      nation: '汉',
      birthDate: '1990-03-07',
      address: '北京市东城区景山前街4号',
      idNumber: '11010119900307002X',
      authority: '北京市公安局东城分局',
      validFrom: '2020-01-01',
      validUntil: 'long-term',
      photo: null,
      reader: 'samv',
    });
    expect(() => parseReadData(Buffer.from([0, 10, 0, 0, 1, 2]))).toThrow(DeviceError);
  });
});

describe.skipIf(ptyMissing() !== null)(`a fake reader on a pseudo-terminal${ptyMissing() ? ` (skipped: ${ptyMissing()})` : ''}`, () => {
  let pty: PtyPair | null = null;
  let fake: FakeReader | null = null;
  let desk: TestDesk | null = null;
  let hub: HardwareHub | null = null;
  afterEach(async () => {
    await hub?.stop();
    hub = null;
    await fake?.close();
    await pty?.close();
    desk?.close();
  });

  it('H-1 find, select, read over the serial port: the card; no card on the reader: null; a port where nothing answers: not found', async () => {
    pty = await ptyPair();
    fake = await startFakeReader(pty.peer);
    const link = await openSerial(pty.device, 115200);
    const reader = new SamvReader(link);
    expect(await reader.probe()).toBe(true);
    expect(await reader.readCard()).toMatchObject({ name: '张三丰', idNumber: '11010119900307002X', sex: 'male', validUntil: '2040-01-01' });
    expect(fake.commands).toEqual(['status', 'find', 'select', 'read']);
    fake.card = null;
    expect(await reader.readCard()).toBeNull();
    await fake.close();
    const silent = await reader.readCard().catch((e: unknown) => e);
    expect(silent).toBeInstanceOf(DeviceError);
    expect(silent).toMatchObject({ messageKey: 'hardware:status.readerNoAnswer', state: 'notFound' });
    reader.dispose();
    await link.close();
  });

  it('H-1 V-1 placed on the reader, a card is sent once to this PC’s desk screens — name, number, validity — never to a LAN terminal; the trail notes a read, not whose', async () => {
    desk = await createDesk({});
    pty = await ptyPair();
    fake = await startFakeReader(pty.peer);
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { idReader: { kind: 'samv', path: pty.device, baudRate: 115200, autoRead: true } });
    hub = await startHardware(desk.core);
    for (let i = 0; i < 60 && !events.some((e) => e.name === 'hardware.cardRead'); i += 1) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1_200)); // more polls: the same card is not sent again
    const reads = events.filter((e) => e.name === 'hardware.cardRead');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.payload).toEqual({ name: '张三丰', idNumber: '11010119900307002X', sex: 'male', validUntil: '2040-01-01', expired: false, photo: null, reader: 'samv' });
    expect(JSON.stringify(reads[0]!.payload)).not.toContain('景山前街');
    expect(reads[0]!.target).toEqual({ localOnly: true });

    const lee = await desk.person('receptionist', '李前台');
    const local = desk.core.resolve(as(lee.token));
    const onLan = { ...local, device: { id: 'D1', name: '二楼终端', kind: 'desk' as const } } as typeof local;
    expect(desk.core.mayReceive(local, reads[0]!)).toBe(true);
    expect(desk.core.mayReceive(onLan, reads[0]!)).toBe(false);

    const notes = auditEntries(desk.core.db).filter((e) => e.method === 'hardware.cardRead');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.text).not.toContain('张三丰');
    expect(notes[0]!.text).not.toContain('11010119900307002X');

    // The admin's "read a card" test shows it masked; the desk's own read (this PC) gets the form's fields.
    const test = await desk.core.invoke(as(desk.admin.token), 'hardware.testCardReader', {});
    expect(test).toEqual({ result: { ok: true, messageKey: 'hardware:test.cardRead', params: {} }, card: { name: '张**', idNumber: '1101**********002X', validUntil: '2040-01-01' } });
    expect((await desk.core.invoke(as(lee.token), 'hardware.readCard', {})).card).toMatchObject({ name: '张三丰', idNumber: '11010119900307002X' });
    // A staff terminal on the LAN (a paired desk device) may not use this PC's reader.
    const { code } = await desk.core.invoke(as(desk.admin.token), 'devices.createPairingCode', { name: '二楼终端', kind: 'desk' });
    const { token: deviceToken } = await desk.core.invoke({ origin: 'lan' }, 'devices.pair', { code });
    const refused = await failure(desk.core.invoke({ origin: 'lan', sessionToken: lee.token, deviceToken }, 'hardware.readCard', {}));
    expect(refused).toMatchObject({ code: 'forbidden', messageKey: 'hardware:error.localOnly' });
  });

  it('H-1 an expired card is flagged for the desk; a reader that is not plugged in is reported as not found', async () => {
    desk = await createDesk({});
    pty = await ptyPair();
    fake = await startFakeReader(pty.peer, { ...SAMPLE_CARD, from: '20000101', until: '20100101' });
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { idReader: { kind: 'samv', path: pty.device, baudRate: 115200, autoRead: false } });
    hub = await startHardware(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    expect((await desk.core.invoke(as(lee.token), 'hardware.readCard', {})).card).toMatchObject({ validUntil: '2010-01-01', expired: true });
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { idReader: { kind: 'samv', path: '/dev/ttyUSB-no-reader', baudRate: 115200, autoRead: false } });
    await hub.settled();
    const status = await desk.core.invoke(as(desk.admin.token), 'hardware.status', {});
    expect(status.idReader).toMatchObject({ state: 'notFound', messageKey: 'hardware:status.portMissing' });
    const test = await desk.core.invoke(as(desk.admin.token), 'hardware.testCardReader', {}, 'en');
    expect(test.result).toMatchObject({ ok: false, messageKey: 'hardware:status.portMissing' });
  });
});

describe('the vendor reader service (fallback)', () => {
  let service: VendorService | null = null;
  let desk: TestDesk | null = null;
  let hub: HardwareHub | null = null;
  afterEach(async () => {
    await hub?.stop();
    hub = null;
    await service?.close();
    desk?.close();
  });

  it('H-1 the common JSON shapes: partyName/certNumber with a JPEG photo and 长期; name/idNumber with 1/2 for sex; "no card" is null', () => {
    expect(cardFromVendorJson(VENDOR_CARD)).toMatchObject({ name: '李四', sex: 'female', nation: '汉', birthDate: '1985-11-20', validUntil: 'long-term', photo: { mime: 'image/jpeg', base64: PHOTO_JPEG_BASE64 } });
    expect(cardFromVendorJson({ code: 0, data: { name: '王五', idNumber: '110101199003070011', sex: '1', nation: '03', photo: 'bm90IGFuIGltYWdl' } })).toMatchObject({ name: '王五', sex: 'male', nation: '回', photo: null });
    expect(cardFromVendorJson({ resultFlag: -1, errorMsg: '未放卡' })).toBeNull();
  });

  it('H-1 V-1 the desk reads through the service (the photo comes along for the consent step); a service that is not running is "not found"', async () => {
    desk = await createDesk({});
    service = await startVendorService();
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { idReader: { kind: 'vendorHttp', url: service.url, autoRead: false } });
    hub = await startHardware(desk.core);
    const lee = await desk.person('receptionist', '李前台');
    const { card } = await desk.core.invoke(as(lee.token), 'hardware.readCard', {});
    expect(card).toMatchObject({ name: '李四', idNumber: '310101198511200022', validUntil: 'long-term', expired: false, photo: { mime: 'image/jpeg' }, reader: 'vendorHttp' });
    await service.close();
    const down = await desk.core.invoke(as(lee.token), 'hardware.readCard', {});
    expect(down).toMatchObject({ card: null, result: { ok: false, messageKey: 'hardware:status.serviceMissing' } });
    service = null;
  });
});
