// Redaction in the compact trail (V-7, X-6): the personal columns are blanked in every image of the row, the
// redaction is an entry of its own, and verification holds — also against someone who edits a redacted image.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { as, createDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { auditEntries, auditText, verifyDesk } from '../../support/audit';
import { verifyStoreFile } from '../../../main/core/audit/verify-file';
import { canonicalJson, decodePayloadText, encodePayload, payloadDigest } from '../../../main/core/audit/form';
import { DATABASE_FILE } from '../../../main/core/store/open';
import { DAY } from '../../../shared/rules/time';

async function redactedVisit() {
  const desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist', '李前台');
  const visit = await desk.core.invoke(as(lee.token), 'visitors.register', {
    visitorName: '张三丰',
    mobile: '13812345678',
    tenantId: dir.huaxin.id,
    purpose: '商务拜访',
    partySize: 1,
    vehiclePlate: '粤B12345',
    notes: '带了样品',
  });
  await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: visit.id });
  desk.clock.advance(200 * DAY);
  desk.core.runDueJobs();
  return { desk, visitId: visit.id };
}

describe('redaction in the compact trail', () => {
  it('V-7 X-6 a redacted visit leaves no personal value in any image, its redaction says what it set and blanked, and everything verifies', async () => {
    const { desk, visitId } = await redactedVisit();
    const text = auditText(desk.core.db);
    for (const value of ['张三丰', '13812345678', '粤B12345', '带了样品']) expect(text).not.toContain(value);
    const entries = auditEntries(desk.core.db).filter((e) => e.entity === 'visits' && e.entity_id === visitId);
    const redaction = entries.find((e) => e.op === 'redact')!;
    expect(redaction.method).toBe('audit.redact');
    const { seqs, set } = redaction.payload as { seqs: number[]; set: Record<string, unknown> };
    // Only the images that held personal values were blanked (the sign-out's changes held none).
    expect(seqs).toEqual([entries.find((e) => e.op === 'insert')!.seq]);
    expect(entries.find((e) => e.method === 'visitors.signOut')!.payload).toMatchObject({ status: ['in', 'out'] });
    expect(set).toMatchObject({ visitor_name: '', mobile: null, vehicle_plate: null, notes: '' });
    const sealed = desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE sealed IS NOT NULL').get() as { n: number };
    expect(sealed.n).toBe(seqs.length);
    expect(verifyDesk(desk)).toMatchObject({ state: 'ok', problems: [] });
    desk.close();
  });

  it('X-6 a redacted image edited afterwards (a value put back) or an image blanked without a redaction is reported', async () => {
    const { desk, visitId } = await redactedVisit();
    const insertSeq = auditEntries(desk.core.db).find((e) => e.entity_id === visitId && e.op === 'insert')!.seq;
    const otherSeq = auditEntries(desk.core.db).find((e) => e.entity === 'staff' && e.op === 'insert')!.seq;
    desk.close();
    const db = new Database(path.join(desk.dataDir, DATABASE_FILE));
    db.exec('DROP TRIGGER audit_log_redact_only');
    const payloadOf = (seq: number) => JSON.parse(decodePayloadText((db.prepare('SELECT payload FROM audit_log WHERE seq = ?').get(seq) as { payload: Buffer }).payload)) as Record<string, unknown>;
    const image = payloadOf(insertSeq);
    image.visitor_name = '张三丰';
    db.prepare('UPDATE audit_log SET payload = ? WHERE seq = ?').run(encodePayload(canonicalJson(image)), insertSeq);
    // Blanking a staff image "as a redaction would", keeping its digest so the link still checks.
    const staff = payloadOf(otherSeq);
    const before = payloadDigest(canonicalJson(staff));
    staff.name = null;
    db.prepare('UPDATE audit_log SET payload = ?, sealed = ? WHERE seq = ?').run(encodePayload(canonicalJson(staff)), before, otherSeq);
    db.close();
    const report = verifyStoreFile(desk.dataDir);
    expect(report.state).toBe('broken');
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'chain.payload', seq: insertSeq }));
    expect(report.problems).toContainEqual(expect.objectContaining({ code: 'chain.redaction', seq: otherSeq }));
  });
});
