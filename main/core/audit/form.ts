// The audit trail's compact form: what goes into an entry's payload and how it is stored.
// - insert: the row's image (every column; secrets and blobs as below);
// - update: only the columns that changed, each as [before, after];
// - event:  the details of something that has no row of its own (a refused sign-in, a timer's run);
// - redact: the values a redaction put into the row, and the digests of the earlier images it blanked;
// - baseline: a row's whole image taken as given (the migration that keyed the trail, for rows the old trail
//   did not describe completely).
// A payload is canonical JSON (keys sorted), stored deflated with a fixed preset dictionary when that is shorter.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export type Row = Record<string, unknown>;
export type Op = 'insert' | 'update' | 'event' | 'redact' | 'baseline';
export const OPS: readonly Op[] = ['insert', 'update', 'event', 'redact', 'baseline'];

/**
 * Columns whose values never enter the trail: salted PIN hashes and the hashes of bearer tokens. An explicit
 * list, not "every *_hash": a signed incident's or handover's `content_hash` is evidence and is in the trail.
 * In their place an image holds a keyed fingerprint, so a swapped PIN hash is still seen by verify.
 */
export const SECRET_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  staff: ['pin_hash'],
  devices: ['token_hash'],
  pairing_codes: ['code_hash'],
  sessions: ['token_hash'],
  parcels: ['pickup_code_hash'],
  parcel_pickup_pins: ['pin_hash'],
};

export function isSecret(table: string, column: string): boolean {
  return SECRET_COLUMNS[table]?.includes(column) ?? false;
}

/** JSON with object keys sorted at every level, so a payload always reads (and hashes) the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * A fingerprint of a secret column's value: tells a changed value without revealing it. The values are already
 * one-way (a salted scrypt hash, the SHA-256 of a random token), so a digest of them gives nothing more away;
 * unkeyed, so it does not change when a database moves to a PC with another key.
 */
export function secretFingerprint(table: string, column: string, value: unknown): { fp: string } | null {
  if (value === null || value === undefined) return null;
  const digest = crypto.createHash('sha256').update(`secret\n${table}\n${column}\n${String(value)}`, 'utf8').digest();
  return { fp: digest.subarray(0, 12).toString('base64url') };
}

/** A blob's image: its size and digest (never its bytes). */
export function blobImage(value: Buffer): { bytes: number; sha256: string } {
  return { bytes: value.length, sha256: crypto.createHash('sha256').update(value).digest('hex') };
}

/** The image of a row as the trail records it. */
export function rowImage(table: string, row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (isSecret(table, column)) out[column] = secretFingerprint(table, column, value);
    else out[column] = Buffer.isBuffer(value) ? blobImage(value) : value;
  }
  return out;
}

/** Same value as the trail sees it (images are compared as canonical JSON). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/** The columns that differ between two images of a row, each as [before, after]. */
export function diffImages(before: Row, after: Row): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const column of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[column] ?? null;
    const a = after[column] ?? null;
    if (!sameValue(b, a)) changed[column] = [b, a];
  }
  return changed;
}

// ---- storage ------------------------------------------------------------------------------------------------

/**
 * The preset dictionary of codec 1: the column names of the audited tables as they appear in images, and values
 * that recur. Fixed forever: a payload written with it is read with it. A new dictionary is a new codec number.
 */
const DICTIONARY_V1 = Buffer.from(
  [
    // less frequent first: zlib reaches the end of the dictionary most cheaply
    'desk_phones address phone_source phone_ref actionUrl sip callerIdBox',
    'watch_list name_key reason record_weekly_reviews week_key week_start week_end summary_json',
    'key_loans item item_code borrower borrower_unit lent_at lent_by_id lent_by_name expected_back_at returned_at returned_to_id returned_to_name return_note',
    'incident_reviews by_role incident_attachments amendment_id mime size sha256 added_at added_by_id added_by_name withdrawn_at bytes',
    'incident_amendments closes_follow_up incidents occurred_at place people_present course category needs_follow_up author_id author_name',
    'handover_acknowledgements handover_id incoming_id incoming_name incoming_role shift_id outgoing_id outgoing_name previous_id content_hash',
    'notices title title_en body body_en public target target_value active_from active_until withdrawn_by',
    'shifts person_id person_name opening_check_json opening_all_ok diary_text diary_updated_at ended_by_id ended_by_name close_reason diary_json',
    'record_clock_events cycle detected_at record_follow_ups result record_notes by_id by_name record_audits comment',
    'record_items number received_at day_key channel relayed_by type owner_name owner_phone unit matter department about_staff_id level',
    'answered_at breached_at resolved_at resolved_by resolved_by_name unresolvable_reason follow_up_due_at reopen_count repair_location',
    'repair_appointment_at repair_worker repair_materials repair_completed_at created_by_name',
    'tenants name_en display_name display_name_en floor room listed search_text public_search_text tenant_contacts is_primary phone',
    'devices paired_at revoked_at pairing_codes expires_at used_at pin_failures user_id staff role active pin_hash token_hash fp',
    'settings value_json updated_by sessions ended_at end_reason',
    'handover_lines position key section section_title section_order params_json attention current ticked carried_from_id',
    'carried_from_number carried_count carried_comment withdrawn',
    'callbacks caller_name caller_phone message due_at owner_id outcome_note visit_id call_id closed_at closed_by due_alerted_at',
    'calls line boot_id ring_started_at seconds_per_ring target_rings started_by answer_latency_ms rings_at_answer within_target',
    'caller_number topic note script_steps confidentiality_asked saved_at saved_by callback_id record_id',
    '{"seqs":[],"digests":[],"set":{"redacted_at":',
    '"status":"open","closed","pending","in","out","declined","kiosk","desk","zh-CN","en","click","message","callBack",',
    '"updated_at":[',
    ...[
      'badge_number', 'checked_in_at', 'checked_out_at', 'checked_out_by', 'checkout_via', 'consent_at', 'decided_at', 'decided_by',
      'decline_reason', 'device_id', 'host_contacted', 'host_name', 'id_consent_at', 'id_number', 'id_number_masked', 'lang', 'mobile',
      'notes', 'overstay_alerted_at', 'party_size', 'pass_number', 'purpose', 'redacted_at', 'registered_at', 'registered_by', 'source',
      'status', 'tenant_id', 'vehicle_plate', 'visitor_name', 'watch_matches', 'kind', 'name', 'created_at', 'created_by', 'updated_at',
      'signed_at', 'signed_by', 'at', 'text', 'outcome', 'id',
    ].map((c) => `"${c}":null,`),
    '"watch_matches":"[]",',
  ].join('\n'),
  'utf8',
);

// Small windows and output chunks: payloads are a few hundred bytes, and zlib's per-call set-up is most of the cost.
const ZLIB = { windowBits: 12, memLevel: 5, level: 9, chunkSize: 1024 } as const;

/** Codec byte first: 0 = the canonical JSON as UTF-8, 1 = deflate-raw with dictionary v1. */
export function encodePayload(json: string): Buffer {
  const plain = Buffer.from(json, 'utf8');
  if (plain.length >= 48) {
    const packed = zlib.deflateRawSync(plain, { ...ZLIB, dictionary: DICTIONARY_V1 });
    if (packed.length + 1 < plain.length + 1) return Buffer.concat([Buffer.from([1]), packed]);
  }
  return Buffer.concat([Buffer.from([0]), plain]);
}

export class PayloadUnreadableError extends Error {}

/** The canonical JSON text a stored payload holds. */
export function decodePayloadText(stored: Buffer | Uint8Array): string {
  const bytes = Buffer.isBuffer(stored) ? stored : Buffer.from(stored);
  if (bytes.length === 0) throw new PayloadUnreadableError('empty payload');
  const body = bytes.subarray(1);
  switch (bytes[0]) {
    case 0:
      return body.toString('utf8');
    case 1:
      try {
        return zlib.inflateRawSync(body, { windowBits: ZLIB.windowBits, chunkSize: ZLIB.chunkSize, dictionary: DICTIONARY_V1 }).toString('utf8');
      } catch (error) {
        throw new PayloadUnreadableError(`cannot be inflated: ${(error as Error).message}`);
      }
    default:
      throw new PayloadUnreadableError(`unknown codec ${bytes[0]}`);
  }
}

export function decodePayload(stored: Buffer | Uint8Array): unknown {
  const text = decodePayloadText(stored);
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadUnreadableError('not JSON');
  }
}

/** The digest of a payload the chain's link covers: SHA-256 of its canonical JSON, first 16 bytes. */
export function payloadDigest(json: string): Buffer {
  return crypto.createHash('sha256').update(json, 'utf8').digest().subarray(0, 16);
}

/** What a redaction writes into an image: the redacted columns' values blanked (null). */
export function blankImage(op: Op, payload: unknown, columns: readonly string[]): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Row = { ...(payload as Row) };
  let changed = false;
  for (const column of columns) {
    if (!(column in out)) continue;
    const value = out[column];
    if (op === 'update' && Array.isArray(value)) {
      if (value[0] !== null || value[1] !== null) {
        out[column] = [null, null];
        changed = true;
      }
    } else if (value !== null) {
      out[column] = null;
      changed = true;
    }
  }
  return changed ? out : payload;
}
