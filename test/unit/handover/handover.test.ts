import { describe, expect, it } from 'vitest';
import { createDesk, as, LOCAL, type TestDesk } from '../../support/core';
import { failure, incidentDraft, startShift, tickAll } from '../../support/shift';

async function desk3(): Promise<{
  desk: TestDesk;
  lee: Awaited<ReturnType<TestDesk['person']>>;
  wang: Awaited<ReturnType<TestDesk['person']>>;
}> {
  const desk = await createDesk();
  const lee = await desk.person('receptionist', '李前台', '1357');
  const wang = await desk.person('security', '王保安', '2468');
  return { desk, lee, wang };
}

describe('handover', () => {
  it('S-1 the handover is the template plus each feature’s live section: keys out, open incidents', async () => {
    const { desk, lee } = await desk3();
    await startShift(desk, lee.token);
    const loan = await desk.core.invoke(as(lee.token), 'keys.lend', {
      kind: 'key',
      item: '3F 机房钥匙',
      borrower: '张师傅',
      expectedBackAt: desk.clock.now() + 3_600_000,
    });
    const draft = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    const open = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { place: '地下车库', needsFollowUp: true }));
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: open.id, pin: '1357' });
    const done = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { place: '电梯厅' }));
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: done.id, pin: '1357' });
    desk.clock.advance(2 * 3_600_000);

    const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(handover).toMatchObject({ number: 'JB20261127-01', state: 'draft', outgoing: { name: '李前台' }, incoming: null, previous: null });
    const bySection = (section: string) => handover.lines.filter((l) => l.section === section);
    expect(bySection('checklist').map((l) => l.params.label)).toContain('钥匙柜已清点并上锁');
    expect(bySection('keys')).toEqual([
      expect.objectContaining({ key: `key-loan:${loan.id}`, kind: 'keys:handover.out', attention: true, params: expect.objectContaining({ item: '3F 机房钥匙', borrower: '张师傅' }) }),
    ]);
    expect(bySection('incidents').map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`incident:${draft.id}`, 'incidents:handover.unsigned', true],
      [`incident:${open.id}`, 'incidents:handover.open', false],
    ]);
    // Sections in sheet order: the template first.
    expect([...new Set(handover.lines.map((l) => l.section))]).toEqual(['checklist', 'keys', 'incidents']);
    expect(handover.lines.every((l) => !l.ticked && !l.carried && l.current)).toBe(true);
    desk.close();
  });

  it('S-1 preparing again brings the sections up to date without losing ticks or comments', async () => {
    const { desk, lee } = await desk3();
    await startShift(desk, lee.token);
    const k1 = await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'key', item: '天台门钥匙', borrower: '孙工' });
    const k2 = await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'card', item: '临时门禁卡', borrower: '钱师傅' });
    const first = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const line1 = first.lines.find((l) => l.key === `key-loan:${k1.id}`)!;
    const template = first.lines.find((l) => l.section === 'checklist')!;
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: first.id, lineId: line1.id, ticked: false, comment: '孙工说明早归还' });
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: first.id, lineId: template.id, ticked: true });
    await desk.core.invoke(as(lee.token), 'handover.saveNotes', { id: first.id, notes: '明早 8 点有搬家车辆进场。' });
    await desk.core.invoke(as(lee.token), 'keys.return', { id: k1.id });
    await desk.core.invoke(as(lee.token), 'keys.return', { id: k2.id });
    const k3 = await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'equipment', item: '对讲机', itemCode: '3号', borrower: '保洁吴阿姨' });

    const again = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(again.id).toBe(first.id);
    expect(again.notes).toBe('明早 8 点有搬家车辆进场。');
    const keys = again.lines.filter((l) => l.section === 'keys');
    // k3 is new; k1 was commented: kept, no longer current, below; k2 untouched: withdrawn.
    expect(keys.map((l) => [l.key, l.current, l.comment])).toEqual([
      [`key-loan:${k3.id}`, true, ''],
      [`key-loan:${k1.id}`, false, '孙工说明早归还'],
    ]);
    expect(again.lines.find((l) => l.id === template.id)!.ticked).toBe(true);
    desk.close();
  });

  it('S-1 signing needs every line ticked or commented; it locks the handover and ends the shift', async () => {
    const { desk, lee, wang } = await desk3();
    const shift = await startShift(desk, lee.token);
    await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'key', item: '3F 机房钥匙', borrower: '张师傅' });
    const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    await tickAll(desk, lee.token, handover.id, (kind) => kind === 'keys:handover.outOpenEnded');
    const unhandled = await failure(desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' }));
    expect(unhandled.code).toBe('conflict');
    expect(desk.core.errorResponse(unhandled, 'zh-CN').body.error.message).toBe('还有 1 项既未勾选也未备注，请逐项处理后再签名。');
    const keyLine = handover.lines.find((l) => l.section === 'keys')!;
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: handover.id, lineId: keyLine.id, ticked: false, comment: '张师傅加班，钥匙未还' });
    desk.clock.advance(60_000);
    const signed = await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    expect(signed).toMatchObject({ state: 'signed', signedAt: desk.clock.now() });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await desk.core.invoke(as(lee.token), 'shifts.diary', { shiftId: shift.id }))!.shift).toMatchObject({ endReason: 'handover' });
    expect((await desk.core.invoke(as(lee.token), 'shifts.current', {})).shift).toBeNull();
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.mark', { id: handover.id, lineId: keyLine.id, ticked: true }))).code).toBe('conflict');
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.saveNotes', { id: handover.id, notes: '补' }))).code).toBe('conflict');
    expect((await desk.core.invoke(as(wang.token), 'handover.pending', {})).handovers).toEqual([
      expect.objectContaining({ id: handover.id, state: 'signed', lines: handover.lines.length, unticked: 1 }),
    ]);
    desk.close();
  });

  it('S-1 unticked lines carry over to the next handover, marked carried, until someone ticks them', async () => {
    const { desk, lee, wang } = await desk3();
    const zhou = await desk.person('receptionist', '周前台', '9753');
    await startShift(desk, lee.token);
    const loan = await desk.core.invoke(as(lee.token), 'keys.lend', { kind: 'key', item: '3F 机房钥匙', borrower: '张师傅' });
    const first = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    await tickAll(desk, lee.token, first.id);
    const keyLine = first.lines.find((l) => l.key === `key-loan:${loan.id}`)!;
    const doors = first.lines.find((l) => l.key === 'template:doors')!;
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: first.id, lineId: keyLine.id, ticked: false, comment: '张师傅加班' });
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: first.id, lineId: doors.id, ticked: false, comment: '东侧门禁故障，已报修' });
    await desk.core.invoke(as(lee.token), 'handover.saveNotes', { id: first.id, notes: '明早 8 点有搬家车辆进场。' });
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: first.id, pin: '1357' });
    await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: first.id, userId: wang.id, pin: '2468' });
    // The key comes back overnight; the line is still carried (it was not ticked), no longer current.
    await desk.core.invoke(as(wang.token), 'keys.return', { id: loan.id });

    desk.clock.advance(12 * 3_600_000);
    await startShift(desk, zhou.token);
    const second = await desk.core.invoke(as(zhou.token), 'handover.prepare', {});
    expect(second.previous).toEqual({ id: first.id, number: first.number });
    const carried = second.lines.filter((l) => l.carried);
    expect(carried.map((l) => [l.key, l.carriedFromNumber, l.carriedCount, l.carriedComment, l.current])).toEqual([
      ['template:doors', first.number, 1, '东侧门禁故障，已报修', true],
      [`key-loan:${loan.id}`, first.number, 1, '张师傅加班', false],
    ]);
    // The previous person's notes are read again.
    expect(second.lines.find((l) => l.section === 'previous')).toMatchObject({
      kind: 'handover:line.previousNotes',
      params: expect.objectContaining({ notes: '明早 8 点有搬家车辆进场。', by: '李前台' }),
      carried: false,
    });
    // Ticked lines did not carry.
    expect(second.lines.find((l) => l.key === 'template:lights')!.carried).toBe(false);

    // Left unticked again, the door line is carried a second time.
    await tickAll(desk, zhou.token, second.id, (kind) => kind === 'handover:line.template');
    for (const line of second.lines.filter((l) => l.kind === 'handover:line.template')) {
      await desk.core.invoke(as(zhou.token), 'handover.mark', { id: second.id, lineId: line.id, ticked: line.key !== 'template:doors', comment: line.key === 'template:doors' ? '仍未修复' : '' });
    }
    await desk.core.invoke(as(zhou.token), 'handover.sign', { id: second.id, pin: '9753' });
    desk.clock.advance(12 * 3_600_000);
    const leeAgain = (await desk.core.invoke(LOCAL, 'auth.signIn', { userId: lee.id, pin: '1357' })).token;
    await startShift(desk, leeAgain);
    const third = await desk.core.invoke(as(leeAgain), 'handover.prepare', {});
    expect(third.lines.filter((l) => l.carried).map((l) => [l.key, l.carriedCount, l.carriedComment])).toEqual([['template:doors', 2, '仍未修复']]);
    desk.close();
  });

  it('S-1 past handovers are searchable by date and person', async () => {
    const { desk, lee, wang } = await desk3();
    await startShift(desk, lee.token);
    const h = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    await tickAll(desk, lee.token, h.id);
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: h.id, pin: '1357' });
    await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: h.id, userId: wang.id, pin: '2468', note: '已清点钥匙' });
    const search = async (input: Record<string, unknown>) =>
      (await desk.core.invoke(as(wang.token), 'handover.search', input as never)).handovers.map((x) => x.number);
    expect(await search({ person: '王保安' })).toEqual([h.number]);
    expect(await search({ person: '李' })).toEqual([h.number]);
    expect(await search({ person: '周' })).toEqual([]);
    expect(await search({ from: desk.clock.now() - 3_600_000, to: desk.clock.now() + 1 })).toEqual([h.number]);
    expect(await search({ from: desk.clock.now() + 1 })).toEqual([]);
    const got = await desk.core.invoke(as(wang.token), 'handover.get', { id: h.id });
    expect(got).toMatchObject({ state: 'acknowledged', incoming: { id: wang.id, name: '王保安', role: 'security' }, acknowledgeNote: '已清点钥匙' });
    expect((await desk.core.invoke(as(wang.token), 'handover.pending', {})).handovers).toEqual([]);
    desk.close();
  });

  it('S-1 the template is the administrator’s; others may only read it', async () => {
    const { desk, lee } = await desk3();
    const updated = await desk.core.invoke(as(desk.admin.token), 'handover.updateSettings', {
      template: [{ key: 'doors', label: '门窗已检查' }, { label: '消防通道畅通', labelEn: 'Fire exits clear' }],
    });
    expect(updated.template.map((t) => t.label)).toEqual(['门窗已检查', '消防通道畅通']);
    expect((await failure(desk.core.invoke(as(lee.token), 'handover.updateSettings', { template: [{ label: 'x' }] }))).code).toBe('forbidden');
    await startShift(desk, lee.token);
    const h = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    expect(h.lines.filter((l) => l.section === 'checklist').map((l) => l.params.label)).toEqual(['门窗已检查', '消防通道畅通']);
    desk.close();
  });
});
