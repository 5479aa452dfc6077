import { afterEach, describe, expect, it } from 'vitest';
import { auditText, verifyDesk } from '../../support/audit';
import { as, createDesk, failure, type TestDesk } from '../../support/core';
import { seedDirectory, type SeededDirectory } from '../../support/visitors';
import { startFakeRobot, type FakeRobot } from '../../support/robot';
import { MINUTE } from '../../../shared/rules/time';

let desk: TestDesk;
let robot: FakeRobot | undefined;
afterEach(async () => {
  await robot?.close();
  robot = undefined;
  desk?.close();
});

async function setUp(): Promise<{ dir: SeededDirectory; lee: { token: string } }> {
  desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist', '李前台');
  return { dir, lee };
}

async function statusOf(parcelId: string, token: string) {
  return (await desk.core.invoke(as(token), 'notify.forSubject', { subjectKind: 'parcel', subjectId: parcelId })).notifications;
}

describe('host notification outbox', () => {
  it('V-10 V-9 a webhook that is down for a while: the notification stays queued with its reason, then is delivered once when it returns', async () => {
    const { dir, lee } = await setUp();
    robot = await startFakeRobot();
    await robot.down();
    await desk.core.invoke(as(desk.admin.token), 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'wecom', target: robot.url, label: '华信前台群' });
    await desk.core.invoke(as(desk.admin.token), 'notify.updateSettings', { maxAttempts: 10, backoffSeconds: 30, sms: null, smtp: null });

    const { parcel, pickupCode } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '顺丰', trackingNumber: 'SF1234567890', tenantId: dir.huaxin.id, recipientName: '王经理', shelf: 'A3' });
    // The desk's answer came back with the notification queued: nothing waited for the network.
    expect(parcel.notifications).toMatchObject([{ channel: 'wecom', status: 'queued', attempts: 0, target: expect.stringMatching(/^127\.0\.0\.1:\d+\/…3f9a$/) }]);
    await desk.core.settled();
    let [n] = await statusOf(parcel.id, lee.token);
    expect(n).toMatchObject({ status: 'queued', attempts: 1, nextAttemptAt: desk.clock.now() + 30_000 });
    expect(n!.lastError).toMatch(/ECONNREFUSED/);

    // Still down at the next two attempts: the wait doubles (30 s, 60 s, 120 s).
    for (const wait of [30_000, 60_000]) {
      desk.clock.advance(wait);
      desk.core.runDueJobs();
      await desk.core.settled();
    }
    [n] = await statusOf(parcel.id, lee.token);
    expect(n).toMatchObject({ status: 'queued', attempts: 3, nextAttemptAt: desk.clock.now() + 120_000 });
    // Not due yet: running the jobs early sends nothing.
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect((await statusOf(parcel.id, lee.token))[0]!.attempts).toBe(3);

    await robot.up();
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    await desk.core.settled();
    [n] = await statusOf(parcel.id, lee.token);
    expect(n).toMatchObject({ status: 'sent', attempts: 4, lastError: null, sentAt: desk.clock.now() });
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.key).toBe('test-robot-key-3f9a');
    expect(robot.received[0]!.body.msgtype).toBe('text');
    expect(robot.received[0]!.body.text!.content).toContain(`取件码 ${pickupCode}`);
    expect(robot.received[0]!.body.text!.content).toContain('顺丰 7890');

    // Delivered once: later runs send nothing more.
    desk.clock.advance(10 * MINUTE);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect(robot.received).toHaveLength(1);
    expect(verifyDesk(desk)).toMatchObject({ state: 'ok', problems: [] });
  });

  it('V-10 a permanent failure (the robot refuses the key) is shown failed with its reason at once; retry after the fix delivers it', async () => {
    const { dir, lee } = await setUp();
    robot = await startFakeRobot();
    robot.answerWith(93000, 'invalid webhook url');
    await desk.core.invoke(as(desk.admin.token), 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'wecom', target: robot.url });
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    await desk.core.settled();
    const shown = await desk.core.invoke(as(lee.token), 'notify.forSubject', { subjectKind: 'visit', subjectId: visit.id });
    expect(shown.notifications).toMatchObject([{ event: 'visitorArrived', status: 'failed', attempts: 1, lastError: 'errcode 93000: invalid webhook url' }]);
    // Failed is final for the job: nothing is tried again by itself.
    desk.clock.advance(60 * MINUTE);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect((await desk.core.invoke(as(lee.token), 'notify.forSubject', { subjectKind: 'visit', subjectId: visit.id })).notifications[0]!.attempts).toBe(1);

    robot.answerWith(0);
    const retried = await desk.core.invoke(as(lee.token), 'notify.retry', { id: shown.notifications[0]!.id });
    expect(retried.status).toBe('queued');
    await desk.core.settled();
    expect((await desk.core.invoke(as(lee.token), 'notify.forSubject', { subjectKind: 'visit', subjectId: visit.id })).notifications[0]!.status).toBe('sent');
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.body.text!.content).toContain('您的访客 张三（1 人）');
    expect((await failure(desk.core.invoke(as(lee.token), 'notify.retry', { id: shown.notifications[0]!.id }))).messageKey).toBe('notify:error.notFailed');
  });

  it('V-10 gives up after the configured attempts, with the last reason; a claim left by a stopped process is tried again after its lease', async () => {
    const { dir, lee } = await setUp();
    robot = await startFakeRobot();
    await robot.down();
    await desk.core.invoke(as(desk.admin.token), 'notify.updateSettings', { maxAttempts: 2, backoffSeconds: 10, sms: null, smtp: null });
    await desk.core.invoke(as(desk.admin.token), 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'wecom', target: robot.url });
    const { parcel } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '京东', tenantId: dir.huaxin.id });
    await desk.core.settled();
    desk.clock.advance(10_000);
    desk.core.runDueJobs();
    await desk.core.settled();
    const [n] = await statusOf(parcel.id, lee.token);
    expect(n).toMatchObject({ status: 'failed', attempts: 2 });
    expect(n!.lastError).toMatch(/^gave up after 2 attempts: .*ECONNREFUSED/);

    // A row claimed ('sending') by a process that stopped before recording the result.
    const { parcel: second } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '中通', tenantId: dir.huaxin.id });
    await desk.core.settled();
    const id = (await statusOf(second.id, lee.token))[0]!.id;
    desk.core.db.prepare("UPDATE notifications SET status = 'sending', claimed_at = ?, attempts = 1 WHERE id = ?").run(desk.clock.now(), id);
    await robot.up();
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect((await statusOf(second.id, lee.token))[0]!.status).toBe('sending');
    desk.clock.advance(61_000);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect((await statusOf(second.id, lee.token))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(robot.received).toHaveLength(1);
  });

  it('V-10 V-3 with no channel for the tenant a parcel becomes a call for the desk to make; the guard sees the contact but not the number', async () => {
    const { dir, lee } = await setUp();
    const guard = await desk.person('security', '赵保安');
    const { parcel } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '美团外卖', kind: 'food', tenantId: dir.changcheng.id });
    expect(parcel.notifications).toMatchObject([{ channel: 'phone', status: 'queued', target: '赵主任 13912345678' }]);
    const forGuard = await desk.core.invoke(as(guard.token), 'notify.forSubject', { subjectKind: 'parcel', subjectId: parcel.id });
    expect(forGuard.notifications[0]!.target).toBe('赵主任');
    // The job never "sends" a phone call.
    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    await desk.core.settled();
    expect((await statusOf(parcel.id, lee.token))[0]!.status).toBe('queued');
    expect((await failure(desk.core.invoke(as(lee.token), 'notify.markCalled', { id: parcel.notifications[0]!.id, reached: false })))).toMatchObject({ code: 'validation_failed' });
    const called = await desk.core.invoke(as(lee.token), 'notify.markCalled', { id: parcel.notifications[0]!.id, reached: true });
    expect(called).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('V-10 X-6 channel targets and secrets are sealed: the database and its audit trail hold no webhook key, SMTP password or gateway token', async () => {
    const { dir } = await setUp();
    const admin = as(desk.admin.token);
    await desk.core.invoke(admin, 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send?access_token=TOKEN-SECRET-77', secret: 'SEC-SIGNING-88' });
    const mail = await desk.core.invoke(admin, 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'email', target: 'wang@huaxin.example' });
    expect(mail.targetHint).toBe('w***@huaxin.example');
    const settings = await desk.core.invoke(admin, 'notify.updateSettings', {
      maxAttempts: 5,
      backoffSeconds: 60,
      sms: { url: 'https://sms.example/api/send', token: 'GATEWAY-TOKEN-99', template: '{"mobile":"{{phone}}","content":"{{text}}"}' },
      smtp: { host: 'smtp.example', port: 465, secure: true, user: 'desk', password: 'SMTP-PASSWORD-66', from: 'desk@tower.example' },
    });
    expect(settings.sms).toMatchObject({ tokenSet: true });
    expect(settings.smtp).toMatchObject({ passwordSet: true });
    // Saving again without the secrets keeps them.
    const again = await desk.core.invoke(admin, 'notify.updateSettings', { ...settings, maxAttempts: 6, sms: { url: 'https://sms.example/api/send', template: '{"mobile":"{{phone}}","content":"{{text}}"}' }, smtp: { host: 'smtp.example', port: 465, user: 'desk', from: 'desk@tower.example' } } as never);
    expect(again).toMatchObject({ maxAttempts: 6, sms: { tokenSet: true }, smtp: { passwordSet: true } });
    const everything = JSON.stringify([
      desk.core.db.prepare('SELECT * FROM notify_recipients').all(),
      desk.core.db.prepare('SELECT * FROM settings').all(),
      auditText(desk.core.db),
    ]);
    for (const secret of ['TOKEN-SECRET-77', 'SEC-SIGNING-88', 'GATEWAY-TOKEN-99', 'SMTP-PASSWORD-66', 'wang@huaxin.example']) expect(everything).not.toContain(secret);
    const listed = await desk.core.invoke(admin, 'notify.recipients', { tenantId: dir.huaxin.id });
    expect(listed.recipients.map((r) => r.targetHint)).toEqual(['oapi.dingtalk.com/…T-77', 'w***@huaxin.example']);
    expect((await failure(desk.core.invoke(admin, 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'sms', target: '12345' }))).fieldIssues[0]!.message).toBe('errors:field.mobile');
  });
});
