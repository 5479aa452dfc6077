// Visitor photos (V-11): kept only with the visitor's separate consent (PIPL Art. 29), one per visit, while the visit
// is current; blanked with the visit at retention (V-7).
import type { ReadableDB } from '../store/sql';
import { newId } from '../ids';
import type { CallContext, FeatureHandlers } from '../context';
import type { RetentionPart } from '../visitors';
import { ConflictError, ValidationError } from '../errors';
import { readSection, writeSection } from '../settings';
import { visitRow } from '../visitors';
import { imageBytes } from '../parcels';
import { PhotoSettings, DEFAULT_PHOTO_SETTINGS } from '../../../shared/contract/photos';

export const PHOTOS_SECTION = 'photos';

export function photoSettings(db: ReadableDB): PhotoSettings {
  return readSection(db, PHOTOS_SECTION, PhotoSettings, DEFAULT_PHOTO_SETTINGS);
}

function staffId(ctx: CallContext): string {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} needs a signed-in person`);
  return ctx.caller.user.id;
}

export const photosHandlers: FeatureHandlers<'photos'> = {
  settings: (ctx) => photoSettings(ctx.db),
  updateSettings: (ctx, input) => {
    writeSection(ctx.tx, PHOTOS_SECTION, input);
    return input;
  },

  attach: (ctx, input) => {
    if (!photoSettings(ctx.db).enabled) throw new ConflictError('photos:error.disabled');
    const visit = visitRow(ctx.db, input.visitId);
    if (visit.redacted_at !== null || (visit.status !== 'in' && visit.status !== 'pending')) throw new ConflictError('photos:error.visitNotCurrent');
    if (ctx.db.prepare('SELECT 1 FROM visit_photos WHERE visit_id = ?').get(visit.id)) throw new ConflictError('photos:error.alreadyTaken');
    const image = imageBytes(input.dataBase64, input.mime, 'dataBase64', 'photos:error.unreadable');
    if (image.length === 0) throw ValidationError.field('dataBase64', 'photos:error.unreadable');
    ctx.tx.insert('visit_photos', {
      id: newId(ctx.now),
      visit_id: visit.id,
      image,
      mime: input.mime,
      consent_at: ctx.now,
      taken_at: ctx.now,
      taken_by: staffId(ctx),
    });
    ctx.emit('visitors.changed', { visitId: visit.id, status: visit.status, source: visit.source, watchListMatch: visit.watch_matches !== '[]' });
    return { visitId: visit.id, takenAt: ctx.now };
  },

  get: (ctx, input) => {
    visitRow(ctx.db, input.visitId);
    const row = ctx.db.prepare('SELECT image, mime, taken_at, consent_at FROM visit_photos WHERE visit_id = ? AND redacted_at IS NULL').get(input.visitId) as
      | { image: Buffer; mime: string; taken_at: number; consent_at: number }
      | undefined;
    return { photo: row ? { visitId: input.visitId, mime: row.mime, dataBase64: row.image.toString('base64'), takenAt: row.taken_at, consentAt: row.consent_at } : null };
  },
};

/** A photo goes when its visit is redacted: same run, right after the visits. */
export const photosRetention: RetentionPart = {
  key: 'photos',
  oldest: () => null,
  redact(ctx) {
    const ids = ctx.db
      .prepare('SELECT p.id FROM visit_photos p JOIN visits v ON v.id = p.visit_id WHERE p.redacted_at IS NULL AND v.redacted_at IS NOT NULL')
      .all() as Array<{ id: string }>;
    for (const { id } of ids) ctx.tx.redactRow('visit_photos', id, { image: null, redacted_at: ctx.now });
    return ids.length;
  },
};
