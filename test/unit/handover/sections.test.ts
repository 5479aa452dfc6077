import { describe, expect, it } from 'vitest';
import { createDesk, as } from '../../support/core';
import { startShift, tickAll } from '../../support/shift';
import { handoverSections, diaryContributions } from '../../../main/core/features';
import { refreshLines } from '../../../main/core/handover/lines';
import { findHandover } from '../../../main/core/handover/rows';
import { findShift } from '../../../main/core/shifts/rows';
import { assembleDiary } from '../../../main/core/shifts/diary';
import type { DiaryContribution, HandoverSectionProvider } from '../../../main/core/handover/sections';

/** What the visitors feature will provide: the people still in the building. */
const stillIn = new Map<string, { name: string; host: string; inAt: number }>();
const visitorsSection: HandoverSectionProvider = {
  key: 'visitors',
  title: 'visitors:handover.section',
  order: 10,
  lines: () =>
    [...stillIn].map(([id, v]) => ({ key: `visit:${id}`, kind: 'visitors:handover.stillIn', params: { name: v.name, host: v.host, checkedInAt: v.inAt } })),
};
const visitorsDiary: DiaryContribution = {
  key: 'visitors',
  title: 'visitors:diary.section',
  order: 10,
  collect: (_ctx, window) => ({ figures: [{ kind: 'visitors:diary.count', params: { count: stillIn.size, from: window.from } }], entries: [] }),
};

describe('handover sections from other features', () => {
  it('S-1 S-2 a feature plugs in with one provider: its lines appear in order, are ticked or commented, and carry over by key', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const zhou = await desk.person('receptionist', '周前台', '9753');
    const shift = await startShift(desk, lee.token);
    stillIn.set('V1', { name: '刘女士', host: '18F 华信科技', inAt: desk.clock.now() });
    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const providers = [...handoverSections, visitorsSection];
    desk.core.runAsSystem('handover.prepare', (ctx) => refreshLines(ctx, findHandover(ctx.db, draft.id)!, findShift(ctx.db, shift.id)!, providers));

    const prepared = await desk.core.invoke(as(lee.token), 'handover.get', { id: draft.id });
    expect([...new Set(prepared.lines.map((l) => l.section))]).toEqual(['checklist', 'visitors']);
    const visit = prepared.lines.find((l) => l.key === 'visit:V1')!;
    expect(visit).toMatchObject({ kind: 'visitors:handover.stillIn', sectionTitle: 'visitors:handover.section', params: { name: '刘女士' } });
    await tickAll(desk, lee.token, draft.id, (kind) => kind === 'visitors:handover.stillIn');
    await desk.core.invoke(as(lee.token), 'handover.mark', { id: draft.id, lineId: visit.id, ticked: false, comment: '刘女士仍在 18F 开会' });
    // Signing refreshes with the registry's sections only (this test's provider is not in it): the commented
    // line is kept because someone touched it.
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: draft.id, pin: '1357' });

    const next = await startShift(desk, zhou.token);
    const second = await desk.core.invoke(as(zhou.token), 'handover.prepare', {});
    desk.core.runAsSystem('handover.prepare', (ctx) => refreshLines(ctx, findHandover(ctx.db, second.id)!, findShift(ctx.db, next.id)!, providers));
    const carried = (await desk.core.invoke(as(zhou.token), 'handover.get', { id: second.id })).lines.find((l) => l.key === 'visit:V1');
    expect(carried).toMatchObject({ carried: true, carriedFromNumber: draft.number, carriedComment: '刘女士仍在 18F 开会', current: true, section: 'visitors' });

    const sections = assembleDiary(desk.core.db, desk.clock.now(), findShift(desk.core.db, next.id)!, [...diaryContributions, visitorsDiary]);
    expect(sections.map((s) => s.key)).toEqual(['visitors', 'keys', 'incidents']);
    desk.close();
  });
});
