// Resident identity card numbers (居民身份证号码, GB 11643-1999): 17 digits and a check character (0–9 or X).
// Both sides use these: the desk and visitor forms validate as the visitor types, the core again on save.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;

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

/** A well-formed 18-character number: region, a real birth date from 1800 on, sequence, matching check character. */
export function isValidIdNumber(value: string): boolean {
  const id = normalizeIdNumber(value);
  const match = SHAPE.exec(id);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1800) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return idCheckCharacter(id.slice(0, 17)) === id[17];
}

/** What screens and print-outs show: the first 4 and last 4 characters, e.g. 1101**********001X. */
export function maskIdNumber(value: string): string {
  const id = normalizeIdNumber(value);
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
