import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { dayKey, startOfDay, startOfWeek, isoWeekday, addDays, startOfDayKey, localHour } from '../../shared/rules/time';

const tz = 'Asia/Shanghai';

describe('calendar arithmetic in the building time zone', () => {
  it('R-6 a day starts at local midnight, not UTC midnight', () => {
    const lateEvening = Date.parse('2026-11-27T23:30:00+08:00');
    expect(dayKey(lateEvening, tz)).toBe('2026-11-27');
    expect(dayKey(Date.parse('2026-11-28T00:10:00+08:00'), tz)).toBe('2026-11-28');
    expect(startOfDay(lateEvening, tz)).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
    expect(startOfDayKey('2026-11-27', tz)).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
  });

  it('R-6 weeks run Monday to Sunday', () => {
    const sunday = Date.parse('2026-11-29T22:00:00+08:00');
    const monday = Date.parse('2026-11-30T08:00:00+08:00');
    expect(isoWeekday(sunday, tz)).toBe(7);
    expect(isoWeekday(monday, tz)).toBe(1);
    expect(startOfWeek(sunday, tz)).toBe(Date.parse('2026-11-23T00:00:00+08:00'));
    expect(startOfWeek(monday, tz)).toBe(Date.parse('2026-11-30T00:00:00+08:00'));
  });

  it('R-4 adding days keeps the local time of day', () => {
    expect(addDays(Date.parse('2026-11-27T09:00:00+08:00'), 7, tz)).toBe(Date.parse('2026-12-04T09:00:00+08:00'));
    expect(addDays(Date.parse('2026-03-07T09:00:00-05:00'), 2, 'America/New_York')).toBe(Date.parse('2026-03-09T09:00:00-04:00'));
  });
});

describe('the fast path of the calendar arithmetic', () => {
  // The dayjs way, as it was: the reference the fast path must agree with.
  const ref = {
    dayKey: (at: number, z: string) => dayjs(at).tz(z).format('YYYY-MM-DD'),
    startOfDay: (at: number, z: string) => dayjs(at).tz(z).startOf('day').valueOf(),
    isoWeekday: (at: number, z: string) => dayjs(at).tz(z).day() || 7,
    localHour: (at: number, z: string) => dayjs(at).tz(z).hour(),
    addDays: (at: number, days: number, z: string) =>
      dayjs.tz(dayjs.utc(dayjs(at).tz(z).format('YYYY-MM-DDTHH:mm:ss.SSS')).add(days, 'day').format('YYYY-MM-DD HH:mm:ss.SSS'), z).valueOf(),
  };

  it('R-4 R-6 agrees with dayjs in zones with and without DST, including the days around their changes', () => {
    const zones = ['Asia/Shanghai', 'Asia/Hong_Kong', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/Santiago'];
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const instants: number[] = [];
    for (let i = 0; i < 80; i += 1) instants.push(Date.parse('2025-01-01T00:00:00Z') + Math.floor(random() * 3 * 365 * 86_400_000));
    // Hour by hour across the 2026 changes in New York and Berlin.
    for (const start of ['2026-03-07T00:00:00Z', '2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z', '2026-10-31T00:00:00Z']) {
      for (let h = 0; h < 48; h += 2) instants.push(Date.parse(start) + h * 3_600_000 + 1_234);
    }
    for (const z of zones) {
      for (const at of instants) {
        expect(dayKey(at, z), `${z} ${new Date(at).toISOString()}`).toBe(ref.dayKey(at, z));
        expect(startOfDay(at, z), `${z} ${new Date(at).toISOString()}`).toBe(ref.startOfDay(at, z));
        expect(isoWeekday(at, z)).toBe(ref.isoWeekday(at, z));
        expect(localHour(at, z)).toBe(ref.localHour(at, z));
        for (const days of [1, 2, 7, -180]) expect(addDays(at, days, z), `${z} ${new Date(at).toISOString()} +${days}`).toBe(ref.addDays(at, days, z));
      }
    }
  });
});
