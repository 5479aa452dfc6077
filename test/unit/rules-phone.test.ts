import { describe, expect, it } from 'vitest';
import { mobileInput, mobileKey, phoneInput, phoneKey, MOBILE } from '../../shared/rules/phone';
import { mobile, phone } from '../../shared/contract/fields';

describe('shared/rules/phone: the one normaliser of telephone numbers', () => {
  it('V-1 a mobile typed with full-width digits, spaces, dashes or a country prefix is stored as 11 digits', () => {
    for (const typed of ['１３８ ００１３-８０００', '+86 138-0013-8000', '8613800138000', '0086 13800138000', ' 13800138000 ']) {
      expect(mobileInput(typed)).toBe('13800138000');
      expect(mobile().parse(typed)).toBe('13800138000');
    }
    expect(MOBILE.test(mobileInput('12800138000'))).toBe(false);
    expect(mobile().safeParse('12800138000').success).toBe(false);
  });

  it('V-6 the watch list compares mobiles by their digits whatever separators were typed', () => {
    expect(mobileKey('138.0013.8000')).toBe('13800138000');
    expect(mobileKey('(+86) 138 0013 8000')).toBe('13800138000');
    // A landline keeps its digits (no prefix is taken off a number that is not a mobile).
    expect(mobileKey('86-21-62345678')).toBe('862162345678');
  });

  it('P-3 a caller number finds the same line with or without extension, brackets or country code', () => {
    expect(phoneKey('021-6234 5678转806')).toBe('02162345678');
    expect(phoneKey('0086 21 62345678')).toBe('02162345678');
    expect(phoneKey('+86 13800138000 ext. 12')).toBe('13800138000');
    expect(phoneKey('４００-８２０-８８２０')).toBe('4008208820');
    expect(phoneInput('(021) 6234-5678')).toBe('0216234-5678');
    expect(phone().parse('（021）6234-5678 转 806')).toBe('0216234-5678转806');
    expect(phone().safeParse('call me').success).toBe(false);
  });
});
