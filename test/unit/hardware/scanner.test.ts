// A QR scanner in virtual-serial (USB-COM) mode: each line on the port is one scan, sent to this PC's lobby as
// `hardware.scanned` (the lobby signs the visitor out as for a keyboard-wedge scan); Admin → Devices can wait for one.
import { afterEach, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { as, createDesk, type TestDesk } from '../../support/core';
import { ptyMissing, ptyPair, type PtyPair } from '../../support/hardware/pty';
import { startHardware, type HardwareHub } from '../../../main/core/hardware';
import type { OutgoingEvent } from '../../../main/core/context';

describe.skipIf(ptyMissing() !== null)(`serial scanner${ptyMissing() ? ` (skipped: ${ptyMissing()})` : ''}`, () => {
  let desk: TestDesk;
  let pty: PtyPair;
  let hub: HardwareHub;
  let port: SerialPort;
  afterEach(async () => {
    await new Promise<void>((r) => (port?.isOpen ? port.close(() => r()) : r()));
    await hub?.stop();
    await pty?.close();
    desk?.close();
  });

  it('V-4 P-6 scans arrive as plain lines (no input method can touch them), one event each, to this PC’s screens; the admin test receives one', async () => {
    desk = await createDesk();
    pty = await ptyPair();
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', { scanner: { serialEnabled: true, path: pty.device, baudRate: 9600 } });
    hub = await startHardware(desk.core);
    expect((await desk.core.invoke(as(desk.admin.token), 'hardware.status', {})).scanner).toMatchObject({ state: 'ok' });
    port = new SerialPort({ path: pty.peer, baudRate: 9600 });
    await new Promise<void>((r) => port.on('open', () => r()));
    const waiting = desk.core.invoke(as(desk.admin.token), 'hardware.testScanner', { seconds: 5 });
    await new Promise((r) => setTimeout(r, 100));
    port.write('LDV-1203-004\r\n\x02LDV-1203-005\x03\r\n');
    expect(await waiting).toEqual({ code: 'LDV-1203-004', result: { ok: true, messageKey: 'hardware:test.scanned', params: { code: 'LDV-1203-004' } } });
    for (let i = 0; i < 40 && events.filter((e) => e.name === 'hardware.scanned').length < 2; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(events.filter((e) => e.name === 'hardware.scanned').map((e) => [e.payload, e.target])).toEqual([
      [{ code: 'LDV-1203-004' }, { localOnly: true }],
      [{ code: 'LDV-1203-005' }, { localOnly: true }],
    ]);
  });
});
