// Paper holds the head: the signed handover sheet and the supervisor's daily audit carry where the trail stood,
// and verify checks a head written on paper.
import { describe, expect, it } from 'vitest';
import { as, createDesk } from '../../support/core';
import { startShift, tickAll } from '../../support/shift';
import { auditEntries } from '../../support/audit';

describe('heads on paper', () => {
  it('X-6 the handover sheet carries the trail at signing and acknowledgement, and verify checks it as a paper anchor', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    await startShift(desk, lee.token);
    const draft = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    const head = () => (desk.core.db.prepare('SELECT MAX(seq) AS n FROM audit_log').get() as { n: number }).n;
    expect(draft.trailAnchor?.seq).toBe(head());
    await tickAll(desk, lee.token, draft.id);
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: draft.id, pin: '1357' });
    const signing = auditEntries(desk.core.db).filter((e) => e.entity === 'handovers' && e.entity_id === draft.id).pop()!;
    const signed = await desk.core.invoke(as(lee.token), 'handover.get', { id: draft.id });
    expect(signed.trailAnchor).toMatchObject({ seq: signing.seq, short: expect.stringMatching(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/) });
    await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: draft.id, userId: wang.id, pin: '2468' });
    const acknowledged = await desk.core.invoke(as(wang.token), 'handover.get', { id: draft.id });
    expect(acknowledged.trailAnchor!.seq).toBeGreaterThan(signing.seq);
    // Later work does not move what the sheet says.
    await desk.person('receptionist', '新同事');
    expect((await desk.core.invoke(as(wang.token), 'handover.get', { id: draft.id })).trailAnchor).toEqual(acknowledged.trailAnchor);

    const printed = acknowledged.trailAnchor!;
    const asPrinted = { seq: printed.seq, link: printed.short.replace(/ /g, '') };
    const ok = await desk.core.invoke(as(desk.admin.token), 'audit.verify', { paper: [asPrinted] });
    expect(ok).toMatchObject({ state: 'ok', anchors: expect.arrayContaining([{ source: 'paper', name: `#${printed.seq}`, seq: printed.seq, at: null, result: 'ok' }]) });
    const wrong = { seq: printed.seq, link: `${asPrinted.link.slice(0, -1)}${asPrinted.link.endsWith('0') ? '1' : '0'}` };
    const differs = await desk.core.invoke(as(desk.admin.token), 'audit.verify', { paper: [wrong] }, 'en');
    expect(differs.state).toBe('broken');
    expect(differs.problems).toContainEqual(expect.objectContaining({ code: 'paper.differs', seq: printed.seq, message: `entry #${printed.seq} differs from the head written on paper` }));
    desk.close();
  });

  it('X-6 the supervisor’s daily audit shows where the trail stands now', async () => {
    const desk = await createDesk();
    const zhou = await desk.person('supervisor', '周主管');
    const queue = await desk.core.invoke(as(zhou.token), 'records.auditQueue', {});
    const head = desk.core.db.prepare('SELECT seq, hex(link) AS link FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; link: string };
    expect(queue.trailHead).toEqual({ seq: head.seq, link: head.link.toLowerCase(), short: head.link.toLowerCase().slice(0, 16).replace(/(.{4})(?!$)/g, '$1 ') });
    desk.close();
  });
});
