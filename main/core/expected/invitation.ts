// Invitation codes (V-8): `LDI-<number>-<tag>`, the tag a truncated HMAC-SHA256 of the number and the invitation's
// revision under `keys.key('invitations')` — a key kept outside the database. A code cannot be guessed (40 bits of
// tag), altered (any change breaks the tag), or reused after the desk re-issued the invitation (the revision moved).
import crypto from 'node:crypto';
import type { KeyRing } from '../keyring';
import { base32Bytes, formatInvitationCode, INVITATION_TAG_LENGTH, parseInvitationCode } from '../../../shared/rules/invitation';

function tagOf(keys: KeyRing, number: number, revision: number): string {
  const mac = crypto.createHmac('sha256', keys.key('invitations')).update(`invitation:${number}:${revision}`).digest();
  return base32Bytes(mac, INVITATION_TAG_LENGTH);
}

export function invitationCode(keys: KeyRing, number: number, revision: number): string {
  return formatInvitationCode(number, tagOf(keys, number, revision));
}

/** The invitation number a code names, or null when the text is not a code at all. */
export function invitationNumber(raw: string): { number: number; tag: string } | null {
  const parsed = parseInvitationCode(raw);
  return parsed.kind === 'code' ? { number: parsed.number, tag: parsed.tag } : null;
}

/** Whether the tag is this installation's for that number and revision (compared in constant time). */
export function tagMatches(keys: KeyRing, number: number, revision: number, tag: string): boolean {
  const expected = Buffer.from(tagOf(keys, number, revision));
  const given = Buffer.from(tag);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
