// Caller-ID boxes (来电显示盒): the line protocol, and the adapter on a pseudo-terminal pair standing in for the
// box's USB serial port, driving the real core's ring timer.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { as, createDesk, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { ptyMissing, ptyPair, type PtyPair } from '../../support/hardware/pty';
import { CallerIdBoxSource, CallerIdInterpreter, parseCallerIdLine } from '../../../main/core/hardware/telephony/caller-id-box';
import { deliverPhoneEvent } from '../../../main/core/hardware';
import type { PhoneEvent } from '../../../main/core/hardware/telephony/phone-event';
import { translate } from '../../../main/core/i18n';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('caller-ID box protocol', () => {
  it('P-6 reads modem-style and box-style lines; withheld numbers and noise mean nothing', () => {
    expect(parseCallerIdLine('RING')).toEqual({ line: 1, kind: 'ring' });
    expect(parseCallerIdLine('NMBR = 13800138000')).toEqual({ line: 1, kind: 'number', number: '13800138000' });
    expect(parseCallerIdLine('L2:NMBR=021-62345678')).toEqual({ line: 2, kind: 'number', number: '021-62345678' });
    expect(parseCallerIdLine('L2 OFFHOOK')).toEqual({ line: 2, kind: 'offHook' });
    expect(parseCallerIdLine('ON-HOOK')).toEqual({ line: 1, kind: 'onHook' });
    for (const noise of ['NMBR = P', 'NMBR=O', 'DATE = 1203', 'TIME = 0930', 'NAME = ZHANG', 'OK', 'AT+VCID=1']) expect(parseCallerIdLine(noise)).toBeNull();
  });

  it('P-6 ring, number between the rings, off-hook = answered; rings that stop = the caller gave up', async () => {
    const events: PhoneEvent[] = [];
    const box = new CallerIdInterpreter((e) => events.push(e), 60, 't');
    box.feed({ line: 1, kind: 'ring' });
    box.feed({ line: 1, kind: 'number', number: '13800138000' });
    box.feed({ line: 1, kind: 'ring' });
    box.feed({ line: 1, kind: 'offHook' });
    box.feed({ line: 1, kind: 'onHook' });
    box.feed({ line: 2, kind: 'number', number: '13700001111' });
    await sleep(150);
    box.stop();
    expect(events.map((e) => [e.ref, e.kind, e.number])).toEqual([
      ['t:1:1', 'ringing', null],
      ['t:1:1', 'ringing', '13800138000'],
      ['t:1:1', 'answered', '13800138000'],
      ['t:1:1', 'ended', '13800138000'],
      ['t:2:2', 'ringing', '13700001111'],
      ['t:2:2', 'ended', '13700001111'],
    ]);
  });
});

describe.skipIf(ptyMissing() !== null)(`caller-ID box on a pseudo-terminal${ptyMissing() ? ` (skipped: ${ptyMissing()})` : ''}`, () => {
  let desk: TestDesk;
  let pty: PtyPair;
  let source: CallerIdBoxSource | null = null;
  let box: SerialPort | null = null;
  afterEach(async () => {
    await source?.stop();
    await new Promise<void>((r) => (box?.isOpen ? box.close(() => r()) : r()));
    await pty?.close();
    desk?.close();
  });

  it('P-6 P-1 the box’s lines start the ring (the number filled in after the first ring), off-hook answers it with its latency', async () => {
    desk = await createDesk();
    await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    pty = await ptyPair();
    source = new CallerIdBoxSource({ path: pty.device, baudRate: 9600, silenceMs: 5_000 }, (e) => deliverPhoneEvent(desk.core, e), () => desk.clock.now());
    await source.start();
    expect(source.status()).toMatchObject({ state: 'ok', messageKey: 'hardware:status.listening' });
    box = new SerialPort({ path: pty.peer, baudRate: 9600 });
    await new Promise<void>((r) => box!.on('open', () => r()));
    const send = async (text: string) => {
      box!.write(`${text}\r\n`);
      await sleep(120);
    };
    await send('RING');
    let ringing = (await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing;
    expect(ringing).toHaveLength(1);
    expect(ringing[0]).toMatchObject({ phoneSource: 'callerIdBox', callerNumber: '' });
    await send('DATE = 1203');
    await send('NMBR = 13800138000');
    ringing = (await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing;
    expect(ringing[0]).toMatchObject({ callerNumber: '13800138000', caller: { tenantName: '华信科技' } });
    desk.clock.advance(9_000);
    await send('RING');
    await send('OFFHOOK');
    const call = await desk.core.invoke(as(lee.token), 'calls.get', { id: ringing[0]!.id });
    expect(call).toMatchObject({ status: 'answered', answerLatencyMs: 9_000, ringsAtAnswer: 2, withinTarget: true });
    expect(source.status().lastEventAt).not.toBeNull();
  });

  it('P-6 a box that is not plugged in is reported as not found, in both languages', async () => {
    desk = await createDesk();
    source = new CallerIdBoxSource({ path: '/dev/ttyUSB-lobby-missing', baudRate: 9600 }, () => undefined, () => desk.clock.now());
    await source.start();
    const status = source.status();
    expect(status).toMatchObject({ state: 'notFound', messageKey: 'hardware:status.portMissing', params: { path: '/dev/ttyUSB-lobby-missing' } });
    expect(translate('zh-CN', status.messageKey!, status.params)).toBe('未找到设备：/dev/ttyUSB-lobby-missing 不存在（检查 USB 线和驱动）。');
    expect(translate('en', status.messageKey!, status.params)).toBe('Device not found: /dev/ttyUSB-lobby-missing does not exist (check the USB cable and driver).');
  });
});
