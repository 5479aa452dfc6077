import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../support/audit';
import { createDesk, as } from '../../support/core';
import { failure, incidentDraft, PNG_1PX } from '../../support/shift';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/incidents';

describe('incidents', () => {
  it('I-1 time, place, people present, course of events and outcome are all required; bad input saves nothing', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const error = await failure(
      desk.core.invoke(as(lee.token), 'incidents.create', { ...incidentDraft(desk), place: '  ', peoplePresent: '', course: '', outcome: '' }),
    );
    expect(error.code).toBe('validation_failed');
    const issues = desk.core.errorResponse(error, 'zh-CN').body.error.issues!;
    expect(issues.map((i) => i.path[0]).sort()).toEqual(['course', 'outcome', 'peoplePresent', 'place']);
    expect(issues.every((i) => i.message === '此项必填。')).toBe(true);
    const noTime = await failure(desk.core.invoke(as(lee.token), 'incidents.create', { ...incidentDraft(desk), occurredAt: undefined as never }));
    expect(noTime.code).toBe('validation_failed');
    const future = await failure(desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { occurredAt: desk.clock.now() + 3_600_000 })));
    expect(desk.core.errorResponse(future, 'en').body.error.issues?.[0]).toMatchObject({ path: ['occurredAt'], message: 'The time cannot be later than now.' });
    const badCategory = await failure(desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { category: 'fire' as never })));
    expect(desk.core.errorResponse(badCategory, 'zh-CN').body.error.issues?.[0]?.message).toBe('请选择事件类别。');
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM incidents').get() as { n: number }).n).toBe(0);

    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    expect(created).toMatchObject({ number: 'SJ20261127-01', state: 'draft', category: 'loitering', author: { name: '李前台' }, signedAt: null });
    const second = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { category: 'medical' }));
    expect(second.number).toBe('SJ20261127-02');
    desk.close();
  });

  it('I-1 the author signs with their own PIN; a wrong PIN is refused and counted; nobody else may sign or edit', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    const updated = await desk.core.invoke(as(lee.token), 'incidents.update', { id: created.id, ...incidentDraft(desk, { place: '大堂东门外' }) });
    expect(updated.place).toBe('大堂东门外');
    expect((await failure(desk.core.invoke(as(wang.token), 'incidents.update', { id: created.id, ...incidentDraft(desk) }))).code).toBe('forbidden');
    // The guard cannot sign the receptionist's record, not even with the receptionist's PIN.
    expect((await failure(desk.core.invoke(as(wang.token), 'incidents.sign', { id: created.id, pin: '1357' }))).code).toBe('forbidden');
    const wrong = await failure(desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '2468' }));
    expect(wrong.code).toBe('pin_incorrect');
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE user_id = ?').get(lee.id) as { n: number }).n).toBe(1);
    expect((await desk.core.invoke(as(lee.token), 'incidents.get', { id: created.id })).signedAt).toBeNull();

    desk.clock.advance(1000);
    const signed = await desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' });
    expect(signed).toMatchObject({ state: 'closed', signedAt: desk.clock.now() });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.update', { id: created.id, ...incidentDraft(desk) }))).code).toBe('conflict');
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' }))).code).toBe('conflict');
    desk.close();
  });

  it('I-1 corrections are appended as dated amendments by named people; a follow-up stays open until one closes it', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { category: 'dispute', needsFollowUp: true }));
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.amend', { id: created.id, text: '补充' }))).code).toBe('conflict');
    const signed = await desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' });
    expect(signed.state).toBe('open');
    desk.clock.advance(3_600_000);
    const amended = await desk.core.invoke(as(wang.token), 'incidents.amend', { id: created.id, text: '更正：司机为两名，非一名。' });
    expect(amended.amendments).toEqual([
      { id: expect.any(String), at: desk.clock.now(), by: { id: wang.id, name: '王保安' }, text: '更正：司机为两名，非一名。', closesFollowUp: false },
    ]);
    // The signed content is untouched.
    expect(amended.peoplePresent).toBe(signed.peoplePresent);
    expect(amended.contentHash).toBe(signed.contentHash);
    expect(amended.state).toBe('open');
    const closed = await desk.core.invoke(as(lee.token), 'incidents.amend', { id: created.id, text: '双方已和解。', closesFollowUp: true });
    expect(closed.state).toBe('closed');
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.amend', { id: created.id, text: '', closesFollowUp: true }))).code).toBe('conflict');
    desk.close();
  });

  it('I-1 the supervisor or manager marks a signed incident reviewed; others may not', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const boss = await desk.person('supervisor', '陈主管', '8642');
    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    expect((await failure(desk.core.invoke(as(boss.token), 'incidents.review', { id: created.id }))).code).toBe('conflict');
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' });
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.review', { id: created.id }))).code).toBe('forbidden');
    const reviewed = await desk.core.invoke(as(boss.token), 'incidents.review', { id: created.id, note: '已阅，加强门口巡查。' });
    expect(reviewed.reviews).toEqual([expect.objectContaining({ by: { id: boss.id, name: '陈主管' }, role: 'supervisor', note: '已阅，加强门口巡查。' })]);
    const unreviewed = await desk.core.invoke(as(boss.token), 'incidents.search', { state: 'unreviewed' });
    expect(unreviewed.incidents).toEqual([]);
    desk.close();
  });

  it('I-1 attachments: photos and PDFs checked by content and size, stored in the database; after signing only with an amendment', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    const created = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk));
    const photo = await desk.core.invoke(as(lee.token), 'incidents.addAttachment', {
      incidentId: created.id,
      name: '现场照片.png',
      mime: 'image/png',
      dataBase64: PNG_1PX.toString('base64'),
    });
    expect(photo).toMatchObject({ name: '现场照片.png', size: PNG_1PX.length, amendmentId: null });
    const back = await desk.core.invoke(as(wang.token), 'incidents.attachment', { id: photo.id });
    expect(Buffer.from(back.dataBase64, 'base64').equals(PNG_1PX)).toBe(true);

    const disguised = await failure(
      desk.core.invoke(as(lee.token), 'incidents.addAttachment', {
        incidentId: created.id,
        name: 'virus.png',
        mime: 'image/png',
        dataBase64: Buffer.from('MZ this is not a picture').toString('base64'),
      }),
    );
    expect(desk.core.errorResponse(disguised, 'zh-CN').body.error.issues?.[0]?.path).toEqual(['mime']);
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0);
    PNG_1PX.copy(big);
    const tooBig = await failure(
      desk.core.invoke(as(lee.token), 'incidents.addAttachment', { incidentId: created.id, name: 'big.png', mime: 'image/png', dataBase64: big.toString('base64') }),
    );
    expect(tooBig.code).toBe('validation_failed');
    expect(
      (await failure(desk.core.invoke(as(wang.token), 'incidents.addAttachment', { incidentId: created.id, name: 'x.png', mime: 'image/png', dataBase64: PNG_1PX.toString('base64') })))
        .code,
    ).toBe('forbidden');

    const wrongOne = await desk.core.invoke(as(lee.token), 'incidents.addAttachment', {
      incidentId: created.id,
      name: '错的.pdf',
      mime: 'application/pdf',
      dataBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64'),
    });
    await desk.core.invoke(as(lee.token), 'incidents.withdrawAttachment', { id: wrongOne.id });
    const signed = await desk.core.invoke(as(lee.token), 'incidents.sign', { id: created.id, pin: '1357' });
    expect(signed.attachments.map((a) => a.name)).toEqual(['现场照片.png']);
    expect((await failure(desk.core.invoke(as(lee.token), 'incidents.withdrawAttachment', { id: photo.id }))).code).toBe('conflict');

    const later = await desk.core.invoke(as(wang.token), 'incidents.addAttachment', {
      incidentId: created.id,
      name: '监控截图.png',
      mime: 'image/png',
      dataBase64: PNG_1PX.toString('base64'),
      note: '补充监控截图',
    });
    const after = await desk.core.invoke(as(lee.token), 'incidents.get', { id: created.id });
    expect(after.amendments).toEqual([expect.objectContaining({ id: later.amendmentId, by: { id: wang.id, name: '王保安' }, text: '补充监控截图' })]);
    expect(after.contentHash).toBe(signed.contentHash);
    // Files never enter the audit trail's images, only their size and digest.
    const image = auditEntries(desk.core.db).find((e) => e.entity === 'incident_attachments' && e.entity_id === photo.id && e.op === 'insert')!.payload as Record<string, unknown>;
    expect(image.data).toEqual({ bytes: PNG_1PX.length, sha256: crypto.createHash('sha256').update(PNG_1PX).digest('hex') });
    desk.close();
  });

  it('I-1 search by Chinese words (two characters and longer), category, state and date', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const a = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { place: '地下车库入口', category: 'security' }));
    const b = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { place: '大堂', course: '访客张三突发晕厥，已拨打120。', category: 'medical' }));
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: b.id, pin: '1357' });
    await desk.core.invoke(as(lee.token), 'incidents.amend', { id: b.id, text: '家属已到场陪同就医' });
    const search = async (input: Record<string, unknown>) =>
      (await desk.core.invoke(as(lee.token), 'incidents.search', input as never)).incidents.map((i) => i.id);
    expect(await search({ text: '车库' })).toEqual([a.id]);
    expect(await search({ text: '车库入口' })).toEqual([a.id]);
    expect(await search({ text: '张三' })).toEqual([b.id]);
    expect(await search({ text: '家属 就医' })).toEqual([b.id]);
    expect(await search({ text: '100%' })).toEqual([]);
    expect(await search({ category: 'medical' })).toEqual([b.id]);
    expect(await search({ state: 'draft' })).toEqual([a.id]);
    expect(await search({ state: 'closed' })).toEqual([b.id]);
    expect(await search({ from: desk.clock.now() })).toEqual([]);
    desk.close();
  });

  it('I-1 departments cannot read incidents', async () => {
    const desk = await createDesk();
    const eng = await desk.person('department', '工程部', '1111', '工程部');
    expect((await failure(desk.core.invoke(as(eng.token), 'incidents.search', {}))).code).toBe('forbidden');
    desk.close();
  });
});
