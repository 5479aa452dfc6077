// The keys of a keyboard-wedge scan (for the one wedge hook, wedge.ts). Scanners type a code and Enter within a
// few milliseconds per key. With a Chinese input method active, the keys' `key` is "Process" (or the IME turns letters into candidates), so a scan is read from the
// physical keys instead: `KeyboardEvent.code` (KeyL, Digit1, Minus) and Shift, which no input method changes.

const SHIFTED_DIGITS = ')!@#$%^&*(';
const PUNCTUATION: Record<string, [string, string]> = {
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Slash: ['/', '?'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
  NumpadDecimal: ['.', '.'],
  NumpadDivide: ['/', '/'],
  NumpadMultiply: ['*', '*'],
};

export interface WedgeKey {
  code: string;
  key: string;
  shiftKey: boolean;
}

/** The character a key stands for on a US layout (what scanners emulate), or null for keys that type nothing. */
export function characterOf(e: WedgeKey): string | null {
  const letter = /^Key([A-Z])$/.exec(e.code);
  if (letter) return e.shiftKey ? letter[1]! : letter[1]!.toLowerCase();
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code);
  if (digit) return e.shiftKey && e.code.startsWith('Digit') ? SHIFTED_DIGITS[Number(digit[1])]! : digit[1]!;
  const punctuation = PUNCTUATION[e.code];
  if (punctuation) return e.shiftKey ? punctuation[1] : punctuation[0];
  // No physical code (synthetic or exotic keyboards): the key itself, unless an input method is composing.
  return !e.code && e.key.length === 1 ? e.key : null;
}

export const isEnter = (e: Pick<WedgeKey, 'code' | 'key'>) => e.code === 'Enter' || e.code === 'NumpadEnter' || (!e.code && e.key === 'Enter');

/**
 * A scanner types at ≤ ~10 ms a key, a person at ≥ ~30 ms and usually far slower. A burst's keys must average at
 * most WEDGE_GAP_MS apart; a pause longer than WEDGE_RESET_MS (a busy page can stall one key) starts a new burst.
 */
export const WEDGE_GAP_MS = 30;
export const WEDGE_RESET_MS = 120;
export const WEDGE_MIN_LENGTH = 4;

/** Collects one burst of keys; `feed` answers the scanned text when Enter ends a burst, else null. */
export class WedgeBurst {
  private text = '';
  private first = 0;
  private last = -Infinity;
  private keys = 0;

  feed(e: WedgeKey, at: number): string | null {
    if (/^(Shift|Control|Alt|Meta)/.test(e.code) || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) return null;
    if (at - this.last > WEDGE_RESET_MS) {
      this.text = '';
      this.keys = 0;
      this.first = at;
    }
    this.last = at;
    this.keys += 1;
    if (isEnter(e)) {
      const text = this.text;
      const averageGap = this.keys > 1 ? (at - this.first) / (this.keys - 1) : Infinity;
      this.text = '';
      this.keys = 0;
      this.last = -Infinity;
      return averageGap <= WEDGE_GAP_MS && text.length >= WEDGE_MIN_LENGTH ? text : null;
    }
    const ch = characterOf(e);
    if (ch !== null) this.text += ch;
    return null;
  }
}
