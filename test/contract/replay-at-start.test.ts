// What the timers catch up on at start (escalations due while the desk was off) is sent before the server listens
// or a window is open; a lobby connecting right after the restart still gets it, once (R-4, M-1).
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, openCore, type TestDesk } from '../support/core';
import { startTestServer, eventually, type TestServer } from '../support/http';
import type { Core } from '../../main/core/core';

let desk: TestDesk | undefined;
let core: Core | undefined;
let http: TestServer | undefined;
afterEach(async () => {
  await http?.close();
  core?.close();
  desk?.close();
});

const DAY = 86_400_000;

describe('events of the catch-up at start', () => {
  it('R-4 M-1 an escalation caught up at start reaches a lobby and the new owner that connect after it went out, each session once', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist', '李前台');
    const zhou = await desk.person('supervisor', '周主管');
    const guard = await desk.person('security', '赵保安');
    const item = await desk.core.invoke(as(lee.token), 'records.create', {
      channel: 'relayed',
      relayedBy: '夜班保安',
      receivedAt: desk.clock.now() - 2 * DAY + 60_000,
      type: 'repair',
      ownerName: '刘',
      matter: '灯坏了',
    } as never);
    desk.close();

    // The desk was off while the 48 h passed; it starts again and catches up before anything listens.
    desk.clock.advance(5 * 60_000);
    core = openCore(desk.dataDir, desk.clock);
    core.start();
    expect((core.db.prepare('SELECT level FROM record_items WHERE id = ?').get(item.id) as { level: string }).level).toBe('supervisor');
    http = await startTestServer(core);

    const lobby = await http.events({ sessionToken: lee.token });
    const owner = await http.events({ sessionToken: zhou.token });
    const night = await http.events({ sessionToken: guard.token });
    await eventually(() => {
      expect(lobby.received).toContainEqual({ name: 'records.notice', payload: expect.objectContaining({ kind: 'escalate_supervisor', itemId: item.id }) });
      expect(owner.received).toContainEqual({ name: 'records.assigned', payload: expect.objectContaining({ reason: 'escalated', itemId: item.id }) });
    });
    // Each as its audience and address allow: the guard sees no record notices, the lobby no owner's assignment.
    expect(night.received.filter((e) => e.name.startsWith('records.'))).toEqual([]);
    expect(lobby.received.filter((e) => e.name === 'records.assigned')).toEqual([]);

    // The same session reconnecting does not get it again.
    const again = await http.events({ sessionToken: lee.token });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(again.received.filter((e) => e.name === 'records.notice')).toEqual([]);
  });
});
