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
  it('S-1 each signature is verified against that person’s own PIN: the receptionist’s session cannot acknowledge for the guard', async () => {
    const { desk, lee, wang, handover } = await signedHandover();
    // Signing: the session's person is not enough, and another person's PIN does not sign.
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '2468' }))).code).toBe('pin_incorrect');
    const boss = await desk.person('supervisor', '陈主管', '8642');
    expect((await failure(desk.core.invoke(as(boss.token), 'handover.sign', { id: handover.id, pin: '1357' }))).code).toBe('forbidden');
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });

    // The receptionist's session names the guard but enters her own PIN: refused, counted against the guard.
    const ownPin = await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '1357' }));
    expect(ownPin.code).toBe('pin_incorrect');
    expect(failuresOf(desk, wang.id)).toBe(1);
    // The guard's PIN entered for the receptionist herself: refused — nobody acknowledges their own handover.
    const forSelf = await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: lee.id, pin: '2468' }));
    expect(forSelf.code).toBe('forbidden');
    expect(desk.core.errorResponse(forSelf, 'zh-CN').body.error.message).toBe('交班人不能为自己的交接单确认接班。');
    // Another guard's PIN does not acknowledge as this guard.
    const zhao = await desk.person('security', '赵保安', '5555');
    expect((await failure(desk.core.invoke(as(zhao.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '5555' }))).code).toBe(
      'pin_incorrect',
    );
    expect((await desk.core.invoke(as(lee.token), 'handover.get', { id: handover.id })).state).toBe('signed');

    // At the desk the guard types his own PIN: accepted, and recorded as the guard (not the session's person).
    const done = await desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468', note: '钥匙已清点' });
    expect(done).toMatchObject({ state: 'acknowledged', outgoing: { name: '李前台' }, incoming: { id: wang.id, name: '王保安', role: 'security' } });
    expect((await failure(desk.core.invoke(as(zhao.token), 'handover.acknowledge', { id: handover.id, userId: zhao.id, pin: '5555' }))).code).toBe('conflict');
    desk.close();
  });

  it('S-1 a handover is acknowledged only after it is signed, by a role that takes over shifts, and a locked-out guard waits', async () => {
    const { desk, lee, wang, handover } = await signedHandover();
    expect((await failure(desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }))).code).toBe('conflict');
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    const eng = await desk.person('department', '工程部', '7777', '工程部');
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: eng.id, pin: '7777' }))).code).toBe('forbidden');
    for (let i = 0; i < 4; i += 1) {
      desk.clock.advance(5_000);
      expect((await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '0000' }))).code).toBe('pin_incorrect');
    }
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '0000' }))).code).toBe('rate_limited');
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' }))).code).toBe('rate_limited');
    desk.clock.advance(5 * 60_000);
    const wangAgain = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: wang.id, pin: '2468' })).token;
    expect((await desk.core.invoke(as(wangAgain), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' })).state).toBe('acknowledged');
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
