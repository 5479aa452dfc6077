// The expected-visitors settings section (stored as `expected` in the settings table).
import type { ReadableDB } from '../store/sql';
import { readSection } from '../settings';
import { ExpectedSettings, DEFAULT_EXPECTED_SETTINGS, type ExpectedSettings as ExpectedSettingsT } from '../../../shared/contract/expected';

export const EXPECTED_SECTION = 'expected';

export function expectedSettings(db: ReadableDB): ExpectedSettingsT {
  return readSection(db, EXPECTED_SECTION, ExpectedSettings, DEFAULT_EXPECTED_SETTINGS);
}
