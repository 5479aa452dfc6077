// Masking personal data on sheets that outlive the records they were made from: the signed handover and the frozen
// work diary are snapshots kept for ever (they cannot be redacted after the visitor retention period, V-7), and the
// guard reads them. A name is shown as its first character with the rest starred, runs of seven or more digits
// (phone numbers, ID numbers typed into free text) are starred out.

/** `张三` → `张*`, `欧阳娜娜` → `欧***`, `John Smith` → `J*** S****`; at most 3 stars per word. */
export function maskPersonName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .map((word) => {
      const chars = [...word];
      if (chars.length <= 1) return word;
      return chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
    })
    .join(' ');
}

/** Runs of seven or more digits (spaces and hyphens between them allowed, full-width too) become `****`. */
export function maskDigitRuns(text: string): string {
  return text.replace(/[0-9０-９](?:[\s\-－]?[0-9０-９]){6,}/g, '****');
}

/** The first `max` characters of a free text on one line, with `…` when cut, digit runs masked. */
export function privateExcerpt(text: string, max = 40): string {
  const line = maskDigitRuns(text).replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : line;
}

/** `13800138000` → `138****8000`, `021-6234 5678` → `021****5678`: the first 3 and last 4 digits of a number. */
export function maskPhoneNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
