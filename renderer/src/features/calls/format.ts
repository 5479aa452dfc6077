// Times and durations as the phone desk shows them, in the building's time zone.
import dayjs from 'dayjs';
import '../../../../shared/rules/time'; // extends dayjs with utc + timezone

export function clockTime(at: number, timeZone: string): string {
  return dayjs(at).tz(timeZone).format('HH:mm:ss');
}

export function dateTime(at: number, timeZone: string): string {
  return dayjs(at).tz(timeZone).format('YYYY-MM-DD HH:mm:ss');
}

/** 4 213 ms → '4.2'. */
export function secondsText(ms: number): string {
  return (Math.round(ms / 100) / 10).toFixed(1);
}

export function percentText(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}
