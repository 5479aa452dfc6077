// P-6 against a real exchange: Debian's kamailio is the registrar and presence server, SIPp is the desk phone and
// the caller, and the desk app's SIP watcher subscribes (with digest authentication) to the desk's extension.
// Nobody presses a button: the dialog states alone ring, answer and miss. Real time (SIPp keeps it), about 40 s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createRealTimeDesk, type TestDesk } from '../../support/core';
import { seedDirectory, type SeededDirectory } from '../../support/visitors';
import { sipLabMissing, startSipLab, type SipLab } from '../../support/telephony/sip-lab';
import { startHardware, type HardwareHub } from '../../../main/core/hardware';
import type { OutgoingEvent } from '../../../main/core/context';

const missing = sipLabMissing();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined> | T | null | undefined, ms = 10_000): Promise<T> {
  for (let waited = 0; waited < ms; waited += 50) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(missing !== null)(`SIP dialog events through kamailio and SIPp${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let lab: SipLab;
  let desk: Omit<TestDesk, 'clock'>;
  let hub: HardwareHub;
  let dir: SeededDirectory;
  let lee: { id: string; token: string };
  const events: OutgoingEvent[] = [];

  beforeAll(async () => {
    lab = await startSipLab({ extension: '8001', password: 'desk-8001-secret' });
    desk = await createRealTimeDesk();
    dir = await seedDirectory(desk as TestDesk);
    lee = await desk.person('receptionist', '李前台', '1357');
    // The receptionist is on duty: a missed call's call back is hers.
    const { openingCheck } = await desk.core.invoke(as(lee.token), 'shifts.current', {});
    await desk.core.invoke(as(lee.token), 'shifts.start', { checks: openingCheck.map((c) => ({ key: c.key, ok: true, comment: '' })) });
    desk.core.onEvent((event) => events.push(event));
    await desk.core.invoke(as(desk.admin.token), 'hardware.updateSettings', {
      sip: { enabled: true, host: '127.0.0.1', port: lab.port, extension: '8001', username: '8001', password: 'desk-8001-secret' },
    });
    hub = await startHardware(desk.core);
    await until('the subscription', async () => {
      const status = await desk.core.invoke(as(desk.admin.token), 'hardware.status', {});
      return status.sip.state === 'ok' ? status.sip : null;
    });
  }, 60_000);

  afterAll(async () => {
    await hub?.stop();
    desk?.close();
    await lab?.close();
  });

  it('P-6 P-1 the phone rings 7 s, then is answered: the timer starts and stops by itself, latency ≈ 7 s, within 3 rings; the ringing line names the caller’s company before the answer', async () => {
    const phone = await lab.deskPhone({ answerAfterMs: 7_000 });
    const caller = await lab.call('13800138000', { talkMs: 1_000 });

    // Ringing, before anyone answers: the line is on the lobby with the directory's match for the number.
    const ringing = await until('the ring', async () => (await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing[0]);
    expect(ringing).toMatchObject({ status: 'ringing', source: 'api', phoneSource: 'sip', callerNumber: '13800138000', answeredAt: null });
    expect(ringing.caller).toMatchObject({ tenantId: dir.huaxin.id, tenantName: '华信科技', contactName: '王经理', floor: '12', room: '1201' });

    expect(await caller.done).toBe(0);
    expect(await phone.done).toBe(0);
    const call = await until('the answer', async () => {
      const c = await desk.core.invoke(as(lee.token), 'calls.get', { id: ringing.id });
      return c.status === 'answered' ? c : null;
    });
    console.info(`SIP: ring → answer latency ${call.answerLatencyMs} ms (desk phone answered after 7000 ms)`);
    expect(call.answerLatencyMs).toBeGreaterThanOrEqual(6_500);
    expect(call.answerLatencyMs).toBeLessThanOrEqual(8_500);
    expect(call).toMatchObject({ ringsAtAnswer: 2, withinTarget: true, answeredBy: { id: lee.id }, startedBy: null });
    // The caller hung up after talking: the call stays open for the receptionist to write up, as with the button.
    await sleep(300);
    expect((await desk.core.invoke(as(lee.token), 'calls.get', { id: ringing.id })).status).toBe('answered');
    // The lobby heard of each step.
    expect(events.filter((e) => e.name === 'calls.changed' && (e.payload as { id: string }).id === ringing.id).map((e) => (e.payload as { status: string }).status)).toEqual(['ringing', 'answered']);
    await desk.core.invoke(as(lee.token), 'calls.save', { id: ringing.id, topic: '咨询', outcome: 'resolved' });
  }, 40_000);

  it('P-6 P-1 a caller who gives up after 20 s of ringing is a missed call, and its call back is opened for the receptionist on duty', async () => {
    const phone = await lab.deskPhone({ ringsUntilCancelled: true });
    const caller = await lab.call('13912345678', { hangUpAfterMs: 20_000 });
    const ringing = await until('the ring', async () => (await desk.core.invoke(as(lee.token), 'calls.active', {})).ringing[0]);
    expect(ringing.caller).toMatchObject({ tenantName: '物业服务中心', contactName: '赵主任' });

    expect(await caller.done).toBe(0);
    expect(await phone.done).toBe(0);
    const call = await until('the missed call', async () => {
      const c = await desk.core.invoke(as(lee.token), 'calls.get', { id: ringing.id });
      return c.status === 'missed' ? c : null;
    });
    const rangMs = (call.endedAt ?? 0) - call.ringStartedAt;
    console.info(`SIP: caller gave up; ring lasted ${rangMs} ms (caller cancelled after 20000 ms)`);
    expect(rangMs).toBeGreaterThanOrEqual(19_000);
    expect(rangMs).toBeLessThanOrEqual(22_000);
    expect(call).toMatchObject({ endReason: 'gaveUp', answeredAt: null, answerLatencyMs: null, tenantId: dir.changcheng.id });
    expect(call.callbackId).not.toBeNull();
    const { callbacks } = await desk.core.invoke(as(lee.token), 'callbacks.list', {});
    expect(callbacks.find((c) => c.id === call.callbackId)).toMatchObject({ kind: 'callBack', callerPhone: '13912345678', owner: { id: lee.id } });
  }, 45_000);
});
