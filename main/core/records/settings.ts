// The records settings section: departments, the ladder's durations and calendar, warning lead time,
// complaint and follow-up periods, the audit reminder hour.
import type { ReadableDB } from '../store/sql';
import { RecordsSettings, DEFAULT_RECORDS_SETTINGS, type RecordsSettings as RecordsSettingsT } from '../../../shared/contract/records';
import { readSection, writeSection } from '../settings';
import { buildingTimeZone } from '../settings';
import { ValidationError } from '../errors';
import type { Tx } from '../store/tx';
import { workCalendar, type WorkCalendar } from './calendar';

export const SECTION = 'records';

export function recordsSettings(db: ReadableDB): RecordsSettingsT {
  return readSection(db, SECTION, RecordsSettings, DEFAULT_RECORDS_SETTINGS);
}

export { buildingTimeZone };

/** Everything the deadlines depend on, read once per call or timer run. */
export interface RecordsEnv {
  settings: RecordsSettingsT;
  timeZone: string;
  calendar: WorkCalendar;
}

export function recordsEnv(db: ReadableDB): RecordsEnv {
  const settings = recordsSettings(db);
  const timeZone = buildingTimeZone(db);
  return { settings, timeZone, calendar: workCalendar(settings, timeZone) };
}

/** Checks what the schema cannot (relations between fields), then stores the section. */
export function saveRecordsSettings(tx: Tx, input: RecordsSettingsT): RecordsSettingsT {
  if (input.managerAfterDays <= input.supervisorAfterDays) {
    throw ValidationError.field('managerAfterDays', 'records:settings.managerAfterSupervisor');
  }
  const seen = new Set<string>();
  input.departments.forEach((name, index) => {
    if (seen.has(name)) throw new ValidationError([{ path: ['departments', index], code: 'custom', message: 'records:settings.departmentTwice', params: { name } }]);
    seen.add(name);
  });
  const both = input.holidays.find((d) => input.makeUpDays.includes(d));
  if (both) throw ValidationError.field('makeUpDays', 'records:settings.holidayAndMakeUp', { date: both });
  const value: RecordsSettingsT = {
    ...input,
    holidays: [...new Set(input.holidays)].sort(),
    makeUpDays: [...new Set(input.makeUpDays)].sort(),
  };
  writeSection(tx, SECTION, value);
  return value;
}
