import { afterEach, describe, expect, it } from 'vitest';
import { recordsDesk, failure, HOUR, DAY, type RecordsDesk } from './helpers';

let desk: RecordsDesk;
afterEach(() => desk?.close());

const count = (table: string) => (desk.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('records items', () => {
  it('R-1 R-2 an item gets a per-day record number, normalised phone, and a trail entry; another post relays with a name', async () => {
    desk = await recordsDesk();
    const first = await desk.enter();
    const second = await desk.enter({ channel: 'relayed', relayedBy: '秩序部 刘队长', type: 'suggestion', matter: '东门夜间照明不足' });
    expect(first).toMatchObject({
      number: '2026-1127-001',
      channel: 'walk_in',
      ownerPhone: '13800138000',
      unit: '3-1201',
      status: 'open',
      level: 'desk',
      createdByName: '李前台',
    });
    expect(second).toMatchObject({ number: '2026-1127-002', channel: 'relayed', relayedBy: '秩序部 刘队长' });
    expect(first.trail).toEqual([expect.objectContaining({ kind: 'created', byName: '李前台', byRole: 'receptionist' })]);
    desk.clock.advance(DAY);
    expect((await desk.enter()).number).toBe('2026-1128-001');
  });

  it('R-1 X-3 bad input gets a clear message and writes nothing', async () => {
    desk = await recordsDesk();
    const auditBefore = count('audit_log');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ channel: 'relayed' }, 'records:field.relayedBy'],
      [{ department: '物业公司总部' }, 'records:field.department'],
      [{ aboutStaffId: desk.zhou.id }, 'records:field.aboutOnlyComplaints'],
      [{ receivedAt: desk.clock.now() + HOUR }, 'records:field.receivedInFuture'],
      [{ receivedAt: desk.clock.now() - 8 * DAY }, 'records:field.receivedTooEarly'],
      [{ repair: { location: '车库' } }, 'records:field.repairOnlyRepairs'],
    ];
    for (const [overrides, key] of cases) {
      const error = await failure(desk.enter(overrides));
      expect(error.code).toBe('validation_failed');
      expect((error as unknown as { fieldIssues: Array<{ message: string }> }).fieldIssues[0]!.message).toBe(key);
    }
    for (const overrides of [{ ownerName: '' }, { ownerPhone: 'abc' }, { matter: '  ' }, { type: 'gossip' }, { channel: 'fax' }, { extra: 1 }]) {
      expect((await failure(desk.enter(overrides))).code).toBe('validation_failed');
    }
    expect(count('record_items')).toBe(0);
    expect(count('audit_log')).toBe(auditBefore);
  });

  it('R-1 a relayed item received earlier starts its clock then', async () => {
    desk = await recordsDesk();
    const item = await desk.enter({ channel: 'relayed', relayedBy: '夜班保安', receivedAt: desk.clock.now() - 3 * DAY });
    // Already past two days: the supervisor owns it from the moment it is entered.
    expect(item.level).toBe('supervisor');
    expect(item.number).toBe('2026-1124-001');
  });

  it('R-2 corrections to an open item are recorded in the trail; type and reception stay as received', async () => {
    desk = await recordsDesk();
    const item = await desk.enter();
    const edited = await desk.core.invoke(await desk.as(desk.lee), 'records.update', { id: item.id, unit: '3-1202', ownerPhone: '0755-83334444' });
    expect(edited).toMatchObject({ unit: '3-1202', ownerPhone: '0755-83334444' });
    expect(edited.trail.at(-1)).toMatchObject({ kind: 'edit', text: 'ownerPhone,unit' });
    expect((await failure(desk.core.invoke(await desk.as(desk.lee), 'records.update', { id: item.id, unit: '3-1202' }))).code).toBe('conflict');
  });

  it('R-3 forwarding to a department and tracking it; a department change is a new forward', async () => {
    desk = await recordsDesk();
    const item = await desk.enter({ type: 'repair', matter: '走廊灯不亮' });
    const lee = await desk.as(desk.lee);
    const forwarded = await desk.core.invoke(lee, 'records.forward', { id: item.id, department: '工程部', note: '请今天处理' });
    expect(forwarded).toMatchObject({ status: 'forwarded', department: '工程部' });
    const assigned = desk.events.find((e) => e.name === 'records.assigned');
    expect(assigned).toMatchObject({ payload: { reason: 'forwarded', department: '工程部' }, target: { userId: desk.gong.id } });
    expect((await failure(desk.core.invoke(lee, 'records.forward', { id: item.id, department: '工程部', note: '' }))).code).toBe('conflict');
    const moved = await desk.core.invoke(lee, 'records.forward', { id: item.id, department: '秩序部', note: '属公共照明巡查' });
    expect(moved.trail.filter((t) => t.kind === 'forward').map((t) => t.department)).toEqual(['工程部', '秩序部']);
  });

  it('R-2 list filters and search by name, phone, unit, matter or number', async () => {
    desk = await recordsDesk();
    const a = await desk.enter({ ownerName: '欧阳娜娜', matter: '电梯按钮失灵', type: 'repair' });
    const b = await desk.enter({ ownerName: '王五', ownerPhone: '13912345678', unit: '7-0303', type: 'complaint', matter: '邻居养狗扰民' });
    const lee = await desk.as(desk.lee);
    const search = async (text: string) => (await desk.core.invoke(lee, 'records.list', { status: 'all', search: text })).items.map((i) => i.id);
    expect(await search('欧阳')).toEqual([a.id]);
    expect(await search('电梯按钮')).toEqual([a.id]);
    expect(await search('1234567')).toEqual([b.id]);
    expect(await search('7-03')).toEqual([b.id]);
    expect(await search(b.number)).toEqual([b.id]);
    expect(await search('%')).toEqual([]);
    expect((await desk.core.invoke(lee, 'records.list', { type: 'complaint' })).items.map((i) => i.id)).toEqual([b.id]);
    const paged = await desk.core.invoke(lee, 'records.list', { limit: 1 });
    expect(paged.items.map((i) => i.id)).toEqual([b.id]);
    expect((await desk.core.invoke(lee, 'records.list', { limit: 1, before: paged.nextBefore! })).items.map((i) => i.id)).toEqual([a.id]);
    desk.clock.advance(25 * HOUR);
    desk.core.runDueJobs();
    expect((await desk.core.invoke(await desk.as(desk.lee), 'records.list', { overdueOnly: true })).items.map((i) => i.id)).toEqual([b.id]);
  });

  it('R-4 S-1 the lobby groups items due soon and overdue by owner level; the handover reads the same list', async () => {
    desk = await recordsDesk();
    const old = await desk.enter({ matter: '物业费发票' });
    desk.clock.advance(30 * HOUR);
    const fresh = await desk.enter({ type: 'complaint', matter: '快递柜占用消防通道' });
    const calm = await desk.enter({ type: 'suggestion', matter: '增加绿化' });
    desk.clock.advance(20 * HOUR);
    desk.core.runDueJobs();
    const early = await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {});
    expect(early.groups.supervisor.map((i) => i.id)).toEqual([old.id]);
    // The complaint must be answered within 4 h; the suggestion's first step is 28 h away: not yet "due soon".
    expect(early.groups.desk.map((i) => i.id)).toEqual([fresh.id]);
    expect(early.groups.desk[0]).toMatchObject({ overdue: false, nextDeadline: { kind: 'answer', at: fresh.receivedAt + 24 * HOUR } });
    desk.clock.advance(5 * HOUR);
    desk.core.runDueJobs();
    const lobby = await desk.core.invoke(await desk.as(desk.lee), 'records.lobby', {});
    expect(lobby.groups.desk.map((i) => i.id)).toEqual([fresh.id, calm.id]);
    expect(lobby.groups.desk.map((i) => i.overdue)).toEqual([true, false]);
    expect(lobby.openCount).toBe(3);
    const { dueSoonAndOverdue } = await import('../../../main/core/records/queries');
    expect(dueSoonAndOverdue(desk.core.db, desk.clock.now()).map((i) => i.number)).toEqual([fresh.number, old.number, calm.number]);
  });
});
