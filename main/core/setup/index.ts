// First run: the building profile and the first administrator, in one transaction.
import { ulid } from 'ulid';
import type { FeatureHandlers } from '../context';
import { buildingProfile } from '../settings';
import { writeSection } from '../settings/sections';
import { hashPin } from '../auth/secrets';
import { ConflictError } from '../errors';

export const setupHandlers: FeatureHandlers<'setup'> = {
  status: (ctx) => {
    const profile = buildingProfile(ctx.db);
    const hasStaff = ctx.db.prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;
    return {
      needsSetup: !profile || !hasStaff,
      building: profile ? { name: profile.name, nameEn: profile.nameEn, timeZone: profile.timeZone } : null,
      version: ctx.version,
    };
  },

  initialize: (ctx, input) => {
    if (ctx.db.prepare('SELECT 1 FROM staff LIMIT 1').get()) throw new ConflictError('errors:setup.already');
    const adminId = ulid(ctx.now);
    ctx.tx.insert('staff', {
      id: adminId,
      name: input.admin.name,
      role: 'admin',
      department: null,
      pin_hash: hashPin(input.admin.pin),
      active: 1,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    writeSection(ctx.tx, 'building', input.building);
    ctx.emit('settings.buildingChanged', { name: input.building.name, nameEn: input.building.nameEn });
    return { adminId };
  },
};
