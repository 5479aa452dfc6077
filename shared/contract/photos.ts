// Visitor photo (V-11): taken by the desk's webcam only after the visitor's separate consent (PIPL Art. 29), kept for
// the visit's retention and redacted with it; shown on the pass if the building wants.
import { z } from 'zod';
import { mutation, query, ADMIN } from './define';
import { id } from './fields';
import { VISITOR_DESK } from './visitors';

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 400 * 1024;

export const PhotoSettings = z.object({
  /** Whether the desk offers a photo at all. */
  enabled: z.boolean(),
  /** Whether the photo is printed on the visitor pass. */
  onPass: z.boolean(),
});
export type PhotoSettings = z.infer<typeof PhotoSettings>;
export const DEFAULT_PHOTO_SETTINGS: PhotoSettings = { enabled: true, onPass: false };

export const VisitPhoto = z.object({ visitId: z.string(), mime: z.string(), dataBase64: z.string(), takenAt: z.number(), consentAt: z.number() });
export type VisitPhoto = z.infer<typeof VisitPhoto>;

export const photos = {
  settings: query({ summary: 'Whether photos are offered and printed on the pass.', input: z.strictObject({}), output: PhotoSettings, allow: VISITOR_DESK }),
  updateSettings: mutation({ summary: 'Change the photo settings.', input: PhotoSettings.strict(), output: PhotoSettings, allow: ADMIN }),
  attach: mutation({
    summary: 'Keep the photo of a visitor in the building, taken after the visitor’s separate consent.',
    input: z.strictObject({
      visitId: id(),
      /** The visitor agreed to the photo, separately from the registration (PIPL Art. 29). */
      consent: z.literal(true, { error: 'photos:error.consent' }),
      mime: z.enum(PHOTO_TYPES, { error: 'photos:error.fileType' }),
      dataBase64: z
        .string()
        .max(Math.ceil((PHOTO_MAX_BYTES * 4) / 3) + 4, { error: 'photos:error.tooLarge' })
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'photos:error.unreadable' }),
    }),
    output: z.object({ visitId: z.string(), takenAt: z.number() }),
    allow: VISITOR_DESK,
  }),
  get: query({ summary: 'A visit’s photo, if one was taken and not yet redacted.', input: z.strictObject({ visitId: id() }), output: z.object({ photo: VisitPhoto.nullable() }), allow: VISITOR_DESK }),
};
