import { afterEach, describe, expect, it } from 'vitest';
import { auditText, verifyDesk } from '../../support/audit';
import { decodePayload } from '../../../main/core/audit/form';
import { as, createDesk, failure, LOCAL, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { startFakeRobot, type FakeRobot } from '../../support/robot';
import { PNG_1PX } from '../../support/shift';
import { DAY } from '../../../shared/rules/time';

let desk: TestDesk;
let robot: FakeRobot | undefined;
afterEach(async () => {
  await robot?.close();
  robot = undefined;
  desk?.close();
});

const START = new Date('2026-11-27T09:00:00+08:00').getTime();
const photo = PNG_1PX.toString('base64');

describe('visitor photos', () => {
  it('V-11 X-3 a photo is kept only with the visitor’s separate consent, once per visit, of a visitor who is here', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    const visit = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const noConsent = await failure(desk.core.invoke(as(lee.token), 'photos.attach', { visitId: visit.id, consent: false, mime: 'image/png', dataBase64: photo } as never));
    expect(noConsent.fieldIssues[0]).toMatchObject({ path: ['consent'], message: 'photos:error.consent' });
    const notImage = await failure(desk.core.invoke(as(lee.token), 'photos.attach', { visitId: visit.id, consent: true, mime: 'image/jpeg', dataBase64: photo }));
    expect(notImage.fieldIssues[0]!.message).toBe('photos:error.unreadable');
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visit_photos').get()).toEqual({ n: 0 });
    expect((await desk.core.invoke(as(lee.token), 'photos.get', { visitId: visit.id })).photo).toBeNull();

    const kept = await desk.core.invoke(as(lee.token), 'photos.attach', { visitId: visit.id, consent: true, mime: 'image/png', dataBase64: photo });
    expect(kept).toEqual({ visitId: visit.id, takenAt: START });
    expect((await desk.core.invoke(as(lee.token), 'photos.get', { visitId: visit.id })).photo).toEqual({ visitId: visit.id, mime: 'image/png', dataBase64: photo, takenAt: START, consentAt: START });
    expect((await failure(desk.core.invoke(as(lee.token), 'photos.attach', { visitId: visit.id, consent: true, mime: 'image/png', dataBase64: photo }))).messageKey).toBe('photos:error.alreadyTaken');
    // The audit trail records the photo's size, never its bytes.
    expect(JSON.stringify(auditText(desk.core.db))).not.toContain(photo.slice(0, 40));
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: visit.id });
    const other = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '李四', mobile: '13900001111', tenantId: dir.huaxin.id, purpose: '面试' });
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: other.id });
    expect((await failure(desk.core.invoke(as(lee.token), 'photos.attach', { visitId: other.id, consent: true, mime: 'image/png', dataBase64: photo }))).messageKey).toBe('photos:error.visitNotCurrent');
    await desk.core.invoke(as(desk.admin.token), 'photos.updateSettings', { enabled: false, onPass: false });
    const third = await desk.core.invoke(as(lee.token), 'visitors.register', { visitorName: '王五', mobile: '13900002222', tenantId: dir.huaxin.id, purpose: '面试' });
    expect((await failure(desk.core.invoke(as(lee.token), 'photos.attach', { visitId: third.id, consent: true, mime: 'image/png', dataBase64: photo }))).messageKey).toBe('photos:error.disabled');
  });

  it('V-11 V-7 V-8 V-9 V-10 at retention (fake clock) the photo goes with its visit; invitations, collected parcels and host messages with them', async () => {
    desk = await createDesk();
    const dir = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    robot = await startFakeRobot();
    await desk.core.invoke(as(desk.admin.token), 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'wecom', target: robot.url });
    const invite = await desk.core.invoke(as(lee.token), 'expected.create', {
      visitorName: '周访客', mobile: '13766668888', tenantId: dir.huaxin.id, hostName: '王经理', purpose: '商务拜访', date: '2026-11-27', startTime: '08:00', endTime: '12:00',
    });
    const { visit } = await desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: invite.code });
    await desk.core.invoke(as(lee.token), 'photos.attach', { visitId: visit.id, consent: true, mime: 'image/png', dataBase64: photo });
    await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: visit.id });
    const { parcel, pickupCode } = await desk.core.invoke(as(lee.token), 'parcels.log', { courier: '顺丰', tenantId: dir.huaxin.id, recipientName: '欧阳收件' });
    await desk.core.invoke(as(lee.token), 'parcels.collect', { id: parcel.id, method: 'code', code: pickupCode, collectorName: '欧阳收件' });
    await desk.core.settled();
    expect(robot.received).toHaveLength(2);

    const stored = () =>
      JSON.stringify([
        desk.core.db.prepare('SELECT visit_id, image IS NOT NULL AS has_image, redacted_at FROM visit_photos').all(),
        desk.core.db.prepare('SELECT * FROM visits').all(),
        desk.core.db.prepare('SELECT * FROM expected_visits').all(),
        desk.core.db.prepare('SELECT recipient_name, collector_name, redacted_at FROM parcels').all(),
        auditText(desk.core.db),
      ]);
    const PERSONAL = ['周访客', '13766668888', '欧阳收件'];
    desk.clock.set(START + 179 * DAY);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT image IS NOT NULL AS has FROM visit_photos').get()).toEqual({ has: 1 });
    for (const value of PERSONAL) expect(stored()).toContain(value);

    desk.clock.set(START + 181 * DAY);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT image, redacted_at FROM visit_photos').get()).toEqual({ image: null, redacted_at: START + 181 * DAY });
    const text = stored();
    for (const value of PERSONAL) expect(text, value).not.toContain(value);
    expect(desk.core.db.prepare("SELECT COUNT(*) AS n FROM notifications WHERE redacted_at IS NULL OR body <> ''").get()).toEqual({ n: 0 });
    const note = desk.core.db
      .prepare("SELECT payload FROM audit_trail WHERE method = 'visitors.retention' AND entity = 'visits' AND entity_id IS NULL")
      .get() as { payload: Buffer };
    expect(decodePayload(note.payload)).toMatchObject({ retentionRun: true, visits: 1, expected: 1, parcels: 1, photos: 1, notifications: 1 });
    // A photo cannot come back, and the trail still verifies with the redactions audited.
    expect(() => desk.core.db.prepare("UPDATE visit_photos SET image = x'00', redacted_at = NULL").run()).toThrow(/only be redacted/);
    expect(verifyDesk(desk)).toMatchObject({ state: 'ok', problems: [] });
    const admin = await desk.core.invoke(LOCAL, 'auth.signIn', { userId: desk.admin.id, pin: desk.admin.pin });
    expect((await desk.core.invoke(as(admin.token), 'photos.get', { visitId: visit.id })).photo).toBeNull();
  });
});
