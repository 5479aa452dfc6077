// Parcels and food deliveries held at the desk (V-9): logged in seconds, the recipient told (V-10), picked up with
// who collected it, flagged when uncollected; figures for reports.
import { newId } from '../ids';
import { anyLike, containsPattern } from '../store/sql';
import type { CallContext, FeatureHandlers } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { requireBuildingProfile } from '../settings';
import { writeSection } from '../settings';
import { checkTenant } from '../visitors';
import { notifyTenant } from '../notify';
import { dayKey } from '../../../shared/rules/time';
import { parcelRow, parcelSettings, parcelsWhere, toParcel, PARCELS_SECTION, type ParcelRow } from './rows';
import { codeMatches, contactByPin, imageBytes, newPickupCode, pickupCodeHash, setContactPin } from './pickup';
import { parcelFigures } from './figures';

export { parcelsHandoverSection } from './handover-section';
export { parcelsDiary } from './diary';
export { uncollectedJob, parcelsRetention } from './jobs';
export { parcelFigures } from './figures';

function staffId(ctx: CallContext): string {
  if (ctx.caller.kind !== 'staff') throw new Error(`${ctx.method} needs a signed-in person`);
  return ctx.caller.user.id;
}

const out = (ctx: CallContext, id: string) => toParcel(ctx, parcelRow(ctx.db, id), parcelSettings(ctx.db).uncollectedDays);

function announce(ctx: CallContext, id: string, status: ParcelRow['status'], uncollected = false): void {
  ctx.emit('parcels.changed', { parcelId: id, status, uncollected });
}

export const parcelsHandlers: FeatureHandlers<'parcels'> = {
  settings: (ctx) => parcelSettings(ctx.db),
  updateSettings: (ctx, input) => {
    writeSection(ctx.tx, PARCELS_SECTION, input);
    return input;
  },

  log: (ctx, input) => {
    checkTenant(ctx, input.tenantId, { listedOnly: false });
    const photo = input.photo ? imageBytes(input.photo.dataBase64, input.photo.mime, 'photo', 'parcels:error.fileUnreadable') : null;
    const profile = requireBuildingProfile(ctx.db);
    const day = dayKey(ctx.now, profile.timeZone);
    const id = newId(ctx.now);
    const code = newPickupCode();
    const number = `K${day.slice(5, 7)}${day.slice(8, 10)}-${String(ctx.tx.nextNumber(`parcel:${day}`)).padStart(3, '0')}`;
    ctx.tx.insert('parcels', {
      id,
      number,
      kind: input.kind,
      courier: input.courier,
      tracking_number: input.trackingNumber,
      tenant_id: input.tenantId,
      recipient_name: input.recipientName,
      shelf: input.shelf,
      notes: input.notes,
      photo,
      photo_type: photo ? input.photo!.mime : null,
      pickup_code_hash: pickupCodeHash(ctx.keys, id, code),
      status: 'held',
      logged_at: ctx.now,
      logged_by: staffId(ctx),
    });
    const what = input.kind === 'food' ? '外卖' : '快递';
    const tracking = input.trackingNumber ? ` ${input.trackingNumber.slice(-4)}` : '';
    notifyTenant(ctx, {
      subjectKind: 'parcel',
      subjectId: id,
      tenantId: input.tenantId,
      event: 'parcelArrived',
      subjectLine: `${profile.postName}：您有${what}在前台`,
      body:
        `【${profile.postName}】${input.recipientName ? `${input.recipientName}您好，` : ''}您有一件${what}（${input.courier}${tracking}）已由前台代收` +
        `${input.shelf ? `，货架 ${input.shelf}` : ''}。取件码 ${code}，请凭取件码到前台领取。`,
      fallbackPhone: true,
    });
    announce(ctx, id, 'held');
    return { parcel: out(ctx, id), pickupCode: code };
  },

  held: (ctx) => ({ parcels: parcelsWhere(ctx, "p.status = 'held'", {}), uncollectedDays: parcelSettings(ctx.db).uncollectedDays }),

  list: (ctx, input) => {
    const q = input.q.normalize('NFKC').trim();
    if (!q) return { parcels: parcelsWhere(ctx, '1 = 1', { limit: input.limit }, 'p.logged_at DESC, p.id DESC') };
    const like = containsPattern(q);
    return {
      parcels: parcelsWhere(
        ctx,
        // Tracking and parcel numbers are stored upper-case.
        `(${anyLike(['p.tracking_number', 'p.number'], '@upper')} OR ${anyLike(['p.recipient_name', 't.name', 't.display_name', 'p.courier'], '@like')})`,
        { like, upper: like.toUpperCase(), limit: input.limit },
        'p.logged_at DESC, p.id DESC',
      ),
    };
  },

  get: (ctx, input) => out(ctx, input.id),

  photo: (ctx, input) => {
    parcelRow(ctx.db, input.id);
    const row = ctx.db.prepare('SELECT photo, photo_type FROM parcels WHERE id = ?').get(input.id) as { photo: Buffer | null; photo_type: string | null };
    return row.photo && row.photo_type ? { mime: row.photo_type, dataBase64: row.photo.toString('base64') } : null;
  },

  collect: (ctx, input) => {
    const row = ctx.tx.get<ParcelRow>('parcels', input.id);
    if (!row) return out(ctx, input.id); // not found: the same error as a read
    if (row.status !== 'held') throw new ConflictError('parcels:error.alreadyCollected');
    let patch: Partial<ParcelRow>;
    if (input.method === 'code') {
      if (!/^\d{6}$/.test(input.code) || !codeMatches(ctx.keys, row.id, input.code, row.pickup_code_hash)) throw ValidationError.field('code', 'parcels:error.codeWrong');
      patch = { collector_name: input.collectorName, pickup_method: 'code' };
    } else if (input.method === 'pin') {
      const contact = contactByPin(ctx, row.tenant_id, input.contactId, input.pin);
      patch = { collector_name: contact.name, collector_contact: contact.id, pickup_method: 'pin' };
    } else {
      patch = { collector_name: input.collectorName, pickup_method: 'signature', signature: imageBytes(input.signaturePng, 'image/png', 'signaturePng', 'parcels:error.signatureUnreadable') };
    }
    ctx.tx.update('parcels', row.id, { ...patch, status: 'collected', collected_at: ctx.now, collected_by: staffId(ctx) });
    announce(ctx, row.id, 'collected');
    return out(ctx, row.id);
  },

  setContactPin: (ctx, input) => {
    setContactPin(ctx, input.contactId, input.pin, staffId(ctx));
    return { contactId: input.contactId, set: true as const };
  },

  figures: (ctx, input) => parcelFigures(ctx.db, input.from, input.to, ctx.now),
};

// The public face: what other features use of this one.
export { imageBytes } from './pickup';
