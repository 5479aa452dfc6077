// The visitors feature's settings section (stored as `visitors` in the settings table).
import type { ReadableDB } from '../store/sql';
import { readSection } from '../settings';
import { VisitorSettings, DEFAULT_VISITOR_SETTINGS, type VisitorSettings as VisitorSettingsT } from '../../../shared/contract/visitors';

export const VISITORS_SECTION = 'visitors';

export function visitorSettings(db: ReadableDB): VisitorSettingsT {
  return readSection(db, VISITORS_SECTION, VisitorSettings, DEFAULT_VISITOR_SETTINGS);
}
