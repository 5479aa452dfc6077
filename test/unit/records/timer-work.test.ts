// The records timer's wake does work for what is due, not for every open item: each item's next step
// is stored when the item or the settings change, and a wake reads only the due and changed rows. Counted, not
// timed: the wake with 10 000 open items touches as many items as with 100.
import { afterEach, describe, expect, it } from 'vitest';
import { recordsDesk, clockEvents, HOUR, MINUTE, type RecordsDesk } from './helpers';
import { clockWork, CLOCK_BATCH } from '../../../main/core/records/clock';

let desk: RecordsDesk | undefined;
afterEach(() => desk?.close());

/** `count` open items received over the last 40 hours (none due for 4 hours), copied in one go from one entered item. */
async function openItems(d: RecordsDesk, count: number): Promise<void> {
  const template = await d.enter();
  const db = d.core.db;
  const columns = (db.prepare('PRAGMA table_info(record_items)').all() as Array<{ name: string }>).map((c) => c.name);
  const copy = db.prepare(
    `INSERT INTO record_items (${columns.join(', ')}) SELECT ${columns
      .map((c) => (c === 'id' ? '@id' : c === 'number' ? '@number' : c === 'received_at' ? '@received' : c))
      .join(', ')} FROM record_items WHERE id = @template`,
  );
  db.transaction(() => {
    for (let i = 1; i < count; i += 1) copy.run({ id: `bulk-${i}`, number: `BULK-${i}`, received: d.clock.now() - ((i * 7_919_000) % (40 * HOUR)), template: template.id });
  })();
}

/** Runs wakes until nothing is left to compute; returns how many it took. */
function settle(d: RecordsDesk): number {
  for (let wakes = 1; wakes <= 1000; wakes += 1) {
    d.core.runDueJobs();
    const stale = (d.core.db.prepare('SELECT COUNT(*) AS n FROM record_clock_due WHERE stale = 1').get() as { n: number }).n;
    if (stale === 0) return wakes;
  }
  throw new Error('the timer did not settle');
}

/** Items one wake read, when three items come due at it. */
async function wakeWithThreeDue(openCount: number): Promise<{ idle: number; due: number; wakes: number }> {
  desk = await recordsDesk();
  await openItems(desk, openCount);
  const soon = [];
  // Received 43 h 59 min ago: each one's warning (4 h before the 48 h step) is due in a minute.
  for (let i = 0; i < 3; i += 1) soon.push(await desk.enter({ receivedAt: desk.clock.now() - 44 * HOUR + MINUTE }));
  const wakes = settle(desk);
  const counter = clockWork(desk.core.db);

  let before = counter.itemsRead;
  desk.clock.advance(30_000);
  desk.core.runDueJobs();
  const idle = counter.itemsRead - before;

  before = counter.itemsRead;
  desk.clock.advance(30_000);
  desk.core.runDueJobs();
  const due = counter.itemsRead - before;
  for (const item of soon) expect(clockEvents(desk, item.id).map((e) => e.kind)).toEqual(['warn_supervisor']);
  desk.close();
  desk = undefined;
  return { idle, due, wakes };
}

describe('records timer work', () => {
  it('R-4 the wake with 10 000 open items touches the same number of items as with 100: those due', async () => {
    const small = await wakeWithThreeDue(100);
    const large = await wakeWithThreeDue(10_000);
    expect(small).toMatchObject({ idle: 0, due: 3 });
    expect(large).toMatchObject({ idle: 0, due: 3 });
    // Computing 10 000 new items' steps once took batches of CLOCK_BATCH per wake, not one long wake.
    expect(large.wakes).toBeGreaterThanOrEqual(Math.ceil(10_000 / CLOCK_BATCH));
  }, 120_000);

  it('R-4 a settings change recomputes every open item once, in batches, and escalates by the new durations', async () => {
    desk = await recordsDesk();
    await openItems(desk, 1200);
    settle(desk);
    const settings = await desk.core.invoke(await desk.as(desk.boss), 'records.settings', {});
    await desk.core.invoke(await desk.as(desk.boss), 'records.updateSettings', { ...settings, supervisorAfterDays: 1, warnBeforeHours: 0 });
    const counter = clockWork(desk.core.db);
    const before = counter.itemsRead;
    const wakes = settle(desk);
    expect(wakes).toBeGreaterThanOrEqual(3);
    expect(counter.itemsRead - before).toBeGreaterThanOrEqual(1200);
    // Items received more than a day ago are now the supervisor's.
    const escalated = (desk.core.db.prepare("SELECT COUNT(*) AS n FROM record_items WHERE level = 'supervisor'").get() as { n: number }).n;
    const olderThanADay = (desk.core.db.prepare('SELECT COUNT(*) AS n FROM record_items WHERE received_at <= ?').get(desk.clock.now() - 24 * HOUR) as { n: number }).n;
    expect(olderThanADay).toBeGreaterThan(0);
    expect(escalated).toBe(olderThanADay);
  }, 120_000);
});
