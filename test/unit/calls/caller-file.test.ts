// The opened call's caller file (P-6, P-3): the directory's match for the number, that caller's last calls (numbers
// compared as digits, however they were typed or sent), the open reception-record items of the tenant or number,
// and open callbacks — each only for the roles that may see it.
import { afterEach, describe, expect, it } from 'vitest';
import { seedDirectory } from '../../support/visitors';
import { phoneDesk, type PhoneDesk } from './desk';

let phone: PhoneDesk;
afterEach(() => phone?.desk.close());

const MINUTE = 60_000;

describe('the caller’s file', () => {
  it('P-6 P-3 opening a call shows the caller’s company, their last calls (digits matched), the tenant’s open items and the open call back; another caller’s are not there', async () => {
    phone = await phoneDesk();
    const { desk, call } = phone;
    const dir = await seedDirectory(desk);

    // Earlier: a saved call from the contact's number as a person typed it, turned into an item for the tenant.
    await call('calls.ring', { source: 'api', callerNumber: '138-0013-8000' });
    desk.clock.advance(4_000);
    const first = await call('calls.answer', {});
    desk.clock.advance(2 * MINUTE);
    await call('calls.save', { id: first.id, callerName: '王经理', unit: '12F 1201', tenantId: dir.huaxin.id, topic: '空调报修', note: '会议室空调不制冷', outcome: 'forwarded' });
    const { record } = await call('calls.toRecord', {
      callId: first.id,
      draft: { type: 'repair', ownerName: '王经理', ownerPhone: '13800138000', unit: '12F 1201', tenantId: dir.huaxin.id, matter: '会议室空调不制冷' },
    });
    // Then a missed call from the same number as a phone system sends it, which opens a call back.
    desk.clock.advance(10 * MINUTE);
    await call('calls.ring', { source: 'api', callerNumber: '+8613800138000' });
    desk.clock.advance(20_000);
    const missed = await call('calls.giveUp', {});
    expect(missed.callbackId).not.toBeNull();
    // Someone else called, too.
    desk.clock.advance(MINUTE);
    await call('calls.ring', { source: 'api', callerNumber: '13611112222' });
    desk.clock.advance(3_000);
    const other = await call('calls.answer', {});
    await call('calls.save', { id: other.id, callerName: '周女士', topic: '咨询停车', outcome: 'resolved' });

    // Now the contact calls again.
    desk.clock.advance(MINUTE);
    await call('calls.ring', { source: 'api', callerNumber: '13800138000' });
    desk.clock.advance(3_000);
    const now = await call('calls.answer', {});
    const file = await call('calls.callerFile', { id: now.id });
    expect(file.caller).toMatchObject({ tenantId: dir.huaxin.id, tenantName: '华信科技', contactName: '王经理', floor: '12', room: '1201' });
    expect(file.calls.map((c) => [c.id, c.status])).toEqual([
      [missed.id, 'missed'],
      [first.id, 'completed'],
    ]);
    expect(file.calls[1]).toMatchObject({ topic: '空调报修', answeredBy: '李前台' });
    expect(file.itemsVisible).toBe(true);
    expect(file.openItems.map((i) => i.id)).toEqual([record.id]);
    expect(file.openCallbacks.map((c) => c.id)).toEqual([missed.callbackId]);

    // The guard covers the phone: the caller and the calls, not the record's items or the desk's callbacks.
    const guard = await desk.person('security', '王保安');
    const guardFile = await call('calls.callerFile', { id: now.id }, guard.token);
    expect(guardFile.caller?.tenantName).toBe('华信科技');
    expect(guardFile.calls).toHaveLength(2);
    expect(guardFile).toMatchObject({ itemsVisible: false, openItems: [], openCallbacks: [] });
  });
});
