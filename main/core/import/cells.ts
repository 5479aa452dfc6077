// A spreadsheet cell as the text a person saw in it. Numbers keep what their number format shows: a landline
// typed as 02162345678 into a cell formatted 00000000000 is stored as the number 2162345678, and only its format
// says the zero is there.

/** Column number (1-based) as Excel letters: 1 → A, 16384 → XFD. */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

type Token = { digit: '0' | '#' | '?' } | { text: string };

/** The tokens of a format's first section when it is a plain integer pattern (digits and literals), else null. */
function integerPattern(format: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch === ';') break; // the first section is the one for positive numbers
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) return null;
      tokens.push({ text: format.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\') {
      if (i + 1 >= format.length) return null;
      tokens.push({ text: format[i + 1]! });
      i += 2;
    } else if (ch === '_') {
      tokens.push({ text: ' ' }); // the width of the next character: a space
      i += 2;
    } else if (ch === '*') {
      i += 2; // fill: nothing in text
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      if (end < 0) return null;
      if (!/^\[(red|black|blue|cyan|green|magenta|white|yellow|color\s*\d+)\]$/i.test(format.slice(i, end + 1))) return null;
      i = end + 1;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      tokens.push({ digit: ch });
      i += 1;
    } else if (' -()/+:'.includes(ch)) {
      tokens.push({ text: ch });
      i += 1;
    } else {
      return null; // decimals, thousands, percent, exponents, dates, text: not a plain integer pattern
    }
  }
  return tokens.some((t) => 'digit' in t) ? tokens : null;
}

/** An integer shown with an integer number format (`00000000000`, `"0"##########`, `000-0000-0000`), or null. */
export function formatInteger(value: number, format: string | undefined): string | null {
  if (!format || !Number.isSafeInteger(value) || value < 0) return null;
  const tokens = integerPattern(format);
  if (!tokens) return null;
  let digits = String(value);
  if (digits === '0') digits = '';
  const placeholders = tokens.filter((t) => 'digit' in t).length;
  let out = '';
  let seen = 0;
  for (let k = tokens.length - 1; k >= 0; k -= 1) {
    const token = tokens[k]!;
    if ('text' in token) {
      out = token.text + out;
      continue;
    }
    seen += 1;
    if (seen === placeholders) {
      // The leftmost placeholder takes every digit still left.
      const rest = digits;
      digits = '';
      out = (rest || (token.digit === '0' ? '0' : token.digit === '?' ? ' ' : '')) + out;
    } else if (digits.length > 0) {
      out = digits.slice(-1) + out;
      digits = digits.slice(0, -1);
    } else {
      out = (token.digit === '0' ? '0' : token.digit === '?' ? ' ' : '') + out;
    }
  }
  return out.trim();
}

/** The value of a cell as read by exceljs (string, number, boolean, Date, rich text, formula, error) as text. */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatInteger(value, numFmt) ?? String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('result' in v) return cellText(v.result, numFmt);
    if (typeof v.text === 'string') return v.text;
  }
  return '';
}
