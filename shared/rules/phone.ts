// Telephone numbers as people type them (full-width digits from a Chinese IME, spaces, dashes, brackets, a +86
// or 0086 country prefix, an extension after 转 / ext / x / #) and the forms the product stores and compares.
// The one place that knows these shapes: the contract's fields, the watch list, the directory's caller lookup
// and the notification targets all use it.

/** A mainland mobile number as stored: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

const EXTENSION = /(?:转|ext\.?|x|#)\s*\d{1,6}$/i;

/** What the mobile field stores: NFKC, trimmed, no spaces or dashes, no +86 before a mobile number. */
export function mobileInput(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/[\s-]/g, '')
    .replace(/^(?:\+?86|0086)(?=1\d{10}$)/, '');
}

/** What a phone field stores: NFKC, trimmed, without spaces and brackets (dashes and the extension stay). */
export function phoneInput(value: string): string {
  return value.normalize('NFKC').trim().replace(/[\s()（）]/g, '');
}

/** The digits of a mobile number for comparing: every non-digit dropped, no 86 / 0086 before a mobile. */
export function mobileKey(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\D/g, '')
    .replace(/^(?:0086|86)(?=1\d{10}$)/, '');
}

/**
 * The digits that identify a line, for comparing any number: no separators, no extension, no country prefix
 * (86 13800138000 → 13800138000; 0086 21 62345678 → 02162345678).
 */
export function phoneKey(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(EXTENSION, '')
    .replace(/\D/g, '')
    .replace(/^(?:0086|86)(?=1\d{10}$)/, '')
    .replace(/^(?:0086|86)(?=[2-9]\d{8,10}$)/, '0');
}
