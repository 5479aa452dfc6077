// The keyboard-wedge burst (V-4): read from physical keys, so a Chinese input method cannot spoil a scan.
import { describe, expect, it } from 'vitest';
import { characterOf, WedgeBurst, type WedgeKey } from '../../../renderer/src/ui/wedge-keys';

/** The keys a scanner sends for `text`, as an input method reports them: key "Process", the physical code kept. */
function scannerKeys(text: string, underIme: boolean): WedgeKey[] {
  const keys: WedgeKey[] = [];
  for (const ch of text) {
    let code: string;
    let shiftKey = false;
    if (/[A-Z]/.test(ch)) [code, shiftKey] = [`Key${ch}`, true];
    else if (/[a-z]/.test(ch)) code = `Key${ch.toUpperCase()}`;
    else if (/\d/.test(ch)) code = `Digit${ch}`;
    else if (ch === '-') code = 'Minus';
    else throw new Error(ch);
    if (shiftKey) keys.push({ code: 'ShiftLeft', key: 'Shift', shiftKey: true });
    keys.push({ code, key: underIme ? 'Process' : ch, shiftKey });
  }
  keys.push({ code: 'Enter', key: underIme ? 'Process' : 'Enter', shiftKey: false });
  return keys;
}

describe('wedge burst', () => {
  it('V-4 a scan typed through an active Chinese input method (key = Process) is read from the physical keys', () => {
    for (const underIme of [false, true]) {
      const burst = new WedgeBurst();
      let out: string | null = null;
      scannerKeys('LDV-1203-004', underIme).forEach((k, i) => (out = burst.feed(k, 1000 + i * 4) ?? out));
      expect(out).toBe('LDV-1203-004');
    }
  });

  it('V-4 typing by hand (slow keys) is not a scan; a pause starts a new burst', () => {
    const burst = new WedgeBurst();
    const results = scannerKeys('LDV-1203-004', true).map((k, i) => burst.feed(k, 1000 + i * 120));
    expect(results.every((r) => r === null)).toBe(true);
    const second = new WedgeBurst();
    second.feed({ code: 'KeyX', key: 'x', shiftKey: false }, 0);
    const keys = scannerKeys('LDV-0101-001', true);
    let out: string | null = null;
    keys.forEach((k, i) => (out = second.feed(k, 5000 + i * 5) ?? out));
    expect(out).toBe('LDV-0101-001');
  });

  it('V-4 characters from codes: letters with and without Shift, digits, the numpad, punctuation; nothing for an IME key without a code', () => {
    expect(characterOf({ code: 'KeyL', key: 'Process', shiftKey: true })).toBe('L');
    expect(characterOf({ code: 'KeyL', key: 'ㄌ', shiftKey: false })).toBe('l');
    expect(characterOf({ code: 'Digit4', key: 'Process', shiftKey: false })).toBe('4');
    expect(characterOf({ code: 'Numpad7', key: '7', shiftKey: false })).toBe('7');
    expect(characterOf({ code: 'Minus', key: '－', shiftKey: false })).toBe('-');
    expect(characterOf({ code: '', key: 'Process', shiftKey: false })).toBeNull();
    expect(characterOf({ code: '', key: 'a', shiftKey: false })).toBe('a');
  });
});
