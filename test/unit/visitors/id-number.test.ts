import { describe, expect, it } from 'vitest';
import { idCheckCharacter, idNumberProblem, isValidIdNumber, maskDocumentNumber, maskIdNumber, normalizeIdNumber, upgradeLegacyIdNumber } from '../../../shared/rules/id-number';
import { translate } from '../../../main/core/i18n';
import { idNumber, vehiclePlate } from '../../../shared/contract/visitors';

describe('ID numbers (GB 11643)', () => {
  it('V-1 accepts numbers whose check character matches, including X', () => {
    for (const id of ['11010519491231002X', '440524188001010014', '110101199003074477', '44030419850615231X']) {
      expect(isValidIdNumber(id)).toBe(true);
    }
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
  });

  it('V-1 refuses a wrong check character, a wrong X, a bad date, a 15-digit old number and other shapes', () => {
    for (const id of [
      '110105194912310021', // check should be X
      '11010519491231002Y',
      '440524188001010013', // check should be 4
      '110101199003074478',
      '44030419850615231Ｙ',
      '110101199002304471', // 30 February
      '110101199013074477', // month 13
      '010101199003074477', // region cannot start with 0
      '320311770706001', // 15 digits (pre-1999 numbers are no longer valid ID cards)
      '11010119900307447',
      '',
      'X10101199003074477',
    ]) {
      expect(isValidIdNumber(id), id).toBe(false);
    }
  });

  it('V-1 full-width digits, a lower-case x and spaces are normalised before checking', () => {
    expect(normalizeIdNumber('１１０１０５ １９４９１２３１ ００２ｘ')).toBe('11010519491231002X');
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(idNumber().parse('４４０５２４１８８００１０１００１４')).toBe('440524188001010014');
    expect(idNumber().safeParse('110105194912310021').success).toBe(false);
    expect(idNumber().safeParse('110105194912310021').error?.issues[0]?.message).toBe('errors:field.idNumber');
  });

  it('X-3 V-1 each mistake has its own message: an old 15-digit number, a wrong length (17 or 19), other characters, an impossible date, a check character', () => {
    const cases: Array<[string, string | null, string]> = [
      ['320311770706001', 'legacy', '这是 15 位旧身份证号码（第一代身份证已于 2013 年停用），请输入现行的 18 位号码。'],
      ['11010519491231002', 'length', '身份证号码应为 18 位，现为 17 位。'],
      ['11010519491231002X1', 'length', '身份证号码应为 18 位，现为 19 位。'],
      ['1101051949123100ZX', 'format', '身份证号码由 17 位数字和最后一位数字或 X 组成。'],
      ['110101199002304471', 'date', '身份证号码中的出生日期无效。'],
      ['110105194912310021', 'check', '身份证号码无效（校验位不符）。'],
      ['11010519491231002X', null, ''],
    ];
    for (const [value, problem, zh] of cases) {
      expect(idNumberProblem(value), value).toBe(problem);
      const parsed = idNumber().safeParse(value);
      expect(parsed.success, value).toBe(problem === null);
      if (parsed.success) continue;
      const issue = parsed.error.issues[0] as unknown as { message: string; params?: Record<string, unknown> };
      expect(translate('zh-CN', issue.message, issue.params), value).toBe(zh);
    }
    const length = idNumber().safeParse('11010519491231002').error!.issues[0] as unknown as { message: string; params: Record<string, unknown> };
    expect(translate('en', length.message, length.params)).toBe('An ID number has 18 characters; this one has 17.');
    expect(translate('en', 'errors:field.idNumberLegacy')).toMatch(/old 15-digit ID number/);
  });

  it('V-6 a first-generation number converts by the GB 11643 rule (for matching only); other documents are masked to at most half', () => {
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(upgradeLegacyIdNumber('110105491331002')).toBeNull(); // month 13
    expect(upgradeLegacyIdNumber('11010549123100')).toBeNull();
    expect(maskDocumentNumber('E12345678')).toBe('E******78');
    expect(maskDocumentNumber('H1234')).toBe('*****');
    expect(maskDocumentNumber('110105491231002')).toBe('1101*******1002');
  });

  it('V-1 shows only the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('1101**********002X');
  });

  it('V-1 licence plates: ordinary and new-energy plates, spaces and lower case tolerated', () => {
    expect(vehiclePlate().parse('粤b 12345')).toBe('粤B12345');
    expect(vehiclePlate().parse('沪AD12345')).toBe('沪AD12345');
    expect(vehiclePlate().parse('京A·1234学')).toBe('京A1234学');
    expect(vehiclePlate().safeParse('AB12345').success).toBe(false);
    expect(vehiclePlate().safeParse('粤I12345').success).toBe(false);
  });
});
