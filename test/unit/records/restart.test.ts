import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core';
import { FakeClock } from '../../../main/core/clock';
import { nextClockDue } from '../../../main/core/records/clock';
import type { OutgoingEvent } from '../../../main/core/context';
import { createDesk, as, LOCAL, quietLogger, tempDir } from '../../support/core';
import { startTestServer, type TestServer } from '../../support/http';
import { DAY } from './helpers';

const open: Array<{ close(): void | Promise<void> }> = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

describe('records timer across a restart', () => {
  it('R-4 after 10 days switched off, an item goes straight to the manager: both steps recorded with due and detected times, one notice each', async () => {
    const dataDir = tempDir();
    const clock = new FakeClock('2026-11-27T09:00:00+08:00');
    const desk = await createDesk({ clock, dataDir });
    const lee = await desk.person('receptionist', '李前台', '1357');
    const before: TestServer = await startTestServer(desk.core);
    const created = await before.call<{ id: string; number: string; receivedAt: number }>(
      'records.create',
      { channel: 'phone', type: 'repair', ownerName: '刘女士', ownerPhone: '13912345678', unit: '5-0802', matter: '阳台地漏堵塞', department: '工程部' },
      { token: lee.token },
    );
    expect(created.status).toBe(200);
    const received = created.body.receivedAt;
    await before.close();
    desk.close();

    // Started again ten days later (the clock is injected: the shipped app has no time switch).
    const later = new FakeClock(received + 10 * DAY);
    const notifications: Array<{ title: string; body: string }> = [];
    const core = Core.open({ dataDir, clock: later, version: '0.0.0-test', logger: quietLogger, host: { notify: (title, body) => notifications.push({ title, body }) } });
    open.push(core);
    const events: OutgoingEvent[] = [];
    core.onEvent((e) => events.push(e));
    core.start();
    core.runDueJobs();
    core.start();

    const steps = core.db
      .prepare("SELECT kind, due_at, detected_at FROM record_clock_events WHERE item_id = ? AND kind LIKE 'escalate_%' ORDER BY due_at")
      .all(created.body.id);
    expect(steps).toEqual([
      { kind: 'escalate_supervisor', due_at: received + 2 * DAY, detected_at: received + 10 * DAY },
      { kind: 'escalate_manager', due_at: received + 7 * DAY, detected_at: received + 10 * DAY },
    ]);
    // The warnings it slept through are not sent after the fact.
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM record_clock_events WHERE kind LIKE 'warn_%'").get()).toEqual({ n: 0 });
    const notices = events.filter((e) => e.name === 'records.notice').map((e) => e.payload as { kind: string; dueAt: number; detectedAt: number });
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'escalate_supervisor', dueAt: received + 2 * DAY, detectedAt: received + 10 * DAY }),
      expect.objectContaining({ kind: 'escalate_manager', dueAt: received + 7 * DAY, detectedAt: received + 10 * DAY }),
    ]);
    const owners = events.filter((e) => e.name === 'records.assigned');
    expect(owners.map((e) => e.target)).toEqual([{ roles: ['supervisor'] }, { roles: ['manager'] }]);
    expect(notifications).toHaveLength(2);
    expect(notifications[1]!.body).toContain(created.body.number);
    // Then it sleeps: nothing more is due for this item.
    expect(nextClockDue(core.db)).toBeNull();

    const after = await startTestServer(core);
    open.push(after);
    const manager = await (async () => {
      const admin = core.db.prepare("SELECT id FROM staff WHERE role = 'admin'").get() as { id: string };
      const session = await core.invoke(LOCAL, 'auth.signIn', { userId: admin.id, pin: desk.admin.pin });
      const made = await core.invoke(as(session.token), 'staff.create', { name: '王经理', role: 'manager', pin: '2468', department: null });
      return (await core.invoke(LOCAL, 'auth.signIn', { userId: made.id, pin: '2468' })).token;
    })();
    const detail = await after.call<{ level: string; escalations: unknown[] }>('records.get', { id: created.body.id }, { token: manager });
    expect(detail.body.level).toBe('manager');
    expect(detail.body.escalations).toEqual([
      { level: 'supervisor', dueAt: received + 2 * DAY, detectedAt: received + 10 * DAY },
      { level: 'manager', dueAt: received + 7 * DAY, detectedAt: received + 10 * DAY },
    ]);
  });
});
