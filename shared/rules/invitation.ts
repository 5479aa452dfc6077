// What an invitation code looks like: `LDI-` + the invitation's number + `-` + an 8-character tag, both in Crockford
// base32 (no I, L, O, U: a typed O is read as 0, I and L as 1). The tag is a keyed MAC made in the main process
// (`main/core/expected/invitation.ts`); this file only formats and reads the text, for both sides.

export const INVITATION_PREFIX = 'LDI-';
export const INVITATION_TAG_LENGTH = 8;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function base32(value: number, minLength = 1): string {
  let n = Math.floor(value);
  let out = '';
  do {
    out = ALPHABET[n % 32] + out;
    n = Math.floor(n / 32);
  } while (n > 0);
  return out.padStart(minLength, '0');
}

export function base32Bytes(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

export function formatInvitationCode(number: number, tag: string): string {
  return `${INVITATION_PREFIX}${base32(number, 4)}-${tag}`;
}

export type InvitationText = { kind: 'code'; number: number; tag: string } | { kind: 'invalid' };

/** Reads a typed or scanned code: case, width, spaces and dashes do not matter; O/I/L are read as 0/1/1. */
export function parseInvitationCode(raw: string): InvitationText {
  let value = raw.normalize('NFKC').toUpperCase().replace(/[\s\-_.]/g, '');
  if (value.startsWith('LDI')) value = value.slice(3);
  value = value.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(value) || value.length <= INVITATION_TAG_LENGTH || value.length > INVITATION_TAG_LENGTH + 8) return { kind: 'invalid' };
  const numberPart = value.slice(0, -INVITATION_TAG_LENGTH);
  let number = 0;
  for (const c of numberPart) number = number * 32 + ALPHABET.indexOf(c);
  if (!Number.isSafeInteger(number) || number <= 0) return { kind: 'invalid' };
  return { kind: 'code', number, tag: value.slice(-INVITATION_TAG_LENGTH) };
}

/** Whether a burst of keys from a keyboard-wedge scanner is an invitation (rather than a visitor pass). */
export function looksLikeInvitation(value: string): boolean {
  return value.normalize('NFKC').toUpperCase().trim().startsWith(INVITATION_PREFIX);
}

/** Minutes after local midnight of 'HH:mm' (24:00 allowed as the end of the day). */
export function minutesOfTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
