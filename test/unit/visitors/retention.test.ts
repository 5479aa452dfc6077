import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { pairKiosk, seedDirectory } from '../../support/visitors';
import { auditEntries, auditText, verifyDesk } from '../../support/audit';
import { visitorCounts } from '../../../main/core/visitors/queries';
import { DAY } from '../../../shared/rules/time';

let desk: TestDesk;
afterEach(() => desk?.close());

const DEADLINE_START = new Date('2026-11-27T09:00:00+08:00').getTime();

async function setUp() {
  desk = await createDesk();
  const dir = await seedDirectory(desk);
  const lee = await desk.person('receptionist');
  const kiosk = await pairKiosk(desk);
  const atDesk = await desk.core.invoke(as(lee.token), 'visitors.register', {
    visitorName: '张三',
    mobile: '13812345678',
    tenantId: dir.huaxin.id,
    hostName: '刘女士',
    purpose: '商务拜访',
    partySize: 2,
    idNumber: '11010519491231002X',
    vehiclePlate: '粤B12345',
    notes: '带了样品',
  });
  await desk.core.invoke(as(lee.token), 'visitors.signOut', { id: atDesk.id });
  const { registrationId } = await desk.core.invoke(kiosk.credentials, 'visitors.selfRegister', {
    visitorName: '李四',
    mobile: '13900001111',
    tenantId: dir.lawyers.id,
    purpose: '面试',
    lang: 'en',
    consent: true,
  });
  await desk.core.invoke(as(lee.token), 'visitors.decline', { id: registrationId, reason: '李四没有预约' });
  const callback = await desk.core.invoke(as(lee.token), 'callbacks.create', {
    tenantId: dir.huaxin.id,
    callerName: '王五',
    callerPhone: '13711112222',
    message: '请回电谈合同',
  });
  await desk.core.invoke(as(lee.token), 'callbacks.recordOutcome', { id: callback.id, outcome: 'relayed', note: '已转告王五的留言' });
  return { visitIds: [atDesk.id, registrationId], callbackId: callback.id };
}

const PERSONAL = ['张三', '13812345678', '刘女士', '1101**********002X', '粤B12345', '带了样品', '李四', '13900001111', '李四没有预约', '王五', '13711112222', '请回电谈合同'];

function storedText(): string {
  const rows = [
    ...desk.core.db.prepare('SELECT * FROM visits').all(),
    ...desk.core.db.prepare('SELECT * FROM callbacks').all(),
  ];
  return JSON.stringify(rows) + auditText(desk.core.db);
}

describe('visitor data retention', () => {
  it('V-7 personal data is kept at day 179 and redacted by the daily job at day 181, in the rows and their audit images', async () => {
    const { visitIds, callbackId } = await setUp();
    for (const value of PERSONAL) expect(storedText()).toContain(value);

    desk.clock.set(DEADLINE_START + 179 * DAY);
    desk.core.runDueJobs();
    for (const value of PERSONAL) expect(storedText()).toContain(value);
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits WHERE redacted_at IS NOT NULL').get()).toEqual({ n: 0 });

    desk.clock.set(DEADLINE_START + 181 * DAY);
    desk.core.runDueJobs();
    const text = storedText();
    for (const value of PERSONAL) expect(text, value).not.toContain(value);

    // Counts survive: the visits are still there with tenant, purpose, party size and times.
    const visits = desk.core.db.prepare('SELECT id, status, purpose, party_size, visitor_name, mobile, redacted_at FROM visits ORDER BY registered_at, id').all();
    expect(visits).toEqual([
      { id: visitIds[0], status: 'out', purpose: '商务拜访', party_size: 2, visitor_name: '', mobile: null, redacted_at: DEADLINE_START + 181 * DAY },
      { id: visitIds[1], status: 'declined', purpose: '面试', party_size: 1, visitor_name: '', mobile: null, redacted_at: DEADLINE_START + 181 * DAY },
    ]);
    expect(visitorCounts(desk.core.db, DEADLINE_START - DAY, DEADLINE_START + DAY)).toEqual({ visits: 1, people: 2, byPurpose: { 商务拜访: 1 } });
    expect(desk.core.db.prepare('SELECT outcome, caller_phone FROM callbacks WHERE id = ?').get(callbackId)).toEqual({ outcome: 'relayed', caller_phone: '' });

    // The run is audited (how many, never whose), each redaction names what it blanked, and the chain still verifies.
    const run = auditEntries(desk.core.db).filter((e) => e.method === 'visitors.retention' && e.op === 'event');
    expect(run).toHaveLength(1);
    expect(run[0]!.payload).toMatchObject({ retentionRun: true, retentionDays: 180, visits: 2, callbacks: 1 });
    expect(run[0]!.actor_kind).toBe('system');
    // One redaction entry per record: what it set, and which earlier images it blanked (with their digests since).
    const redactions = auditEntries(desk.core.db).filter((e) => e.method === 'audit.redact');
    expect(redactions.map((r) => r.op)).toEqual(['redact', 'redact', 'redact']);
    const visitRedaction = redactions.find((r) => r.entity_id === visitIds[0])!.payload as { set: Record<string, unknown>; seqs: number[]; digests: string[] };
    expect(visitRedaction.set).toMatchObject({ visitor_name: '', mobile: null, redacted_at: DEADLINE_START + 181 * DAY });
    expect(visitRedaction.seqs.length).toBeGreaterThan(0);
    expect(visitRedaction.digests).toHaveLength(visitRedaction.seqs.length);
    // Redacted, and still evidence: every link verifies and every row equals what its trail says.
    expect(verifyDesk(desk)).toMatchObject({ ok: true, problems: [] });

    // Idempotent: running again changes nothing.
    const entries = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    desk.core.runDueJobs();
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(entries);
  });

  it('V-7 the retention period is a setting; an open callback is kept until it is closed', async () => {
    await setUp();
    const admin = await desk.person('admin', '新管理员');
    await desk.core.invoke(as(admin.token), 'visitors.updateSettings', {
      purposes: [{ zh: '商务拜访', en: 'Business' }],
      overstayMinutes: 0,
      storeFullIdNumber: false,
      kioskIdNumber: 'off',
      retentionDays: 30,
    });
    const dir = await desk.core.invoke(as(admin.token), 'directory.search', { q: 'hxkj' });
    const open = await desk.core.invoke(as(admin.token), 'callbacks.create', { tenantId: dir.tenants[0]!.id, callerName: '赵六', callerPhone: '13600000000' });
    desk.clock.set(DEADLINE_START + 29 * DAY);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits WHERE redacted_at IS NOT NULL').get()).toEqual({ n: 0 });
    desk.clock.set(DEADLINE_START + 31 * DAY);
    desk.core.runDueJobs();
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM visits WHERE redacted_at IS NOT NULL').get()).toEqual({ n: 2 });
    expect(desk.core.db.prepare('SELECT caller_phone FROM callbacks WHERE id = ?').get(open.id)).toEqual({ caller_phone: '13600000000' });
  });
});
