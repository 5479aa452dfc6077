// The phone desk's links to the reception record and to callbacks, through the real core: a call becomes an item
// or a callback in one step, linked both ways; refusals change nothing; a missed call with a caller number opens
// a call back by itself (giveUp and the timeout job, on a fake clock), naming the tenant when the directory knows it.
import { afterEach, describe, expect, it } from 'vitest';
import { as } from '../../support/core';
import { seedDirectory, type SeededDirectory } from '../../support/visitors';
import { startShift } from '../../support/shift';
import { phoneDesk, failure, type PhoneDesk } from './desk';
import type { OutgoingEvent } from '../../../main/core/context';
import type { CallRecordDraft } from '../../../shared/contract/calls';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

const MINUTE = 60_000;

async function answered(p: PhoneDesk, input: { callerNumber?: string } = {}, afterMs = 4_000) {
  await p.call('calls.ring', { source: 'api', callerNumber: input.callerNumber ?? null });
  p.desk.clock.advance(afterMs);
  return p.call('calls.answer', {});
}

async function savedCall(p: PhoneDesk, dir: SeededDirectory) {
  const call = await answered(p, { callerNumber: '13611112222' });
  p.desk.clock.advance(2 * MINUTE);
  return p.call('calls.save', {
    id: call.id,
    callerName: '周女士',
    unit: '12F 1201',
    tenantId: dir.huaxin.id,
    topic: '投诉噪音',
    note: '楼上装修噪音，中午休息时间也在施工。',
    outcome: 'forwarded',
  });
}

function draft(dir: SeededDirectory, overrides: Partial<CallRecordDraft> = {}): CallRecordDraft {
  return {
    type: 'complaint',
    ownerName: '周女士',
    ownerPhone: '13611112222',
    unit: '12F 1201',
    tenantId: dir.huaxin.id,
    matter: '投诉噪音：楼上装修噪音，中午休息时间也在施工。',
    ...overrides,
  };
}

function count(p: PhoneDesk, table: string): number {
  return (p.desk.core.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('a call becomes a reception-record item', () => {
  it('P-3 R-1 a saved call becomes an item in one step: channel phone, received when answered, the tenant kept, linked both ways', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    const saved = await savedCall(phone, dir);
    expect(saved).toMatchObject({ tenantId: dir.huaxin.id, tenantName: '华信科技', recordId: null, recordNumber: null });
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));

    const { call: linked, record } = await call('calls.toRecord', { callId: saved.id, draft: draft(dir) });
    expect(record).toMatchObject({
      channel: 'phone',
      type: 'complaint',
      ownerName: '周女士',
      ownerPhone: '13611112222',
      unit: '12F 1201',
      tenantId: dir.huaxin.id,
      receivedAt: saved.answeredAt,
      callId: saved.id,
      call: { id: saved.id, callerName: '周女士', callerNumber: '13611112222', topic: '投诉噪音', answeredByName: '李前台' },
      createdByName: '李前台',
      status: 'open',
    });
    // A complaint's 24 hours count from the call, not from when it was typed up.
    expect(record.answerBy).toBe(saved.answeredAt! + 24 * 60 * MINUTE);
    expect(linked).toMatchObject({ id: saved.id, recordId: record.id, recordNumber: record.number });

    // Both ways, as each side reads it later.
    expect((await call('calls.get', { id: saved.id })).recordNumber).toBe(record.number);
    expect((await call('records.get', { id: record.id })).call?.id).toBe(saved.id);
    expect(events.map((e) => e.name)).toEqual(expect.arrayContaining(['records.changed', 'calls.changed']));
    const audited = desk.core.db
      .prepare("SELECT entity FROM audit_trail WHERE method = 'calls.toRecord' ORDER BY seq")
      .all()
      .map((r) => (r as { entity: string }).entity);
    expect(audited).toEqual(expect.arrayContaining(['record_items', 'calls']));
  });

  it('P-3 a call in conversation is saved with its item in one transaction; an item refused leaves the call unsaved and unlinked', async () => {
    phone = await phoneDesk();
    const { call } = phone;
    const dir = await seedDirectory(phone.desk);
    const talking = await answered(phone, { callerNumber: '13611112222' });
    const record = { callerName: '周女士', unit: '12F 1201', tenantId: dir.huaxin.id, topic: '咨询停车', note: '', outcome: 'forwarded' as const };
    const itemsBefore = count(phone, 'record_items');

    // The item is refused by the core after the call's record was written (its tenant is not in the directory): the
    // transaction rolls back, so the call's record is not saved either.
    const refused = await failure(call('calls.toRecord', { callId: talking.id, draft: draft(dir, { department: '不存在的部门' }), save: record }));
    expect(refused.code).toBe('validation_failed');
    expect(await call('calls.get', { id: talking.id })).toMatchObject({ status: 'answered', savedAt: null, recordId: null, topic: '' });
    expect(count(phone, 'record_items')).toBe(itemsBefore);

    // Saved together: the call is completed with what was typed and linked to the new item.
    const { call: linked, record: item } = await call('calls.toRecord', { callId: talking.id, draft: draft(dir), save: record });
    expect(linked).toMatchObject({ status: 'completed', topic: '咨询停车', tenantId: dir.huaxin.id, recordId: item.id });
    expect(count(phone, 'record_items')).toBe(itemsBefore + 1);
    // Once linked, a second conversion with a record is refused before anything is saved again.
    expect((await failure(call('calls.toRecord', { callId: talking.id, draft: draft(dir), save: record }))).code).toBe('conflict');
  });

  it('P-3 R-1 refused, changing nothing: an unsaved call, a call already linked, a role outside the record desk, an invalid draft', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);

    // In conversation, not saved yet.
    const talking = await answered(phone);
    const unsaved = await failure(call('calls.toRecord', { callId: talking.id, draft: draft(dir) }));
    expect(unsaved).toMatchObject({ code: 'conflict', messageKey: 'calls:error.notSaved' });
    // Missed and never written up.
    await call('calls.ring', {});
    const missed = await call('calls.giveUp', {});
    expect((await failure(call('calls.toRecord', { callId: missed.id, draft: draft(dir) }))).code).toBe('conflict');

    const saved = await savedCall(phone, dir);
    // Roles: a guard covers the phone but does not work the record; an administrator neither.
    const guard = await desk.person('security', '王保安');
    expect((await failure(call('calls.toRecord', { callId: saved.id, draft: draft(dir) }, guard.token))).code).toBe('forbidden');
    expect((await failure(call('calls.toRecord', { callId: saved.id, draft: draft(dir) }, desk.admin.token))).code).toBe('forbidden');

    // Invalid drafts: no matter, a department not in the list, a tenant not in the directory, an unknown field.
    const bad = [
      draft(dir, { matter: '' }),
      draft(dir, { department: '不存在的部门' }),
      draft(dir, { tenantId: '01J00000000000000000000000' }),
      { ...draft(dir), channel: 'walk_in' } as CallRecordDraft,
    ];
    for (const d of bad) expect((await failure(call('calls.toRecord', { callId: saved.id, draft: d }))).code).toBe('validation_failed');
    expect((await failure(call('calls.toRecord', { callId: '01J00000000000000000000000', draft: draft(dir) }))).code).toBe('not_found');
    expect(count(phone, 'record_items')).toBe(0);
    expect((await call('calls.get', { id: saved.id })).recordId).toBeNull();

    // Once linked, never again.
    const { record } = await call('calls.toRecord', { callId: saved.id, draft: draft(dir) });
    const again = await failure(call('calls.toRecord', { callId: saved.id, draft: draft(dir, { type: 'repair' }) }));
    expect(again).toMatchObject({ code: 'conflict', messageKey: 'calls:error.alreadyLinked' });
    expect(count(phone, 'record_items')).toBe(1);
    expect((await call('calls.get', { id: saved.id })).recordId).toBe(record.id);
  });

  it('P-3 the tenant on a call must be in the directory; omitted it is kept, null clears it', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    const saved = await savedCall(phone, dir);
    const unknown = await failure(call('calls.save', { id: saved.id, topic: '投诉噪音', outcome: 'forwarded', tenantId: '01J00000000000000000000000' }));
    expect(unknown).toMatchObject({ code: 'validation_failed' });
    expect((await call('calls.get', { id: saved.id })).tenantId).toBe(dir.huaxin.id);
    expect((await call('calls.save', { id: saved.id, topic: '投诉噪音', outcome: 'forwarded' })).tenantId).toBe(dir.huaxin.id);
    expect((await call('calls.save', { id: saved.id, topic: '投诉噪音', outcome: 'forwarded', tenantId: null })).tenantName).toBeNull();
  });
});

describe('a call becomes a callback', () => {
  it('P-4 V-3 the guard’s take-a-message during the call opens a callback for the tenant, linked both ways', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    const talking = await answered(phone, { callerNumber: '021-6234 5678' });
    await call('calls.guard', { id: talking.id });
    const { call: linked, callback } = await call('calls.toCallback', {
      callId: talking.id,
      draft: { tenantId: dir.lawyers.id, callerName: '周女士', callerPhone: '021-6234 5678', message: '合同续签事宜，请陈律师回电。' },
    });
    expect(callback).toMatchObject({
      kind: 'message',
      source: 'phone',
      callId: talking.id,
      tenant: { id: dir.lawyers.id, displayName: '明达律师事务所' },
      callerPhone: '021-62345678',
      owner: { id: phone.lee.id },
      dueAt: desk.clock.now() + 30 * MINUTE,
      status: 'open',
    });
    expect(linked).toMatchObject({ status: 'answered', callbackId: callback.id, confidentialityAsked: true });
    const lobby = await call('callbacks.list', {});
    expect(lobby.callbacks.map((c) => c.id)).toEqual([callback.id]);
    // The call goes on: the script and the record are saved afterwards, the link stays.
    const done = await call('calls.save', { id: talking.id, topic: '代客户留言', outcome: 'messageTaken' });
    expect(done).toMatchObject({ status: 'completed', callbackId: callback.id });
  });

  it('P-4 V-3 refused, changing nothing: a ringing or unsaved missed call, a second callback, a guard, an unknown tenant, a bad number', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    const message = { tenantId: dir.huaxin.id, callerName: '刘先生', callerPhone: '13711112222', message: '请王经理回电' };

    const ringing = await call('calls.ring', {});
    expect((await failure(call('calls.toCallback', { callId: ringing.id, draft: message }))).messageKey).toBe('calls:error.notSaved');
    const missed = await call('calls.giveUp', { id: ringing.id });
    expect((await failure(call('calls.toCallback', { callId: missed.id, draft: message }))).messageKey).toBe('calls:error.notSaved');

    const talking = await answered(phone);
    const guard = await desk.person('security', '王保安');
    expect((await failure(call('calls.toCallback', { callId: talking.id, draft: message }, guard.token))).code).toBe('forbidden');
    expect((await failure(call('calls.toCallback', { callId: talking.id, draft: { ...message, tenantId: '01J00000000000000000000000' } }))).code).toBe('not_found');
    expect((await failure(call('calls.toCallback', { callId: talking.id, draft: { ...message, callerPhone: '12' } }))).code).toBe('validation_failed');
    expect((await failure(call('calls.toCallback', { callId: talking.id, draft: { ...message, source: 'desk' } as never }))).code).toBe('validation_failed');
    expect(count(phone, 'callbacks')).toBe(0);
    expect((await call('calls.get', { id: talking.id })).callbackId).toBeNull();

    // A saved call may (the drawer's callback button); once.
    const saved = await call('calls.save', { id: talking.id, topic: '找人', outcome: 'followUp' });
    const { callback } = await call('calls.toCallback', { callId: saved.id, draft: message });
    expect((await failure(call('calls.toCallback', { callId: saved.id, draft: message }))).messageKey).toBe('calls:error.alreadyLinked');
    expect(count(phone, 'callbacks')).toBe(1);
    expect((await call('calls.get', { id: saved.id })).callbackId).toBe(callback.id);
    // An administrator takes messages too (the desk roles).
    const another = await answered(phone);
    await call('calls.toCallback', { callId: another.id, draft: message }, desk.admin.token);
    expect(count(phone, 'callbacks')).toBe(2);
  });
});

describe('a missed call with a known number opens a call back', () => {
  it('P-1 V-3 the caller gave up: a number in the directory gets a call back naming that tenant and contact, due per the callbacks setting, linked', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    await desk.core.invoke(as(desk.admin.token), 'callbacks.updateSettings', { dueMinutes: 20 });
    await call('calls.ring', {});
    desk.clock.advance(20_000);
    // 王经理's mobile, dialled with the country code.
    const missed = await call('calls.giveUp', { callerNumber: '+86 138 0013 8000' });
    expect(missed).toMatchObject({ status: 'missed', endReason: 'gaveUp', tenantId: dir.huaxin.id, tenantName: '华信科技' });
    expect(missed.callbackId).not.toBeNull();
    const [callback] = (await call('callbacks.list', {})).callbacks;
    expect(callback).toMatchObject({
      id: missed.callbackId,
      kind: 'callBack',
      source: 'phone',
      callId: missed.id,
      tenant: { id: dir.huaxin.id },
      callerName: '王经理',
      callerPhone: '+8613800138000',
      owner: { id: phone.lee.id, name: '李前台' },
      createdByName: '李前台',
      dueAt: desk.clock.now() + 20 * MINUTE,
    });
    expect(callback!.message).toMatch(/来电未接，请回电。$/);
  });

  it('P-1 V-3 the timeout job on a fake clock: a switchboard number finds its company; the owner is who marked the ring, else who is on duty', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);
    // 李秘书 is on 021-62345678 ext. 806; caller ID shows the switchboard.
    await call('calls.ring', { source: 'api', callerNumber: '02162345678' });
    desk.clock.advance(59_999);
    desk.core.runDueJobs();
    expect((await call('callbacks.list', {})).callbacks).toEqual([]);
    desk.clock.advance(1);
    desk.core.runDueJobs();
    const [first] = (await call('calls.list', {})).calls;
    expect(first).toMatchObject({ status: 'missed', endReason: 'timeout', tenantId: dir.huaxin.id });
    const callbacks = (await call('callbacks.list', {})).callbacks;
    expect(callbacks).toEqual([expect.objectContaining({ id: first!.callbackId, kind: 'callBack', callerName: '李秘书', owner: expect.objectContaining({ id: phone.lee.id }) })]);

    // A ring a guard marked at night: a guard does not own callbacks, so whoever is on duty does.
    const guard = await desk.person('security', '王保安');
    const ming = await desk.person('receptionist', '明前台');
    await startShift(desk, ming.token);
    await call('calls.ring', { callerNumber: '13700001111' }, guard.token);
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    const night = (await call('callbacks.list', {})).callbacks.find((c) => c.tenant?.id === dir.household.id);
    expect(night).toMatchObject({ callerName: '张伟', owner: { id: ming.id, name: '明前台' }, createdByName: '明前台' });
  });

  it('P-1 a number the directory does not know gets a call back with no tenant and no name; the call keeps no tenant', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    await seedDirectory(desk);
    await call('calls.ring', {});
    desk.clock.advance(20_000);
    const gaveUp = await call('calls.giveUp', { callerNumber: '139 9999 9999' });
    expect(gaveUp).toMatchObject({ status: 'missed', tenantId: null });
    // The auto-close of an unanswered ring does the same.
    await call('calls.ring', { source: 'api', callerNumber: '010-87654321' });
    desk.clock.advance(60_000);
    desk.core.runDueJobs();
    const timedOut = (await call('calls.list', {})).calls.find((c) => c.id !== gaveUp.id)!;
    expect(timedOut).toMatchObject({ status: 'missed', endReason: 'timeout', tenantId: null });
    const { callbacks } = await call('callbacks.list', {});
    expect(callbacks.map((c) => ({ id: c.id, kind: c.kind, tenant: c.tenant, callerName: c.callerName, callerPhone: c.callerPhone, callId: c.callId, owner: c.owner.id }))).toEqual([
      { id: gaveUp.callbackId, kind: 'callBack', tenant: null, callerName: '', callerPhone: '13999999999', callId: gaveUp.id, owner: phone.lee.id },
      { id: timedOut.callbackId, kind: 'callBack', tenant: null, callerName: '', callerPhone: '010-87654321', callId: timedOut.id, owner: phone.lee.id },
    ]);
    expect(callbacks[0]!.message).toMatch(/来电未接，请回电。$/);
  });

  it('P-1 no call back for a missed call without a number, or when nobody at the desk can own it', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    await seedDirectory(desk);
    await call('calls.ring', {});
    const none = await call('calls.giveUp', {});
    const guard = await desk.person('security', '王保安');
    await call('calls.ring', {}, guard.token);
    const nobody = await call('calls.giveUp', { callerNumber: '13800138000' }, guard.token);
    for (const missed of [none, nobody]) expect(missed).toMatchObject({ status: 'missed', callbackId: null });
    expect(count(phone, 'callbacks')).toBe(0);
  });
});
