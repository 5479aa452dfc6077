// The visitors feature's settings section (stored as `visitors` in the settings table).
import type Database from 'better-sqlite3';
import { readSection } from '../settings';
import { VisitorSettings, DEFAULT_VISITOR_SETTINGS, type VisitorSettings as VisitorSettingsT } from '../../../shared/contract/visitors';

export const VISITORS_SECTION = 'visitors';

export function visitorSettings(db: Database.Database): VisitorSettingsT {
  return readSection(db, VISITORS_SECTION, VisitorSettings, DEFAULT_VISITOR_SETTINGS);
}
