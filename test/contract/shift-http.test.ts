import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';
import { incidentDraft, startShift, tickAll, PNG_1PX } from '../support/shift';
import { ATTACHMENT_MAX_BYTES } from '../../shared/contract/incidents';

let desk: TestDesk;
let http: TestServer;

afterEach(async () => {
  await http?.close();
  desk?.close();
});

describe('shift features over HTTP', () => {
  it('I-1 a photo travels as base64 within the upload method’s own body limit; other methods keep 1 MB', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const created = await http.call<{ id: string }>('incidents.create', incidentDraft(desk), { token: lee.token });
    expect(created.status).toBe(200);
    // A 3.5 MB picture (4.7 MB as base64) is accepted by incidents.addAttachment …
    const photo = Buffer.alloc(3.5 * 1024 * 1024, 7);
    PNG_1PX.copy(photo);
    const added = await http.call<{ size: number }>(
      'incidents.addAttachment',
      { incidentId: created.body.id, name: '现场.png', mime: 'image/png', dataBase64: photo.toString('base64') },
      { token: lee.token },
    );
    expect(added.status).toBe(200);
    expect(added.body.size).toBe(photo.length);
    const back = await http.call<{ dataBase64: string }>('incidents.attachment', { id: (added.body as unknown as { id: string }).id }, { token: lee.token });
    expect(Buffer.from(back.body.dataBase64, 'base64').equals(photo)).toBe(true);
    // … one over the file limit is refused with a message, nothing stored …
    const tooBig = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1024, 7);
    PNG_1PX.copy(tooBig);
    const refused = await http.call<{ error: { code: string; issues: Array<{ message: string }> } }>(
      'incidents.addAttachment',
      { incidentId: created.body.id, name: 'big.png', mime: 'image/png', dataBase64: tooBig.toString('base64') },
      { token: lee.token, lang: 'zh-CN' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]!.message).toBe('文件过大（最大 4 MB）。');
    // … and the same 2 MB body sent to any other method is still 413.
    const other = await http.call('incidents.update', { id: created.body.id, ...incidentDraft(desk), course: 'x'.repeat(2 * 1024 * 1024) }, { token: lee.token });
    expect(other.status).toBe(413);
    const count = desk.core.db.prepare('SELECT COUNT(*) AS n FROM incident_attachments').get() as { n: number };
    expect(count.n).toBe(1);
  });

  it('S-1 the guard’s terminal is told when a handover is signed and acknowledges it over HTTP with his own PIN', async () => {
    desk = await createDesk();
    http = await startTestServer(desk.core);
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    const code = await http.call<{ code: string }>('devices.createPairingCode', { name: '保安室电脑', kind: 'desk' }, { token: desk.admin.token });
    const paired = await http.call<{ token: string }>('devices.pair', { code: code.body.code });
    const guard = await http.call<{ token: string }>('auth.signIn', { userId: wang.id, pin: '2468' }, { device: paired.body.token });
    const channel = await http.events({ sessionToken: guard.body.token, deviceToken: paired.body.token });

    await startShift(desk, lee.token);
    const prepared = await http.call<{ id: string }>('handover.prepare', {}, { token: lee.token });
    await tickAll(desk, lee.token, prepared.body.id);
    const signed = await http.call('handover.sign', { id: prepared.body.id, pin: '1357' }, { token: lee.token });
    expect(signed.status).toBe(200);
    await eventually(() => expect(channel.received).toContainEqual({ name: 'handover.changed', payload: { handoverId: prepared.body.id, state: 'signed' } }));

    const as = { token: guard.body.token, device: paired.body.token };
    const wrong = await http.call<{ error: { code: string; message: string } }>('handover.acknowledge', { id: prepared.body.id, userId: wang.id, pin: '1357' }, { ...as, lang: 'en' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('pin_incorrect');
    const ok = await http.call<{ state: string; incoming: { name: string } }>('handover.acknowledge', { id: prepared.body.id, userId: wang.id, pin: '2468' }, as);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'acknowledged', incoming: { name: '王保安' } });
  });
});
