// First run: the building profile and the first administrator.
import { z } from 'zod';
import { mutation, query } from './define';
import { personName, pin, empty } from './fields';
import { BuildingProfileInput } from './settings';

export const setup = {
  status: query({
    summary: 'Whether first-run setup is still needed, and the building’s public name.',
    input: empty(),
    output: z.object({
      needsSetup: z.boolean(),
      building: z.object({ name: z.string(), nameEn: z.string(), timeZone: z.string() }).nullable(),
      version: z.string(),
    }),
    allow: ['public', 'kiosk'],
  }),
  initialize: mutation({
    summary: 'First run: create the building profile and the first administrator.',
    input: z.strictObject({
      building: BuildingProfileInput,
      admin: z.strictObject({ name: personName(), pin: pin() }),
    }),
    output: z.object({ adminId: z.string() }),
    allow: ['public'],
  }),
};
