import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, failure, LOCAL, type TestDesk } from '../../support/core';
import { pairKiosk, seedDirectory, type SeededDirectory } from '../../support/visitors';
import { startFakeRobot, type FakeRobot } from '../../support/robot';
import { parseInvitationCode } from '../../../shared/rules/invitation';
import { translate } from '../../../main/core/i18n';
import { DAY, HOUR, MINUTE } from '../../../shared/rules/time';

let desk: TestDesk;
let robot: FakeRobot | undefined;
afterEach(async () => {
  await robot?.close();
  robot = undefined;
  desk?.close();
});

// The fake clock starts on Friday 2026-11-27 09:00 in Shanghai.
const invite = (tenantId: string, extra: Record<string, unknown> = {}) => ({
  visitorName: '周访客',
  mobile: '13766668888',
  tenantId,
  hostName: '王经理',
  purpose: '商务拜访',
  partySize: 2,
  date: '2026-11-27',
  startTime: '09:30',
  endTime: '11:00',
  ...extra,
});

async function setUp(): Promise<{ dir: SeededDirectory; lee: { id: string; pin: string; token: string } }> {
  desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist', '李前台');
  return { dir, lee };
}

/** Signs the receptionist in again (a session ends after the shift; these tests move days). */
async function nextDay(lee: { id: string; pin: string; token: string }, days: number): Promise<void> {
  desk.clock.advance(days * DAY);
  lee.token = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: lee.pin })).token;
}

/** The same code with one character of its tag changed. */
function altered(code: string): string {
  const last = code.at(-1)!;
  return code.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

describe('expected visitors and invitations', () => {
  it('V-8 V-1 an expected visitor scanned at the desk is registered and checked in in one step; a second scan the same day is refused', async () => {
    const { dir, lee } = await setUp();
    const created = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id));
    expect(created.code).toMatch(/^LDI-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(created.today).toMatchObject({ arrived: false, from: desk.clock.now() + 30 * MINUTE, to: desk.clock.now() + 2 * HOUR });
    const today = await desk.core.invoke(as(lee.token), 'expected.today', {});
    expect(today.expected.map((e) => e.id)).toEqual([created.id]);

    // Twenty minutes early is within the default 30 minutes' grace.
    desk.clock.advance(10 * MINUTE);
    const { visit } = await desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: created.code.toLowerCase().replace(/-/g, ' ') });
    expect(visit).toMatchObject({ status: 'in', source: 'desk', visitorName: '周访客', mobile: '13766668888', hostName: '王经理', partySize: 2, checkedInAt: desk.clock.now() });
    expect(visit.passNumber).toMatch(/^1127-001$/);
    const lobby = await desk.core.invoke(as(lee.token), 'visitors.lobby', {});
    expect(lobby.inBuilding.map((v) => v.id)).toEqual([visit.id]);
    const after = await desk.core.invoke(as(lee.token), 'expected.get', { id: created.id });
    expect(after.today!.arrived).toBe(true);
    expect(after.arrivals).toMatchObject([{ day: '2026-11-27', visitId: visit.id, via: 'scan', passNumber: '1127-001' }]);
    const again = await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: created.code }));
    expect(again.messageKey).toBe('expected:error.alreadyArrived');
    expect((await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).inBuilding).toHaveLength(1);
  });

  it('V-8 an altered, unknown or re-issued code is refused as not valid, in the visitor’s language; nothing is registered', async () => {
    const { dir, lee } = await setUp();
    const created = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '08:00' }));
    const parsed = parseInvitationCode(created.code);
    if (parsed.kind !== 'code') throw new Error('not a code');
    const otherNumber = `LDI-${'0'.repeat(3)}${parsed.number === 1 ? '2' : '1'}-${parsed.tag}`;
    for (const code of [altered(created.code), otherNumber, 'LDI-HELLO', 'LDV-1127-001']) {
      const error = await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code }));
      expect(error.fieldIssues[0]).toMatchObject({ path: ['code'], message: 'expected:error.invitationInvalid' });
    }
    expect(translate('en', 'expected:error.invitationInvalid')).toMatch(/not valid \(mistyped or altered\)/);
    expect(translate('zh-CN', 'expected:error.invitationInvalid')).toMatch(/邀请码无效/);

    const reissued = await desk.core.invoke(as(lee.token), 'expected.reissue', { id: created.id });
    expect(reissued.code).not.toBe(created.code);
    expect((await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: created.code }))).fieldIssues[0]!.message).toBe('expected:error.invitationInvalid');
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits').get()).toEqual({ n: 0 });
    await desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: reissued.code });
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits').get()).toEqual({ n: 1 });
  });

  it('V-8 outside its window an invitation is refused with when it is valid; expired after its last day; cancelled ones say so', async () => {
    const { dir, lee } = await setUp();
    const later = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '14:00', endTime: '15:00' }));
    const early = await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: later.code }));
    expect(early).toMatchObject({ code: 'conflict', messageKey: 'expected:error.invitationNotYet', params: { date: '2026-11-27', from: '14:00', to: '15:00' } });
    expect(translate('zh-CN', early.messageKey, early.params)).toBe('该邀请的有效时间是 2026-11-27 14:00–15:00，现在还不能使用，请届时再来或到前台登记。');

    desk.clock.advance(6 * HOUR + 5 * MINUTE); // 15:05, after the window
    const expired = await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: later.code }));
    expect(expired).toMatchObject({ messageKey: 'expected:error.invitationExpired', params: { date: '2026-11-27', to: '15:00' } });
    expect(translate('en', expired.messageKey, expired.params)).toBe('This invitation has expired (last valid 2026-11-27 until 15:00). Please register at the front desk.');

    const cancelled = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '15:00', endTime: '18:00' }));
    await desk.core.invoke(as(lee.token), 'expected.cancel', { id: cancelled.id, reason: '会议取消' });
    expect((await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: cancelled.code }))).messageKey).toBe('expected:error.invitationCancelled');
    expect((await desk.core.invoke(as(lee.token), 'expected.today', {})).expected.map((e) => e.id)).toEqual([later.id]);
  });

  it('V-8 a cleaner every weekday until an end date: valid each weekday once, not at the weekend, expired after the end date', async () => {
    const { dir, lee } = await setUp();
    const cleaner = await desk.core.invoke(
      as(lee.token),
      'expected.create',
      invite(dir.changcheng.id, { visitorName: '刘阿姨', mobile: '13900001111', purpose: '施工维修', partySize: 1, startTime: '08:30', endTime: '10:00', recurrence: 'weekdays', until: '2026-12-02' }),
    );
    expect(cleaner).toMatchObject({ recurrence: 'weekdays', until: '2026-12-02' });
    const arrive = () => desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: cleaner.code });
    expect((await arrive()).visit.passNumber).toBe('1127-001');
    // Saturday 09:00: no window; the next one is Monday.
    await nextDay(lee, 1);
    const saturday = await failure(arrive());
    expect(saturday).toMatchObject({ messageKey: 'expected:error.invitationNotYet', params: { date: '2026-11-30' } });
    expect((await desk.core.invoke(as(lee.token), 'expected.today', {})).expected).toHaveLength(0);
    await nextDay(lee, 2); // Monday
    expect((await arrive()).visit.passNumber).toBe('1130-001');
    await nextDay(lee, 3); // Thursday 3 December, after the end date
    expect((await failure(arrive())).messageKey).toBe('expected:error.invitationExpired');
    const shown = await desk.core.invoke(as(lee.token), 'expected.get', { id: cleaner.id });
    expect(shown.arrivals.map((a) => a.day)).toEqual(['2026-11-30', '2026-11-27']);
    // Recurring needs an end date; the end comes after the start; a window ends after it starts.
    const missing = await failure(desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { date: '2026-12-07', recurrence: 'daily' })));
    expect(missing.fieldIssues[0]).toMatchObject({ path: ['until'], message: 'expected:error.untilRequired' });
    const backwards = await failure(desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { date: '2026-12-07', startTime: '11:00', endTime: '10:00' })));
    expect(backwards.fieldIssues[0]).toMatchObject({ path: ['endTime'], message: 'expected:error.windowOrder' });
    const past = await failure(desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { date: '2026-11-20' })));
    expect(past.fieldIssues[0]).toMatchObject({ path: ['date'], message: 'expected:error.datePast' });
  });

  it('V-8 V-2 V-3 at the visitor screen a typed code waits for the desk (default) or checks in (setting); the screen learns only the masked name', async () => {
    const { dir, lee } = await setUp();
    const kiosk = await pairKiosk(desk);
    const first = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '08:00' }));
    const answer = await desk.core.invoke(kiosk.credentials, 'expected.kioskArrive', { code: first.code, lang: 'zh-CN', consent: true });
    expect(answer).toEqual({ registrationId: expect.any(String), status: 'pending', greeting: '周**', tenant: { displayName: '华信科技', displayNameEn: 'Huaxin Technology', floor: '12' }, passNumber: null, qrText: null });
    const pending = (await desk.core.invoke(as(lee.token), 'visitors.lobby', {})).pending;
    expect(pending).toMatchObject([{ id: answer.registrationId, source: 'kiosk', visitorName: '周访客', mobile: '13766668888' }]);
    // The desk confirms as for any self-registration; the visitor screen sees the pass through its own status.
    await desk.core.invoke(as(lee.token), 'visitors.confirm', { id: answer.registrationId, hostContacted: true });
    expect(await desk.core.invoke(kiosk.credentials, 'visitors.kioskStatus', { registrationId: answer.registrationId })).toMatchObject({ status: 'confirmed', passNumber: '1127-001' });

    await desk.core.invoke(as(desk.admin.token), 'expected.updateSettings', { arrivalAtKiosk: 'checkIn', earlyMinutes: 30 });
    const second = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.lawyers.id, { visitorName: 'Anna Lee', mobile: '13611112222', startTime: '08:00' }));
    const direct = await desk.core.invoke(kiosk.credentials, 'expected.kioskArrive', { code: second.code, lang: 'en', consent: true });
    expect(direct).toMatchObject({ status: 'confirmed', greeting: 'A*** L**', passNumber: '1127-002', qrText: 'LDV-1127-002' });
    const visit = await desk.core.invoke(as(lee.token), 'visitors.get', { id: direct.registrationId });
    expect(visit).toMatchObject({ status: 'in', source: 'kiosk', lang: 'en' });
    // A wrong code on the visitor screen is refused like at the desk.
    expect((await failure(desk.core.invoke(kiosk.credentials, 'expected.kioskArrive', { code: altered(second.code), lang: 'en', consent: true }))).fieldIssues[0]!.message).toBe(
      'expected:error.invitationInvalid',
    );
  });

  it('V-8 V-6 a watch-listed expected visitor is not admitted by the visitor screen alone, and needs the desk’s override at a scan', async () => {
    const { dir, lee } = await setUp();
    const kiosk = await pairKiosk(desk);
    await desk.core.invoke(as(desk.admin.token), 'visitors.addWatch', { mobile: '13766668888', reason: '曾在大堂滋事' });
    await desk.core.invoke(as(desk.admin.token), 'expected.updateSettings', { arrivalAtKiosk: 'checkIn', earlyMinutes: 30 });
    const created = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '08:00' }));
    expect((await failure(desk.core.invoke(as(lee.token), 'expected.arriveByCode', { code: created.code }))).messageKey).toBe('visitors:error.watchListMatch');
    const atKiosk = await desk.core.invoke(kiosk.credentials, 'expected.kioskArrive', { code: created.code, lang: 'zh-CN', consent: true });
    expect(atKiosk.status).toBe('pending');
    expect((await desk.core.invoke(as(lee.token), 'visitors.get', { id: atKiosk.registrationId })).watchMatches).toHaveLength(1);
  });

  it('V-8 V-10 the invitation is sent to the host through the tenant’s robot with the code; arrival tells the host', async () => {
    const { dir, lee } = await setUp();
    robot = await startFakeRobot();
    await desk.core.invoke(as(desk.admin.token), 'notify.addRecipient', { tenantId: dir.huaxin.id, channel: 'wecom', target: robot.url });
    const created = await desk.core.invoke(as(lee.token), 'expected.create', invite(dir.huaxin.id, { startTime: '08:00', sendToHost: true, source: 'phone', requestedBy: '王经理' }));
    await desk.core.settled();
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]!.body.text!.content).toContain(`邀请码 ${created.code}`);
    await desk.core.invoke(as(lee.token), 'expected.arrive', { id: created.id });
    await desk.core.settled();
    expect(robot.received).toHaveLength(2);
    expect(robot.received[1]!.body.text!.content).toMatch(/您的访客 周访客（2 人）已于 09:00 在前台登记入场/);
    const shown = await desk.core.invoke(as(lee.token), 'expected.get', { id: created.id });
    expect(shown.notifications).toMatchObject([{ event: 'invitation', status: 'sent' }]);
  });

  it('V-8 X-3 a CSV of expected visitors imports all rows or, with one bad row, none — the bad line named', async () => {
    const { dir, lee } = await setUp();
    const csv = (rows: string[]) => Buffer.from(['姓名,手机,单位,日期,开始,结束,事由,人数', ...rows].join('\n'), 'utf8').toString('base64');
    const bad = await failure(
      desk.core.invoke(as(lee.token), 'expected.importCsv', { fileName: 'event.csv', contentBase64: csv(['陈一,13811110001,华信科技,2026-11-28,09:00,12:00,商务拜访,1', '陈二,123,华信科技,2026-11-28,09:00,12:00,商务拜访,1']) }),
    );
    expect(bad.messageKey).toBe('expected:error.importRows');
    expect(bad.fieldIssues[0]).toMatchObject({ path: ['rows', 3, 'mobile'], message: 'errors:field.mobile' });
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM expected_visits').get()).toEqual({ n: 0 });
    const unknown = await failure(desk.core.invoke(as(lee.token), 'expected.importCsv', { fileName: 'event.csv', contentBase64: csv(['陈一,13811110001,不存在公司,2026-11-28,09:00,12:00,商务拜访,1']) }));
    expect(unknown.fieldIssues[0]).toMatchObject({ message: 'expected:error.importTenant', params: { line: 2, tenant: '不存在公司' } });
    const ok = await desk.core.invoke(as(lee.token), 'expected.importCsv', {
      fileName: 'event.csv',
      contentBase64: csv(['陈一,13811110001,华信科技,2026/11/28,9:00,12:00,商务拜访,1', '"陈二, 市场部",13811110002,华信科技有限公司,2026-11-28,09:00,12:00,面试,3']),
    });
    expect(ok.created).toBe(2);
    expect(ok.expected.map((e) => [e.visitorName, e.date, e.startTime, e.partySize, e.source])).toEqual([
      ['陈一', '2026-11-28', '09:00', 1, 'import'],
      ['陈二, 市场部', '2026-11-28', '09:00', 3, 'import'],
    ]);
    void dir;
  });
});
