import { describe, expect, it } from 'vitest';
import { createDesk, as } from '../../support/core';
import { incidentDraft, PNG_1PX, startShift, tickAll } from '../../support/shift';
import { verifyDesk } from '../../support/audit';

describe('signed records are locked by the database', () => {
  it('I-1 S-1 raw SQL UPDATE and DELETE on a signed incident and a signed handover are refused by the database', async () => {
    const desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台', '1357');
    const wang = await desk.person('security', '王保安', '2468');
    await startShift(desk, lee.token);
    const incident = await desk.core.invoke(as(lee.token), 'incidents.create', incidentDraft(desk, { needsFollowUp: true }));
    await desk.core.invoke(as(lee.token), 'incidents.addAttachment', {
      incidentId: incident.id,
      name: '现场.png',
      mime: 'image/png',
      dataBase64: PNG_1PX.toString('base64'),
    });
    await desk.core.invoke(as(lee.token), 'incidents.sign', { id: incident.id, pin: '1357' });
    await desk.core.invoke(as(wang.token), 'incidents.amend', { id: incident.id, text: '补充：司机车牌沪A12345' });
    const handover = await desk.core.invoke(as(lee.token), 'handover.prepare', {});
    await tickAll(desk, lee.token, handover.id);
    await desk.core.invoke(as(lee.token), 'handover.sign', { id: handover.id, pin: '1357' });
    await desk.core.invoke(as(wang.token), 'handover.acknowledge', { id: handover.id, userId: wang.id, pin: '2468' });

    const db = desk.core.db;
    const refused = (sql: string, ...params: unknown[]) => expect(() => db.prepare(sql).run(...params)).toThrow(/cannot change|never deleted|immutable/);
    refused("UPDATE incidents SET outcome = '已妥善处理' WHERE id = ?", incident.id);
    refused('UPDATE incidents SET signed_at = NULL, signed_by = NULL, content_hash = NULL WHERE id = ?', incident.id);
    refused('DELETE FROM incidents WHERE id = ?', incident.id);
    refused("UPDATE incident_amendments SET text = '' WHERE incident_id = ?", incident.id);
    refused('DELETE FROM incident_amendments WHERE incident_id = ?', incident.id);
    refused("UPDATE incident_attachments SET data = x'00', size = 1 WHERE incident_id = ?", incident.id);
    refused('DELETE FROM incident_attachments WHERE incident_id = ?', incident.id);

    refused("UPDATE handovers SET notes = '补记' WHERE id = ?", handover.id);
    refused("UPDATE handovers SET outgoing_name = '别人' WHERE id = ?", handover.id);
    refused('DELETE FROM handovers WHERE id = ?', handover.id);
    refused("UPDATE handover_lines SET ticked = 0, comment = '' WHERE handover_id = ?", handover.id);
    refused('DELETE FROM handover_lines WHERE handover_id = ?', handover.id);
    refused("UPDATE handover_acknowledgements SET incoming_name = '别人' WHERE handover_id = ?", handover.id);
    refused('DELETE FROM handover_acknowledgements WHERE handover_id = ?', handover.id);
    refused("UPDATE shifts SET diary_text = '改写' WHERE id = ?", handover.shiftId);

    // The records read back exactly as signed, and the audit chain is intact.
    expect((await desk.core.invoke(as(wang.token), 'incidents.get', { id: incident.id })).contentHash).toBe(
      (db.prepare('SELECT content_hash FROM incidents WHERE id = ?').get(incident.id) as { content_hash: string }).content_hash,
    );
    expect(verifyDesk(desk)).toMatchObject({ ok: true, problems: [] });
    desk.close();
  });
});
