import { afterEach, describe, expect, it } from 'vitest';
import { phoneDesk, failure, type PhoneDesk } from './desk';
import { linkCallToCallback, linkCallToRecord } from '../../../main/core/calls';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

async function answeredCall(p: PhoneDesk, afterMs = 3_000) {
  await p.call('calls.ring', {});
  p.desk.clock.advance(afterMs);
  return p.call('calls.answer', {});
}

describe('call script, record and confidentiality guard', () => {
  it('P-2 script steps are ticked one by one, kept in the script’s order, and can be unticked', async () => {
    phone = await phoneDesk();
    const { call } = phone;
    const answered = await answeredCall(phone);
    expect(answered.scriptSteps).toEqual([]);
    await call('calls.tickStep', { id: answered.id, step: 'repeatBack', done: true });
    await call('calls.tickStep', { id: answered.id, step: 'greet', done: true });
    await call('calls.tickStep', { id: answered.id, step: 'listen', done: true });
    const unticked = await call('calls.tickStep', { id: answered.id, step: 'listen', done: false });
    expect(unticked.scriptSteps).toEqual(['greet', 'repeatBack']);
    const ringing = await call('calls.ring', {});
    expect((await failure(call('calls.tickStep', { id: ringing.id, step: 'greet', done: true }))).code).toBe('conflict');
    const bad = await failure(call('calls.tickStep', { id: answered.id, step: 'smile' as never, done: true }));
    expect(bad.code).toBe('validation_failed');
    expect((await call('calls.get', { id: answered.id })).scriptSteps).toEqual(['greet', 'repeatBack']);
  });

  it('P-3 saving the record completes the call with caller, number, unit, topic, note, outcome and the script', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const answered = await answeredCall(phone);
    desk.clock.advance(90_000);
    const saved = await call('calls.save', {
      id: answered.id,
      callerName: ' 张先生 ',
      callerNumber: '１３８ ００１３ ８０００',
      unit: 'A座1203',
      topic: '空调不制冷',
      note: '复述确认：A座1203空调不制冷，\n下午两点后在家。',
      outcome: 'followUp',
      scriptSteps: ['callerHungUp', 'greet', 'listen', 'repeatBack', 'note', 'farewell'],
    });
    expect(saved).toMatchObject({
      status: 'completed',
      callerName: '张先生',
      callerNumber: '13800138000',
      unit: 'A座1203',
      outcome: 'followUp',
      scriptSteps: ['greet', 'listen', 'repeatBack', 'note', 'farewell', 'callerHungUp'],
      endedAt: desk.clock.now(),
      endReason: 'saved',
      savedBy: { id: phone.lee.id, name: '李前台' },
      answerLatencyMs: 3_000,
      recordId: null,
      callbackId: null,
    });
    expect((await call('calls.active', {})).inProgress).toEqual([]);
  });

  it('P-3 bad input is refused with localized messages per field and changes nothing', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const answered = await answeredCall(phone);
    const refused = await failure(call('calls.save', { id: answered.id, callerNumber: '12', topic: '  ', outcome: 'maybe' as never }));
    expect(refused.code).toBe('validation_failed');
    const issues = desk.core.errorResponse(refused, 'zh-CN').body.error.issues!;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['callerNumber', '请输入有效的电话号码。'],
        ['topic', '此项必填。'],
        ['outcome', '请选择处理结果。'],
      ]),
    );
    expect(await call('calls.get', { id: answered.id })).toMatchObject({ status: 'answered', topic: '', outcome: null, savedAt: null });
    const ringing = await call('calls.ring', {});
    const stillRinging = await failure(call('calls.save', { id: ringing.id, topic: 'x', outcome: 'other' }));
    expect(desk.core.errorResponse(stillRinging, 'en').body.error.message).toBe('The call is still ringing: answer it or mark it missed first.');
  });

  it('P-3 a saved record is corrected by who saved it or a supervisor, not by another receptionist', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const answered = await answeredCall(phone);
    await call('calls.save', { id: answered.id, topic: '咨询', outcome: 'resolved' });
    const wang = await desk.person('receptionist', '王前台');
    const refused = await failure(call('calls.save', { id: answered.id, topic: '投诉', outcome: 'followUp' }, wang.token));
    expect(refused.code).toBe('forbidden');
    expect((await failure(call('calls.tickStep', { id: answered.id, step: 'greet', done: true }, wang.token))).code).toBe('forbidden');
    const supervisor = await desk.person('supervisor', '陈主管');
    const corrected = await call('calls.save', { id: answered.id, topic: '投诉', outcome: 'followUp' }, supervisor.token);
    expect(corrected).toMatchObject({ status: 'completed', topic: '投诉', savedBy: { name: '陈主管' }, answeredBy: { name: '李前台' } });
    expect(await call('calls.save', { id: answered.id, topic: '投诉：噪音', outcome: 'followUp' })).toMatchObject({ topic: '投诉：噪音' });
  });

  it('P-3 a missed call’s details can be filled in (for the callback); it stays missed and keeps no script', async () => {
    phone = await phoneDesk();
    const { call } = phone;
    await call('calls.ring', {});
    const missed = await call('calls.giveUp', {});
    const filled = await call('calls.save', { id: missed.id, callerNumber: '021-62345678', topic: '未接来电', outcome: 'followUp', scriptSteps: ['greet'] });
    expect(filled).toMatchObject({ status: 'missed', callerNumber: '021-62345678', scriptSteps: [], endReason: 'gaveUp' });
  });

  it('P-4 the confidentiality guard is recorded on the call (the rule applied), once', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const answered = await answeredCall(phone);
    expect((await call('calls.guard', { id: answered.id })).confidentialityAsked).toBe(true);
    await call('calls.guard', { id: answered.id });
    const audits = desk.core.db.prepare("SELECT COUNT(*) AS n FROM audit_trail WHERE method = 'calls.guard'").get() as { n: number };
    expect(audits.n).toBe(1);
    const ringing = await call('calls.ring', {});
    expect((await failure(call('calls.guard', { id: ringing.id }))).code).toBe('conflict');
  });

  it('P-3 the call log: by day in the building’s time zone, by status, by any part of a name or number, page by page', async () => {
    phone = await phoneDesk('2026-11-27T23:58:00+08:00');
    const { desk, call } = phone;
    const late = await answeredCall(phone, 1_000);
    await call('calls.save', { id: late.id, callerName: '欧阳娜娜', callerNumber: '13800138000', topic: '咨询停车', outcome: 'resolved' });
    desk.clock.set('2026-11-28T00:05:00+08:00');
    const early = await answeredCall(phone, 1_000);
    await call('calls.save', { id: early.id, callerName: '张三', unit: 'B座 808', topic: '报修：漏水', outcome: 'forwarded' });
    await call('calls.ring', {});
    await call('calls.giveUp', {});

    expect((await call('calls.list', { day: '2026-11-27' })).calls.map((c) => c.id)).toEqual([late.id]);
    expect((await call('calls.list', { day: '2026-11-28' })).calls).toHaveLength(2);
    expect((await call('calls.list', { status: 'missed' })).calls).toHaveLength(1);
    expect((await call('calls.list', { search: '0013' })).calls.map((c) => c.id)).toEqual([late.id]);
    expect((await call('calls.list', { search: '张三' })).calls.map((c) => c.id)).toEqual([early.id]);
    expect((await call('calls.list', { search: '漏水' })).calls.map((c) => c.id)).toEqual([early.id]);
    expect((await call('calls.list', { search: '１３８００' })).calls.map((c) => c.id)).toEqual([late.id]);
    expect((await call('calls.list', { search: '50%_' })).calls).toEqual([]);
    const page1 = await call('calls.list', { limit: 2 });
    expect(page1.more).toBe(true);
    const page2 = await call('calls.list', { limit: 2, before: page1.calls[1]!.ringStartedAt });
    expect(page2).toMatchObject({ more: false, calls: [{ id: late.id }] });
    expect((await failure(call('calls.list', { day: '2026-02-30' }))).code).toBe('validation_failed');
  });

  it('P-3 links to a callback or a reception-record item are made once, audited and announced', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const answered = await answeredCall(phone);
    await call('calls.save', { id: answered.id, topic: '投诉噪音', outcome: 'followUp' });
    const events: unknown[] = [];
    desk.core.onEvent((e) => events.push(e.payload));
    const recordId = '01JD0000000000000000000001';
    desk.core.runAsSystem('records.fromCall', (ctx) => linkCallToRecord(ctx, answered.id, recordId));
    desk.core.runAsSystem('callbacks.fromCall', (ctx) => linkCallToCallback(ctx, answered.id, '01JD0000000000000000000002'));
    // The same link again is harmless; another one is refused.
    desk.core.runAsSystem('records.fromCall', (ctx) => linkCallToRecord(ctx, answered.id, recordId));
    expect(() => desk.core.runAsSystem('records.fromCall', (ctx) => linkCallToRecord(ctx, answered.id, '01JD0000000000000000000003'))).toThrow(/alreadyLinked/);
    expect(await call('calls.get', { id: answered.id })).toMatchObject({ recordId, callbackId: '01JD0000000000000000000002' });
    expect(events).toEqual([
      { id: answered.id, status: 'completed', line: 1 },
      { id: answered.id, status: 'completed', line: 1 },
    ]);
  });
});
