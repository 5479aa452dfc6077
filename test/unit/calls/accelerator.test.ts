import { describe, expect, it } from 'vitest';
import { isPlainKey, keyOfCode, matchesKeyStroke, parseAccelerator, type Accelerator } from '../../../shared/rules/accelerator';

function ok(text: string): Accelerator {
  const parsed = parseAccelerator(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem}`);
  return parsed.value;
}

function problem(text: string): string | null {
  const parsed = parseAccelerator(text);
  return parsed.ok ? null : parsed.problem;
}

const stroke = (code: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>> = {}) => ({
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('ring hotkey accelerators', () => {
  it('P-1 canonical form: aliases, any case, modifiers in a fixed order, full-width input', () => {
    expect(ok('f9').text).toBe('F9');
    expect(ok('shift+ctrl+k').text).toBe('Control+Shift+K');
    expect(ok('Alt + CmdOrCtrl + pgdn').text).toBe('CommandOrControl+Alt+PageDown');
    expect(ok('Ｃｔｒｌ＋Ａｌｔ＋Ｋ').text).toBe('Control+Alt+K');
    expect(ok('Super+num5').text).toBe('Super+num5');
    expect(ok('Option+Return').text).toBe('Alt+Enter');
    expect(ok('F24').key).toBe('F24');
  });

  it('P-1 refuses what cannot work, with a reason for each', () => {
    expect(problem('')).toBe('empty');
    expect(problem('   ')).toBe('empty');
    expect(problem('Ctrl+Shift')).toBe('noKey');
    expect(problem('Ctrl+A+B')).toBe('twoKeys');
    expect(problem('Ctrl+Ctrl+K')).toBe('duplicateModifier');
    expect(problem('AltGr+K')).toBe('unknownModifier');
    expect(problem('Ctrl+é')).toBe('unknownKey');
    expect(problem('Ctrl++')).toBe('unknownKey');
    expect(problem('F25')).toBe('unknownKey');
    // A key that types would be stolen from every program on the PC.
    expect(problem('K')).toBe('needsModifier');
    expect(problem('Shift+K')).toBe('needsModifier');
    expect(problem('Space')).toBe('needsModifier');
  });

  it('P-1 refuses keys the kiosk, the editing shortcuts or the desk’s own keys already use', () => {
    for (const taken of ['F5', 'F11', 'F12', 'Alt+F4', 'Ctrl+C', 'CmdOrCtrl+V', 'Ctrl+R', 'Ctrl+Alt+Delete', 'Super+L', 'F3', 'F4', 'F8', 'F10', 'Alt+1', 'Alt+Tab']) {
      expect(problem(taken), taken).toBe('reserved');
    }
    expect(problem('Ctrl+Alt+1')).toBeNull();
  });

  it('P-1 a page key press matches exactly its accelerator, by physical key, whatever the input method', () => {
    const f9 = ok('F9');
    expect(matchesKeyStroke(f9, stroke('F9'), false)).toBe(true);
    expect(matchesKeyStroke(f9, stroke('F9', { shiftKey: true }), false)).toBe(false);
    expect(matchesKeyStroke(f9, stroke('F8'), false)).toBe(false);
    const ctrlAltK = ok('CmdOrCtrl+Alt+K');
    expect(matchesKeyStroke(ctrlAltK, stroke('KeyK', { ctrlKey: true, altKey: true }), false)).toBe(true);
    expect(matchesKeyStroke(ctrlAltK, stroke('KeyK', { metaKey: true, altKey: true }), true)).toBe(true);
    expect(matchesKeyStroke(ctrlAltK, stroke('KeyK', { metaKey: true, altKey: true }), false)).toBe(false);
    expect(matchesKeyStroke(ok('Control+Shift+1'), stroke('Digit1', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(keyOfCode('NumpadEnter')).toBe('Enter');
    expect(keyOfCode('IntlRo')).toBeNull();
    expect(isPlainKey(stroke('F8'), 'F8')).toBe(true);
    expect(isPlainKey(stroke('F8', { altKey: true }), 'F8')).toBe(false);
  });
});
