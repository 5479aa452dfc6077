// The notices section of the shift handover, through the real core.
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { startShift } from '../../support/shift';

let desk: TestDesk;
afterEach(() => desk?.close());

const HOUR = 3_600_000;

describe('notices on the handover', () => {
  it('S-1 R-10 every notice in force is on the handover, public or internal; upcoming, ended and withdrawn ones are not', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    await startShift(desk, lee.token);
    const now = desk.clock.now();
    const notice = (input: Record<string, unknown>) => desk.core.invoke(as(lee.token), 'notices.create', input as never);
    const water = await notice({ title: '本周六 8:00–12:00 停水检修', titleEn: 'No water on Saturday 8:00–12:00', public: true, activeUntil: now + 48 * HOUR });
    const lift = await notice({ title: '3 号电梯维保停用', target: 'building', targetValue: '3 栋', activeFrom: now - HOUR });
    await notice({ title: '下周消防演练', activeFrom: now + 24 * HOUR });
    const ended = await notice({ title: '昨日停电', activeFrom: now - 30 * HOUR, activeUntil: now + HOUR });
    const withdrawn = await notice({ title: '错发的通知' });
    await desk.core.invoke(as(lee.token), 'notices.withdraw', { id: withdrawn.id });
    desk.clock.advance(2 * HOUR);

    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const lines = draft.lines.filter((l) => l.section === 'notices');
    expect(lines.map((l) => l.key).sort()).toEqual([`notice:${water.id}`, `notice:${lift.id}`].sort());
    expect(lines.map((l) => l.key)).not.toContain(`notice:${ended.id}`);
    expect(lines.find((l) => l.key === `notice:${water.id}`)).toMatchObject({
      sectionTitle: 'notices:handover.section',
      sectionOrder: 60,
      kind: 'notices:handover.until',
      attention: false,
      params: { title: '本周六 8:00–12:00 停水检修', titleEn: 'No water on Saturday 8:00–12:00', public: true, target: 'all', untilAt: now + 48 * HOUR },
    });
    expect(lines.find((l) => l.key === `notice:${lift.id}`)).toMatchObject({
      kind: 'notices:handover.openEnded',
      params: { title: '3 号电梯维保停用', public: false, target: 'building', targetValue: '3 栋', untilAt: null },
    });
  });
});
