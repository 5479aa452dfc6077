// Resident identity card numbers (居民身份证号码, GB 11643-1999): 17 digits and a check character (0–9 or X).
// Both sides use these: the desk and visitor forms validate as the visitor types, the core again on save.
//
// A 15-digit number is a first-generation card's (GB 11643-1989, no check character). Those cards have not been
// valid since 2013, and a 15-digit number has no check character to catch a typo, so a visit refuses one with
// its own message (`legacy`) instead of converting it. The watch list, which matches a person rather than
// records a document, compares both forms (`upgradeLegacyIdNumber`).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;
const LEGACY_SHAPE = /^[1-9]\d{5}(\d{2})(\d{2})(\d{2})\d{3}$/;

/** What is wrong with a number, most basic first: its length, its characters, its date, its check character. */
export type IdNumberProblem = 'legacy' | 'length' | 'format' | 'date' | 'check';

/** Full-width digits and a lower-case x (what an IME or a card reader may produce) to the canonical form. */
export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

/** The check character GB 11643 derives from the first 17 digits (ISO 7064 MOD 11-2). */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('17 digits expected');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

function realDate(year: number, month: number, day: number): boolean {
  if (year < 1800) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Why a number is not a valid 18-character resident ID number, or null when it is one. */
export function idNumberProblem(value: string): IdNumberProblem | null {
  const id = normalizeIdNumber(value);
  if (/^\d{15}$/.test(id)) return 'legacy';
  if (id.length !== 18) return 'length';
  const match = SHAPE.exec(id);
  if (!match) return 'format';
  if (!realDate(Number(match[1]), Number(match[2]), Number(match[3]))) return 'date';
  return idCheckCharacter(id.slice(0, 17)) === id[17] ? null : 'check';
}

/** A well-formed 18-character number: region, a real birth date from 1800 on, sequence, matching check character. */
export function isValidIdNumber(value: string): boolean {
  return idNumberProblem(value) === null;
}

/**
 * The 18-character form of a first-generation 15-digit number by the GB 11643 rule (19 before the two-digit
 * year, the check character appended), or null when the value is not such a number.
 */
export function upgradeLegacyIdNumber(value: string): string | null {
  const id = normalizeIdNumber(value);
  const match = LEGACY_SHAPE.exec(id);
  if (!match || !realDate(1900 + Number(match[1]), Number(match[2]), Number(match[3]))) return null;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + idCheckCharacter(first17);
}

/** What screens and print-outs show: the first 4 and last 4 characters, e.g. 1101**********001X. */
export function maskIdNumber(value: string): string {
  const id = normalizeIdNumber(value);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * Any document number masked so that it cannot be read back: resident ID numbers (15 or 18) keep their first
 * and last four; shorter ones (passports, permits) keep the first and the last two, at least half hidden.
 */
export function maskDocumentNumber(value: string): string {
  const id = normalizeIdNumber(value);
  if (id.length >= 15) return maskIdNumber(id);
  if (id.length < 6) return '*'.repeat(id.length);
  return `${id.slice(0, 1)}${'*'.repeat(id.length - 3)}${id.slice(-2)}`;
}
