// What never reaches a log (X-1, V-7): PINs, session and device tokens, pairing codes, passwords, full ID numbers.
// Applied to every message and field before it is written, whoever logs it (the core, the server, the shell),
// so a careless `logger.error('…', { input })` cannot leak them either. Pure.

/** Field names whose values are never logged, whatever they hold (compared without case, `-` and `_`). */
const SECRET_KEYS = new Set(['pin', 'pins', 'passcode', 'authorization', 'cookie', 'pairingcode', 'idnumber', 'idcard', 'apikey']);

export const REDACTED = '[redacted]';

function isSecretKey(key: string): boolean {
  const plain = key.toLowerCase().replace(/[-_]/g, '');
  return SECRET_KEYS.has(plain) || plain.endsWith('token') || plain.endsWith('pin') || plain.endsWith('secret') || plain.endsWith('password');
}

// A mainland ID number (18 characters, the last may be X; or the old 15 digits), standing alone or inside text.
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
// Long runs of digits (ID numbers written with separators removed, bank cards, phone numbers glued to text).
const LONG_DIGITS = /\d{15,}/g;
// Bearer credentials in a header value or a message.
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
// Random tokens: 32+ characters of base64url that mix upper and lower case the way random bytes do.
// ULIDs (upper case only), hashes (lower-case hex) and names like before-restore-2026-12-03T13-43-39-428Z stay
// readable: they are what a support person looks for.
const TOKEN_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const looksRandom = (run: string) => count(run, /[A-Z]/g) >= 3 && count(run, /[a-z]/g) >= 3;
// Pairing codes as they are shown, XXXX-XXXX from the code alphabet (no 0, 1, I, O).
const PAIRING_CODE = /(?<![A-Za-z0-9])[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}(?![A-Za-z0-9])/g;

/** A string as it may be logged: ID numbers kept to their first 3 and last 2 characters, tokens blanked. */
export function scrubText(text: string): string {
  return text
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(ID_NUMBER, (match: string) => `${match.slice(0, 3)}${'*'.repeat(match.length - 5)}${match.slice(-2)}`)
    .replace(LONG_DIGITS, (match) => `${match.slice(0, 3)}…(${match.length} digits)`)
    .replace(TOKEN_RUN, (run) => (looksRandom(run) ? REDACTED : run))
    .replace(PAIRING_CODE, REDACTED);
}

/** Fields as they may be logged: secret keys blanked at any depth, every string scrubbed, errors as text. */
export function scrubFields(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[too deep]';
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return scrubText(value.stack ?? `${value.name}: ${value.message}`);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubFields(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = isSecretKey(key) ? REDACTED : scrubFields(v, depth + 1);
    return out;
  }
  return value;
}
