// The wall clock set back five days (a PC's battery, a wrong NTP server, a receptionist fixing the date): the desk
// notices and records the jump, and no schedule waits the jump on top of its own length — the daily backup, a
// visitor's overstay, a callback's due time, a ringing phone giving up, the records ladder (X-2, V-4, V-3, P-1, R-4).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, LOCAL, openCore, type TestDesk } from '../../support/core';
import { seedDirectory } from '../../support/visitors';
import { dailyBackupInProgress, DAY_MS, nextDailyBackupAt } from '../../../main/core/backup';
import { listBackups } from '../../../main/core/store/backup-files';
import { nextClockDue } from '../../../main/core/records/clock';
import { recordsEnv } from '../../../main/core/records/settings';
import { CLOCK_WENT_BACK } from '../../../main/core/clock-jump';
import type { Credentials } from '../../../main/core/auth/callers';
import type { OutgoingEvent } from '../../../main/core/context';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

describe('the wall clock goes back five days', () => {
  it('X-2 V-4 V-3 P-1 R-4 the jump is recorded, and the backup, overstay, callback, ring and ladder schedules stay within their own length', async () => {
    desk = await createDesk();
    const d = desk;
    const dir = await seedDirectory(d);
    const lee = await d.person('receptionist', '李前台');
    /** Signs a person in afresh: sessions are not what this test is about. */
    const fresh = async (person: { id: string; pin: string }): Promise<Credentials> =>
      as((await d.core.invoke(LOCAL, 'auth.signIn', { userId: person.id, pin: person.pin })).token);
    const admin = { id: d.admin.id, pin: d.admin.pin };
    const events: OutgoingEvent[] = [];
    d.core.onEvent((e) => events.push(e));
    const start = d.clock.now();

    // Eight days of a working desk: a daily backup every day.
    for (let day = 1; day <= 8; day += 1) {
      d.clock.advance(DAY_MS);
      d.core.runDueJobs();
      await dailyBackupInProgress(d.core.db);
    }
    expect(listBackups(d.dataDir).filter((b) => b.kind === 'daily')).toHaveLength(8);

    // At T+8 d: a visitor checks in, a callback is due in an hour, the phone rings, an item is entered.
    const receptionist = await fresh(lee);
    const visit = await d.core.invoke(receptionist, 'visitors.register', { visitorName: '张三', mobile: '13812345678', tenantId: dir.huaxin.id, purpose: '商务拜访' });
    const callback = await d.core.invoke(receptionist, 'callbacks.create', { tenantId: dir.huaxin.id, callerName: '刘先生', callerPhone: '13711112222', dueAt: d.clock.now() + HOUR });
    await d.core.invoke(receptionist, 'calls.ring', { source: 'button' });
    const item = await d.core.invoke(receptionist, 'records.create', { channel: 'walk_in', type: 'inquiry', ownerName: '张业主', ownerPhone: '13800138000', unit: '3-1201', matter: '咨询停车' } as never);

    // The clock is set back to T+3 d.
    const back = start + 3 * DAY_MS;
    d.clock.set(back);
    d.core.runDueJobs();
    const noted = d.core.db.prepare('SELECT at FROM audit_trail WHERE method = ? ORDER BY seq DESC LIMIT 1').get(CLOCK_WENT_BACK) as { at: number } | undefined;
    expect(noted?.at).toBe(back);
    expect(d.core.clockJump).toMatchObject({ noticedAt: back });

    // Every schedule is within its own length of now — not five days further.
    const list = await d.core.invoke(await fresh(admin), 'backup.list', {});
    expect(list.nextDailyAt).toBe(back + DAY_MS);
    expect(nextClockDue(d.core.db, recordsEnv(d.core.db), { now: back, jump: d.core.clockJump })).toBe(back + 44 * HOUR);

    // And each one fires when its own length has passed.
    d.clock.advance(60_000); // the ring gives up after 60 s
    d.core.runDueJobs();
    expect(events.some((e) => e.name === 'calls.changed' && (e.payload as { status?: string }).status === 'missed')).toBe(true);
    d.clock.set(back + HOUR);
    d.core.runDueJobs();
    expect(events.filter((e) => e.name === 'callbacks.due').map((e) => e.payload)).toEqual([{ callbackId: callback.id }]);
    d.clock.set(back + 4 * HOUR); // overstay after 240 minutes
    d.core.runDueJobs();
    expect(events.filter((e) => e.name === 'visitors.overstay').map((e) => e.payload)).toEqual([{ visitIds: [visit.id] }]);
    // The daily backup comes a day after the jump was noticed (T+4 d), not at T+9 d; so does the one after it.
    d.clock.set(back + DAY_MS);
    d.core.runDueJobs();
    const written = await dailyBackupInProgress(d.core.db);
    expect(path.basename(written!)).toMatch(/^daily-/);
    expect(listBackups(d.dataDir).some((b) => b.kind === 'daily' && b.at === back + DAY_MS)).toBe(true);
    expect(nextDailyBackupAt(d.core, d.clock.now())).toBe(back + 2 * DAY_MS);

    d.clock.set(back + 44 * HOUR); // the warning 4 h before the supervisor's 48 h
    d.core.runDueJobs();
    expect(events.filter((e) => e.name === 'records.notice').map((e) => (e.payload as { kind: string; itemId: string }))).toEqual([
      expect.objectContaining({ kind: 'warn_supervisor', itemId: item.id }),
    ]);
    const warned = d.core.db.prepare("SELECT due_at, detected_at FROM record_clock_events WHERE item_id = ? AND kind = 'warn_supervisor'").get(item.id);
    expect(warned).toEqual({ due_at: back + 44 * HOUR, detected_at: back + 44 * HOUR });

    // After a restart (still before T+8 d) the jump is known from the trail: the bound holds.
    d.close();
    const reopened = openCore(d.dataDir, d.clock);
    try {
      expect(reopened.clockJump).toMatchObject({ noticedAt: back });
      expect(nextDailyBackupAt(reopened, d.clock.now())).toBe(back + 2 * DAY_MS);
    } finally {
      reopened.close();
    }
  });

  it('X-2 a clock a minute or two off is not a jump: nothing is recorded', async () => {
    desk = await createDesk();
    desk.clock.advance(HOUR);
    desk.core.runDueJobs();
    desk.clock.set(desk.clock.now() - 90_000);
    desk.core.runDueJobs();
    expect(desk.core.clockJump).toBeNull();
    expect(desk.core.db.prepare('SELECT COUNT(*) AS n FROM audit_trail WHERE method = ?').get(CLOCK_WENT_BACK)).toEqual({ n: 0 });
  });
});
