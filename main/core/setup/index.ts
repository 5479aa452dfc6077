// First run: the building profile and the first administrator, in one transaction.
import { newId } from '../ids';
import type { FeatureHandlers } from '../context';
import { buildingProfile } from '../settings';
import { writeSection } from '../settings';
import { hashPin } from '../auth';
import { ConflictError, ForbiddenError } from '../errors';

export const setupHandlers: FeatureHandlers<'setup'> = {
  status: (ctx) => {
    const profile = buildingProfile(ctx.db);
    const hasStaff = ctx.db.prepare('SELECT 1 FROM staff LIMIT 1').get() !== undefined;
    const needsSetup = !profile || !hasStaff;
    return {
      needsSetup,
      setupCodeRequired: needsSetup && ctx.origin === 'lan',
      building: profile ? { name: profile.name, nameEn: profile.nameEn, timeZone: profile.timeZone } : null,
      version: ctx.version,
    };
  },

  initialize: (ctx, input) => {
    if (ctx.db.prepare('SELECT 1 FROM staff LIMIT 1').get()) throw new ConflictError('errors:setup.already');
    // At this PC (its windows, loopback) no code is needed; from anywhere else, the console's one-time code.
    if (ctx.origin === 'lan') {
      const check = ctx.setupCode.check(input.setupCode);
      if (check !== 'ok') throw new ForbiddenError(check === 'spent' ? 'errors:setup.codeSpent' : input.setupCode ? 'errors:setup.codeWrong' : 'errors:setup.codeRequired');
    }
    const adminId = newId(ctx.now);
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
    ctx.setupCode.retire();
    return { adminId };
  },
};
