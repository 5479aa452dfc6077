// Pick-up (V-9): the code the recipient was sent (kept as a keyed hash), the PIN of one of the tenant's contacts
// (scrypt), or a signature on the touch screen with the collector's name.
import crypto from 'node:crypto';
import type { CallContext } from '../context';
import type { KeyRing } from '../keyring';
import { ConflictError, ValidationError } from '../errors';
import { hashPin, pinMatches } from '../auth';
import { newId } from '../ids';

export function newPickupCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
}

export function pickupCodeHash(keys: KeyRing, parcelId: string, code: string): string {
  return crypto.createHmac('sha256', keys.key('parcel-codes')).update(`${parcelId}:${code}`).digest('hex');
}

export function codeMatches(keys: KeyRing, parcelId: string, code: string, stored: string): boolean {
  const given = Buffer.from(pickupCodeHash(keys, parcelId, code), 'hex');
  const expected = Buffer.from(stored, 'hex');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The contact, if the PIN is that contact's and the contact belongs to the parcel's tenant; who collected it. */
export function contactByPin(ctx: CallContext, tenantId: string, contactId: string, pin: string): { id: string; name: string } {
  const contact = ctx.db.prepare('SELECT id, name, tenant_id, active FROM tenant_contacts WHERE id = ?').get(contactId) as
    | { id: string; name: string; tenant_id: string; active: number }
    | undefined;
  if (!contact || contact.tenant_id !== tenantId || contact.active !== 1) throw ValidationError.field('contactId', 'parcels:error.contactNotTenant');
  const stored = ctx.db.prepare('SELECT pin_hash FROM parcel_pickup_pins WHERE contact_id = ?').get(contactId) as { pin_hash: string } | undefined;
  if (!stored) throw new ConflictError('parcels:error.noPin');
  if (!pinMatches(pin, stored.pin_hash)) throw ValidationError.field('pin', 'parcels:error.pinWrong');
  return { id: contact.id, name: contact.name };
}

export function setContactPin(ctx: CallContext, contactId: string, pin: string, staffId: string): void {
  const contact = ctx.db.prepare('SELECT id FROM tenant_contacts WHERE id = ? AND active = 1').get(contactId);
  if (!contact) throw ValidationError.field('contactId', 'parcels:error.contactUnknown');
  const existing = ctx.db.prepare('SELECT id FROM parcel_pickup_pins WHERE contact_id = ?').get(contactId) as { id: string } | undefined;
  const row = { pin_hash: hashPin(pin), set_at: ctx.now, set_by: staffId };
  if (existing) ctx.tx.update('parcel_pickup_pins', existing.id, row);
  else ctx.tx.insert('parcel_pickup_pins', { id: newId(ctx.now), contact_id: contactId, ...row });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/** The bytes, if they are what the type says (checked by their first bytes). */
export function imageBytes(base64: string, mime: 'image/png' | 'image/jpeg', field: string, messageKey: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  const magic = mime === 'image/png' ? PNG : JPEG;
  if (bytes.length < magic.length + 8 || !bytes.subarray(0, magic.length).equals(magic)) throw ValidationError.field(field, messageKey);
  return bytes;
}
