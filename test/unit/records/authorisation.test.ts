import { afterEach, describe, expect, it } from 'vitest';
import { recordsDesk, failure, DAY, type RecordsDesk } from './helpers';

let desk: RecordsDesk;
afterEach(() => desk?.close());

describe('records authorisation in the core', () => {
  it('R-5 the staff member a complaint is about can read it but cannot edit, reassign, reply, resolve, close or audit it', async () => {
    desk = await recordsDesk();
    const item = await desk.enter({ type: 'complaint', matter: '周主管接待时态度生硬', aboutStaffId: desk.zhou.id });
    expect(item.aboutStaffName).toBe('周主管');
    const zhou = await desk.as(desk.zhou);
    const read = await desk.core.invoke(zhou, 'records.get', { id: item.id });
    expect(read.can).toEqual({
      edit: false,
      note: false,
      progress: false,
      reply: false,
      forward: false,
      resolve: false,
      unresolvable: false,
      followUp: false,
      repair: false,
      audit: false,
    });
    const attempts = [
      desk.core.invoke(zhou, 'records.update', { id: item.id, matter: '已与业主沟通，属误会', aboutStaffId: null }),
      desk.core.invoke(zhou, 'records.addNote', { id: item.id, kind: 'note', text: '误会' }),
      desk.core.invoke(zhou, 'records.addNote', { id: item.id, kind: 'reply', text: '已答复' }),
      desk.core.invoke(zhou, 'records.forward', { id: item.id, department: '秩序部', note: '' }),
      desk.core.invoke(zhou, 'records.auditItems', { ids: [item.id], comment: '', pin: desk.zhou.pin }),
    ];
    for (const attempt of attempts) {
      const refused = await failure(attempt);
      expect(refused.code).toBe('forbidden');
      expect(refused.messageKey).toBe('records:auth.subject');
    }
    // Even once the item is the supervisor's to resolve, the person it is about may not.
    desk.clock.advance(2 * DAY);
    desk.core.runDueJobs();
    const resolve = await failure(desk.core.invoke(await desk.as(desk.zhou), 'records.resolve', { id: item.id, result: '已处理' }));
    expect(resolve.messageKey).toBe('records:auth.subject');
    const after = await desk.core.invoke(await desk.as(desk.lee), 'records.get', { id: item.id });
    expect(after).toMatchObject({ matter: '周主管接待时态度生硬', aboutStaffId: desk.zhou.id, status: 'open', audited: false });
    expect(after.trail.map((t) => t.kind)).toEqual(['created', 'breach_answer', 'escalate_supervisor']);
    // Nothing is ever deleted either: there is no delete method, and the store refuses it.
    expect(() => desk.core.db.prepare('DELETE FROM record_items WHERE id = ?').run(item.id)).toThrow(/never deleted/);
  });

  it('R-5 a complaint naming a department user stays readable to them, unchangeable by them', async () => {
    desk = await recordsDesk();
    const item = await desk.enter({ type: 'complaint', matter: '维修师傅乱收费', aboutStaffId: desk.gong.id });
    const gong = await desk.as(desk.gong);
    expect((await desk.core.invoke(gong, 'records.get', { id: item.id })).aboutStaffName).toBe('龚师傅');
    expect((await desk.core.invoke(gong, 'records.list', { status: 'all' })).items.map((i) => i.id)).toEqual([item.id]);
    expect((await failure(desk.core.invoke(gong, 'records.addNote', { id: item.id, kind: 'progress', text: '无此事' }))).messageKey).toBe(
      'records:auth.subject',
    );
  });

  it('R-4 only the manager closes an item as unresolvable, and not without a reason', async () => {
    desk = await recordsDesk();
    const item = await desk.enter({ type: 'suggestion', matter: '建议小区增设充电桩' });
    for (const who of [desk.lee, desk.zhou, desk.gong, desk.boss]) {
      const refused = await failure(desk.core.invoke(await desk.as(who), 'records.closeUnresolvable', { id: item.id, reason: '供电容量不足' }));
      expect(refused.code).toBe('forbidden');
    }
    const wang = await desk.as(desk.wang);
    for (const reason of ['', '   ', '\n']) {
      const invalid = await failure(desk.core.invoke(wang, 'records.closeUnresolvable', { id: item.id, reason }));
      expect(invalid.code).toBe('validation_failed');
    }
    expect((await desk.core.invoke(wang, 'records.get', { id: item.id })).status).toBe('open');
    const closed = await desk.core.invoke(wang, 'records.closeUnresolvable', { id: item.id, reason: '小区供电容量不足，需业委会决议' });
    expect(closed).toMatchObject({ status: 'unresolvable', unresolvableReason: '小区供电容量不足，需业委会决议', resolvedByName: '王经理' });
    expect((await failure(desk.core.invoke(wang, 'records.closeUnresolvable', { id: item.id, reason: '再次' }))).code).toBe('conflict');
  });

  it('R-3 a department user records progress on what is with their department, and nothing else', async () => {
    desk = await recordsDesk();
    const theirs = await desk.enter({ type: 'repair', matter: '电梯异响', department: '工程部' });
    const other = await desk.enter({ type: 'other', matter: '垃圾未清', department: '保洁' });
    const gong = await desk.as(desk.gong);
    const listed = await desk.core.invoke(gong, 'records.list', {});
    expect(listed.items.map((i) => i.id)).toEqual([theirs.id]);
    expect((await failure(desk.core.invoke(gong, 'records.get', { id: other.id }))).code).toBe('not_found');
    const progress = await desk.core.invoke(gong, 'records.addNote', { id: theirs.id, kind: 'progress', text: '已派人检查，需更换导靴' });
    expect(progress.trail.at(-1)).toMatchObject({ kind: 'progress', byName: '龚师傅', department: '工程部' });
    expect((await failure(desk.core.invoke(gong, 'records.addNote', { id: theirs.id, kind: 'reply', text: 'x' }))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(gong, 'records.resolve', { id: theirs.id, result: '修好了' }))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(gong, 'records.create', { channel: 'walk_in', type: 'other', ownerName: 'x', matter: 'y' }))).code).toBe('forbidden');
    // The receptionist records a department's progress too (篇4 §4.6: the desk tracks it).
    const byDesk = await desk.core.invoke(await desk.as(desk.lee), 'records.addNote', { id: other.id, kind: 'progress', text: '保洁回复已清运' });
    expect(byDesk.trail.at(-1)).toMatchObject({ kind: 'progress', byName: '李前台', department: '保洁' });
  });

  it('R-3 security guards have no access to the record', async () => {
    desk = await recordsDesk();
    const guard = await desk.person('security', '陈保安');
    expect((await failure(desk.core.invoke({ origin: 'loopback', sessionToken: guard.token }, 'records.list', {}))).code).toBe('forbidden');
  });
});
