import { afterEach, describe, expect, it } from 'vitest';
import { as, createDesk, type TestDesk } from '../../support/core';
import { failure } from '../../support/visitors';
import { activeNotices } from '../../../main/core/visitors/queries';

let desk: TestDesk;
afterEach(() => desk?.close());

const DAY = 86_400_000;

describe('notices', () => {
  it('V-5 a notice is current between its start and end, until withdrawn; withdrawn ones stay on record', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist');
    const now = desk.clock.now();
    const water = await desk.core.invoke(as(lee.token), 'notices.create', {
      title: '周六停水',
      titleEn: 'No water on Saturday',
      body: '周六 8:00–12:00 停水检修',
      public: true,
      activeUntil: now + 2 * DAY,
    });
    expect(water).toMatchObject({ current: true, target: 'all', activeFrom: now });
    const soon = await desk.core.invoke(as(lee.token), 'notices.create', { title: '下周消防演练', activeFrom: now + DAY });
    expect(soon.current).toBe(false);
    expect(activeNotices(desk.core.db, now).map((n) => n.title)).toEqual(['周六停水']);
    expect(activeNotices(desk.core.db, now + DAY + 1).map((n) => n.title)).toEqual(['下周消防演练', '周六停水']);
    expect(activeNotices(desk.core.db, now + 3 * DAY).map((n) => n.title)).toEqual(['下周消防演练']);

    const withdrawn = await desk.core.invoke(as(lee.token), 'notices.withdraw', { id: water.id });
    expect(withdrawn).toMatchObject({ current: false, withdrawnAt: now });
    expect((await failure(desk.core.invoke(as(lee.token), 'notices.update', { id: water.id, title: '改' }))).messageKey).toBe('notices:error.withdrawn');
    expect((await desk.core.invoke(as(lee.token), 'notices.list', {})).notices.map((n) => n.title)).toEqual(['下周消防演练']);
    expect((await desk.core.invoke(as(lee.token), 'notices.list', { includeEnded: true })).notices.map((n) => n.title)).toContain('周六停水');
  });

  it('V-5 X-3 a unit notice needs its unit; the end must follow the start; a guard may read but not publish', async () => {
    desk = await createDesk();
    const lee = await desk.person('receptionist');
    const guard = await desk.person('security');
    const now = desk.clock.now();
    expect((await failure(desk.core.invoke(as(lee.token), 'notices.create', { title: '快递', target: 'unit' }))).fieldIssues[0]).toMatchObject({
      path: ['targetValue'],
    });
    expect((await failure(desk.core.invoke(as(lee.token), 'notices.create', { title: 'x', activeFrom: now, activeUntil: now }))).fieldIssues[0]).toMatchObject({
      path: ['activeUntil'],
    });
    expect((await failure(desk.core.invoke(as(guard.token), 'notices.create', { title: 'x' }))).code).toBe('forbidden');
    expect((await desk.core.invoke(as(guard.token), 'notices.list', {})).notices).toEqual([]);
  });
});
