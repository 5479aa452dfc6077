// Keyboard-wedge scanners type a code and Enter within a few milliseconds per key. With a Chinese input method
// active, the keys' `key` is "Process" (or the IME turns letters into candidates), so a scan is read from the
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

/** Keys closer together than this belong to one scan (a scanner: ≤ ~10 ms; a person: ≥ ~30 ms, usually far more). */
export const WEDGE_GAP_MS = 40;
export const WEDGE_MIN_LENGTH = 4;

/** Collects one burst of keys; `feed` answers the scanned text when Enter ends a burst, else null. */
export class WedgeBurst {
  private text = '';
  private last = -Infinity;
  private fast = true;

  feed(e: WedgeKey, at: number): string | null {
    if (/^(Shift|Control|Alt|Meta)/.test(e.code) || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(e.key)) return null;
    const gap = at - this.last;
    this.last = at;
    if (gap > WEDGE_GAP_MS * 2.5) {
      this.text = '';
      this.fast = true;
    } else if (this.text && gap > WEDGE_GAP_MS) this.fast = false;
    if (isEnter(e)) {
      const text = this.text;
      const fast = this.fast && gap <= WEDGE_GAP_MS * 2.5;
      this.text = '';
      this.fast = true;
      return fast && text.length >= WEDGE_MIN_LENGTH ? text : null;
    }
    const ch = characterOf(e);
    if (ch === null) return null;
    this.text += ch;
    return null;
  }

  /** Whether keys are arriving as a burst right now (so an input can hold back its own Enter). */
  get active(): boolean {
    return this.text.length > 0;
  }
}
