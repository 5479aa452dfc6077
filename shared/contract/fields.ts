// Field schemas every feature reuses. Messages are i18n keys (namespace `errors`), translated where shown.
import { MOBILE, mobileInput, phoneInput } from '../rules/phone';
import { z } from 'zod';

// C0/C1 control characters except tab, LF, CR (allowed only in multi-line text), and the bidirectional
// embedding/override/isolate controls, which can make a name display as something else (U+202A–E, U+2066–9).
// eslint-disable-next-line no-control-regex -- control characters are exactly what these refuse
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function wellFormed(value: string): boolean {
  // Unpaired UTF-16 surrogates cannot be stored or shown faithfully.
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value);
}

/** Full-width digits and letters to ASCII, and trimmed (what a Chinese IME types). */
export function normalizeInput(value: string): string {
  return value.normalize('NFKC').trim();
}

interface TextOptions {
  min?: number;
  multiline?: boolean;
}

/** A trimmed string of at most `max` characters, without control characters. */
export function text(max: number, options: TextOptions = {}) {
  const control = options.multiline ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE;
  let schema = z
    .string({ error: 'errors:field.text' })
    .max(max * 4, { error: 'errors:field.tooLong' }) // cheap guard before normalising megabytes
    .refine(wellFormed, { error: 'errors:field.malformed' })
    .overwrite((v) => v.normalize('NFC').trim())
    .refine((v) => !control.test(v), { error: 'errors:field.control' })
    .refine((v) => [...v].length <= max, { error: 'errors:field.tooLong', params: { max } });
  if (options.min) {
    schema = schema.refine((v) => v.length >= (options.min ?? 1), { error: 'errors:field.required' });
  }
  return schema;
}

/** A non-empty single line. */
export const required = (max: number) => text(max, { min: 1 });

/** A person's name: 1–50 characters (Chinese, Latin, rare CJK like 𠮷 all fine). */
export const personName = () => required(50);

/** Mainland mobile number; accepts full-width digits, spaces, dashes and a +86 prefix; stored as 11 digits. */
export const mobile = () =>
  z
    .string({ error: 'errors:field.mobile' })
    .max(40, { error: 'errors:field.mobile' })
    .overwrite(mobileInput)
    .regex(MOBILE, { error: 'errors:field.mobile' });

/** Any telephone number a caller might give: mobile, landline with area code, extension, 400 numbers. */
export const phone = () =>
  z
    .string({ error: 'errors:field.phone' })
    .max(40, { error: 'errors:field.phone' })
    .overwrite(phoneInput)
    .regex(/^\+?\d[\d-]{4,22}\d(?:(?:转|ext\.?|x|#)\d{1,6})?$/i, { error: 'errors:field.phone' });

/** A PIN of 4 to 8 digits (full-width digits accepted). */
export const pin = () =>
  z
    .string({ error: 'errors:field.pin' })
    .max(32, { error: 'errors:field.pin' })
    .overwrite((v) => normalizeInput(v))
    .regex(/^\d{4,8}$/, { error: 'errors:field.pin' });

/** Record ids are ULIDs: sortable, unique across desks and buildings. */
export const id = () => z.string({ error: 'errors:field.id' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: 'errors:field.id' });

/** Epoch milliseconds (UTC). */
export const epochMs = () =>
  z.number({ error: 'errors:field.time' }).int({ error: 'errors:field.time' }).min(0).max(8.64e15);

export const timeZone = () =>
  z
    .string({ error: 'errors:field.timeZone' })
    .max(64)
    .refine(
      (tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      },
      { error: 'errors:field.timeZone' },
    );

export const language = () => z.enum(['zh-CN', 'en'], { error: 'errors:field.language' });

/** A page of a list: newest first unless the method says otherwise. */
export const paging = {
  limit: z.number().int().min(1).max(500).default(100),
  before: z.string().max(64).optional(),
};

export const empty = () => z.strictObject({});
export const ok = () => z.object({ ok: z.literal(true) });
