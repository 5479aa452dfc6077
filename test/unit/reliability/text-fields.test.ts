// The per-case decisions for odd text: what a free-text field keeps exactly, what it normalises, and what
// it refuses with a clear message. The hostile-input test checks the same over HTTP for every method.
import { describe, expect, it } from 'vitest';
import { personName, text, mobile, pin } from '../../../shared/contract/fields';

const name = personName();
const note = text(500, { multiline: true });

function verdict(schema: typeof name, value: string): { kept: string } | { refused: string } {
  const result = schema.safeParse(value);
  return result.success ? { kept: result.data } : { refused: result.error.issues[0]!.message };
}

describe('odd text in free-text fields', () => {
  it('X-3 rare CJK, emoji (joined sequences too), full-width characters and combining marks are kept exactly (NFC)', () => {
    expect(verdict(name, '𠮷野家')).toEqual({ kept: '𠮷野家' });
    expect(verdict(name, '👩‍💼前台😀')).toEqual({ kept: '👩‍💼前台😀' });
    expect(verdict(name, '１３８号 ＡＢＣ')).toEqual({ kept: '１３８号 ＡＢＣ' });
    expect(verdict(name, 'Zoe\u0301')).toEqual({ kept: 'Zoé' });
  });

  it('X-3 SQL fragments, markup and template syntax are just text: kept as typed (queries are parameterised, React escapes)', () => {
    for (const value of ["x'; DROP TABLE staff; --", '<script>alert(1)</script>', '${7*7}{{7*7}}', '%_%', '__proto__']) {
      expect(verdict(name, value)).toEqual({ kept: value });
    }
  });

  it('X-3 control characters, line separators, bidirectional overrides and unpaired surrogates are refused with a message key', () => {
    expect(verdict(name, 'a\u0000b')).toEqual({ refused: 'errors:field.control' });
    expect(verdict(name, '\u001b[31mred')).toEqual({ refused: 'errors:field.control' });
    expect(verdict(name, 'a\u2028b')).toEqual({ refused: 'errors:field.control' });
    expect(verdict(name, 'abc\u202edef')).toEqual({ refused: 'errors:field.control' });
    expect(verdict(name, 'abc\u2067def')).toEqual({ refused: 'errors:field.control' });
    expect(verdict(name, 'a\ud800')).toEqual({ refused: 'errors:field.malformed' });
    expect(verdict(name, '\udc00b')).toEqual({ refused: 'errors:field.malformed' });
    // Multi-line text keeps line breaks and tabs, still refuses the rest.
    expect(verdict(note, '第一行\r\n第二行\t完')).toEqual({ kept: '第一行\r\n第二行\t完' });
    expect(verdict(note, 'abc\u202edef')).toEqual({ refused: 'errors:field.control' });
  });

  it('X-3 length counts characters, not UTF-16 units; blank is empty; a leading BOM is trimmed', () => {
    expect(verdict(name, '𠮷'.repeat(50))).toEqual({ kept: '𠮷'.repeat(50) });
    expect(verdict(name, '𠮷'.repeat(51))).toEqual({ refused: 'errors:field.tooLong' });
    expect(verdict(name, '   ')).toEqual({ refused: 'errors:field.required' });
    expect(verdict(name, '\ufeff李四')).toEqual({ kept: '李四' });
  });

  it('X-3 format fields normalise full-width digits (what a Chinese IME types)', () => {
    expect(mobile().parse('１３８ ００１３ ８０００')).toBe('13800138000');
    expect(pin().parse('２４６８')).toBe('2468');
    expect(mobile().safeParse('138\u0000001380000').success).toBe(false);
  });
});
