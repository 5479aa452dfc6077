import { describe, expect, it } from 'vitest';
import { dayKey, startOfDay, startOfWeek, isoWeekday, addDays, startOfDayKey } from '../../shared/rules/time';

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
