import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isValidIdNumber, maskIdNumber, normalizeIdNumber } from '../../../shared/rules/id-number';
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
