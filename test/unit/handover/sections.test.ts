import { describe, expect, it } from 'vitest';
import { createDesk, as } from '../../support/core';
import { startShift, tickAll } from '../../support/shift';
import { handoverSections, diaryContributions } from '../../../main/core/features';
import { refreshLines } from '../../../main/core/handover/lines';
import { findHandover } from '../../../main/core/handover/rows';
import { findShift } from '../../../main/core/shifts/rows';
import { assembleDiary } from '../../../main/core/shifts/diary';
import type { DiaryContribution, HandoverSectionProvider } from '../../../main/core/handover/sections';

/** A feature the registry does not have (lost property handed in at the desk), plugged in the documented way. */
const waiting = new Map<string, { tenant: string; courier: string; receivedAt: number }>();
const parcelsSection: HandoverSectionProvider = {
  key: 'lostFound',
  title: 'lostFound:handover.section',
  order: 25,
  lines: () =>
    [...waiting].map(([id, p]) => ({ key: `found:${id}`, kind: 'lostFound:handover.waiting', params: { tenant: p.tenant, courier: p.courier, receivedAt: p.receivedAt } })),
};
const parcelsDiary: DiaryContribution = {
  key: 'lostFound',
  title: 'lostFound:diary.section',
  order: 25,
  collect: (_ctx, window) => ({ figures: [{ kind: 'lostFound:diary.count', params: { count: waiting.size, from: window.from } }], entries: [] }),
};

describe('handover sections from other features', () => {
  it('S-1 S-2 a feature plugs in with one provider: its lines appear in order, are ticked or commented, and carry over by key', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const zhou = await desk.person('receptionist', '周前台', '9753');
    const shift = await startShift(desk, lee.token);
    waiting.set('P1', { tenant: '18F 华信科技', courier: '顺丰', receivedAt: desk.clock.now() });
    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const providers = [...handoverSections, parcelsSection];
    desk.core.runAsSystem('handover.prepare', (ctx) => refreshLines(ctx, findHandover(ctx.db, draft.id)!, findShift(ctx.db, shift.id)!, providers));

    const prepared = await desk.core.invoke(as(lee.token), 'handover.get', { id: draft.id });
    expect([...new Set(prepared.lines.map((l) => l.section))]).toEqual(['checklist', 'lostFound']);
    const parcel = prepared.lines.find((l) => l.key === 'found:P1')!;
    expect(parcel).toMatchObject({ kind: 'lostFound:handover.waiting', sectionTitle: 'lostFound:handover.section', params: { courier: '顺丰' } });
    await tickAll(desk, lee.token, draft.id, (kind) => kind === 'lostFound:handover.waiting');
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: draft.id, lineId: parcel.id, ticked: false, comment: '租户晚上来取' });
    // Signing refreshes with the registry's sections only (this test's provider is not in it): the commented
    // line is kept because someone touched it.
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: draft.id, pin: '1357' });

    const next = await startShift(desk, zhou.token);
    const second = await desk.core.invoke(as(zhou.token), 'handover.prepare', {});
    desk.core.runAsSystem('handover.prepare', (ctx) => refreshLines(ctx, findHandover(ctx.db, second.id)!, findShift(ctx.db, next.id)!, providers));
    const carried = (await desk.core.invoke(as(zhou.token), 'handover.get', { id: second.id })).lines.find((l) => l.key === 'found:P1');
    expect(carried).toMatchObject({ carried: true, carriedFromNumber: draft.number, carriedComment: '租户晚上来取', current: true, section: 'lostFound' });

    const sections = assembleDiary(desk.core.db, desk.clock.now(), findShift(desk.core.db, next.id)!, [...diaryContributions, parcelsDiary]);
    expect(sections.map((s) => s.key)).toEqual(['visitors', 'parcels', 'calls', 'callbacks', 'lostFound', 'keys', 'incidents', 'records']);
    desk.close();
  });
});
