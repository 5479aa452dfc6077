import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { FakeClock } from '../../../main/core/clock';
import { recordsDesk, failure, HOUR, MINUTE, type RecordsDesk } from '../records/helpers';
import { seedDirectory } from '../../support/visitors';
import { incidentDraft, startShift, tickAll } from '../../support/shift';
import { as } from '../../support/core';

let desk: RecordsDesk;
afterEach(() => desk?.close());

/**
 * A known week, Monday 2026-11-23 to Sunday 29, all by the receptionist 李前台: four visits (one still in that
 * night), five calls answered after 3, 5, 13 and 20 seconds and one given up, four reception items (a complaint
 * answered in time, one that breaches, a repair resolved and followed up, an inquiry resolved), a signed
 * incident, a handover signed and acknowledged by the guard.
 */
async function knownWeek(): Promise<void> {
  desk = await recordsDesk({ clock: new FakeClock('2026-11-23T09:00:00+08:00') });
  const dir = await seedDirectory(desk);
  const guard = await desk.person('security', '王保安', '2468');
  const lee = () => desk.as(desk.lee);
  const call = async (method: string, input: unknown) => desk.core.invoke(await lee(), method as never, input as never);
  await startShift(desk, (await lee()).sessionToken!);

  const v1 = await call('visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' });
  desk.clock.advance(10 * MINUTE);
  const v2 = await call('visitors.register', { visitorName: '李四', mobile: '13900001111', tenantId: dir.lawyers.id, purpose: '商务拜访', partySize: 2 });
  desk.clock.advance(10 * MINUTE); // 09:20
  await call('visitors.register', { visitorName: '王五', mobile: '13900002222', tenantId: dir.huaxin.id, purpose: '面试' });
  desk.clock.advance(10 * MINUTE); // 09:30
  await call('visitors.signOut', { id: (v1 as { id: string }).id }); // 30 min
  desk.clock.advance(40 * MINUTE); // 10:10
  await call('visitors.signOut', { id: (v2 as { id: string }).id }); // 60 min

  const withinTarget: boolean[] = [];
  for (const afterMs of [3_000, 5_000, 13_000, 20_000]) {
    await call('calls.ring', {});
    desk.clock.advance(afterMs);
    const answered = (await call('calls.answer', {})) as { id: string; withinTarget: boolean };
    withinTarget.push(answered.withinTarget);
    desk.clock.advance(60_000);
    await call('calls.save', { id: answered.id, topic: '咨询', outcome: 'resolved' });
  }
  expect(withinTarget).toEqual([true, true, true, false]);
  const missed = (await call('calls.ring', {})) as { id: string };
  desk.clock.advance(30_000);
  await call('calls.giveUp', { id: missed.id });

  desk.clock.set('2026-11-23T10:30:00+08:00');
  const answeredComplaint = await desk.enter({ type: 'complaint', matter: '楼上装修噪音' });
  await desk.enter({ type: 'complaint', channel: 'phone', matter: '电梯停运无人处理' });
  const repair = await desk.enter({ type: 'repair', matter: '卫生间漏水', department: '工程部' });
  const inquiry = await desk.enter({ type: 'inquiry', channel: 'online', matter: '停车月卡' });
  desk.clock.advance(HOUR);
  await call('records.addNote', { id: answeredComplaint.id, kind: 'reply', text: '已致电业主，施工方今晚停工' });
  await call('records.resolve', { id: repair.id, result: '已更换密封圈' });
  await call('records.resolve', { id: inquiry.id, result: '已告知办理流程' });

  const incident = (await call('incidents.create', incidentDraft(desk, { category: 'security' }))) as { id: string };
  await call('incidents.sign', { id: incident.id, pin: desk.lee.pin });

  desk.clock.set('2026-11-23T18:00:00+08:00');
  const handover = (await call('handover.prepare', {})) as { id: string };
  await tickAll(desk, (await lee()).sessionToken!, handover.id);
  await call('handover.sign', { id: handover.id, pin: desk.lee.pin });
  await desk.core.invoke(as(guard.token), 'handover.acknowledge', { id: handover.id, userId: guard.id, pin: guard.pin });

  desk.clock.set('2026-11-24T14:00:00+08:00');
  const v4 = (await call('visitors.register', { visitorName: '赵六', mobile: '13900003333', tenantId: dir.lawyers.id, purpose: '送货' })) as { id: string };
  desk.clock.advance(30 * MINUTE);
  await call('visitors.signOut', { id: v4.id });
  desk.clock.advance(30 * MINUTE);
  await call('records.followUp', { id: repair.id, result: 'satisfied' });
  desk.clock.set('2026-11-24T23:00:00+08:00');
  desk.core.runDueJobs(); // the unanswered complaint passes its 24 hours
}

const byKey = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));

describe('reports', () => {
  it('X-4 P-1 R-5 V-4 a known week: every figure of the weekly report matches what was done', async () => {
    await knownWeek();
    const zhou = await desk.as(desk.zhou);
    const week = await desk.core.invoke(zhou, 'reports.figures', { period: 'week', day: '2026-11-25' });
    expect(week).toMatchObject({ period: 'week', firstDay: '2026-11-23', lastDay: '2026-11-29', complete: false, building: { name: '华信大厦' } });
    expect(week.visitors).toMatchObject({ registered: 4, people: 5, checkedIn: 4, fromKiosk: 0, declined: 0, refused: 0, peakHour: 9, averageStayMinutes: 40, stillInAtNight: 1 });
    expect(byKey(week.visitors.byPurpose)).toEqual({ 商务拜访: 2, 面试: 1, 送货: 1 });
    expect(week.visitors.byPurpose[0]).toEqual({ key: '商务拜访', count: 2 });
    expect(week.visitors.byHour[9]).toBe(3);
    expect(week.visitors.byHour[14]).toBe(1);
    expect(week.visitors.byHour.reduce((a, n) => a + n, 0)).toBe(4);
    expect(week.calls).toEqual({
      total: 5,
      answered: 4,
      withinTarget: 3,
      withinTargetShare: 0.6,
      answeredShare: 0.8,
      meanAnswerSeconds: 10.3,
      p90AnswerSeconds: 20,
      missed: 1,
      callbacksDue: 0,
      callbacksClosedInTime: 0,
    });
    expect(week.items).toMatchObject({
      received: 4,
      complaints: 2,
      complaintsInTime: 1,
      complaintTimelyRate: 0.5,
      resolved: 2,
      followUpsDue: 1,
      followUps: 1,
      followUpRate: 1,
      satisfied: 1,
      satisfactionRate: 1,
      complaintBreaches: 1,
      escalatedToSupervisor: 0,
      followUpsOverdue: 0,
    });
    expect(byKey(week.items.byType)).toEqual({ complaint: 2, repair: 1, inquiry: 1 });
    expect(byKey(week.items.byChannel)).toEqual({ walk_in: 2, phone: 1, online: 1 });
    expect(byKey(week.items.byStatus)).toEqual({ open: 2, resolved: 2 });
    expect(byKey(week.items.byDepartment)).toEqual({ 工程部: 1, '': 3 });
    expect(week.incidents).toEqual({ total: 1, signed: 1, byCategory: expect.arrayContaining([{ key: 'security', count: 1 }]) });
    expect(week.handovers).toEqual({ total: 1, signed: 1, acknowledged: 1 });
    expect(week.people).toEqual([{ id: desk.lee.id, name: '李前台', visitorsRegistered: 4, callsAnswered: 4, callsWithinTarget: 3, itemsEntered: 4 }]);

    const tuesday = await desk.core.invoke(zhou, 'reports.figures', { period: 'day', day: '2026-11-24' });
    expect(tuesday).toMatchObject({ firstDay: '2026-11-24', lastDay: '2026-11-24', complete: false });
    expect(tuesday.visitors).toMatchObject({ registered: 1, averageStayMinutes: 30, stillInAtNight: 0 });
    expect(tuesday.calls.total).toBe(0);
    const month = await desk.core.invoke(zhou, 'reports.figures', { period: 'month', day: '2026-11-05' });
    expect(month).toMatchObject({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(month.visitors.registered).toBe(4);
    const lastWeek = await desk.core.invoke(zhou, 'reports.figures', { period: 'week', day: '2026-11-22' });
    expect(lastWeek).toMatchObject({ firstDay: '2026-11-16', complete: true, visitors: { registered: 0 }, calls: { total: 0, withinTargetShare: null } });
  });

  it('X-4 the weekly XLSX read back holds the same totals, and the CSV starts with a BOM so Excel reads the Chinese', async () => {
    await knownWeek();
    const wang = await desk.as(desk.wang);
    const week = await desk.core.invoke(wang, 'reports.figures', { period: 'week', day: '2026-11-23' });
    const xlsx = await desk.core.invoke(wang, 'reports.export', { period: 'week', day: '2026-11-23', format: 'xlsx' });
    expect(xlsx.fileName).toBe('report-week-2026-11-23.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const summary = book.worksheets[0]!;
    expect(String(summary.getCell('A1').value)).toBe('华信大厦 前台周报（2026-11-23 至 2026-11-29）');
    const value = (section: string, metric: string) => {
      let found: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === section && row.getCell(2).value === metric) found = row.getCell(3).value;
      });
      return found;
    };
    expect(value('访客', '登记访客（批）')).toBe(week.visitors.registered);
    expect(value('访客', '访客人数')).toBe(5);
    expect(value('访客', '高峰时段')).toBe('9:00–10:00');
    expect(value('来电', '总数')).toBe(5);
    expect(value('来电', '规定响铃内接听率')).toBe(0.6);
    expect(value('来电', '90% 接听时间（秒）')).toBe(20);
    expect(value('接待业主情况', '投诉及时处理率')).toBe(0.5);
    expect(value('接待业主情况', '回访率')).toBe(1);
    expect(value('突发事件', '总数')).toBe(1);
    expect(value('交接班', '已接班确认')).toBe(1);
    const types = book.getWorksheet('接待类别')!;
    const typeCounts: Record<string, unknown> = {};
    types.eachRow((row, n) => {
      if (n > 1) typeCounts[String(row.getCell(1).value)] = row.getCell(2).value;
    });
    expect(typeCounts).toMatchObject({ 投诉: 2, 报修: 1, 咨询: 1, 建议: 0 });
    const people = book.getWorksheet('按人员')!;
    expect(people.getRow(2).values).toEqual([undefined, '李前台', 4, 4, 3, 4]);

    const csv = await desk.core.invoke(wang, 'reports.export', { period: 'week', day: '2026-11-23', format: 'csv' });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('接待业主情况,投诉及时处理率,0.5');
    expect(text).toContain('来电,总数,5');
    const en = await desk.core.invoke(wang, 'reports.export', { period: 'week', day: '2026-11-23', format: 'csv' }, 'en');
    expect(Buffer.from(en.base64, 'base64').toString('utf8')).toContain('Complaints handled in time');
  });

  it('X-4 X-3 reports are for supervisors, managers and the administrator; a wrong period or day is refused with its message', async () => {
    desk = await recordsDesk({ clock: new FakeClock('2026-11-23T09:00:00+08:00') });
    const refused = await failure(desk.core.invoke(await desk.as(desk.lee), 'reports.figures', { period: 'week', day: '2026-11-23' }));
    expect(refused.code).toBe('forbidden');
    const zhou = await desk.as(desk.zhou);
    const badPeriod = await failure(desk.core.invoke(zhou, 'reports.figures', { period: 'year' as never, day: '2026-11-23' }));
    expect(desk.core.errorResponse(badPeriod, 'zh-CN').body.error.issues?.[0]?.message).toBe('请选择日报、周报或月报。');
    const badDay = await failure(desk.core.invoke(zhou, 'reports.export', { period: 'day', day: '2026-02-30', format: 'xlsx' }));
    expect(badDay.fieldIssues.map((i) => i.path.join('.'))).toEqual(['day']);
    const badFormat = await failure(desk.core.invoke(zhou, 'reports.export', { period: 'day', day: '2026-02-03', format: 'pdf' as never }));
    expect(badFormat.fieldIssues.map((i) => i.path.join('.'))).toEqual(['format']);
  });
});
