// First run: the building profile and the first administrator.
import { z } from 'zod';
import { mutation, query } from './define';
import { personName, pin, text, empty } from './fields';
import { BuildingProfileInput } from './settings';

export const setup = {
  status: query({
    summary: 'Whether first-run setup is still needed, and the building’s public name.',
    input: empty(),
    output: z.object({
      needsSetup: z.boolean(),
      /** Setup from this caller needs the one-time code printed in the server's console (it is not this PC). */
      setupCodeRequired: z.boolean(),
      building: z.object({ name: z.string(), nameEn: z.string(), timeZone: z.string() }).nullable(),
      version: z.string(),
    }),
    allow: ['public', 'kiosk'],
  }),
  initialize: mutation({
    summary: 'First run: create the building profile and the first administrator (at this PC, or with the setup code).',
    input: z.strictObject({
      building: BuildingProfileInput,
      admin: z.strictObject({ name: personName(), pin: pin() }),
      /** The one-time code from the server's console; needed only when not setting up at this PC. */
      setupCode: text(20).optional(),
    }),
    output: z.object({ adminId: z.string() }),
    allow: ['public'],
  }),
};
