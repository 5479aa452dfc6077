import { describe, expect, it } from 'vitest';
import { createDesk, as, LOCAL } from '../../support/core';
import { failure, incidentDraft, startShift, tickAll } from '../../support/shift';
import type { Credentials } from '../../../main/core/auth/callers';

async function signedHandover() {
  const desk = await createDesk();
  const lee = await desk.person('receptionist', '李前台', '1357');
  const wang = await desk.person('security', '王保安', '2468');
  await startShift(desk, lee.token);
  const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
  await tickAll(desk, lee.token, handover.id);
  return { desk, lee, wang, handover };
}

const failuresOf = (desk: Awaited<ReturnType<typeof signedHandover>>['desk'], userId: string) =>
  (desk.core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE user_id = ?').get(userId) as { n: number }).n;

describe('handover signatures', () => {
  it('S-1 the guard’s PIN cannot be entered by the receptionist’s session to acknowledge; each signature is verified against that person’s own PIN', async () => {
    const { desk, lee, wang, handover } = await signedHandover();
    // Signing: another person's PIN does not sign, and another person's session cannot sign even with the right one.
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '2468' }))).code).toBe('pin_incorrect');
    const boss = await desk.person('supervisor', '陈主管', '8642');
    expect((await failure(desk.core.invoke(as(boss.token), 'handover.sign', { id: handover.id, pin: '1357' }))).code).toBe('forbidden');
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });

    // The receptionist's session with the guard's name and the guard's PIN: refused, and no PIN was even tried.
    const guardsPin = await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }));
    expect(guardsPin.code).toBe('forbidden');
    expect(desk.core.errorResponse(guardsPin, 'zh-CN').body.error.message).toBe('接班确认须由接班人员本人登录后进行（可在本机“换人”登录）。');
    expect(failuresOf(desk, wang.id)).toBe(0);
    // … nor with her own PIN, nor for herself.
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '1357' }))).code).toBe('forbidden');
    const forSelf = await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: lee.id, pin: '2468' }));
    expect(desk.core.errorResponse(forSelf, 'zh-CN').body.error.message).toBe('交班人不能为自己的交接单确认接班。');
    // Another guard's session cannot acknowledge as this guard, even knowing his PIN.
    const zhao = await desk.person('security', '赵保安', '5555');
    expect((await failure(desk.core.invoke(as(zhao.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }))).code).toBe('forbidden');
    // The guard's own session still needs his own PIN: the receptionist's does not do.
    expect((await failure(desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '1357' }))).code).toBe(
      'pin_incorrect',
    );
    expect(failuresOf(desk, wang.id)).toBe(1);
    expect((await desk.core.invoke(as(lee.token), 'handover.get', { id: handover.id })).state).toBe('signed');

    const done = await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468', note: '钥匙已清点' });
    expect(done).toMatchObject({ state: 'acknowledged', outgoing: { name: '李前台' }, incoming: { id: wang.id, name: '王保安', role: 'security' } });
    expect((await failure(desk.core.invoke(as(zhao.token), 'handover.acknowledge', { id: handover.id, userId: zhao.id, pin: '5555' }))).code).toBe('conflict');
    desk.close();
  });

  it('S-1 at the desk the guard switches person and acknowledges in his own session; a role that does not take over is refused; a locked-out guard waits', async () => {
    const { desk, lee, wang, handover } = await signedHandover();
    expect((await failure(desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }))).code).toBe('conflict');
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    await desk.core.invoke(as(lee.token), 'auth.signOut', { reason: 'lock' });
    const eng = await desk.person('department', '工程部', '7777', '工程部');
    expect((await failure(desk.core.invoke(as(eng.token), 'handover.acknowledge', { id: handover.id, userId: eng.id, pin: '7777' }))).code).toBe('forbidden');
    // Fast switching at the desk: the guard signs in on the lock screen.
    const atDesk = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: wang.id, pin: '2468' })).token;
    for (let i = 0; i < 4; i += 1) {
      desk.clock.advance(5_000);
      expect((await failure(desk.core.invoke(as(atDesk), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '0000' }))).code).toBe('pin_incorrect');
    }
    expect((await failure(desk.core.invoke(as(atDesk), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '0000' }))).code).toBe('rate_limited');
    expect((await failure(desk.core.invoke(as(atDesk), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }))).code).toBe('rate_limited');
    desk.clock.advance(5 * 60_000);
    expect((await desk.core.invoke(as(atDesk), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' })).state).toBe('acknowledged');
    desk.close();
  });

  it('S-1 from the guard’s terminal on the LAN: a paired desk device is needed; the guard acknowledges with his own PIN', async () => {
    const { desk, lee, wang, handover } = await signedHandover();
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    const unpaired: Credentials = { origin: 'lan', sessionToken: wang.token };
    expect((await failure(desk.core.invoke(unpaired, 'handover.pending', {}))).code).toBe('device_required');
    const { code } = await desk.core.invoke(as(desk.admin.token), 'devices.createPairingCode', { name: '保安室电脑', kind: 'desk' });
    const paired = await desk.core.invoke({ origin: 'lan' }, 'devices.pair', { code });
    const lanGuard = (await desk.core.invoke({ origin: 'lan', deviceToken: paired.token }, 'auth.signIn', { userId: wang.id, pin: '2468' })).token;
    const terminal: Credentials = { origin: 'lan', deviceToken: paired.token, sessionToken: lanGuard };
    expect((await desk.core.invoke(terminal, 'handover.pending', {})).handovers.map((h) => h.id)).toEqual([handover.id]);
    const sheet = await desk.core.invoke(terminal, 'handover.get', { id: handover.id });
    expect(sheet.outgoing.name).toBe('李前台');
    const done = await desk.core.invoke(terminal, 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' });
    expect(done.incoming).toMatchObject({ name: '王保安' });
    const ack = desk.core.db.prepare('SELECT device_id FROM handover_acknowledgements WHERE handover_id = ?').get(handover.id) as { device_id: string };
    expect(ack.device_id).toBe(paired.device.id);
    desk.close();
  });

  it('I-1 an incident is signed only with its author’s own PIN, never with the session alone', async () => {
    const { desk, lee, wang } = await signedHandover();
    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '2468' }))).code).toBe('pin_incorrect');
    expect((await failure(desk.core.invoke(as(wang.token), 'incidents.sign', { id: created.id, pin: '2468' }))).code).toBe('forbidden');
    expect((await desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' })).state).toBe('closed');
    desk.close();
  });
});
