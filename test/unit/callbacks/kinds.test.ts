// Callbacks of two kinds through the real core (V-3, P-1): a message for a tenant and a call back the desk owes a
// caller. A call becomes one or the other; each closes only with its own outcomes; the handover and the work
// diary list a call back that has no tenant.
import { afterEach, describe, expect, it } from 'vitest';
import { as } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { startShift } from '../../support/shift';
import { failure, phoneDesk, type PhoneDesk } from '../calls/desk';
import { ValidationError } from '../../../main/core/errors';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

const MINUTE = 60_000;

async function answered(p: PhoneDesk, callerNumber: string) {
  await p.call('calls.ring', { source: 'api', callerNumber });
  p.desk.clock.advance(4_000);
  return p.call('calls.answer', {});
}

const rows = (p: PhoneDesk) => p.desk.core.db.prepare('SELECT id, kind, tenant_id, status, outcome FROM callbacks ORDER BY id').all();

describe('callbacks of two kinds', () => {
  it('P-1 P-4 V-3 a call becomes a message when the receptionist picks a tenant, else a call back; a message without a tenant is refused', async () => {
    phone = await phoneDesk();
    const { call } = phone;
    const dir = await seedDirectory(phone.desk);
    const base = { callerName: '周女士', callerPhone: '13611112222', message: '请回电' };

    const first = await answered(phone, '13611112222');
    const refused = await failure(call('calls.toCallback', { callId: first.id, draft: { ...base, kind: 'message' } }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldIssues[0]).toMatchObject({ path: ['tenantId'], message: 'callbacks:error.tenantRequired' });
    expect(phone.desk.core.errorResponse(refused, 'zh-CN').body.error.issues?.[0]?.message).toBe('留言须注明给哪个租户。');
    expect(phone.desk.core.errorResponse(refused, 'en').body.error.issues?.[0]?.message).toBe('A message must say which tenant it is for.');
    expect(rows(phone)).toEqual([]);
    expect((await call('calls.get', { id: first.id })).callbackId).toBeNull();

    const { callback: callBack } = await call('calls.toCallback', { callId: first.id, draft: base });
    expect(callBack).toMatchObject({ kind: 'callBack', tenant: null, callerName: '周女士', callerPhone: '13611112222', source: 'phone', callId: first.id });

    const second = await answered(phone, '13611113333');
    const { callback: message } = await call('calls.toCallback', { callId: second.id, draft: { ...base, tenantId: dir.huaxin.id } });
    expect(message).toMatchObject({ kind: 'message', tenant: { id: dir.huaxin.id, displayName: '华信科技' } });

    // A call back may name the tenant explicitly (the caller is one of theirs).
    const third = await answered(phone, '13611114444');
    const { callback: forTenant } = await call('calls.toCallback', { callId: third.id, draft: { ...base, tenantId: dir.lawyers.id, kind: 'callBack' } });
    expect(forTenant).toMatchObject({ kind: 'callBack', tenant: { id: dir.lawyers.id } });

    // The desk's own form takes messages only.
    expect(await call('callbacks.create', { ...base, tenantId: dir.huaxin.id })).toMatchObject({ kind: 'message' });
  });

  it('P-1 V-3 a wrong outcome for the kind is refused with a localized message and changes nothing', async () => {
    phone = await phoneDesk();
    const { call, desk } = phone;
    const dir = await seedDirectory(desk);
    await call('calls.ring', {});
    desk.clock.advance(20_000);
    const missed = await call('calls.giveUp', { callerNumber: '13999999999' });
    const message = await call('callbacks.create', { tenantId: dir.huaxin.id, callerName: '刘先生', callerPhone: '13711112222' });
    const before = rows(phone);
    const auditBefore = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

    for (const [id, outcome] of [
      [missed.callbackId!, 'relayed'],
      [missed.callbackId!, 'tenantWillCall'],
      [missed.callbackId!, 'tenantDeclined'],
      [message.id, 'calledBack'],
    ] as const) {
      const error = await failure(call('callbacks.recordOutcome', { id, outcome }));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldIssues[0]).toMatchObject({ path: ['outcome'], message: 'callbacks:error.outcomeForKind' });
      expect(desk.core.errorResponse(error, 'zh-CN').body.error.issues?.[0]?.message).toBe('该结果不适用于此类事项，请重新选择。');
      expect(desk.core.errorResponse(error, 'en').body.error.issues?.[0]?.message).toMatch(/^That outcome does not apply/);
    }
    expect(rows(phone)).toEqual(before);
    expect((desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);

    expect(await call('callbacks.recordOutcome', { id: missed.callbackId!, outcome: 'calledBack' })).toMatchObject({ kind: 'callBack', status: 'closed', outcome: 'calledBack' });
    expect(await call('callbacks.recordOutcome', { id: message.id, outcome: 'unreachable' })).toMatchObject({ kind: 'message', status: 'closed', outcome: 'unreachable' });
  });

  it('S-1 S-2 P-1 the handover and the work diary list a call back without a tenant as an unknown caller, with no number', async () => {
    phone = await phoneDesk();
    const { call, desk } = phone;
    const dir = await seedDirectory(desk);
    await startShift(desk, phone.lee.token);
    await call('calls.ring', {});
    desk.clock.advance(20_000);
    const unknown = await call('calls.giveUp', { callerNumber: '13999999999' });
    await call('calls.ring', {});
    desk.clock.advance(20_000);
    const known = await call('calls.giveUp', { callerNumber: '13800138000' });
    desk.clock.advance(31 * MINUTE);

    const handover = await desk.core.invoke(as(phone.lee.token), 'handover.prepare', {});
    const lines = handover.lines.filter((l) => l.section === 'callbacks');
    expect(lines.map((l) => [l.key, l.kind, l.attention])).toEqual([
      [`callback:${unknown.callbackId}`, 'callbacks:handover.callBack.overdue', true],
      [`callback:${known.callbackId}`, 'callbacks:handover.callBack.overdueFor', true],
    ]);
    expect(lines[0]!.params).toMatchObject({ caller: '未知来电人', callerEn: 'Unknown caller', tenant: '', where: '' });
    expect(lines[1]!.params).toMatchObject({ caller: '王**', tenant: dir.huaxin.displayName, where: '12F 1201' });
    expect(JSON.stringify(lines)).not.toMatch(/13999999999|13800138000/);

    await call('callbacks.recordOutcome', { id: unknown.callbackId!, outcome: 'calledBack' });
    const diary = (await desk.core.invoke(as(phone.lee.token), 'shifts.diary', {}))!;
    const section = diary.sections.find((s) => s.key === 'callbacks')!;
    expect(section.entries.map((e) => [e.kind, e.params])).toEqual([
      ['callbacks:diary.entryTakenCallBack', { caller: '未知来电人', callerEn: 'Unknown caller', tenant: '', source: 'phone' }],
      ['callbacks:diary.entryTakenCallBackFor', { caller: '王**', tenant: '华信科技', source: 'phone' }],
      ['callbacks:diary.entryClosedCallBack', { caller: '未知来电人', callerEn: 'Unknown caller', tenant: '', outcome: 'calledBack', by: '李前台' }],
    ]);
    expect(JSON.stringify(section)).not.toMatch(/13999999999|13800138000/);
  });
});
