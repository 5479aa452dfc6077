import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure, seedDirectory } from '../../support/visitors';
import type { OutgoingEvent } from '../../../main/core/context';
import { createCallback, openCallbacks } from '../../../main/core/callbacks';
import { CallbackDraft } from '../../../shared/contract/callbacks';

let desk: TestDesk;
afterEach(() => desk?.close());

const MINUTE = 60_000;

describe('callbacks / messages for tenants', () => {
  it('V-3 a message is due 30 minutes after it is taken by default; the lobby lists open ones by due time', async () => {
    desk = await createDesk();
    const { huaxin, lawyers } = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    const start = desk.clock.now();
    const first = await desk.core.invoke(as(lee.token), 'callbacks.create', {
      tenantId: huaxin.id,
      callerName: '刘先生',
      callerPhone: '13711112222',
      message: '想咨询租赁续约，请王经理回电',
    });
    expect(first).toMatchObject({ status: 'open', dueAt: start + 30 * MINUTE, overdue: false, owner: { name: '李前台' }, source: 'desk', tenant: { displayName: '华信科技' } });
    const urgent = await desk.core.invoke(as(lee.token), 'callbacks.create', {
      tenantId: lawyers.id,
      callerName: '陈女士',
      callerPhone: '0755-88889999',
      dueAt: start + 10 * MINUTE,
    });
    const list = await desk.core.invoke(as(lee.token), 'callbacks.list', {});
    expect(list.callbacks.map((c) => c.id)).toEqual([urgent.id, first.id]);

    // The due time is a setting.
    await desk.core.invoke(as(desk.admin.token), 'callbacks.updateSettings', { dueMinutes: 15 });
    const later = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: huaxin.id, callerName: '赵女士', callerPhone: '13700000000' });
    expect(later.dueAt).toBe(start + 15 * MINUTE);
  });

  it('V-3 the desk is alerted once when a callback falls due, and it shows as overdue', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const lee = await desk.person('receptionist');
    const events: OutgoingEvent[] = [];
    desk.core.onEvent((e) => events.push(e));
    const cb = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: huaxin.id, callerName: '刘先生', callerPhone: '13711112222' });
    desk.clock.advance(29 * MINUTE);
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'callbacks.due')).toEqual([]);
    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    desk.clock.advance(MINUTE);
    desk.core.runDueJobs();
    expect(events.filter((e) => e.name === 'callbacks.due').map((e) => e.payload)).toEqual([{ callbackId: cb.id }]);
    expect((await desk.core.invoke(as(lee.token), 'callbacks.list', {})).callbacks[0]!.overdue).toBe(true);
  });

  it('V-3 the owner or a lead records the outcome; others take it over first; a closed callback stays closed', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    const wang = await desk.person('receptionist', '王前台');
    const guard = await desk.person('security', '保安甲');
    const cb = await desk.core.invoke(as(lee.token), 'callbacks.create', { tenantId: huaxin.id, callerName: '刘先生', callerPhone: '13711112222' });
    expect((await failure(desk.core.invoke(as(wang.token), 'callbacks.recordOutcome', { id: cb.id, outcome: 'relayed' }))).messageKey).toBe(
      'callbacks:error.notOwner',
    );
    // A receptionist may take it over, but not give it to someone else; never to a guard.
    expect((await failure(desk.core.invoke(as(wang.token), 'callbacks.assign', { id: cb.id, ownerId: lee.id }))).code).toBe('forbidden');
    expect((await failure(desk.core.invoke(as(desk.admin.token), 'callbacks.assign', { id: cb.id, ownerId: guard.id }))).code).toBe('validation_failed');
    expect((await desk.core.invoke(as(wang.token), 'callbacks.assign', { id: cb.id, ownerId: wang.id })).owner.name).toBe('王前台');
    const other = await failure(desk.core.invoke(as(wang.token), 'callbacks.recordOutcome', { id: cb.id, outcome: 'other' }));
    expect(other.fieldIssues[0]).toMatchObject({ path: ['note'], message: 'callbacks:error.noteRequired' });
    const closed = await desk.core.invoke(as(wang.token), 'callbacks.recordOutcome', { id: cb.id, outcome: 'tenantWillCall', note: '王经理说下午回电' });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'tenantWillCall', closedByName: '王前台', overdue: false });
    expect((await failure(desk.core.invoke(as(desk.admin.token), 'callbacks.recordOutcome', { id: cb.id, outcome: 'relayed' }))).messageKey).toBe(
      'callbacks:error.closed',
    );
    expect((await desk.core.invoke(as(lee.token), 'callbacks.list', {})).callbacks).toEqual([]);
    expect((await desk.core.invoke(as(lee.token), 'callbacks.list', { status: 'closed' })).callbacks.map((c) => c.id)).toEqual([cb.id]);
    // Guards do not handle callbacks.
    expect((await failure(desk.core.invoke(as(guard.token), 'callbacks.list', {}))).code).toBe('forbidden');
  });

  it('V-3 another feature (the phone desk) creates callbacks through createCallback in its own transaction', async () => {
    desk = await createDesk();
    const { huaxin } = await seedDirectory(desk);
    const lee = await desk.person('receptionist', '李前台');
    const caller = desk.core.resolve(as(lee.token));
    const draft = CallbackDraft.parse({ tenantId: huaxin.id, callerName: '来电人', callerPhone: '010-12345678', message: '找王经理', source: 'phone' });
    const made = desk.core.runAsSystem('calls.takeMessage', (ctx) => createCallback({ ...ctx, caller }, { ...draft, kind: 'message', callId: 'CALL-1' }));
    expect(made).toMatchObject({ source: 'phone', callId: 'CALL-1', owner: { name: '李前台' } });
    expect(openCallbacks(desk.core.db, desk.clock.now()).map((c) => c.id)).toEqual([made.id]);
  });
});
