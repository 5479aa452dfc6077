// The building profile and the desk's security settings.
import type { ReadableDB } from '../store/sql';
import { DEFAULT_TIME_ZONE } from '../../../shared/rules/time';
import {
  BuildingProfile,
  SecuritySettings,
  DEFAULT_SECURITY,
  type BuildingProfile as BuildingProfileT,
  type SecuritySettings as SecuritySettingsT,
} from '../../../shared/contract/settings';
import type { FeatureHandlers } from '../context';
import { readSection, writeSection } from './sections';
import { ConflictError } from '../errors';

export function buildingProfile(db: ReadableDB): BuildingProfileT | null {
  const row = db.prepare("SELECT 1 FROM settings WHERE id = 'building'").get();
  if (!row) return null;
  return readSection(db, 'building', BuildingProfile, {
    name: '',
    nameEn: '',
    postName: '',
    postNameEn: '',
    timeZone: DEFAULT_TIME_ZONE,
    address: '',
  });
}

/** The building's time zone (the default before setup): every day boundary, report and slip uses it. */
export function buildingTimeZone(db: ReadableDB): string {
  return buildingProfile(db)?.timeZone ?? DEFAULT_TIME_ZONE;
}

export function requireBuildingProfile(db: ReadableDB): BuildingProfileT {
  const profile = buildingProfile(db);
  if (!profile) throw new ConflictError('errors:setup.required');
  return profile;
}

export function securitySettings(db: ReadableDB): SecuritySettingsT {
  return readSection(db, 'security', SecuritySettings, DEFAULT_SECURITY);
}

export const settingsHandlers: FeatureHandlers<'settings'> = {
  building: (ctx) => requireBuildingProfile(ctx.db),
  updateBuilding: (ctx, input) => {
    writeSection(ctx.tx, 'building', input);
    ctx.emit('settings.buildingChanged', { name: input.name, nameEn: input.nameEn });
    return input;
  },
  security: (ctx) => securitySettings(ctx.db),
  updateSecurity: (ctx, input) => {
    writeSection(ctx.tx, 'security', input);
    return input;
  },
};

// The public face: what other features use of this one.
export { readSection, writeSection } from './sections';
